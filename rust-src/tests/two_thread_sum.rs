//! The two-thread sum driven through the C ABI by a plain `main` (no test harness, see
//! Cargo.toml), so that ThreadSanitizer (scripts/sanitizers.sh) watches the library's own
//! threads only: the calling threads and the sum's helper, with no harness threads and
//! channels from an uninstrumented std around them.
//!
//! The buffer holds `0.0, 1.0, …, n - 1`: every partial sum is an integer below 2^53, so the
//! sum is exact in any order and each block must be counted exactly once. (The order itself is
//! checked by the unit tests.)

use ffi_bridge::{ffi_bridge_fill_buffer, ffi_bridge_sum};

/// Three rounds of 128 blocks of 8192 values and a partial one: above the helper's threshold.
const LENGTH: usize = 3 * (1 << 20) + 8192 + 5;

fn sum(values: &[f64]) -> f64 {
    // SAFETY: `values` holds `values.len()` readable doubles.
    unsafe { ffi_bridge_sum(values.as_ptr(), values.len()) }
}

fn main() {
    // The helper is on whatever the CPU count (the library reads the variable at its first large
    // sum, which is below).
    std::env::set_var("FFI_BRIDGE_THREADS", "2");
    let mut values = vec![f64::NAN; LENGTH];
    // SAFETY: `values` holds LENGTH writable doubles.
    assert_eq!(
        unsafe { ffi_bridge_fill_buffer(values.as_mut_ptr(), LENGTH) },
        0
    );
    let n = LENGTH as f64;
    let expected = n * (n - 1.0) / 2.0;

    for _ in 0..10 {
        assert_eq!(sum(&values), expected);
    }
    // Two callers at once: one uses the helper, the other sums alone.
    let values = &values;
    std::thread::scope(|scope| {
        let callers: Vec<_> = (0..2)
            .map(|_| scope.spawn(move || (0..5).all(|_| sum(values) == expected)))
            .collect();
        for caller in callers {
            assert!(caller.join().unwrap());
        }
    });
    println!("two_thread_sum: OK ({LENGTH} values, 20 sums, two callers at once)");
}
