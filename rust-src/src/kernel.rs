//! Fill and sum kernels: portable code (auto-vectorized for baseline SSE2) and the runtime
//! dispatch to the AVX-512F fill in [`crate::avx512`] and the AVX versions in [`crate::avx`].
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
//!   blocks are independent, so [`crate::parallel`] can sum them on two threads.

use std::mem::MaybeUninit;

use crate::raw::Slot;

/// Below this index every integer is exactly representable, so counter vectors are exact.
pub(crate) const EXACT_LIMIT: u64 = 1 << 53;

/// Counters per portable fill step (four SSE2 registers).
const FILL_LANES: usize = 8;

/// Accumulators of the sum order.
pub(crate) const SUM_LANES: usize = 16;

/// Values per block of the sum order (64 KiB of doubles, a multiple of [`SUM_LANES`]).
pub(crate) const SUM_BLOCK: usize = 1 << 13;

/// The sixteen accumulators of one block, or the running totals of the blocks.
pub(crate) type Lanes = [f64; SUM_LANES];

/// Writes `(start + i) as f64` (native endian) into every slot `i` of `dst`.
pub(crate) fn fill(dst: &mut [MaybeUninit<Slot>], start: u64) {
    let counted = if start >= EXACT_LIMIT {
        0
    } else {
        // `EXACT_LIMIT - start` may exceed usize::MAX only on 32-bit targets.
        usize::try_from(EXACT_LIMIT - start).map_or(dst.len(), |n| n.min(dst.len()))
    };
    let (exact, beyond) = dst.split_at_mut(counted);
    if !exact.is_empty() {
        fill_counted(exact, start);
    }
    if !beyond.is_empty() {
        fill_converted(beyond, start + counted as u64);
    }
}

/// Fills slots whose indices are all below 2^53, with the fastest available kernel.
fn fill_counted(dst: &mut [MaybeUninit<Slot>], start: u64) {
    #[cfg(target_arch = "x86_64")]
    {
        if crate::avx512::available() {
            // SAFETY: `available()` checked at run time that the CPU supports AVX-512F.
            unsafe { crate::avx512::fill_counted(dst, start) };
            return;
        }
        if crate::avx::available() {
            // SAFETY: `available()` checked at run time that the CPU supports AVX.
            unsafe { crate::avx::fill_counted(dst, start) };
            return;
        }
    }
    fill_counted_portable(dst, start);
}

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

/// The sum of `src` in the documented order, with the fastest available kernel (on two
/// threads for large buffers, see [`crate::parallel`]).
pub(crate) fn sum(src: &[Slot]) -> f64 {
    if src.len() <= SUM_BLOCK {
        // One block: its lanes are the totals (`+0.0 + lane == lane`, as a lane starting at
        // `+0.0` is never `-0.0`), without the totals' sixteen additions.
        return combine(&block_lanes(src));
    }
    let mut totals = [0.0; SUM_LANES];
    if !crate::parallel::add_blocks(src, &mut totals) {
        for block in src.chunks(SUM_BLOCK) {
            add_lanes(&mut totals, &block_lanes(block));
        }
    }
    combine(&totals)
}

/// The sixteen accumulators of one block (at most [`SUM_BLOCK`] values), with the fastest
/// available kernel.
pub(crate) fn block_lanes(block: &[Slot]) -> Lanes {
    debug_assert!(block.len() <= SUM_BLOCK);
    #[cfg(target_arch = "x86_64")]
    if crate::avx::available() {
        // SAFETY: `available()` checked at run time that the CPU supports AVX.
        return unsafe { crate::avx::block_lanes(block) };
    }
    block_lanes_portable(block)
}

/// Portable sum, on the calling thread only: [`block_lanes_portable`] per block.
#[cfg(test)]
pub(crate) fn sum_portable(src: &[Slot]) -> f64 {
    let mut totals = [0.0; SUM_LANES];
    for block in src.chunks(SUM_BLOCK) {
        add_lanes(&mut totals, &block_lanes_portable(block));
    }
    combine(&totals)
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

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

    /// A 64-byte aligned block.
    #[derive(Clone, Copy)]
    #[repr(C, align(64))]
    struct Line([u8; 64]);

    /// Runs `fill_fn` over `length` slots at byte `offset` (< 64) of a 64-byte aligned
    /// allocation, checks that the bytes before and after were not touched, and returns the
    /// bytes written.
    pub(crate) fn run_fill_aligned64(
        fill_fn: impl Fn(&mut [MaybeUninit<Slot>], u64),
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
        fill_fn(crate::raw::byte_storage_as_slots(body), start);
        // SAFETY: the guard bytes were initialized by `vec!` and not written by the fill.
        let untouched =
            |g: &[MaybeUninit<u8>]| g.iter().all(|b| unsafe { b.assume_init() } == 0xEE);
        assert!(
            untouched(before) && untouched(after),
            "fill wrote outside its buffer"
        );
        // SAFETY: the fill initialized all `length * 8` body bytes.
        body.iter().map(|b| unsafe { b.assume_init() }).collect()
    }

    /// Runs `fill_fn` over `length` slots at byte `offset` and returns the bytes written.
    pub(crate) fn run_fill(
        fill_fn: impl Fn(&mut [MaybeUninit<Slot>], u64),
        length: usize,
        offset: usize,
        start: u64,
    ) -> Vec<u8> {
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
        fill_fn(crate::raw::byte_storage_as_slots(body), start);
        // SAFETY: the guard bytes were initialized by `vec!` and not written by the fill.
        assert!(guard.iter().all(|b| unsafe { b.assume_init() } == 0xEE));
        // SAFETY: the fill initialized all `length * 8` body bytes.
        body.iter().map(|b| unsafe { b.assume_init() }).collect()
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

    #[test]
    fn portable_fill_is_i_as_f64() {
        for length in LENGTHS {
            for offset in OFFSETS {
                assert_eq!(
                    run_fill(fill_counted_portable, length, offset, 0),
                    expected_fill(length, 0),
                    "length {length}, offset {offset}"
                );
                assert_eq!(run_fill(fill, length, offset, 0), expected_fill(length, 0));
            }
        }
    }

    #[test]
    fn fill_is_exact_across_two_to_the_53() {
        // Starts just below, at and above 2^53, where counters alone would be wrong.
        for start in [
            EXACT_LIMIT - 1025,
            EXACT_LIMIT - 20,
            EXACT_LIMIT - 1,
            EXACT_LIMIT,
        ] {
            for length in LENGTHS {
                assert_eq!(
                    run_fill(fill, length, 1, start),
                    expected_fill(length, start),
                    "start {start}, length {length}"
                );
            }
        }
        for start in [EXACT_LIMIT + 1, (1 << 60) + 3, u64::MAX - 2000] {
            assert_eq!(run_fill(fill, 1025, 3, start), expected_fill(1025, start));
            assert_eq!(
                run_fill(fill_converted, 1025, 0, start),
                expected_fill(1025, start)
            );
        }
    }

    #[test]
    fn dispatched_fill_is_exact_at_64_byte_offsets_and_across_two_to_the_53() {
        for length in ALIGNED_LENGTHS {
            for offset in ALIGNED_OFFSETS {
                let starts = [
                    0,
                    EXACT_LIMIT - length as u64,
                    EXACT_LIMIT - length as u64 / 2 - 3,
                    EXACT_LIMIT - 1,
                    EXACT_LIMIT,
                ];
                for start in starts {
                    let got = run_fill_aligned64(fill, length, offset, start);
                    assert_eq!(
                        got,
                        expected_fill(length, start),
                        "{length} {offset} {start}"
                    );
                    if start + length as u64 <= EXACT_LIMIT {
                        let portable =
                            run_fill_aligned64(fill_counted_portable, length, offset, start);
                        assert_eq!(got, portable);
                    }
                }
            }
        }
    }

    #[test]
    fn fill_of_a_large_buffer() {
        let n = 1 << 20;
        assert_eq!(run_fill(fill, n, 0, 0), expected_fill(n, 0));
    }

    #[test]
    fn portable_sum_is_the_documented_order() {
        let blocks = [SUM_BLOCK - 1, SUM_BLOCK, SUM_BLOCK + 1, 3 * SUM_BLOCK + 17];
        for length in LENGTHS.into_iter().chain([4096, 4097]).chain(blocks) {
            let values = test_values(length, length as u64 + 7);
            let expected = reference_sum(&values).to_bits();
            for offset in OFFSETS {
                assert_eq!(run_sum(sum_portable, &values, offset).to_bits(), expected);
                assert_eq!(run_sum(sum, &values, offset).to_bits(), expected);
            }
        }
    }

    #[test]
    fn sum_order_matters_and_is_respected() {
        // Values whose result depends on the order: a naive left fold gives another answer.
        let mut values = vec![1.0_f64; 33];
        values[0] = 1e16;
        values[16] = -1e16;
        let naive: f64 = values.iter().sum();
        let documented = reference_sum(&values);
        assert_ne!(naive.to_bits(), documented.to_bits());
        assert_eq!(run_sum(sum, &values, 1).to_bits(), documented.to_bits());
        assert_eq!(
            run_sum(sum_portable, &values, 0).to_bits(),
            documented.to_bits()
        );
    }

    #[test]
    fn blocks_are_summed_separately() {
        // One chain per lane would lose every 1.0 added to 1e16 (its spacing is 2.0); the
        // second block's lane 0 adds up its 512 ones first, and 1e16 + 512 is exact.
        let mut values = vec![1.0_f64; 2 * SUM_BLOCK];
        values[0] = 1e16;
        let one_chain = values.iter().step_by(16).fold(0.0, |a, v| a + v);
        assert_eq!(one_chain, 1e16);
        let expected = 1e16 + 512.0 + 15.0 * (2 * SUM_BLOCK / 16) as f64;
        assert_eq!(reference_sum(&values), expected);
        assert_eq!(run_sum(sum, &values, 0), expected);
        assert_eq!(run_sum(sum_portable, &values, 5), expected);
    }

    #[test]
    fn sum_of_nothing_is_positive_zero() {
        assert_eq!(sum_portable(&[]).to_bits(), 0.0_f64.to_bits());
        let negative_zeros = [(-0.0_f64).to_ne_bytes(); 3];
        assert_eq!(sum(&negative_zeros).to_bits(), 0.0_f64.to_bits());
    }

    #[test]
    fn special_values() {
        let values = [f64::INFINITY, 1.0, f64::NEG_INFINITY, 2.0];
        assert!(run_sum(sum, &values, 0).is_nan());
        assert!(run_sum(sum_portable, &[f64::NAN, 1.0], 0).is_nan());
        assert_eq!(run_sum(sum, &[f64::MAX, f64::MAX], 0), f64::INFINITY);
    }
}
