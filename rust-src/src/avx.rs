//! x86-64 AVX kernels (`std::arch`), selected at run time; the portable kernels in
//! [`crate::kernel`] are always present and produce bit-identical results.
//!
//! * Fill (used when AVX-512F is missing, see [`crate::avx512`]): four 4-lane counter
//!   registers (16 doubles) stepped by 16.0 with `vaddpd`. An 8-byte aligned destination is
//!   first aligned to 32 bytes by up to three scalar stores, then written with aligned
//!   `vmovapd`; otherwise with unaligned `vmovupd`. Exact because the caller only passes
//!   indices < 2^53.
//! * Sum of a block: the sixteen accumulators of the documented order are exactly four
//!   `__m256d` registers (`acc[0..4]`, `acc[4..8]`, `acc[8..12]`, `acc[12..16]`), fed by
//!   unaligned loads.
#![cfg(target_arch = "x86_64")]

use std::arch::x86_64::{
    __m256d, _mm256_add_pd, _mm256_loadu_pd, _mm256_set1_pd, _mm256_setr_pd, _mm256_setzero_pd,
    _mm256_store_pd, _mm256_storeu_pd,
};
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::kernel::{add_tail, fill_counted_portable, Lanes, EXACT_LIMIT, SUM_LANES};
use crate::raw::Slot;

/// Cached CPU check: 0 = not checked yet, 1 = no AVX, 2 = AVX.
static AVX_STATE: AtomicU8 = AtomicU8::new(0);

/// Whether the CPU supports AVX (detected once, then cached).
#[inline]
pub(crate) fn available() -> bool {
    match AVX_STATE.load(Ordering::Relaxed) {
        0 => {
            let avx = std::arch::is_x86_feature_detected!("avx");
            AVX_STATE.store(if avx { 2 } else { 1 }, Ordering::Relaxed);
            avx
        }
        state => state == 2,
    }
}

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
mod tests {
    use super::*;
    use crate::kernel::tests::{
        expected_fill, reference_sum, run_fill, run_fill_aligned64, run_sum, test_values,
        ALIGNED_LENGTHS, ALIGNED_OFFSETS, LENGTHS, OFFSETS,
    };
    use crate::kernel::{combine, fill_counted_portable, sum_portable};

    fn avx_fill(dst: &mut [MaybeUninit<Slot>], start: u64) {
        assert!(available(), "these tests need an AVX CPU");
        // SAFETY: AVX support was just checked.
        unsafe { fill_counted(dst, start) }
    }

    /// The sum of one block (at most `SUM_BLOCK` values) with the AVX kernel.
    fn avx_sum(src: &[Slot]) -> f64 {
        assert!(available(), "these tests need an AVX CPU");
        // SAFETY: AVX support was just checked.
        combine(&unsafe { block_lanes(src) })
    }

    #[test]
    fn detection_is_cached() {
        let first = available();
        assert_ne!(AVX_STATE.load(Ordering::Relaxed), 0);
        assert_eq!(available(), first);
    }

    #[test]
    fn avx_fill_matches_portable_bit_for_bit() {
        if !available() {
            eprintln!("no AVX: AVX fill comparison skipped");
            return;
        }
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
    }

    #[test]
    fn avx_fill_matches_portable_bit_for_bit_at_64_byte_offsets() {
        if !available() {
            eprintln!("no AVX: AVX fill comparison skipped");
            return;
        }
        for length in ALIGNED_LENGTHS {
            for offset in ALIGNED_OFFSETS {
                for start in [0, 5, EXACT_LIMIT - 5000, EXACT_LIMIT - length as u64] {
                    let avx = run_fill_aligned64(avx_fill, length, offset, start);
                    let portable = run_fill_aligned64(fill_counted_portable, length, offset, start);
                    assert_eq!(
                        avx, portable,
                        "length {length}, offset {offset}, start {start}"
                    );
                    assert_eq!(avx, expected_fill(length, start));
                }
            }
        }
    }

    #[test]
    fn avx_sum_matches_portable_bit_for_bit() {
        if !available() {
            eprintln!("no AVX: AVX sum comparison skipped");
            return;
        }
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
    }
}

/// Executes `vzeroupper`.
#[target_feature(enable = "avx")]
fn zero_upper() {
    // `vzeroupper` only clears the upper halves of the vector registers, which hold no live
    // values at an export's entry; it is safe to call where AVX is enabled.
    std::arch::x86_64::_mm256_zeroupper()
}

/// Clears upper vector state that the caller left dirty, on entry to every export.
///
/// The x86-64 convention is that callers clear it before calling code that may use legacy SSE
/// instructions, but HotSpot's critical FFM downcalls skip this after its AVX-512 code (for
/// example, the zeroing of a new array): on AVX-512 CPUs the library's SSE code then ran ~100 ns
/// slower per call. `vzeroupper` costs about a cycle.
#[inline(always)]
pub(crate) fn clean_upper_state() {
    if available() {
        // SAFETY: the CPU supports AVX, as just checked.
        unsafe { zero_upper() }
    }
}
