//! Caller-owned double buffers: the guide's `fill_buffer`, `ffi_bridge_fill_buffer`,
//! `ffi_bridge_sum_buffer` and `ffi_bridge_sum`, and the same in pieces: `ffi_bridge_fill_range`,
//! `ffi_bridge_fill_piece` and `ffi_bridge_sum_blocks`. The arithmetic lives in [`crate::kernels`].
//!
//! A caller that must not stay in one call for long (a Java critical call on a heap array holds
//! off the garbage collector until it returns) cuts a large buffer into pieces and calls the
//! piecewise functions once per piece; the results are exactly those of one call on the whole.

use crate::ffi::boundary::{ffi_boundary, status_boundary};
use crate::ffi::raw::{caller_slice, caller_slice_mut, non_null, read_in, write_out, Slot};
use crate::ffi::status::FfiResult;
use crate::ffi::status::Status;
use crate::kernels;

/// Checks and fills a caller buffer.
///
/// # Safety
///
/// As [`ffi_bridge_fill_buffer`].
unsafe fn fill_checked(buffer: *mut f64, length: usize) -> FfiResult<()> {
    // SAFETY: forwarded caller contract: `buffer` is NULL or `length` writable doubles (any
    // alignment) that nothing else accesses now.
    kernels::fill(unsafe { caller_slice_mut::<Slot>(buffer, length) }?, 0);
    Ok(())
}

/// The guide's function: `buffer[i] = (double) i` for `i < length`.
///
/// NULL, or `length * 8 > PTRDIFF_MAX`, is a no-op. `buffer` need not be 8-byte aligned.
///
/// # Safety
///
/// `buffer` must be NULL or valid for writing `length` doubles.
#[no_mangle]
pub unsafe extern "C" fn fill_buffer(buffer: *mut f64, length: usize) {
    ffi_boundary(|| {
        // SAFETY: forwarded caller contract; errors are the documented no-ops.
        let _ = unsafe { fill_checked(buffer, length) };
    })
}

/// `fill_buffer` with a status: `buffer[i] = (double) i` for `i < length`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`buffer` NULL, whatever `length`),
/// `FFI_BRIDGE_LENGTH_OVERFLOW` (`length * 8 > PTRDIFF_MAX`) or `FFI_BRIDGE_PANIC`; on error
/// nothing is written. `buffer` need not be 8-byte aligned.
///
/// # Safety
///
/// `buffer` must be NULL or valid for writing `length` doubles.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_fill_buffer(buffer: *mut f64, length: usize) -> i32 {
    // SAFETY: forwarded caller contract.
    status_boundary(|| unsafe { fill_checked(buffer, length) })
}

/// Writes to `*out` the sum of `buffer[0..length]` in the order of `docs/abi.md` (sixteen
/// accumulators `acc[i % 16]`, then the fixed tree), so the result is bit-exact.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`buffer` or `out` NULL, whatever
/// `length`), `FFI_BRIDGE_LENGTH_OVERFLOW` or `FFI_BRIDGE_PANIC`; on error `*out` is not
/// written. Neither pointer need be 8-byte aligned. The sum of zero values is `+0.0`.
///
/// # Safety
///
/// `buffer` must be NULL or valid for reading `length` doubles; `out` must be NULL or valid
/// for writing one double.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_sum_buffer(
    buffer: *const f64,
    length: usize,
    out: *mut f64,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        // SAFETY: forwarded caller contract for `buffer` and `length`.
        let sum = unsafe { sum_checked(buffer, length) }?;
        // SAFETY: `out` is non-null and, by the caller's contract, writable.
        unsafe { write_out(out, sum) };
        Ok(())
    })
}

/// Checks and sums a caller buffer in the documented order.
///
/// # Safety
///
/// `buffer` must be NULL or valid for reading `length` doubles (any alignment), not written
/// during the call.
#[inline(always)]
unsafe fn sum_checked(buffer: *const f64, length: usize) -> FfiResult<f64> {
    // SAFETY: forwarded caller contract.
    Ok(kernels::sum(unsafe { caller_slice(buffer, length) }?))
}

/// Returns the sum of `buffer[0..length]` in the order of `docs/abi.md`, bit for bit the value
/// that [`ffi_bridge_sum_buffer`] writes to `*out`, without an output pointer.
///
/// Returns NaN when `buffer` is NULL (whatever `length`), when `length * 8 > PTRDIFF_MAX`, or
/// when a panic was caught. A NaN is also the correct sum of inputs containing a NaN (or of
/// `+inf` and `-inf`): use `ffi_bridge_sum_buffer` to tell an error from a NaN sum. `buffer`
/// need not be 8-byte aligned. The sum of zero values is `+0.0`.
///
/// # Safety
///
/// `buffer` must be NULL or valid for reading `length` doubles.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_sum(buffer: *const f64, length: usize) -> f64 {
    ffi_boundary(|| {
        // SAFETY: forwarded caller contract.
        unsafe { sum_checked(buffer, length) }.unwrap_or(f64::NAN)
    })
}

/// Writes `(double) (start + i)` into `buffer[i]` for `i < length`: the values of
/// `ffi_bridge_fill_buffer` on a buffer of which this one starts at index `start`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`buffer` NULL, whatever `length`),
/// `FFI_BRIDGE_LENGTH_OVERFLOW` (`length * 8 > PTRDIFF_MAX`, or `start + length > 2^64`) or
/// `FFI_BRIDGE_PANIC`; on error nothing is written. `buffer` need not be 8-byte aligned.
///
/// # Safety
///
/// `buffer` must be NULL or valid for writing `length` doubles.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_fill_range(buffer: *mut f64, length: usize, start: u64) -> i32 {
    // SAFETY: forwarded caller contract.
    status_boundary(|| unsafe { fill_range_checked(buffer, length, start, length) })
}

/// [`ffi_bridge_fill_range`] for one piece of a fill of `total` doubles in all: the same values
/// and statuses, written the way one `ffi_bridge_fill_buffer` of `total` doubles writes them.
///
/// From 8 Mi doubles (64 MiB) of `total` on, that is past the caches (non-temporal stores,
/// where the CPU has AVX-512F), which is twice as fast as regular stores at that size and
/// leaves the caches to the caller; a caller that fills 64 MiB in pieces of 4 MiB only gets
/// them through `total`. `total` only chooses the stores: a `total` below `length` counts as
/// `length`.
///
/// # Safety
///
/// `buffer` must be NULL or valid for writing `length` doubles.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_fill_piece(
    buffer: *mut f64,
    length: usize,
    start: u64,
    total: usize,
) -> i32 {
    // SAFETY: forwarded caller contract.
    status_boundary(|| unsafe { fill_range_checked(buffer, length, start, total) })
}

/// Checks and fills a piece of a fill of `total` doubles.
///
/// # Safety
///
/// As [`ffi_bridge_fill_range`].
unsafe fn fill_range_checked(
    buffer: *mut f64,
    length: usize,
    start: u64,
    total: usize,
) -> FfiResult<()> {
    // SAFETY: forwarded caller contract: `buffer` is NULL or `length` writable doubles (any
    // alignment) that nothing else accesses now.
    let dst = unsafe { caller_slice_mut::<Slot>(buffer, length) }?;
    // The last index, start + length - 1, must be a u64.
    if length != 0 && start.checked_add(length as u64 - 1).is_none() {
        return Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW);
    }
    kernels::fill_piece(dst, start, total);
    Ok(())
}

/// Adds the sixteen lanes of every block of `buffer[0..length]` to `totals[0..16]`, block by
/// block in order, as the sum order of `docs/abi.md` does; blocks are 8192 values counted from
/// `buffer`, the last one shorter if `length` is not a multiple.
///
/// Called on consecutive pieces of one buffer, each starting at a multiple of 8192 values,
/// with `totals` starting at sixteen `+0.0`, it leaves in `totals` the block totals of the
/// whole buffer; the fixed tree of `docs/abi.md` then gives the bits of `ffi_bridge_sum`.
/// Large pieces use the sum's second thread as `ffi_bridge_sum` does.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`buffer` or `totals` NULL, whatever
/// `length`), `FFI_BRIDGE_LENGTH_OVERFLOW` or `FFI_BRIDGE_PANIC`; on error `totals` is not
/// written. Neither pointer need be 8-byte aligned.
///
/// # Safety
///
/// `buffer` must be NULL or valid for reading `length` doubles, not written during the call;
/// `totals` must be NULL or valid for reading and writing sixteen doubles, apart from `buffer`.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_sum_blocks(
    buffer: *const f64,
    length: usize,
    totals: *mut f64,
) -> i32 {
    status_boundary(|| {
        non_null(totals)?;
        // SAFETY: forwarded caller contract for `buffer` and `length`.
        let src = unsafe { caller_slice::<Slot>(buffer, length) }?;
        let lanes = totals.cast::<[f64; 16]>();
        // SAFETY: `totals` is non-null and holds sixteen readable doubles (any alignment).
        let mut sums = unsafe { read_in(lanes) };
        kernels::add_blocks(src, &mut sums);
        // SAFETY: `totals` is non-null and writable for sixteen doubles.
        unsafe { write_out(lanes, sums) };
        Ok(())
    })
}

#[cfg(test)]
mod tests;
