//! Status codes of the `ffi_bridge_*` functions and their static messages.

use std::ffi::CStr;

/// The status returned (as `int32_t`) by every `ffi_bridge_*` function that can fail.
///
/// The variants carry the C names so that the generated header names the constants
/// `FFI_BRIDGE_OK` … `FFI_BRIDGE_OUTPUT_LENGTH`; the values are fixed by `docs/abi.md`.
#[repr(i32)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FfiBridgeStatus {
    /// Success.
    FFI_BRIDGE_OK = 0,
    /// A required pointer was NULL.
    FFI_BRIDGE_NULL_POINTER = -1,
    /// A name is not valid UTF-8.
    FFI_BRIDGE_INVALID_UTF8 = -2,
    /// A name contains a NUL byte, so it cannot be a C string.
    FFI_BRIDGE_INTERIOR_NUL = -3,
    /// `length * 8` (or an encoded size) exceeds `PTRDIFF_MAX`.
    FFI_BRIDGE_LENGTH_OVERFLOW = -4,
    /// The allocator refused.
    FFI_BRIDGE_ALLOCATION_FAILED = -5,
    /// Encoded bytes truncated, with trailing bytes, or with an impossible length.
    FFI_BRIDGE_MALFORMED_BYTES = -6,
    /// A Rust panic was caught at the boundary (a bug; it never unwinds into the caller).
    FFI_BRIDGE_PANIC = -7,
    /// The caller's output buffer does not have the result's length (`*_into` functions).
    FFI_BRIDGE_OUTPUT_LENGTH = -8,
}

/// Shorthand used inside the crate.
pub(crate) use FfiBridgeStatus as Status;

/// The result of an internal operation: `Err` carries the status to return.
pub(crate) type FfiResult<T> = Result<T, Status>;

/// Every status, in declaration order.
pub(crate) const ALL_STATUSES: [Status; 9] = [
    Status::FFI_BRIDGE_OK,
    Status::FFI_BRIDGE_NULL_POINTER,
    Status::FFI_BRIDGE_INVALID_UTF8,
    Status::FFI_BRIDGE_INTERIOR_NUL,
    Status::FFI_BRIDGE_LENGTH_OVERFLOW,
    Status::FFI_BRIDGE_ALLOCATION_FAILED,
    Status::FFI_BRIDGE_MALFORMED_BYTES,
    Status::FFI_BRIDGE_PANIC,
    Status::FFI_BRIDGE_OUTPUT_LENGTH,
];

/// Builds a `&'static CStr` from a NUL-terminated literal, checked at compile time.
const fn cstr(bytes: &'static [u8]) -> &'static CStr {
    match CStr::from_bytes_with_nul(bytes) {
        Ok(s) => s,
        Err(_) => panic!("status message must end with exactly one NUL"),
    }
}

/// The message for a code that is not a status.
pub(crate) const UNKNOWN_STATUS: &CStr = cstr(b"unknown status\0");

impl FfiBridgeStatus {
    /// The `int32_t` value of this status.
    pub const fn code(self) -> i32 {
        self as i32
    }

    /// The status with value `code`, if there is one.
    pub fn from_code(code: i32) -> Option<Self> {
        ALL_STATUSES.into_iter().find(|s| s.code() == code)
    }

    /// The static, NUL-terminated message of this status.
    pub const fn message(self) -> &'static CStr {
        match self {
            Status::FFI_BRIDGE_OK => cstr(b"success\0"),
            Status::FFI_BRIDGE_NULL_POINTER => cstr(b"a required pointer was NULL\0"),
            Status::FFI_BRIDGE_INVALID_UTF8 => cstr(b"a name is not valid UTF-8\0"),
            Status::FFI_BRIDGE_INTERIOR_NUL => {
                cstr(b"a name contains a NUL byte, so it cannot be a C string\0")
            }
            Status::FFI_BRIDGE_LENGTH_OVERFLOW => {
                cstr(b"length * 8 (or an encoded size) exceeds PTRDIFF_MAX\0")
            }
            Status::FFI_BRIDGE_ALLOCATION_FAILED => cstr(b"the allocator refused\0"),
            Status::FFI_BRIDGE_MALFORMED_BYTES => cstr(
                b"encoded bytes truncated, with trailing bytes, or with an impossible length\0",
            ),
            Status::FFI_BRIDGE_PANIC => cstr(b"a Rust panic was caught at the boundary\0"),
            Status::FFI_BRIDGE_OUTPUT_LENGTH => {
                cstr(b"the output buffer's length is not the result's length\0")
            }
        }
    }
}

/// Converts an internal result into the `int32_t` status returned to C.
#[inline]
pub(crate) fn status_code(result: FfiResult<()>) -> i32 {
    match result {
        Ok(()) => Status::FFI_BRIDGE_OK.code(),
        Err(status) => status.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_the_abi_document() {
        let codes: Vec<i32> = ALL_STATUSES.iter().map(|s| s.code()).collect();
        assert_eq!(codes, [0, -1, -2, -3, -4, -5, -6, -7, -8]);
        for s in ALL_STATUSES {
            assert_eq!(FfiBridgeStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(FfiBridgeStatus::from_code(1), None);
        assert_eq!(FfiBridgeStatus::from_code(-9), None);
    }
}
