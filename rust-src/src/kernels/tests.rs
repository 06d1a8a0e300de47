use super::order::EXACT_LIMIT;
use super::portable::{fill_converted, fill_counted_portable};
use super::test_support::*;
use super::*;

#[test]
fn portable_fill_is_i_as_f64() {
    for length in LENGTHS {
        for offset in OFFSETS {
            assert_eq!(
                run_fill(fill_counted_portable, length, offset, 0),
                expected_fill(length, 0),
                "length {length}, offset {offset}"
            );
            assert_eq!(run_fill(fill, length, offset, 0), expected_fill(length, 0));
        }
    }
}

#[test]
fn fill_is_exact_across_two_to_the_53() {
    // Starts just below, at and above 2^53, where counters alone would be wrong.
    for start in [
        EXACT_LIMIT - 1025,
        EXACT_LIMIT - 20,
        EXACT_LIMIT - 1,
        EXACT_LIMIT,
    ] {
        for length in LENGTHS {
            assert_eq!(
                run_fill(fill, length, 1, start),
                expected_fill(length, start),
                "start {start}, length {length}"
            );
        }
    }
    for start in [EXACT_LIMIT + 1, (1 << 60) + 3, u64::MAX - 2000] {
        assert_eq!(run_fill(fill, 1025, 3, start), expected_fill(1025, start));
        assert_eq!(
            run_fill(fill_converted, 1025, 0, start),
            expected_fill(1025, start)
        );
    }
}

#[test]
fn dispatched_fill_is_exact_at_64_byte_offsets_and_across_two_to_the_53() {
    for length in ALIGNED_LENGTHS {
        for offset in ALIGNED_OFFSETS {
            let starts = [
                0,
                EXACT_LIMIT - length as u64,
                EXACT_LIMIT - length as u64 / 2 - 3,
                EXACT_LIMIT - 1,
                EXACT_LIMIT,
            ];
            for start in starts {
                let got = run_fill_aligned64(fill, length, offset, start);
                assert_eq!(
                    got,
                    expected_fill(length, start),
                    "{length} {offset} {start}"
                );
                if start + length as u64 <= EXACT_LIMIT {
                    let portable = run_fill_aligned64(fill_counted_portable, length, offset, start);
                    assert_eq!(got, portable);
                }
            }
        }
    }
}

#[test]
fn fill_of_a_large_buffer() {
    let n = 1 << 20;
    assert_eq!(run_fill(fill, n, 0, 0), expected_fill(n, 0));
}

#[test]
fn portable_sum_is_the_documented_order() {
    let blocks = [SUM_BLOCK - 1, SUM_BLOCK, SUM_BLOCK + 1, 3 * SUM_BLOCK + 17];
    for length in LENGTHS.into_iter().chain([4096, 4097]).chain(blocks) {
        let values = test_values(length, length as u64 + 7);
        let expected = reference_sum(&values).to_bits();
        for offset in OFFSETS {
            assert_eq!(run_sum(sum_portable, &values, offset).to_bits(), expected);
            assert_eq!(run_sum(sum, &values, offset).to_bits(), expected);
        }
    }
}

#[test]
fn short_sums_with_signed_zeros_subnormals_nans_and_infinities_are_exact() {
    assert_short_sums_match_portable(sum);
}

#[test]
fn sum_order_matters_and_is_respected() {
    // Values whose result depends on the order: a naive left fold gives another answer.
    let mut values = vec![1.0_f64; 33];
    values[0] = 1e16;
    values[16] = -1e16;
    let naive: f64 = values.iter().sum();
    let documented = reference_sum(&values);
    assert_ne!(naive.to_bits(), documented.to_bits());
    assert_eq!(run_sum(sum, &values, 1).to_bits(), documented.to_bits());
    assert_eq!(
        run_sum(sum_portable, &values, 0).to_bits(),
        documented.to_bits()
    );
}

#[test]
fn blocks_are_summed_separately() {
    // One chain per lane would lose every 1.0 added to 1e16 (its spacing is 2.0); the
    // second block's lane 0 adds up its 512 ones first, and 1e16 + 512 is exact.
    let mut values = vec![1.0_f64; 2 * SUM_BLOCK];
    values[0] = 1e16;
    let one_chain = values.iter().step_by(16).fold(0.0, |a, v| a + v);
    assert_eq!(one_chain, 1e16);
    let expected = 1e16 + 512.0 + 15.0 * (2 * SUM_BLOCK / 16) as f64;
    assert_eq!(reference_sum(&values), expected);
    assert_eq!(run_sum(sum, &values, 0), expected);
    assert_eq!(run_sum(sum_portable, &values, 5), expected);
}

#[test]
fn sum_of_nothing_is_positive_zero() {
    assert_eq!(sum_portable(&[]).to_bits(), 0.0_f64.to_bits());
    let negative_zeros = [(-0.0_f64).to_ne_bytes(); 3];
    assert_eq!(sum(&negative_zeros).to_bits(), 0.0_f64.to_bits());
}

#[test]
fn special_values() {
    let values = [f64::INFINITY, 1.0, f64::NEG_INFINITY, 2.0];
    assert!(run_sum(sum, &values, 0).is_nan());
    assert!(run_sum(sum_portable, &[f64::NAN, 1.0], 0).is_nan());
    assert_eq!(run_sum(sum, &[f64::MAX, f64::MAX], 0), f64::INFINITY);
}
