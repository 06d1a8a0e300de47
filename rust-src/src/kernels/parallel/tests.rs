use super::test_hooks::{HelperFirst, PANICS_ON_HELPER};
use super::*;
use crate::kernels::order::combine;
use crate::kernels::sum;
use crate::kernels::test_support::sum_portable;
use crate::kernels::test_support::{reference_sum, run_sum, test_values};
use std::ffi::OsStr;
use std::sync::atomic::Ordering;
use std::sync::Mutex;

/// Tests that use the helper run one at a time (they count on it being free).
static SERIAL: Mutex<()> = Mutex::new(());

fn large_lengths() -> [usize; 5] {
    let block = SUM_BLOCK;
    [
        MIN_LEN - 1,
        MIN_LEN,
        MIN_LEN + 17,
        ROUND_BLOCKS * block,
        ROUND_BLOCKS * block + 3 * block + 5,
    ]
}

#[test]
fn the_variable_overrides_the_default_and_only_two_turns_the_helper_on() {
    assert!(!enabled(None, || false));
    assert!(enabled(None, || true));
    for default in [false, true] {
        assert!(enabled(Some(OsStr::new("2")), || default));
        assert!(!enabled(Some(OsStr::new("1")), || default));
        assert!(!enabled(Some(OsStr::new("")), || default));
        assert!(!enabled(Some(OsStr::new("two")), || default));
    }
}

#[test]
fn large_sums_are_the_documented_order_with_the_helper() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    assert!(helper().is_some(), "the helper thread could not be spawned");
    let _helper_first = HelperFirst::arm();
    for length in large_lengths() {
        let values = test_values(length, length as u64);
        let expected = reference_sum(&values).to_bits();
        for offset in [0, 3] {
            assert_eq!(
                run_sum(sum, &values, offset).to_bits(),
                expected,
                "{length}"
            );
        }
        assert_eq!(run_sum(sum_portable, &values, 0).to_bits(), expected);
        let used = run_sum(
            |slots| {
                let mut totals = [0.0; SUM_LANES];
                if add_blocks(slots, &mut totals, crate::kernels::block_lanes) {
                    combine(&totals)
                } else {
                    f64::NAN
                }
            },
            &values,
            1,
        );
        if length >= MIN_LEN {
            assert_eq!(used.to_bits(), expected, "{length}: helper not used");
        } else {
            assert!(
                used.is_nan(),
                "{length}: below MIN_LEN the helper is not used"
            );
        }
    }
}

#[test]
fn a_panic_on_the_helper_is_caught_and_the_round_summed_again() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    assert!(helper().is_some());
    let values = test_values(ROUND_BLOCKS * SUM_BLOCK + 7, 5);
    let expected = reference_sum(&values).to_bits();
    // The helper takes a block of every round (without the hook it may never get one when
    // the caller is fast or, as under valgrind, the threads run one at a time).
    let _helper_first = HelperFirst::arm();
    PANICS_ON_HELPER.store(1, Ordering::Relaxed);
    assert_eq!(run_sum(sum, &values, 0).to_bits(), expected);
    assert_eq!(PANICS_ON_HELPER.load(Ordering::Relaxed), 0, "never hit");
    // The helper survived its panic and still serves: it takes a block of the next round.
    assert_eq!(run_sum(sum, &values, 0).to_bits(), expected);
}

#[test]
fn concurrent_large_sums_are_all_exact() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let values = test_values(MIN_LEN + 9, 11);
    let expected = reference_sum(&values).to_bits();
    thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..20 {
                    assert_eq!(run_sum(sum, &values, 0).to_bits(), expected);
                }
            });
        }
    });
}
