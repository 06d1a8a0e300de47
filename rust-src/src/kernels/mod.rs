//! The fill and sum kernels, behind ONE dispatcher: [`fill`] and [`sum`] pick the fastest
//! kernel this CPU runs ([`crate::cpu`]); the kernels below never call back up.
//!
//! * [`order`]: the documented sum order's constants and combining steps (the leaf).
//! * [`portable`]: plain loops, auto-vectorized for baseline SSE2; always present.
//! * [`avx512`] (the fill) and [`avx`] (fill and block sum): x86-64 `std::arch` kernels,
//!   bit-identical to the portable ones.
//! * [`parallel`]: a second thread for the blocks of large sums; it sums with the block kernel
//!   the dispatcher hands it.
//!
//! * Fill writes `(start + i) as f64` into slot `i`. Below 2^53 every integer is an exact
//!   double, so a vector of eight counters (`base + lane`) stepped by `8.0` produces exactly
//!   `i as f64` with packed adds. From 2^53 on the counters could round differently from the
//!   conversion, so that region (reachable only through `start`) is converted index by index.
//!   The split is done once per call, so the loops have no per-element branch.
//! * Sum follows `docs/abi.md`: blocks of [`SUM_BLOCK`] values; in each block `lanes[i % 16] +=
//!   x[i]` with sixteen accumulators from `+0.0`; the blocks' lanes added up in block order;
//!   then a fixed tree. The sixteen lanes are independent dependency chains, so they map
//!   exactly onto eight SSE2 or four AVX registers without reassociating any addition, and the
//!   blocks are independent, so [`parallel`] can sum them on two threads.

use std::mem::MaybeUninit;

#[cfg(target_arch = "x86_64")]
use crate::cpu;
use crate::ffi::raw::Slot;
use order::{add_lanes, combine, Lanes, EXACT_LIMIT, SUM_BLOCK, SUM_LANES};
use portable::{block_lanes_portable, fill_converted, fill_counted_portable};

#[cfg(target_arch = "x86_64")]
mod avx;
#[cfg(target_arch = "x86_64")]
mod avx512;
mod order;
mod parallel;
mod portable;
#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;

/// Writes `(start + i) as f64` (native endian) into every slot `i` of `dst`.
pub(crate) fn fill(dst: &mut [MaybeUninit<Slot>], start: u64) {
    fill_piece(dst, start, dst.len());
}

/// [`fill`] for a piece of a fill of `total` slots in all: the stores are chosen for `total`
/// (the larger of `total` and `dst.len()`), so pieces of a large fill write past the caches
/// as one call on the whole does.
pub(crate) fn fill_piece(dst: &mut [MaybeUninit<Slot>], start: u64, total: usize) {
    let total = total.max(dst.len());
    let counted = if start >= EXACT_LIMIT {
        0
    } else {
        // `EXACT_LIMIT - start` may exceed usize::MAX only on 32-bit targets.
        usize::try_from(EXACT_LIMIT - start).map_or(dst.len(), |n| n.min(dst.len()))
    };
    let (exact, beyond) = dst.split_at_mut(counted);
    if !exact.is_empty() {
        fill_counted(exact, start, total);
    }
    if !beyond.is_empty() {
        fill_converted(beyond, start + counted as u64);
    }
}

/// Fills slots whose indices are all below 2^53, with the fastest available kernel for a fill
/// of `total` slots.
#[cfg_attr(not(target_arch = "x86_64"), allow(unused_variables))]
fn fill_counted(dst: &mut [MaybeUninit<Slot>], start: u64, total: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        if cpu::has_avx512f() {
            // SAFETY: `has_avx512f()` checked at run time that the CPU supports AVX-512F.
            unsafe { avx512::fill_counted(dst, start, total) };
            return;
        }
        if cpu::has_avx() {
            // SAFETY: `has_avx()` checked at run time that the CPU supports AVX.
            unsafe { avx::fill_counted(dst, start) };
            return;
        }
    }
    fill_counted_portable(dst, start);
}

/// The sum of `src` in the documented order, with the fastest available kernel (on two
/// threads for large buffers, see [`parallel`]).
pub(crate) fn sum(src: &[Slot]) -> f64 {
    if src.len() <= SUM_BLOCK {
        // One block: its lanes are the totals (`+0.0 + lane == lane`, as a lane starting at
        // `+0.0` is never `-0.0`), without the totals' sixteen additions.
        return sum_block(src);
    }
    let mut totals = [0.0; SUM_LANES];
    add_blocks(src, &mut totals);
    combine(&totals)
}

/// Adds the lanes of every block of `src` (blocks counted from `src`) to `totals`, in block
/// order, with the fastest available kernel: the sum order's loop over blocks, for a sum in
/// pieces (`ffi_bridge_sum_blocks`) as for a whole one.
pub(crate) fn add_blocks(src: &[Slot], totals: &mut Lanes) {
    if !parallel::add_blocks(src, totals, block_lanes) {
        for block in src.chunks(SUM_BLOCK) {
            add_lanes(totals, &block_lanes(block));
        }
    }
}

/// The sum of one block (at most [`SUM_BLOCK`] values) in the documented order, with the
/// fastest available kernel.
#[inline]
fn sum_block(block: &[Slot]) -> f64 {
    debug_assert!(block.len() <= SUM_BLOCK);
    #[cfg(target_arch = "x86_64")]
    if cpu::has_avx() {
        // SAFETY: `has_avx()` checked at run time that the CPU supports AVX.
        return unsafe { avx::sum_block(block) };
    }
    combine(&block_lanes_portable(block))
}

/// The sixteen accumulators of one block (at most [`SUM_BLOCK`] values), with the fastest
/// available kernel.
fn block_lanes(block: &[Slot]) -> Lanes {
    debug_assert!(block.len() <= SUM_BLOCK);
    #[cfg(target_arch = "x86_64")]
    if cpu::has_avx() {
        // SAFETY: `has_avx()` checked at run time that the CPU supports AVX.
        return unsafe { avx::block_lanes(block) };
    }
    block_lanes_portable(block)
}
