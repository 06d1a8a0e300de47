use super::*;
use crate::cpu::has_avx as available;
use crate::kernels::order::{combine, SUM_BLOCK};
use crate::kernels::test_support::sum_portable;
use crate::kernels::test_support::{
    assert_fill_matches_portable_at_64_byte_offsets, assert_short_sums_match_portable,
    expected_fill, reference_sum, run_fill, run_sum, test_values, when_available, LENGTHS, OFFSETS,
};

/// Runs `test` on an AVX CPU; elsewhere says that `what` was skipped.
fn with_avx(what: &str, test: impl FnOnce()) {
    when_available(available(), "AVX", what, test);
}

fn avx_fill(dst: &mut [MaybeUninit<Slot>], start: u64) {
    assert!(available(), "these tests need an AVX CPU");
    // SAFETY: AVX support was just checked.
    unsafe { fill_counted(dst, start) }
}

/// The sum of one block (at most `SUM_BLOCK` values) with the AVX lanes and the scalar tree.
fn avx_sum(src: &[Slot]) -> f64 {
    assert!(available(), "these tests need an AVX CPU");
    // SAFETY: AVX support was just checked.
    combine(&unsafe { block_lanes(src) })
}

/// The sum of one block with the AVX kernel that keeps the lanes and the tree in registers.
fn avx_sum_block(src: &[Slot]) -> f64 {
    assert!(available(), "these tests need an AVX CPU");
    // SAFETY: AVX support was just checked.
    unsafe { sum_block(src) }
}

#[test]
fn avx_fill_matches_portable_bit_for_bit() {
    with_avx("AVX fill comparison", || {
        for length in LENGTHS.into_iter().chain([4096, 4097]) {
            for offset in OFFSETS {
                for start in [0, 5, EXACT_LIMIT - 5000] {
                    let avx = run_fill(avx_fill, length, offset, start);
                    let portable = run_fill(fill_counted_portable, length, offset, start);
                    assert_eq!(avx, portable, "length {length}, offset {offset}");
                    assert_eq!(avx, expected_fill(length, start));
                }
            }
        }
    });
}

#[test]
fn avx_fill_matches_portable_bit_for_bit_at_64_byte_offsets() {
    with_avx("AVX fill comparison", || {
        assert_fill_matches_portable_at_64_byte_offsets(avx_fill);
    });
}

#[test]
fn avx_sum_matches_portable_bit_for_bit() {
    with_avx("AVX sum comparison", || {
        for length in LENGTHS.into_iter().chain([4096, 4097]) {
            let values = test_values(length, 0x9E37_79B9 + length as u64);
            let expected = reference_sum(&values).to_bits();
            for offset in OFFSETS {
                let avx = run_sum(avx_sum, &values, offset).to_bits();
                let portable = run_sum(sum_portable, &values, offset).to_bits();
                assert_eq!(avx, portable, "length {length}, offset {offset}");
                assert_eq!(avx, expected);
            }
        }
    });
}

#[test]
fn avx_short_sums_match_portable_bit_for_bit_with_special_values() {
    with_avx("AVX short sum comparison", || {
        assert_short_sums_match_portable(avx_sum);
        assert_short_sums_match_portable(avx_sum_block);
    });
}

#[test]
fn avx_block_sum_matches_portable_bit_for_bit() {
    with_avx("AVX block sum comparison", || {
        for length in LENGTHS.into_iter().chain([4095, 4096, 4097, SUM_BLOCK]) {
            let values = test_values(length, 0x5EED + length as u64);
            for offset in OFFSETS {
                let fast = run_sum(avx_sum_block, &values, offset).to_bits();
                assert_eq!(fast, reference_sum(&values).to_bits(), "length {length}");
            }
        }
    });
}
