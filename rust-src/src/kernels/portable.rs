//! The portable kernels: plain loops that the compiler vectorizes for baseline SSE2. They are
//! always present, and the SIMD kernels produce bit-identical results.

use std::mem::MaybeUninit;

use super::order::{add_tail, Lanes, EXACT_LIMIT, SUM_LANES};
use crate::ffi::raw::Slot;

/// Counters per portable fill step (four SSE2 registers).
const FILL_LANES: usize = 8;

/// Portable counter fill: `start + k` in eight lanes, stepped by 8.0 (exact below 2^53).
///
/// The caller guarantees `start + dst.len() <= 2^53`.
pub(crate) fn fill_counted_portable(dst: &mut [MaybeUninit<Slot>], start: u64) {
    debug_assert!(start.saturating_add(dst.len() as u64) <= EXACT_LIMIT);
    let mut base: [f64; FILL_LANES] = std::array::from_fn(|k| (start + k as u64) as f64);
    let mut chunks = dst.chunks_exact_mut(FILL_LANES);
    for chunk in &mut chunks {
        for (slot, value) in chunk.iter_mut().zip(base) {
            slot.write(value.to_ne_bytes());
        }
        for value in &mut base {
            *value += FILL_LANES as f64;
        }
    }
    for (slot, value) in chunks.into_remainder().iter_mut().zip(base) {
        slot.write(value.to_ne_bytes());
    }
}

/// Exact conversion of every index (used from 2^53 on, where counters could drift).
pub(crate) fn fill_converted(dst: &mut [MaybeUninit<Slot>], start: u64) {
    for (i, slot) in dst.iter_mut().enumerate() {
        slot.write(((start + i as u64) as f64).to_ne_bytes());
    }
}
/// Portable block kernel: sixteen accumulators (eight SSE2 registers).
pub(crate) fn block_lanes_portable(block: &[Slot]) -> Lanes {
    let mut acc = [0.0_f64; SUM_LANES];
    let mut chunks = block.chunks_exact(SUM_LANES);
    for chunk in &mut chunks {
        for (a, x) in acc.iter_mut().zip(chunk) {
            *a += f64::from_ne_bytes(*x);
        }
    }
    add_tail(&mut acc, chunks.remainder());
    acc
}
