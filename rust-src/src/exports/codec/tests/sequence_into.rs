//! Sequences in the caller's buffers: the same bytes as the allocating functions, and errors.

use super::super::*;
use super::take_bytes;
use std::ptr::{null, null_mut};

fn encode_into(values: &[f64], out: &mut [u8]) -> i32 {
    // SAFETY: both slices are valid for their lengths and do not overlap.
    unsafe {
        ffi_bridge_encode_sequence_into(values.as_ptr(), values.len(), out.as_mut_ptr(), out.len())
    }
}

fn decode_into(input: &[u8], out: &mut [f64]) -> i32 {
    // SAFETY: both slices are valid for their lengths and do not overlap.
    unsafe {
        ffi_bridge_decode_sequence_into(input.as_ptr(), input.len(), out.as_mut_ptr(), out.len())
    }
}

#[test]
fn sequence_into_the_callers_buffers_matches_the_allocating_functions() {
    for count in [0, 1, 5, 17, 1025] {
        let values: Vec<f64> = (0..count).map(|i| i as f64 * -1.25 + 0.1).collect();
        let mut allocated = null_mut();
        // SAFETY: `values` has `count` readable doubles; `allocated` is a writable slot.
        let status = unsafe { ffi_bridge_encode_sequence(values.as_ptr(), count, &mut allocated) };
        assert_eq!(status, 0);
        let expected = take_bytes(allocated);

        // Unaligned output: one byte into the storage.
        let mut storage = vec![0xAA_u8; expected.len() + 1];
        assert_eq!(encode_into(&values, &mut storage[1..]), 0, "{count}");
        assert_eq!(storage[1..], expected[..], "{count}");

        let mut decoded = vec![f64::NAN; count];
        assert_eq!(decode_into(&storage[1..], &mut decoded), 0, "{count}");
        assert_eq!(
            decoded.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn sequence_into_errors_leave_the_output_untouched() {
    let values = [1.5_f64, -2.0];
    let mut encoded = [0_u8; 24];
    assert_eq!(encode_into(&values, &mut encoded), 0);

    // The output's length must be exactly the result's, neither shorter nor longer.
    for length in [0, 23, 25] {
        let mut out = vec![0xAA_u8; length];
        assert_eq!(encode_into(&values, &mut out), -8, "{length}");
        assert!(out.iter().all(|&b| b == 0xAA));
    }
    for length in [0, 1, 3] {
        let mut out = vec![f64::NAN; length];
        assert_eq!(decode_into(&encoded, &mut out), -8, "{length}");
        assert!(out.iter().all(|v| v.is_nan()));
    }
    // Malformed bytes are reported before the output's length.
    let mut out = [f64::NAN; 2];
    assert_eq!(decode_into(&encoded[..23], &mut out), -6);
    assert_eq!(decode_into(&encoded[..7], &mut out), -6);
    let mut lying = encoded;
    lying[..8].copy_from_slice(&3_u64.to_le_bytes());
    assert_eq!(decode_into(&lying, &mut out), -6);
    assert!(out.iter().all(|v| v.is_nan()));

    let mut bytes = [0_u8; 24];
    // SAFETY: NULL pointers and overflowing lengths are rejected before use.
    unsafe {
        assert_eq!(
            ffi_bridge_encode_sequence_into(null(), 0, bytes.as_mut_ptr(), 8),
            -1
        );
        assert_eq!(
            ffi_bridge_encode_sequence_into(values.as_ptr(), 2, null_mut(), 24),
            -1
        );
        let huge = isize::MAX as usize / 8;
        assert_eq!(
            ffi_bridge_encode_sequence_into(values.as_ptr(), huge, bytes.as_mut_ptr(), 24),
            -4
        );
        assert_eq!(
            ffi_bridge_encode_sequence_into(values.as_ptr(), 2, bytes.as_mut_ptr(), usize::MAX),
            -4
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(null(), 24, out.as_mut_ptr(), 2),
            -1
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(encoded.as_ptr(), 24, null_mut(), 2),
            -1
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(encoded.as_ptr(), usize::MAX, out.as_mut_ptr(), 2),
            -4
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(encoded.as_ptr(), 24, out.as_mut_ptr(), usize::MAX),
            -4
        );
    }
    assert_eq!(bytes, [0; 24]);
    assert!(out.iter().all(|v| v.is_nan()));
}
