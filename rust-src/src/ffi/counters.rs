//! Live-object counters: objects handed out to the caller and not yet freed.

use std::sync::atomic::{AtomicU64, Ordering};

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
