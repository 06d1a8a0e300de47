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
//!   unaligned loads.

use std::arch::x86_64::{
    __m256d, _mm256_add_pd, _mm256_loadu_pd, _mm256_set1_pd, _mm256_setr_pd, _mm256_setzero_pd,
    _mm256_store_pd, _mm256_storeu_pd,
};
use std::mem::MaybeUninit;

use super::order::{add_tail, Lanes, EXACT_LIMIT, SUM_LANES};
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

/// The sixteen accumulators of one block in the documented order (must only be called where
/// AVX is available).
#[target_feature(enable = "avx")]
pub(crate) fn block_lanes(src: &[Slot]) -> Lanes {
    let mut a0: __m256d = _mm256_setzero_pd();
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
    let mut acc = [0.0_f64; SUM_LANES];
    let out = acc.as_mut_ptr();
    // SAFETY: `acc` holds 16 doubles, so the four 4-double stores at 0, 4, 8, 12 fit.
    unsafe {
        _mm256_storeu_pd(out, a0);
        _mm256_storeu_pd(out.add(4), a1);
        _mm256_storeu_pd(out.add(8), a2);
        _mm256_storeu_pd(out.add(12), a3);
    }
    add_tail(&mut acc, chunks.remainder());
    acc
}

#[cfg(test)]
mod tests;
