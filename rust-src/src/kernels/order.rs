//! The sum order of `docs/abi.md` and the constants every kernel shares: the leaf that the
//! portable, AVX and parallel kernels build on.

use crate::ffi::raw::Slot;

/// Below this index every integer is exactly representable, so counter vectors are exact.
pub(crate) const EXACT_LIMIT: u64 = 1 << 53;

/// Accumulators of the sum order.
pub(crate) const SUM_LANES: usize = 16;

/// Values per block of the sum order (64 KiB of doubles, a multiple of [`SUM_LANES`]).
pub(crate) const SUM_BLOCK: usize = 1 << 13;

/// The sixteen accumulators of one block, or the running totals of the blocks.
pub(crate) type Lanes = [f64; SUM_LANES];

/// Adds a block's lanes to the running totals, lane by lane.
#[inline]
pub(crate) fn add_lanes(totals: &mut Lanes, block: &Lanes) {
    for (total, lane) in totals.iter_mut().zip(block) {
        *total += lane;
    }
}

/// Adds the last `len % 16` values: value `k` of the tail has index `≡ k (mod 16)`.
#[inline]
pub(crate) fn add_tail(acc: &mut [f64; SUM_LANES], tail: &[Slot]) {
    debug_assert!(tail.len() < SUM_LANES);
    for (a, x) in acc.iter_mut().zip(tail) {
        *a += f64::from_ne_bytes(*x);
    }
}

/// The fixed combining tree of `docs/abi.md`: 16 → 8 → 4 → 2 → 1.
#[inline]
pub(crate) fn combine(acc: &[f64; SUM_LANES]) -> f64 {
    let s8: [f64; 8] = std::array::from_fn(|k| acc[k] + acc[k + 8]);
    let s4: [f64; 4] = std::array::from_fn(|k| s8[k] + s8[k + 4]);
    let s2: [f64; 2] = std::array::from_fn(|k| s4[k] + s4[k + 2]);
    s2[0] + s2[1]
}
