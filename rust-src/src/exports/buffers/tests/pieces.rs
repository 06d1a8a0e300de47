//! `ffi_bridge_fill_range`, `ffi_bridge_fill_piece` and `ffi_bridge_sum_blocks`: pieces give the
//! bits and values of one call.

use super::*;

/// Sums `values` in pieces of `piece` values through `ffi_bridge_sum_blocks`.
fn sum_in_pieces(values: &[f64], piece: usize) -> f64 {
    let mut totals = [0.0_f64; 16];
    for chunk in values.chunks(piece) {
        // SAFETY: `chunk` holds `chunk.len()` doubles; `totals` holds sixteen.
        let status =
            unsafe { ffi_bridge_sum_blocks(chunk.as_ptr(), chunk.len(), totals.as_mut_ptr()) };
        assert_eq!(status, 0);
    }
    combine(&totals)
}

#[test]
fn pieces_at_block_multiples_give_the_bits_of_one_sum() {
    let lengths = [0, 1, SUM_BLOCK - 1, SUM_BLOCK, 3 * SUM_BLOCK + 17];
    let large = [MIN_LEN + 5, 3 * MIN_LEN + 1];
    for length in lengths.into_iter().chain(large) {
        let values = test_values(length, length as u64 + 3);
        let expected = reference_sum(&values).to_bits();
        // SAFETY: `values` holds `length` doubles.
        let whole = unsafe { ffi_bridge_sum(values.as_ptr(), length) };
        assert_eq!(whole.to_bits(), expected);
        for blocks in [1, 2, 64] {
            let got = sum_in_pieces(&values, blocks * SUM_BLOCK);
            assert_eq!(
                got.to_bits(),
                expected,
                "{length} values, {blocks} blocks a piece"
            );
        }
    }
}

#[test]
fn totals_may_be_unaligned_and_are_added_to() {
    let values = test_values(SUM_BLOCK + 3, 11);
    let mut storage = [0_u8; 16 * 8 + 1];
    let totals = storage[1..].as_mut_ptr().cast::<f64>();
    // SAFETY: `values` holds its length; `totals` has room for sixteen doubles.
    let status = unsafe { ffi_bridge_sum_blocks(values.as_ptr(), values.len(), totals) };
    assert_eq!(status, 0);
    // SAFETY: as above; a second call adds the same blocks again.
    let status = unsafe { ffi_bridge_sum_blocks(values.as_ptr(), values.len(), totals) };
    assert_eq!(status, 0);
    // SAFETY: sixteen doubles were written.
    let lanes: [f64; 16] = unsafe { totals.cast::<[f64; 16]>().read_unaligned() };
    let slots: Vec<_> = values.iter().map(|v| v.to_ne_bytes()).collect();
    let mut expected = [0.0; 16];
    crate::kernels::add_blocks(&slots, &mut expected);
    crate::kernels::add_blocks(&slots, &mut expected);
    assert_eq!(lanes.map(f64::to_bits), expected.map(f64::to_bits));
}

#[test]
fn sum_blocks_rejects_null_and_overflow_without_writing() {
    let values = [1.0_f64, 2.0];
    let mut totals = [42.0_f64; 16];
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_sum_blocks(null(), 0, totals.as_mut_ptr()) };
    assert_eq!(status, -1);
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_sum_blocks(values.as_ptr(), 2, null_mut()) };
    assert_eq!(status, -1);
    for length in [isize::MAX as usize / 8 + 1, usize::MAX] {
        // SAFETY: the overflowing length is rejected before anything is read.
        let status = unsafe { ffi_bridge_sum_blocks(values.as_ptr(), length, totals.as_mut_ptr()) };
        assert_eq!(status, -4);
    }
    assert_eq!(totals, [42.0; 16]);
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: 2 readable doubles, sixteen writable totals.
    let status = unsafe { ffi_bridge_sum_blocks(values.as_ptr(), 2, totals.as_mut_ptr()) };
    assert_eq!(status, -7);
    assert_eq!(totals, [42.0; 16]);
}

/// What `ffi_bridge_fill_buffer` writes into `length` doubles.
fn one_fill(length: usize) -> Vec<f64> {
    let mut whole = vec![0.0_f64; length];
    // SAFETY: `whole` holds `length` doubles.
    let status = unsafe { ffi_bridge_fill_buffer(whole.as_mut_ptr(), length) };
    assert_eq!(status, 0);
    whole
}

/// `length` doubles filled in pieces of `piece` by `fill(pointer, piece length, start)`, each
/// call asserted to return OK.
fn fill_in_pieces(
    length: usize,
    piece: usize,
    fill: impl Fn(*mut f64, usize, u64) -> i32,
) -> Vec<f64> {
    let mut pieces = vec![-1.0_f64; length];
    for (k, chunk) in pieces.chunks_mut(piece).enumerate() {
        assert_eq!(fill(chunk.as_mut_ptr(), chunk.len(), (k * piece) as u64), 0);
    }
    pieces
}

#[test]
fn ranges_fill_what_one_fill_writes() {
    let length = 3 * SUM_BLOCK + 5;
    let whole = one_fill(length);
    for piece in [1, 7, SUM_BLOCK, 2 * SUM_BLOCK + 1] {
        // SAFETY: `fill_in_pieces` passes each chunk's pointer with its length.
        let pieces = fill_in_pieces(length, piece, |p, n, start| unsafe {
            ffi_bridge_fill_range(p, n, start)
        });
        assert_eq!(pieces, whole, "pieces of {piece}");
    }
    let mut high = [0.0_f64; 3];
    // SAFETY: `high` holds 3 doubles.
    let status = unsafe { ffi_bridge_fill_range(high.as_mut_ptr(), 3, EXACT_LIMIT - 1) };
    assert_eq!(status, 0);
    let expected = [EXACT_LIMIT - 1, EXACT_LIMIT, EXACT_LIMIT + 1].map(|v| v as f64);
    assert_eq!(high, expected);
}

#[test]
fn pieces_of_a_streamed_fill_fill_what_one_fill_writes() {
    let length = 2 * SUM_BLOCK + 13;
    let whole = one_fill(length);
    // Totals below, at and above the streaming threshold (and one below the piece's length).
    for total in [1, length, 8 << 20, usize::MAX] {
        for piece in [5, SUM_BLOCK + 3] {
            // SAFETY: `fill_in_pieces` passes each chunk's pointer with its length.
            let pieces = fill_in_pieces(length, piece, |p, n, start| unsafe {
                ffi_bridge_fill_piece(p, n, start, total)
            });
            assert_eq!(pieces, whole, "pieces of {piece}, total {total}");
        }
    }
}

#[test]
fn fill_piece_rejects_what_fill_range_rejects() {
    let mut values = [7.0_f64; 2];
    let total = 8 << 20;
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_fill_piece(null_mut(), 0, 0, total) };
    assert_eq!(status, -1);
    // SAFETY: the overflowing length is rejected before anything is written.
    let status = unsafe { ffi_bridge_fill_piece(values.as_mut_ptr(), usize::MAX, 0, total) };
    assert_eq!(status, -4);
    // SAFETY: start + length > 2^64 is rejected before anything is written.
    let status = unsafe { ffi_bridge_fill_piece(values.as_mut_ptr(), 2, u64::MAX, total) };
    assert_eq!(status, -4);
    assert_eq!(values, [7.0; 2]);
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: 2 writable doubles.
    let status = unsafe { ffi_bridge_fill_piece(values.as_mut_ptr(), 2, 0, total) };
    assert_eq!(status, -7);
    assert_eq!(values, [7.0; 2]);
}

#[test]
fn fill_range_rejects_null_overflow_and_a_start_past_two_to_the_64() {
    let mut values = [7.0_f64; 2];
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_fill_range(null_mut(), 0, 0) };
    assert_eq!(status, -1);
    // SAFETY: the overflowing length is rejected before anything is written.
    let status = unsafe { ffi_bridge_fill_range(values.as_mut_ptr(), usize::MAX, 0) };
    assert_eq!(status, -4);
    // SAFETY: start + length > 2^64 is rejected before anything is written.
    let status = unsafe { ffi_bridge_fill_range(values.as_mut_ptr(), 2, u64::MAX) };
    assert_eq!(status, -4);
    assert_eq!(values, [7.0; 2]);
    // SAFETY: one double is written; its index u64::MAX is the last a u64 holds.
    let status = unsafe { ffi_bridge_fill_range(values.as_mut_ptr(), 1, u64::MAX) };
    assert_eq!(status, 0);
    assert_eq!(values[0], u64::MAX as f64);
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: 2 writable doubles.
    let status = unsafe { ffi_bridge_fill_range(values.as_mut_ptr(), 2, 0) };
    assert_eq!(status, -7);
    assert_eq!(values, [u64::MAX as f64, 7.0]);
}
