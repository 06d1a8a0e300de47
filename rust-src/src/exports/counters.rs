//! Diagnostics: the live-object counts.

use crate::ffi::boundary::status_boundary;
use crate::ffi::counters::{live_counts, FfiBridgeLiveCounts};
use crate::ffi::raw::try_write_out;

/// Writes the number of live objects of each kind to `*out`.
///
/// Returns `FFI_BRIDGE_OK`, or `FFI_BRIDGE_NULL_POINTER` if `out` is NULL.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one `FfiBridgeLiveCounts` (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_live_counts(out: *mut FfiBridgeLiveCounts) -> i32 {
    // SAFETY: forwarded caller contract for `out`.
    status_boundary(|| unsafe { try_write_out(out, live_counts()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Exact counts are checked in tests/counters.rs, a binary of its own: unit tests run in
    // parallel threads and share these counters.

    #[test]
    fn null_out_is_rejected() {
        // SAFETY: NULL is an allowed argument.
        let status = unsafe { ffi_bridge_live_counts(std::ptr::null_mut()) };
        assert_eq!(status, -1);
    }

    #[test]
    fn writes_to_an_unaligned_out() {
        let mut storage = [0xAA_u8; 40];
        let out = storage[1..].as_mut_ptr().cast::<FfiBridgeLiveCounts>();
        // SAFETY: `out` points at 39 writable bytes, more than size_of::<FfiBridgeLiveCounts>().
        let status = unsafe { ffi_bridge_live_counts(out) };
        assert_eq!(status, 0);
        assert_eq!(storage[33..], [0xAA; 7]);
    }

    #[test]
    fn a_panic_leaves_out_untouched() {
        let mut counts = FfiBridgeLiveCounts {
            persons: 7,
            data: 7,
            buffers: 7,
            byte_arrays: 7,
        };
        crate::ffi::boundary::inject_panic_once();
        // SAFETY: `counts` is a valid, writable FfiBridgeLiveCounts.
        let status = unsafe { ffi_bridge_live_counts(&mut counts) };
        assert_eq!(status, -7);
        assert_eq!(counts.persons, 7);
    }
}
