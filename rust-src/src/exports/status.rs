//! Diagnostics: the message of a status code.

use std::os::raw::c_char;

use crate::ffi::boundary::ffi_boundary;
use crate::ffi::status::{FfiBridgeStatus, UNKNOWN_STATUS};

/// Returns a static NUL-terminated description of `status`, or `"unknown status"` for a value
/// that is not a status. The pointer must not be freed. (NULL only if a panic was caught,
/// which cannot happen here.)
#[no_mangle]
pub extern "C" fn ffi_bridge_status_message(status: i32) -> *const c_char {
    ffi_boundary(|| match FfiBridgeStatus::from_code(status) {
        Some(s) => s.message().as_ptr(),
        None => UNKNOWN_STATUS.as_ptr(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::status::ALL_STATUSES;
    use std::ffi::CStr;

    fn message_of(code: i32) -> String {
        let ptr = ffi_bridge_status_message(code);
        assert!(!ptr.is_null());
        // SAFETY: ffi_bridge_status_message returns a static NUL-terminated string.
        let text = unsafe { CStr::from_ptr(ptr) };
        text.to_str().unwrap().to_owned()
    }

    #[test]
    fn every_status_has_a_distinct_message() {
        let mut seen = std::collections::HashSet::new();
        for s in ALL_STATUSES {
            let m = message_of(s.code());
            assert!(!m.is_empty());
            assert_ne!(m, "unknown status");
            assert!(seen.insert(m));
        }
        assert_eq!(message_of(0), "success");
        assert_eq!(message_of(-7), "a Rust panic was caught at the boundary");
    }

    #[test]
    fn unknown_codes_have_the_unknown_message() {
        for code in [1, -9, i32::MIN, i32::MAX, 42] {
            assert_eq!(message_of(code), "unknown status");
        }
    }

    #[test]
    fn a_panic_yields_null() {
        crate::ffi::boundary::inject_panic_once();
        assert!(ffi_bridge_status_message(0).is_null());
    }
}
