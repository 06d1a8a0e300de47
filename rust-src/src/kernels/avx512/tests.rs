use super::*;
use crate::cpu::has_avx512f as available;
use crate::kernels::portable::fill_counted_portable;
use crate::kernels::test_support::{
    assert_fill_matches_portable_at_64_byte_offsets, expected_fill, run_fill, run_fill_aligned64,
    when_available, ALIGNED_LENGTHS, OFFSETS,
};

/// Runs `test` on an AVX-512F CPU; elsewhere says that `what` was skipped.
fn with_avx512f(what: &str, test: impl FnOnce()) {
    when_available(available(), "AVX-512F", what, test);
}

fn avx512_fill(dst: &mut [MaybeUninit<Slot>], start: u64) {
    assert!(available());
    // SAFETY: AVX-512F support was just checked.
    unsafe { fill_counted(dst, start, dst.len()) }
}

/// The fill of a piece of a fill of [`STREAM_THRESHOLD`] slots: streaming stores at any length.
fn avx512_streaming_piece(dst: &mut [MaybeUninit<Slot>], start: u64) {
    assert!(available());
    // SAFETY: AVX-512F support was just checked.
    unsafe { fill_counted(dst, start, STREAM_THRESHOLD) }
}

#[test]
fn low_lane_masks() {
    assert_eq!(low_lanes(0), 0);
    assert_eq!(low_lanes(1), 1);
    assert_eq!(low_lanes(7), 0x7F);
}

#[test]
fn avx512_fill_matches_portable_bit_for_bit_at_64_byte_offsets() {
    with_avx512f("AVX-512 fill comparison", || {
        assert_fill_matches_portable_at_64_byte_offsets(avx512_fill);
    });
}

#[test]
fn streaming_fill_is_exact() {
    with_avx512f("streaming fill check", || {
        for length in [STREAM_THRESHOLD - 1, STREAM_THRESHOLD + 7 + 33] {
            for offset in [0, 8, 56] {
                let start = EXACT_LIMIT - length as u64 - 1;
                let fast = run_fill_aligned64(avx512_fill, length, offset, start);
                assert!(
                    fast == expected_fill(length, start),
                    "length {length}, offset {offset}"
                );
            }
        }
    });
}

#[test]
fn pieces_of_a_large_fill_stream_exactly_at_every_offset_and_length() {
    with_avx512f("streaming piece check", || {
        assert_fill_matches_portable_at_64_byte_offsets(avx512_streaming_piece);
        for length in ALIGNED_LENGTHS {
            for offset in OFFSETS {
                let fast = run_fill(avx512_streaming_piece, length, offset, 7);
                assert!(
                    fast == expected_fill(length, 7),
                    "length {length}, offset {offset}"
                );
            }
        }
    });
}

#[test]
fn avx512_fill_matches_portable_at_8_aligned_offsets() {
    with_avx512f("AVX-512 fill comparison", || {
        for length in ALIGNED_LENGTHS {
            for offset in OFFSETS {
                let fast = run_fill(avx512_fill, length, offset, 7);
                assert_eq!(fast, run_fill(fill_counted_portable, length, offset, 7));
                assert_eq!(fast, expected_fill(length, 7));
            }
        }
    });
}
