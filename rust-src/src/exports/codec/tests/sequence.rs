//! Sequences in library-allocated memory: round trip and errors.

use super::super::*;
use super::{decode_sequence, take_bytes};
use crate::exports::owned::{FfiBridgeBuffer, FfiBridgeBytes};
use crate::ffi_bridge_buffer_free;
use std::ptr::{null, null_mut};

#[test]
fn sequence_round_trip_from_unaligned_values() {
    let values = [0.25_f64, -8.0, 1e300, -0.0, 3.5];
    let mut storage = [0_u8; 48];
    for (chunk, v) in storage[5..45].chunks_exact_mut(8).zip(values) {
        chunk.copy_from_slice(&v.to_ne_bytes());
    }
    let ptr = storage[5..].as_ptr().cast::<f64>();
    let mut bytes = null_mut();
    // SAFETY: `ptr` has 5 readable (unaligned) doubles.
    assert_eq!(unsafe { ffi_bridge_encode_sequence(ptr, 5, &mut bytes) }, 0);
    let encoded = take_bytes(bytes);
    assert_eq!(encoded.len(), 48);

    let mut buffer = null_mut();
    assert_eq!(decode_sequence(&encoded, &mut buffer), 0);
    // SAFETY: `buffer` is a live library buffer of `length` doubles.
    let decoded = unsafe { std::slice::from_raw_parts((*buffer).data, (*buffer).length) };
    assert_eq!(
        decoded.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
    // SAFETY: `buffer` is live and freed once.
    unsafe { ffi_bridge_buffer_free(buffer) };

    let mut empty = null_mut();
    assert_eq!(decode_sequence(&[0; 8], &mut empty), 0);
    // SAFETY: `empty` is a live library buffer.
    assert!(unsafe { (*empty).data.is_null() && (*empty).length == 0 });
    // SAFETY: `empty` is live and freed once.
    unsafe { ffi_bridge_buffer_free(empty) };
}

#[test]
fn sequence_errors_leave_out_untouched() {
    let values = [1.0_f64; 2];
    let sentinel = 0x1234 as *mut FfiBridgeBytes;
    let mut out = sentinel;
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_encode_sequence(null(), 0, &mut out) };
    assert_eq!(status, -1);
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_encode_sequence(values.as_ptr(), 2, null_mut()) };
    assert_eq!(status, -1);
    for length in [usize::MAX, isize::MAX as usize / 8 + 1] {
        // SAFETY: the overflowing length is rejected before use.
        let status = unsafe { ffi_bridge_encode_sequence(values.as_ptr(), length, &mut out) };
        assert_eq!(status, -4);
    }
    // length * 8 fits but 8 + length * 8 does not.
    // SAFETY: the overflowing encoded size is rejected before anything is read.
    let status =
        unsafe { ffi_bridge_encode_sequence(values.as_ptr(), isize::MAX as usize / 8, &mut out) };
    assert_eq!(status, -4);
    assert_eq!(out, sentinel);

    let sentinel = 0x1234 as *mut FfiBridgeBuffer;
    let mut out = sentinel;
    let mut good = 2_u64.to_le_bytes().to_vec();
    good.extend_from_slice(&[0; 16]);
    assert_eq!(decode_sequence(&good, null_mut()), -1);
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_decode_sequence(null(), 24, &mut out) };
    assert_eq!(status, -1);
    // SAFETY: the overflowing length is rejected before use.
    let status = unsafe { ffi_bridge_decode_sequence(good.as_ptr(), usize::MAX, &mut out) };
    assert_eq!(status, -4);
    assert_eq!(decode_sequence(&good[..23], &mut out), -6);
    assert_eq!(decode_sequence(&good[..7], &mut out), -6);
    let mut trailing = good.clone();
    trailing.push(0);
    assert_eq!(decode_sequence(&trailing, &mut out), -6);
    let mut huge = good.clone();
    huge[..8].copy_from_slice(&(u64::MAX / 8 + 3).to_le_bytes());
    assert_eq!(decode_sequence(&huge, &mut out), -6);
    assert_eq!(out, sentinel);
}
