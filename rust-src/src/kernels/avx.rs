//! x86-64 AVX kernels (`std::arch`), selected at run time by the dispatcher; the portable
//! kernels in [`super::portable`] are always present and produce bit-identical results.
//!
//! * Fill (used when AVX-512F is missing, see [`super::avx512`]): four 4-lane counter
//!   registers (16 doubles) stepped by 16.0 with `vaddpd`. An 8-byte aligned destination is
//!   first aligned to 32 bytes by up to three scalar stores, then written with aligned
//!   `vmovapd`; otherwise with unaligned `vmovupd`. Exact because the caller only passes
//!   indices < 2^53.
//! * Sum of a block: the sixteen accumulators of the documented order are exactly four
//!   `__m256d` registers (`acc[0..4]`, `acc[4..8]`, `acc[8..12]`, `acc[12..16]`), fed by
//!   unaligned loads; the last `len % 16` values by zero-filled masked loads. A sum of one
//!   block also runs the fixed tree in registers. Storing the lanes to add a scalar tail cost
//!   10-14 ns per call of 17-31 values (the compiler's masked stores, then reloads that could
//!   not be forwarded from them; Zen 4): the short sums now take the same ~6 ns at any length.

use std::arch::x86_64::{
    __m256d, __m256i, _mm256_add_pd, _mm256_castpd256_pd128, _mm256_extractf128_pd,
    _mm256_loadu_pd, _mm256_loadu_si256, _mm256_maskload_pd, _mm256_set1_pd, _mm256_setr_pd,
    _mm256_setzero_pd, _mm256_store_pd, _mm256_storeu_pd, _mm_add_pd, _mm_cvtsd_f64,
    _mm_unpackhi_pd,
};
use std::mem::MaybeUninit;

use super::order::{Lanes, EXACT_LIMIT, SUM_LANES};
use super::portable::fill_counted_portable;
use crate::ffi::raw::Slot;

/// Doubles per AVX fill step.
const FILL_STEP: usize = 16;

/// AVX counter fill: writes `(start + i) as f64` into every slot `i` of `dst`.
///
/// When `dst` is 8-byte aligned, the first `k < 4` elements are written one by one so that
/// the body starts on a 32-byte boundary and uses aligned `vmovapd` stores (no store then
/// splits a cache line); otherwise the body uses unaligned `vmovupd` stores.
///
/// The caller guarantees `start + dst.len() <= 2^53` (and must only call it where AVX is
/// available).
#[target_feature(enable = "avx")]
pub(crate) fn fill_counted(dst: &mut [MaybeUninit<Slot>], start: u64) {
    debug_assert!(start.saturating_add(dst.len() as u64) <= EXACT_LIMIT);
    let address = dst.as_mut_ptr() as usize;
    if !address.is_multiple_of(8) {
        fill_body::<false>(dst, start);
        return;
    }
    // Elements up to the next 32-byte boundary (0..4).
    let head = (address.wrapping_neg() % 32 / 8).min(dst.len());
    let (prologue, body) = dst.split_at_mut(head);
    fill_counted_portable(prologue, start);
    fill_body::<true>(body, start + head as u64);
}

/// The 16-per-step body of [`fill_counted`]; with `ALIGNED`, a non-empty `dst` must start on
/// a 32-byte boundary (checked in debug builds).
#[inline]
#[target_feature(enable = "avx")]
fn fill_body<const ALIGNED: bool>(dst: &mut [MaybeUninit<Slot>], start: u64) {
    debug_assert!(!ALIGNED || dst.is_empty() || (dst.as_ptr() as usize).is_multiple_of(32));
    let lane = |k: u64| (start + k) as f64;
    let mut b0 = _mm256_setr_pd(lane(0), lane(1), lane(2), lane(3));
    let mut b1 = _mm256_setr_pd(lane(4), lane(5), lane(6), lane(7));
    let mut b2 = _mm256_setr_pd(lane(8), lane(9), lane(10), lane(11));
    let mut b3 = _mm256_setr_pd(lane(12), lane(13), lane(14), lane(15));
    let step = _mm256_set1_pd(FILL_STEP as f64);
    let body_len = dst.len() - dst.len() % FILL_STEP;
    let (body, tail) = dst.split_at_mut(body_len);
    for chunk in body.chunks_exact_mut(FILL_STEP) {
        let p = chunk.as_mut_ptr().cast::<f64>();
        if ALIGNED {
            // SAFETY: `chunk` is 16 writable slots = 128 bytes, so the four 32-byte stores at
            // byte offsets 0, 32, 64, 96 stay inside it; `chunk` starts 128 * k bytes after
            // the 32-byte aligned start of `dst`, so each store is 32-byte aligned.
            unsafe {
                _mm256_store_pd(p, b0);
                _mm256_store_pd(p.add(4), b1);
                _mm256_store_pd(p.add(8), b2);
                _mm256_store_pd(p.add(12), b3);
            }
        } else {
            // SAFETY: as above, the four stores stay inside `chunk`; `storeu` has no
            // alignment requirement.
            unsafe {
                _mm256_storeu_pd(p, b0);
                _mm256_storeu_pd(p.add(4), b1);
                _mm256_storeu_pd(p.add(8), b2);
                _mm256_storeu_pd(p.add(12), b3);
            }
        }
        b0 = _mm256_add_pd(b0, step);
        b1 = _mm256_add_pd(b1, step);
        b2 = _mm256_add_pd(b2, step);
        b3 = _mm256_add_pd(b3, step);
    }
    // The last `len % 16` slots (indices still below 2^53).
    fill_counted_portable(tail, start + body_len as u64);
}

/// The sum of one block (at most [`SUM_BLOCK`](super::order::SUM_BLOCK) values) in the
/// documented order, kept in registers from the loads to the fixed tree (must only be called
/// where AVX is available).
#[target_feature(enable = "avx")]
pub(crate) fn sum_block(src: &[Slot]) -> f64 {
    let [a0, a1, a2, a3] = accumulate(src);
    // The tree 16 -> 8 -> 4 -> 2 -> 1 of `order::combine`, same operands in the same order:
    // s8[k] = acc[k] + acc[k + 8] is (a0 + a2, a1 + a3); s4[k] = s8[k] + s8[k + 4];
    // s2[k] = s4[k] + s4[k + 2] (the low half plus the high half); then s2[0] + s2[1].
    let s4 = _mm256_add_pd(_mm256_add_pd(a0, a2), _mm256_add_pd(a1, a3));
    let s2 = _mm_add_pd(_mm256_castpd256_pd128(s4), _mm256_extractf128_pd::<1>(s4));
    _mm_cvtsd_f64(s2) + _mm_cvtsd_f64(_mm_unpackhi_pd(s2, s2))
}

/// The sixteen accumulators of one block in the documented order (must only be called where
/// AVX is available).
#[target_feature(enable = "avx")]
pub(crate) fn block_lanes(src: &[Slot]) -> Lanes {
    let [a0, a1, a2, a3] = accumulate(src);
    let mut acc = [0.0_f64; SUM_LANES];
    let out = acc.as_mut_ptr();
    // SAFETY: `acc` holds 16 doubles, so the four 4-double stores at 0, 4, 8, 12 fit.
    unsafe {
        _mm256_storeu_pd(out, a0);
        _mm256_storeu_pd(out.add(4), a1);
        _mm256_storeu_pd(out.add(8), a2);
        _mm256_storeu_pd(out.add(12), a3);
    }
    acc
}

/// `TAIL_MASKS[16 - r..32 - r]` selects the first `r` of sixteen lanes (all bits set) and
/// leaves the others (zero), for `r` in `0..=16`.
static TAIL_MASKS: [i64; 2 * SUM_LANES] = {
    let mut masks = [0; 2 * SUM_LANES];
    let mut k = 0;
    while k < SUM_LANES {
        masks[k] = -1;
        k += 1;
    }
    masks
};

/// The sixteen accumulators of `src` (at most one block) as four registers, lanes 0..4,
/// 4..8, 8..12 and 12..16, the last `len % 16` values included.
///
/// The tail is added with zero-filled masked loads, lane `k` getting value `k` of the tail as
/// in `order::add_tail` and `+0.0` beyond it. Adding `+0.0` leaves every lane as it is: a
/// lane starts at `+0.0` and is never `-0.0` (under round-to-nearest a sum is `-0.0` only
/// when both terms are), and a NaN or an infinity stays what it is. So the result is bit for
/// bit that of the scalar tail, without storing the registers and reloading them around it.
#[inline]
#[target_feature(enable = "avx")]
fn accumulate(src: &[Slot]) -> [__m256d; 4] {
    let mut a0 = _mm256_setzero_pd();
    let mut a1 = _mm256_setzero_pd();
    let mut a2 = _mm256_setzero_pd();
    let mut a3 = _mm256_setzero_pd();
    let mut chunks = src.chunks_exact(SUM_LANES);
    for chunk in &mut chunks {
        let p = chunk.as_ptr().cast::<f64>();
        // SAFETY: `chunk` is 16 readable slots = 128 bytes, so the four 32-byte loads at byte
        // offsets 0, 32, 64, 96 stay inside it; `loadu` has no alignment requirement.
        let (x0, x1, x2, x3) = unsafe {
            (
                _mm256_loadu_pd(p),
                _mm256_loadu_pd(p.add(4)),
                _mm256_loadu_pd(p.add(8)),
                _mm256_loadu_pd(p.add(12)),
            )
        };
        a0 = _mm256_add_pd(a0, x0);
        a1 = _mm256_add_pd(a1, x1);
        a2 = _mm256_add_pd(a2, x2);
        a3 = _mm256_add_pd(a3, x3);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let p = tail.as_ptr().cast::<f64>();
        let masks = TAIL_MASKS[SUM_LANES - tail.len()..].as_ptr();
        // SAFETY: `masks` has at least 16 readable `i64`s (the slice above starts at index
        // `16 - len` with `len >= 1`, of 32), so the four 32-byte loads at 0, 4, 8, 12 stay in
        // it. The mask of lane `k` is set only for `k < tail.len()`, so each masked load reads
        // only slots of `tail` (and faults on nothing else); a register whose lanes are all
        // masked off reads no memory, so its address may lie past the end of `tail`
        // (`wrapping_add` computes it without claiming it is in bounds).
        let (x0, x1, x2, x3) = unsafe {
            let mask = |k: usize| _mm256_loadu_si256(masks.add(k).cast::<__m256i>());
            (
                _mm256_maskload_pd(p, mask(0)),
                _mm256_maskload_pd(p.wrapping_add(4), mask(4)),
                _mm256_maskload_pd(p.wrapping_add(8), mask(8)),
                _mm256_maskload_pd(p.wrapping_add(12), mask(12)),
            )
        };
        a0 = _mm256_add_pd(a0, x0);
        a1 = _mm256_add_pd(a1, x1);
        a2 = _mm256_add_pd(a2, x2);
        a3 = _mm256_add_pd(a3, x3);
    }
    [a0, a1, a2, a3]
}

#[cfg(test)]
mod tests;
