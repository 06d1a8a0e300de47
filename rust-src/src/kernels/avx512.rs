//! x86-64 AVX-512F fill kernel (`std::arch`), selected at run time before the AVX one; the
//! portable kernels in [`super::portable`] are always present and produce bit-identical
//! results.
//!
//! Fill: when the destination is 8-byte aligned, one masked store writes the first `k < 8`
//! elements (exact values) so that the rest starts on a 64-byte boundary; the body is then
//! written by four 8-lane counter registers (32 doubles, 256 bytes per step) stepped by 32.0
//! with aligned `vmovapd` stores, so no store splits a cache line. Whole registers and one
//! final masked store write the tail. A destination that is not 8-byte aligned gets the same
//! code with unaligned `vmovupd` stores. Exact because the caller only passes indices below
//! 2^53 (every `start + k` is then an exact double, and so is every counter sum).
//!
//! The sum keeps the AVX kernel: its sixteen documented accumulators are sixteen dependency
//! chains whichever register width holds them, so 512-bit adds would not add throughput.

use std::arch::x86_64::{
    __m512d, __mmask8, _mm512_add_pd, _mm512_mask_storeu_pd, _mm512_set1_pd, _mm512_setr_pd,
    _mm512_store_pd, _mm512_storeu_pd, _mm512_stream_pd, _mm_sfence,
};
use std::mem::MaybeUninit;

use super::order::EXACT_LIMIT;
use crate::ffi::raw::Slot;

/// Doubles per register.
const LANES: usize = 8;

/// Doubles per unrolled fill step (four registers).
const FILL_STEP: usize = 4 * LANES;

/// From a fill of this many doubles (64 MiB) on, in one call or in pieces, an 8-byte aligned
/// body is written with non-temporal `vmovntpd` stores. Measured on the target machine (Xeon, 2 MiB L2): regular stores run at
/// ~29 GB/s up to ~40 MiB and drop to ~10 GB/s at 128 MiB, while streaming stores hold
/// ~23.5 GB/s at every size; the crossover is between 48 and 64 MiB.
pub(crate) const STREAM_THRESHOLD: usize = 8 << 20;

/// Store kinds of [`fill_body`].
const UNALIGNED: u8 = 0;
/// Aligned `vmovapd`.
const ALIGNED: u8 = 1;
/// Aligned non-temporal `vmovntpd`, followed by an `sfence`.
const STREAM: u8 = 2;

/// The counters `first + lane` for lanes 0..8 (exact while `first + 7 <= 2^53`; lanes past
/// the end of a buffer may round, but they are only ever masked off).
#[inline]
#[target_feature(enable = "avx512f")]
fn counters(first: u64) -> __m512d {
    let lanes = _mm512_setr_pd(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    _mm512_add_pd(_mm512_set1_pd(first as f64), lanes)
}

/// The mask of the lowest `count` lanes (`count < 8`).
#[inline]
fn low_lanes(count: usize) -> __mmask8 {
    debug_assert!(count < LANES);
    ((1_u16 << count) - 1) as __mmask8
}

/// AVX-512F counter fill: writes `(start + i) as f64` into every slot `i` of `dst`, a piece of
/// a fill of `total >= dst.len()` slots (whose size chooses the stores: see [`STREAM_THRESHOLD`]).
///
/// The caller guarantees `start + dst.len() <= 2^53` (and must only call it where AVX-512F
/// is available).
#[target_feature(enable = "avx512f")]
pub(crate) fn fill_counted(dst: &mut [MaybeUninit<Slot>], start: u64, total: usize) {
    debug_assert!(start.saturating_add(dst.len() as u64) <= EXACT_LIMIT);
    let address = dst.as_mut_ptr() as usize;
    if !address.is_multiple_of(8) {
        // Elements straddle 8-byte boundaries, so no prologue can align them.
        // SAFETY: `dst` is `dst.len()` writable slots.
        unsafe { fill_body::<UNALIGNED>(dst.as_mut_ptr().cast(), dst.len(), start) };
        return;
    }
    // Elements up to the next 64-byte boundary (0..8).
    let head = (address.wrapping_neg() % 64 / 8).min(dst.len());
    if head > 0 {
        // SAFETY: only the lowest `head <= dst.len()` lanes are stored, all inside `dst`;
        // masked-off lanes are not accessed, and `storeu` has no alignment requirement.
        unsafe { _mm512_mask_storeu_pd(dst.as_mut_ptr().cast(), low_lanes(head), counters(start)) };
    }
    let body = &mut dst[head..];
    let (p, len, first) = (body.as_mut_ptr().cast(), body.len(), start + head as u64);
    // SAFETY: `body` is `len` writable slots; it starts on a 64-byte boundary (or is empty)
    // because `head` elements of 8 bytes reached that boundary.
    unsafe {
        if total >= STREAM_THRESHOLD {
            fill_body::<STREAM>(p, len, first);
        } else {
            fill_body::<ALIGNED>(p, len, first);
        }
    }
}

/// Writes `(start + i) as f64` to `p[i]` for `i < len`: 32 per step, then whole registers,
/// then one masked store.
///
/// `KIND` is [`UNALIGNED`], [`ALIGNED`] or [`STREAM`] (the unrolled loop streams, the tail
/// uses aligned stores, and an `sfence` orders the streaming stores before returning).
///
/// # Safety
///
/// `p` must be valid for writing `len` doubles (any alignment for `UNALIGNED`, 64-byte
/// aligned otherwise). `start + len <= 2^53`.
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn fill_body<const KIND: u8>(p: *mut f64, len: usize, start: u64) {
    /// One 64-byte store of the given kind.
    ///
    /// # Safety
    ///
    /// `p` must be valid for writing 8 doubles, and 64-byte aligned unless `UNALIGNED`.
    #[inline]
    #[target_feature(enable = "avx512f")]
    unsafe fn store<const KIND: u8>(p: *mut f64, v: __m512d) {
        match KIND {
            // SAFETY: forwarded: 64 writable bytes at `p`; no alignment needed.
            UNALIGNED => unsafe { _mm512_storeu_pd(p, v) },
            // SAFETY: forwarded: 64 writable bytes at a 64-byte aligned `p`; the caller
            // issues an `sfence` before returning.
            STREAM => unsafe { _mm512_stream_pd(p, v) },
            // SAFETY: forwarded: 64 writable bytes at a 64-byte aligned `p`.
            _ => unsafe { _mm512_store_pd(p, v) },
        }
    }

    let eight = _mm512_set1_pd(LANES as f64);
    let step = _mm512_set1_pd(FILL_STEP as f64);
    let mut c0 = counters(start);
    let mut c1 = _mm512_add_pd(c0, eight);
    let mut c2 = _mm512_add_pd(c1, eight);
    let mut c3 = _mm512_add_pd(c2, eight);
    let mut i = 0;
    while len - i >= FILL_STEP {
        // SAFETY: `i + 32 <= len`, so the four 64-byte stores at `p + i`, `+ 8`, `+ 16`,
        // `+ 24` stay inside the buffer; each is 64-byte aligned when `p` is (steps of 256
        // bytes).
        unsafe {
            store::<KIND>(p.add(i), c0);
            store::<KIND>(p.add(i + LANES), c1);
            store::<KIND>(p.add(i + 2 * LANES), c2);
            store::<KIND>(p.add(i + 3 * LANES), c3);
        }
        c0 = _mm512_add_pd(c0, step);
        c1 = _mm512_add_pd(c1, step);
        c2 = _mm512_add_pd(c2, step);
        c3 = _mm512_add_pd(c3, step);
        i += FILL_STEP;
    }
    if KIND == STREAM {
        // Make the weakly ordered streaming stores visible before anything else.
        _mm_sfence();
    }
    // Fewer than 32 left: `c0` holds `start + i + lane`.
    while len - i >= LANES {
        // SAFETY: `i + 8 <= len`; aligned when `p` is, since `i` is a multiple of 8.
        unsafe {
            if KIND == UNALIGNED {
                store::<UNALIGNED>(p.add(i), c0);
            } else {
                store::<ALIGNED>(p.add(i), c0);
            }
        }
        c0 = _mm512_add_pd(c0, eight);
        i += LANES;
    }
    if i < len {
        // SAFETY: only the lowest `len - i < 8` lanes are stored, all inside the buffer;
        // masked-off lanes are not accessed.
        unsafe { _mm512_mask_storeu_pd(p.add(i), low_lanes(len - i), c0) };
    }
}

#[cfg(test)]
mod tests;
