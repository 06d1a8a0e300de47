//! Helpers shared by the kernels' tests: buffers at chosen offsets, the reference fill and the
//! sum order written out literally.

use std::mem::MaybeUninit;

use super::order::{add_lanes, SUM_LANES};
/// The sum order's constants and tree, and the second thread's threshold, for tests outside the kernels.
pub(crate) use super::order::{combine, EXACT_LIMIT, SUM_BLOCK};
pub(crate) use super::parallel::MIN_LEN;
use super::portable::block_lanes_portable;
#[cfg(target_arch = "x86_64")]
use super::portable::fill_counted_portable;
use crate::ffi::raw::Slot;

/// The lengths the SIMD/portable comparisons cover.
pub(crate) const LENGTHS: [usize; 12] = [0, 1, 2, 7, 8, 15, 16, 17, 31, 33, 1023, 1025];

/// Byte offsets into an 8-aligned allocation: aligned and unaligned starts.
pub(crate) const OFFSETS: [usize; 4] = [0, 1, 3, 4];

/// Byte offsets from a 64-byte aligned base: every 8-aligned position in a cache line,
/// plus two that are not 8-aligned.
pub(crate) const ALIGNED_OFFSETS: [usize; 10] = [0, 8, 16, 24, 32, 40, 48, 56, 1, 3];

/// The lengths the aligned-path comparisons cover (around 8, 16, 32, 64 and 4096).
pub(crate) const ALIGNED_LENGTHS: [usize; 17] = [
    0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1023, 1025, 4097,
];

/// A fill kernel under test: writes `start, start + 1, …` into the slots.
pub(crate) trait FillFn: Fn(&mut [MaybeUninit<Slot>], u64) {}

impl<F: Fn(&mut [MaybeUninit<Slot>], u64)> FillFn for F {}

/// Runs `test` when the CPU has the kernel's feature; otherwise says on stderr that `what` was
/// skipped for want of `feature`.
#[cfg(target_arch = "x86_64")]
pub(crate) fn when_available(available: bool, feature: &str, what: &str, test: impl FnOnce()) {
    if available {
        test();
    } else {
        eprintln!("no {feature}: {what} skipped");
    }
}

/// Runs `fill` over `body` and returns the bytes it wrote.
fn fill_and_read(fill: impl FillFn, body: &mut [MaybeUninit<u8>], start: u64) -> Vec<u8> {
    fill(crate::ffi::raw::byte_storage_as_slots(body), start);
    // SAFETY: the fill initialized all of `body`.
    body.iter().map(|b| unsafe { b.assume_init() }).collect()
}

/// A 64-byte aligned block.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Line([u8; 64]);

/// Runs `fill_fn` over `length` slots at byte `offset` (< 64) of a 64-byte aligned
/// allocation, checks that the bytes before and after were not touched, and returns the
/// bytes written.
pub(crate) fn run_fill_aligned64(
    fill: impl FillFn,
    length: usize,
    offset: usize,
    start: u64,
) -> Vec<u8> {
    assert!(offset < 64);
    let lines = (offset + length * 8) / 64 + 2;
    let mut storage = vec![Line([0xEE; 64]); lines];
    let base = storage.as_mut_ptr().cast::<MaybeUninit<u8>>();
    assert_eq!(base as usize % 64, 0);
    // SAFETY: the view covers all `lines * 64` initialized bytes of `storage`.
    let bytes = unsafe { std::slice::from_raw_parts_mut(base, lines * 64) };
    let (before, rest) = bytes.split_at_mut(offset);
    let (body, after) = rest.split_at_mut(length * 8);
    let written = fill_and_read(fill, body, start);
    // SAFETY: the guard bytes were initialized by `vec!` and not written by the fill.
    let untouched = |g: &[MaybeUninit<u8>]| g.iter().all(|b| unsafe { b.assume_init() } == 0xEE);
    assert!(
        untouched(before) && untouched(after),
        "fill wrote outside its buffer"
    );
    written
}

/// Runs `fill_fn` over `length` slots at byte `offset` and returns the bytes written.
pub(crate) fn run_fill(fill: impl FillFn, length: usize, offset: usize, start: u64) -> Vec<u8> {
    // u64 storage so that offset 0 is 8-byte aligned.
    let mut storage = vec![0xEEEE_EEEE_EEEE_EEEE_u64; length + 2];
    // SAFETY: `storage` is (length + 2) * 8 bytes; the view starts at `offset` < 8 and
    // spans length * 8 + 8 bytes, inside the allocation.
    let bytes = unsafe {
        std::slice::from_raw_parts_mut(
            storage.as_mut_ptr().cast::<MaybeUninit<u8>>().add(offset),
            length * 8 + 8,
        )
    };
    let (body, guard) = bytes.split_at_mut(length * 8);
    let written = fill_and_read(fill, body, start);
    // SAFETY: the guard bytes were initialized by `vec!` and not written by the fill.
    assert!(guard.iter().all(|b| unsafe { b.assume_init() } == 0xEE));
    written
}

/// The reference: `(start + i) as f64` for each index.
pub(crate) fn expected_fill(length: usize, start: u64) -> Vec<u8> {
    (0..length as u64)
        .flat_map(|i| ((start + i) as f64).to_ne_bytes())
        .collect()
}

/// `docs/abi.md`'s sum order written out literally.
pub(crate) fn reference_sum(x: &[f64]) -> f64 {
    let mut acc = [0.0_f64; 16];
    for block in x.chunks(SUM_BLOCK) {
        let mut lanes = [0.0_f64; 16];
        for (i, v) in block.iter().enumerate() {
            lanes[i % 16] += v;
        }
        for k in 0..16 {
            acc[k] += lanes[k];
        }
    }
    let mut s8 = [0.0; 8];
    for k in 0..8 {
        s8[k] = acc[k] + acc[k + 8];
    }
    let mut s4 = [0.0; 4];
    for k in 0..4 {
        s4[k] = s8[k] + s8[k + 4];
    }
    let s2 = [s4[0] + s4[2], s4[1] + s4[3]];
    s2[0] + s2[1]
}

/// Deterministic doubles of mixed magnitudes and signs, so that order matters.
pub(crate) fn test_values(length: usize, seed: u64) -> Vec<f64> {
    let mut state = seed | 1;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mantissa = (state >> 11) as f64 / (1_u64 << 53) as f64;
            let exponent = (state % 61) as i32 - 30;
            let sign = if state & 1 == 0 { 1.0 } else { -1.0 };
            sign * mantissa * 2_f64.powi(exponent)
        })
        .collect()
}

/// Copies `values` to byte `offset` of a fresh buffer and calls `sum_fn` on that view.
pub(crate) fn run_sum(sum_fn: impl Fn(&[Slot]) -> f64, values: &[f64], offset: usize) -> f64 {
    let mut storage = vec![0_u64; values.len() + 1];
    // SAFETY: the view starts at `offset` < 8 and spans values.len() * 8 bytes, inside
    // the (len + 1) * 8-byte allocation.
    let bytes = unsafe {
        std::slice::from_raw_parts_mut(
            storage.as_mut_ptr().cast::<u8>().add(offset),
            values.len() * 8,
        )
    };
    for (chunk, v) in bytes.chunks_exact_mut(8).zip(values) {
        chunk.copy_from_slice(&v.to_ne_bytes());
    }
    let (slots, rest) = bytes.as_chunks::<8>();
    assert!(rest.is_empty());
    sum_fn(slots)
}

/// Portable sum, on the calling thread only: [`block_lanes_portable`] per block.
pub(crate) fn sum_portable(src: &[Slot]) -> f64 {
    let mut totals = [0.0; SUM_LANES];
    for block in src.chunks(SUM_BLOCK) {
        add_lanes(&mut totals, &block_lanes_portable(block));
    }
    combine(&totals)
}

/// Checks `fill_fn` against the portable fill and the reference, bit for bit, for every length
/// of [`ALIGNED_LENGTHS`] at every offset of [`ALIGNED_OFFSETS`] from a 64-byte boundary, from
/// the starts 0, 5, 2^53 - 5000 and 2^53 - length.
#[cfg(target_arch = "x86_64")]
pub(crate) fn assert_fill_matches_portable_at_64_byte_offsets(fill_fn: impl FillFn) {
    for length in ALIGNED_LENGTHS {
        for offset in ALIGNED_OFFSETS {
            let starts = [0, 5, EXACT_LIMIT - 5000, EXACT_LIMIT - length as u64];
            for start in starts {
                let fast = run_fill_aligned64(&fill_fn, length, offset, start);
                let portable = run_fill_aligned64(fill_counted_portable, length, offset, start);
                assert_eq!(
                    fast, portable,
                    "length {length}, offset {offset}, start {start}"
                );
                assert_eq!(fast, expected_fill(length, start));
            }
        }
    }
}

/// The value sets of a short sum of `length` values: mixed magnitudes with `-0.0` and
/// subnormals; all `-0.0`; and with a NaN, a `+inf`, a `-inf` or both infinities at a position
/// that moves with `length` (so every lane and the tail get one).
pub(crate) fn tricky_values(length: usize) -> Vec<Vec<f64>> {
    let odd = [
        -0.0,
        f64::from_bits(1),
        -f64::from_bits(3),
        f64::MIN_POSITIVE / 3.0,
    ];
    let mut mixed = test_values(length, 0xC0FF_EE00 + length as u64);
    for (i, v) in mixed.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        *v = odd[i % odd.len()];
    }
    let mut sets = vec![mixed.clone(), vec![-0.0; length]];
    if length > 0 {
        let at = (length * 7 + 3) % length;
        let at_last = length - 1;
        for (special, position) in [
            (f64::NAN, at),
            (f64::INFINITY, at_last),
            (f64::NEG_INFINITY, length / 2),
        ] {
            let mut set = mixed.clone();
            set[position] = special;
            sets.push(set);
        }
        let mut both = mixed;
        both[0] = f64::INFINITY;
        both[at_last] = f64::NEG_INFINITY;
        sets.push(both);
    }
    sets
}

/// Checks `sum_fn` against [`reference_sum`] and [`sum_portable`], bit for bit, for every
/// length from 0 to 80 (each tail length after zero to four whole chunks of sixteen), every
/// set of [`tricky_values`] and every offset of [`OFFSETS`].
pub(crate) fn assert_short_sums_match_portable(sum_fn: impl Fn(&[Slot]) -> f64) {
    for length in 0..=80 {
        for values in tricky_values(length) {
            let expected = reference_sum(&values).to_bits();
            for offset in OFFSETS {
                let fast = run_sum(&sum_fn, &values, offset).to_bits();
                let portable = run_sum(sum_portable, &values, offset).to_bits();
                assert_eq!(portable, expected, "portable: length {length}, {values:?}");
                assert_eq!(
                    fast, expected,
                    "length {length}, offset {offset}, {values:?}"
                );
            }
        }
    }
}
