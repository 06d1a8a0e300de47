use super::*;
use crate::kernels::test_support::{
    combine, reference_sum, test_values, EXACT_LIMIT, LENGTHS, MIN_LEN, OFFSETS, SUM_BLOCK,
};
use std::ptr::{null, null_mut};

/// An 8-aligned byte buffer with room for `length` doubles at any offset < 8.
fn storage(length: usize) -> Vec<u64> {
    vec![0x5A5A_5A5A_5A5A_5A5A; length + 1]
}

fn at(storage: &mut [u64], offset: usize) -> *mut f64 {
    // SAFETY: offset < 8 stays inside the allocation of at least 8 bytes.
    unsafe { storage.as_mut_ptr().cast::<u8>().add(offset) }.cast()
}

fn read(ptr: *const f64, length: usize) -> Vec<f64> {
    // SAFETY: callers pass `length` readable doubles at `ptr`, maybe unaligned.
    (0..length)
        .map(|i| unsafe { ptr.add(i).read_unaligned() })
        .collect()
}

#[test]
fn both_fills_write_i_as_f64_at_any_alignment() {
    for length in LENGTHS {
        for offset in OFFSETS {
            let expected: Vec<f64> = (0..length).map(|i| i as f64).collect();
            let mut s = storage(length);
            let p = at(&mut s, offset);
            // SAFETY: `p` has room for `length` doubles.
            unsafe { fill_buffer(p, length) };
            assert_eq!(read(p, length), expected);

            let mut s = storage(length);
            let p = at(&mut s, offset);
            // SAFETY: `p` has room for `length` doubles.
            assert_eq!(unsafe { ffi_bridge_fill_buffer(p, length) }, 0);
            assert_eq!(read(p, length), expected);
        }
    }
}

#[test]
fn fill_rejects_null_and_overflowing_lengths() {
    // SAFETY: NULL is checked before use.
    unsafe { fill_buffer(null_mut(), 10) };
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_fill_buffer(null_mut(), 10) }, -1);
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_fill_buffer(null_mut(), 0) }, -1);
    let mut s = storage(1);
    for length in [isize::MAX as usize / 8 + 1, usize::MAX / 8 + 1, usize::MAX] {
        // SAFETY: the overflowing length is rejected before anything is written.
        assert_eq!(unsafe { ffi_bridge_fill_buffer(at(&mut s, 0), length) }, -4);
        // SAFETY: as above; the guide's function is a no-op.
        unsafe { fill_buffer(at(&mut s, 0), length) };
    }
    assert_eq!(s, storage(1));
    // A zero length is fine and writes nothing.
    // SAFETY: zero doubles are written.
    assert_eq!(unsafe { ffi_bridge_fill_buffer(at(&mut s, 1), 0) }, 0);
    assert_eq!(s, storage(1));
}

#[test]
fn sum_is_the_documented_order_at_any_alignment() {
    for length in LENGTHS {
        let values = test_values(length, 99 + length as u64);
        for offset in OFFSETS {
            let mut s = storage(length);
            let p = at(&mut s, offset);
            for (i, v) in values.iter().enumerate() {
                // SAFETY: index i < length fits in the storage.
                unsafe { p.add(i).write_unaligned(*v) };
            }
            let mut out_storage = [0_u8; 16];
            let out = out_storage[offset..].as_mut_ptr().cast::<f64>();
            // SAFETY: `p` holds `length` doubles; `out` has room for one.
            assert_eq!(unsafe { ffi_bridge_sum_buffer(p, length, out) }, 0);
            // SAFETY: `out` was just written.
            let sum = unsafe { out.read_unaligned() };
            assert_eq!(sum.to_bits(), reference_sum(&values).to_bits());
        }
    }
}

#[test]
fn sum_rejects_null_and_overflow_without_writing_out() {
    let values = [1.0_f64, 2.0];
    let mut out = 42.0;
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_sum_buffer(null(), 2, &mut out) }, -1);
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_sum_buffer(null(), 0, &mut out) }, -1);
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_sum_buffer(values.as_ptr(), 2, null_mut()) };
    assert_eq!(status, -1);
    // SAFETY: the overflowing length is rejected before anything is read.
    let status = unsafe { ffi_bridge_sum_buffer(values.as_ptr(), usize::MAX, &mut out) };
    assert_eq!(status, -4);
    // SAFETY: as above.
    let status =
        unsafe { ffi_bridge_sum_buffer(values.as_ptr(), isize::MAX as usize / 8 + 1, &mut out) };
    assert_eq!(status, -4);
    assert_eq!(out, 42.0);
    // SAFETY: `values` holds 2 doubles.
    let status = unsafe { ffi_bridge_sum_buffer(values.as_ptr(), 2, &mut out) };
    assert_eq!(status, 0);
    assert_eq!(out, 3.0);
    // SAFETY: zero doubles are read.
    let status = unsafe { ffi_bridge_sum_buffer(values.as_ptr(), 0, &mut out) };
    assert_eq!(status, 0);
    assert_eq!(out.to_bits(), 0.0_f64.to_bits());
}

#[test]
fn sum_returns_the_same_bits_as_sum_buffer_at_any_alignment() {
    for length in LENGTHS {
        for seed in [1_u64, 7, 99 + length as u64] {
            let values = test_values(length, seed);
            for offset in OFFSETS {
                let mut s = storage(length);
                let p = at(&mut s, offset);
                for (i, v) in values.iter().enumerate() {
                    // SAFETY: index i < length fits in the storage.
                    unsafe { p.add(i).write_unaligned(*v) };
                }
                let mut out = 42.0;
                // SAFETY: `p` holds `length` doubles; `out` is writable.
                assert_eq!(unsafe { ffi_bridge_sum_buffer(p, length, &mut out) }, 0);
                // SAFETY: `p` holds `length` doubles.
                let sum = unsafe { ffi_bridge_sum(p, length) };
                assert_eq!(sum.to_bits(), out.to_bits());
                assert_eq!(sum.to_bits(), reference_sum(&values).to_bits());
            }
        }
    }
    // A NaN sum is a NaN either way; zero values sum to +0.0.
    let values = [1.0, f64::NAN, 2.0];
    // SAFETY: `values` holds 3 doubles.
    assert!(unsafe { ffi_bridge_sum(values.as_ptr(), 3) }.is_nan());
    // SAFETY: zero doubles are read.
    let empty = unsafe { ffi_bridge_sum(values.as_ptr(), 0) };
    assert_eq!(empty.to_bits(), 0.0_f64.to_bits());
}

#[test]
fn sum_is_nan_on_null_and_overflow() {
    // SAFETY: NULL is checked before use.
    assert!(unsafe { ffi_bridge_sum(null(), 2) }.is_nan());
    // SAFETY: NULL is checked before use.
    assert!(unsafe { ffi_bridge_sum(null(), 0) }.is_nan());
    let values = [1.0_f64, 2.0];
    for length in [isize::MAX as usize / 8 + 1, usize::MAX / 8 + 1, usize::MAX] {
        // SAFETY: the overflowing length is rejected before anything is read.
        assert!(unsafe { ffi_bridge_sum(values.as_ptr(), length) }.is_nan());
    }
}

#[test]
fn a_panic_yields_the_panic_status_or_a_no_op() {
    let mut s = storage(4);
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: room for 4 doubles.
    unsafe { fill_buffer(at(&mut s, 0), 4) };
    assert_eq!(s, storage(4));
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: room for 4 doubles.
    assert_eq!(unsafe { ffi_bridge_fill_buffer(at(&mut s, 0), 4) }, -7);
    assert_eq!(s, storage(4));
    let mut out = 42.0;
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: 4 readable doubles and a writable out.
    let status = unsafe { ffi_bridge_sum_buffer(at(&mut s, 0), 4, &mut out) };
    assert_eq!(status, -7);
    assert_eq!(out, 42.0);
    let values = [1.0_f64, 2.0];
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: `values` holds 2 doubles.
    assert!(unsafe { ffi_bridge_sum(values.as_ptr(), 2) }.is_nan());
    // SAFETY: as above; the switch is disarmed again.
    assert_eq!(unsafe { ffi_bridge_sum(values.as_ptr(), 2) }, 3.0);
}

mod pieces;
