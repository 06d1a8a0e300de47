//! Live-object counters: objects handed out to the caller and not yet freed.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::panic::ffi_boundary;
use crate::raw::write_out;
use crate::status::{status_code, FfiResult, Status};

/// A count of live objects of one kind.
///
/// Relaxed ordering is enough: each counter is an independent statistic and never guards
/// other memory. Increments happen once an object is about to be handed out, decrements when
/// it is freed.
pub(crate) struct Counter(AtomicU64);

impl Counter {
    /// A counter at zero.
    const fn new() -> Self {
        Self(AtomicU64::new(0))
    }

    /// One more object handed out.
    #[inline]
    pub(crate) fn handed_out(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    /// One object freed.
    #[inline]
    pub(crate) fn freed(&self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }

    /// The current count.
    fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Persons from `create_person`, `ffi_bridge_person_new` and `ffi_bridge_decode_person`.
pub(crate) static PERSONS: Counter = Counter::new();
/// `Data` from `get_data`.
pub(crate) static DATA: Counter = Counter::new();
/// `FfiBridgeBuffer`s from `ffi_bridge_buffer_new_filled` and `ffi_bridge_decode_sequence`.
pub(crate) static BUFFERS: Counter = Counter::new();
/// `FfiBridgeBytes` from `ffi_bridge_encode_*` and `ffi_bridge_fill_serialized`.
pub(crate) static BYTE_ARRAYS: Counter = Counter::new();

/// Objects handed out by the library and not yet freed.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FfiBridgeLiveCounts {
    /// Live `Person`s (freed by `free_person`).
    pub persons: u64,
    /// Live `Data` (freed by `free_data`).
    pub data: u64,
    /// Live `FfiBridgeBuffer`s (freed by `ffi_bridge_buffer_free`).
    pub buffers: u64,
    /// Live `FfiBridgeBytes` (freed by `ffi_bridge_bytes_free`).
    pub byte_arrays: u64,
}

/// A snapshot of the live counters (each read atomically, independently of the others).
pub fn live_counts() -> FfiBridgeLiveCounts {
    FfiBridgeLiveCounts {
        persons: PERSONS.get(),
        data: DATA.get(),
        buffers: BUFFERS.get(),
        byte_arrays: BYTE_ARRAYS.get(),
    }
}

/// Writes the number of live objects of each kind to `*out`.
///
/// Returns `FFI_BRIDGE_OK`, or `FFI_BRIDGE_NULL_POINTER` if `out` is NULL.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one `FfiBridgeLiveCounts` (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_live_counts(out: *mut FfiBridgeLiveCounts) -> i32 {
    ffi_boundary(|| {
        let result: FfiResult<()> = if out.is_null() {
            Err(Status::FFI_BRIDGE_NULL_POINTER)
        } else {
            // SAFETY: `out` is non-null and, by the caller's contract, writable.
            unsafe { write_out(out, live_counts()) };
            Ok(())
        };
        status_code(result)
    })
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
        crate::panic::inject_panic_once();
        // SAFETY: `counts` is a valid, writable FfiBridgeLiveCounts.
        let status = unsafe { ffi_bridge_live_counts(&mut counts) };
        assert_eq!(status, -7);
        assert_eq!(counts.persons, 7);
    }
}
