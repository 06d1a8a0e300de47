//! Rust-owned arrays handed to the caller: `FfiBridgeBuffer` (doubles) and `FfiBridgeBytes`.

use std::ptr::{null_mut, slice_from_raw_parts_mut};

use crate::ffi::alloc::{try_box, try_vec};
use crate::ffi::boundary::{ffi_boundary, status_boundary};
use crate::ffi::counters::{Counter, BUFFERS, BYTE_ARRAYS};
use crate::ffi::raw::{f64_byte_len, f64_storage_as_slots, non_null, write_out};
use crate::ffi::status::FfiResult;
use crate::kernels;

/// Doubles owned by the library, read in place by the caller; free with
/// `ffi_bridge_buffer_free`. `data` is NULL when `length` is 0.
#[repr(C)]
#[derive(Debug)]
pub struct FfiBridgeBuffer {
    /// The first of `length` doubles (8-byte aligned), or NULL when `length` is 0.
    pub data: *mut f64,
    /// Number of doubles.
    pub length: usize,
}

/// Bytes owned by the library, read in place by the caller; free with
/// `ffi_bridge_bytes_free`. `data` is NULL when `length` is 0.
#[repr(C)]
#[derive(Debug)]
pub struct FfiBridgeBytes {
    /// The first of `length` bytes, or NULL when `length` is 0.
    pub data: *mut u8,
    /// Number of bytes.
    pub length: usize,
}

/// An array struct the library hands out: `data` and `length` of a boxed slice.
pub(crate) trait OwnedArray: Sized {
    /// The element type.
    type Item;
    /// The live counter of this kind.
    const COUNTER: &'static Counter;
    /// The struct for `length` elements at `data`.
    fn new(data: *mut Self::Item, length: usize) -> Self;
    /// `data` and `length`.
    fn parts(&self) -> (*mut Self::Item, usize);
}

/// Implements [`OwnedArray`] for a `data`/`length` struct of `$item` elements counted by `$counter`.
macro_rules! owned_array {
    ($array:ty, $item:ty, $counter:expr) => {
        impl OwnedArray for $array {
            type Item = $item;
            const COUNTER: &'static Counter = &$counter;

            fn new(data: *mut $item, length: usize) -> Self {
                Self { data, length }
            }

            fn parts(&self) -> (*mut $item, usize) {
                (self.data, self.length)
            }
        }
    };
}

owned_array!(FfiBridgeBuffer, f64, BUFFERS);
owned_array!(FfiBridgeBytes, u8, BYTE_ARRAYS);

/// Moves `values` into a new `A` (`data` NULL when empty) and counts it as handed out.
///
/// On error `values` is dropped, so nothing stays allocated.
pub(crate) fn hand_out<A: OwnedArray>(values: Vec<A::Item>) -> FfiResult<*mut A> {
    let mut array = try_box(A::new(null_mut(), 0))?;
    if !values.is_empty() {
        let length = values.len();
        *array = A::new(Box::into_raw(values.into_boxed_slice()).cast(), length);
    }
    A::COUNTER.handed_out();
    Ok(Box::into_raw(array))
}

/// Frees an array from [`hand_out`] and its elements; NULL is a no-op.
///
/// # Safety
///
/// `array` must be NULL or a value from [`hand_out`] that was not freed yet, with `data` and
/// `length` unchanged.
unsafe fn free_array<A: OwnedArray>(array: *mut A) {
    if array.is_null() {
        return;
    }
    // SAFETY: by the caller's contract `array` came from `Box::into_raw` in `hand_out` and is
    // freed only once.
    let array = unsafe { Box::from_raw(array) };
    let (data, length) = array.parts();
    if !data.is_null() {
        // SAFETY: `data`/`length` came from `Box::<[A::Item]>::into_raw` in `hand_out` and are
        // unchanged by the caller's contract.
        drop(unsafe { Box::from_raw(slice_from_raw_parts_mut(data, length)) });
    }
    drop(array);
    A::COUNTER.freed();
}

/// `length` doubles `0.0, 1.0, …` in a new vector (the fill values).
pub(crate) fn filled_vec(length: usize) -> FfiResult<Vec<f64>> {
    f64_byte_len(length)?;
    let mut values = try_vec::<f64>(length)?;
    kernels::fill(
        f64_storage_as_slots(&mut values.spare_capacity_mut()[..length]),
        0,
    );
    // SAFETY: the capacity is at least `length` and the fill initialized the first `length`
    // elements.
    unsafe { values.set_len(length) };
    Ok(values)
}

/// Strategy "Rust-owned buffer": writes to `*out` a new buffer holding the first `length`
/// fill values (`0.0, 1.0, …`), to be read in place and freed with `ffi_bridge_buffer_free`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER`, `FFI_BRIDGE_LENGTH_OVERFLOW`,
/// `FFI_BRIDGE_ALLOCATION_FAILED` or `FFI_BRIDGE_PANIC`; on error nothing is allocated and
/// `*out` is not written. `data` is NULL when `length` is 0.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one pointer (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_buffer_new_filled(
    length: usize,
    out: *mut *mut FfiBridgeBuffer,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        let buffer = hand_out::<FfiBridgeBuffer>(filled_vec(length)?)?;
        // SAFETY: `out` is non-null and, by the caller's contract, writable.
        unsafe { write_out(out, buffer) };
        Ok(())
    })
}

/// Frees an `FfiBridgeBuffer` and its doubles. NULL is a no-op.
///
/// # Safety
///
/// `buffer` must be NULL or a buffer returned by `ffi_bridge_buffer_new_filled` or
/// `ffi_bridge_decode_sequence` that was not freed yet, with `data` and `length` unchanged.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_buffer_free(buffer: *mut FfiBridgeBuffer) {
    // SAFETY: forwarded caller contract.
    ffi_boundary(|| unsafe { free_array(buffer) })
}

/// Frees an `FfiBridgeBytes` and its bytes. NULL is a no-op.
///
/// # Safety
///
/// `bytes` must be NULL or a value returned by an `ffi_bridge_encode_*` function or
/// `ffi_bridge_fill_serialized` that was not freed yet, with `data` and `length` unchanged.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_bytes_free(bytes: *mut FfiBridgeBytes) {
    // SAFETY: forwarded caller contract.
    ffi_boundary(|| unsafe { free_array(bytes) })
}

#[cfg(test)]
mod tests;
