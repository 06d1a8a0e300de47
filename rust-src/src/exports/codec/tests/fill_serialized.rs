//! The serialized strategy: `ffi_bridge_fill_serialized`.

use super::super::*;
use super::take_bytes;
use crate::exports::owned::FfiBridgeBytes;
use std::ptr::null_mut;

#[test]
fn fill_serialized_strategy() {
    let mut out = null_mut();
    // SAFETY: `out` is a writable slot.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(17, &mut out) }, 0);
    let encoded = take_bytes(out);
    assert_eq!(encoded[..8], 17_u64.to_le_bytes());
    for (i, chunk) in encoded[8..].chunks_exact(8).enumerate() {
        assert_eq!(chunk, (i as f64).to_le_bytes());
    }
    // SAFETY: `out` is a writable slot.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(0, &mut out) }, 0);
    assert_eq!(take_bytes(out), [0; 8]);

    let sentinel = 0x1234 as *mut FfiBridgeBytes;
    let mut out = sentinel;
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(3, null_mut()) }, -1);
    for length in [usize::MAX, isize::MAX as usize / 8] {
        // SAFETY: `out` is a writable slot; the length is rejected.
        assert_eq!(unsafe { ffi_bridge_fill_serialized(length, &mut out) }, -4);
    }
    // SAFETY: `out` is a writable slot; the allocator refuses.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(1 << 58, &mut out) }, -5);
    assert_eq!(out, sentinel);
}
