//! Rust-owned arrays handed to the caller: `FfiBridgeBuffer` (doubles) and `FfiBridgeBytes`.

use std::ptr::{null_mut, slice_from_raw_parts_mut};

use crate::alloc::{try_box, try_vec};
use crate::counters::{BUFFERS, BYTE_ARRAYS};
use crate::kernel;
use crate::panic::ffi_boundary;
use crate::raw::{f64_byte_len, f64_storage_as_slots, write_out};
use crate::status::{status_code, FfiResult, Status};

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

/// Moves `values` into a new `FfiBridgeBuffer` and counts it as handed out.
///
/// On error `values` is dropped, so nothing stays allocated.
pub(crate) fn buffer_from_vec(values: Vec<f64>) -> FfiResult<*mut FfiBridgeBuffer> {
    let mut buffer = try_box(FfiBridgeBuffer {
        data: null_mut(),
        length: 0,
    })?;
    if !values.is_empty() {
        buffer.length = values.len();
        buffer.data = Box::into_raw(values.into_boxed_slice()).cast::<f64>();
    }
    BUFFERS.handed_out();
    Ok(Box::into_raw(buffer))
}

/// Moves `bytes` into a new `FfiBridgeBytes` and counts it as handed out.
///
/// On error `bytes` is dropped, so nothing stays allocated.
pub(crate) fn bytes_from_vec(bytes: Vec<u8>) -> FfiResult<*mut FfiBridgeBytes> {
    let mut boxed = try_box(FfiBridgeBytes {
        data: null_mut(),
        length: 0,
    })?;
    if !bytes.is_empty() {
        boxed.length = bytes.len();
        boxed.data = Box::into_raw(bytes.into_boxed_slice()).cast::<u8>();
    }
    BYTE_ARRAYS.handed_out();
    Ok(Box::into_raw(boxed))
}

/// `length` doubles `0.0, 1.0, …` in a new vector (the fill values).
pub(crate) fn filled_vec(length: usize) -> FfiResult<Vec<f64>> {
    f64_byte_len(length)?;
    let mut values = try_vec::<f64>(length)?;
    kernel::fill(
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
    ffi_boundary(|| {
        let result = (|| -> FfiResult<()> {
            if out.is_null() {
                return Err(Status::FFI_BRIDGE_NULL_POINTER);
            }
            let buffer = buffer_from_vec(filled_vec(length)?)?;
            // SAFETY: `out` is non-null and, by the caller's contract, writable.
            unsafe { write_out(out, buffer) };
            Ok(())
        })();
        status_code(result)
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
    ffi_boundary(|| {
        if buffer.is_null() {
            return;
        }
        // SAFETY: by the caller's contract `buffer` came from `Box::into_raw` in
        // `buffer_from_vec` and is freed only once.
        let buffer = unsafe { Box::from_raw(buffer) };
        if !buffer.data.is_null() {
            // SAFETY: `data`/`length` came from `Box::<[f64]>::into_raw` in `buffer_from_vec`
            // and are unchanged by the caller's contract.
            drop(unsafe { Box::from_raw(slice_from_raw_parts_mut(buffer.data, buffer.length)) });
        }
        drop(buffer);
        BUFFERS.freed();
    })
}

/// Frees an `FfiBridgeBytes` and its bytes. NULL is a no-op.
///
/// # Safety
///
/// `bytes` must be NULL or a value returned by an `ffi_bridge_encode_*` function or
/// `ffi_bridge_fill_serialized` that was not freed yet, with `data` and `length` unchanged.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_bytes_free(bytes: *mut FfiBridgeBytes) {
    ffi_boundary(|| {
        if bytes.is_null() {
            return;
        }
        // SAFETY: by the caller's contract `bytes` came from `Box::into_raw` in
        // `bytes_from_vec` and is freed only once.
        let bytes = unsafe { Box::from_raw(bytes) };
        if !bytes.data.is_null() {
            // SAFETY: `data`/`length` came from `Box::<[u8]>::into_raw` in `bytes_from_vec`
            // and are unchanged by the caller's contract.
            drop(unsafe { Box::from_raw(slice_from_raw_parts_mut(bytes.data, bytes.length)) });
        }
        drop(bytes);
        BYTE_ARRAYS.freed();
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_filled(length: usize, out: *mut *mut FfiBridgeBuffer) -> i32 {
        // SAFETY: `out` is NULL or a writable pointer slot.
        unsafe { ffi_bridge_buffer_new_filled(length, out) }
    }

    /// Copies the doubles of a library buffer and frees it.
    fn take(buffer: *mut FfiBridgeBuffer) -> Vec<f64> {
        assert!(!buffer.is_null());
        // SAFETY: `buffer` is a live library buffer.
        let (data, length) = unsafe { ((*buffer).data, (*buffer).length) };
        let values = if length == 0 {
            assert!(data.is_null());
            Vec::new()
        } else {
            assert_eq!(data as usize % 8, 0);
            // SAFETY: a non-empty library buffer holds `length` aligned doubles.
            unsafe { std::slice::from_raw_parts(data, length) }.to_vec()
        };
        // SAFETY: `buffer` is live and freed once.
        unsafe { ffi_bridge_buffer_free(buffer) };
        values
    }

    #[test]
    fn new_filled_holds_the_fill_values() {
        for length in [0, 1, 7, 15, 16, 17, 1023, 1025] {
            let mut out = null_mut();
            assert_eq!(new_filled(length, &mut out), 0);
            let expected: Vec<f64> = (0..length).map(|i| i as f64).collect();
            assert_eq!(take(out), expected);
        }
    }

    #[test]
    fn new_filled_writes_an_unaligned_out() {
        let mut storage = [0_u8; 16];
        let out = storage[1..].as_mut_ptr().cast::<*mut FfiBridgeBuffer>();
        assert_eq!(new_filled(3, out), 0);
        // SAFETY: `out` holds the pointer just written, within `storage`.
        let buffer = unsafe { out.read_unaligned() };
        assert_eq!(take(buffer), [0.0, 1.0, 2.0]);
    }

    #[test]
    fn new_filled_errors_leave_out_untouched() {
        let sentinel = 0x1234 as *mut FfiBridgeBuffer;
        let mut out = sentinel;
        assert_eq!(new_filled(3, null_mut()), -1);
        assert_eq!(new_filled(isize::MAX as usize / 8 + 1, &mut out), -4);
        assert_eq!(new_filled(usize::MAX, &mut out), -4);
        // Representable but far beyond any address space: the allocator refuses.
        assert_eq!(new_filled(isize::MAX as usize / 8, &mut out), -5);
        assert_eq!(new_filled(1 << 58, &mut out), -5);
        assert_eq!(out, sentinel);
        crate::panic::inject_panic_once();
        assert_eq!(new_filled(3, &mut out), -7);
        assert_eq!(out, sentinel);
    }

    #[test]
    fn frees_accept_null_and_are_no_ops_on_panic() {
        // SAFETY: NULL is a documented no-op.
        unsafe { ffi_bridge_buffer_free(null_mut()) };
        // SAFETY: NULL is a documented no-op.
        unsafe { ffi_bridge_bytes_free(null_mut()) };

        let mut out = null_mut();
        assert_eq!(new_filled(2, &mut out), 0);
        crate::panic::inject_panic_once();
        // SAFETY: `out` is live; the injected panic makes this a no-op.
        unsafe { ffi_bridge_buffer_free(out) };
        assert_eq!(take(out), [0.0, 1.0]);

        let bytes = bytes_from_vec(vec![1, 2, 3]).unwrap();
        crate::panic::inject_panic_once();
        // SAFETY: `bytes` is live; the injected panic makes this a no-op.
        unsafe { ffi_bridge_bytes_free(bytes) };
        // SAFETY: `bytes` is live.
        assert_eq!(unsafe { (*bytes).length }, 3);
        // SAFETY: `bytes` is live and freed once.
        unsafe { ffi_bridge_bytes_free(bytes) };
    }

    #[test]
    fn empty_arrays_have_null_data() {
        let bytes = bytes_from_vec(Vec::new()).unwrap();
        // SAFETY: `bytes` is live.
        assert!(unsafe { (*bytes).data }.is_null());
        // SAFETY: `bytes` is live and freed once.
        unsafe { ffi_bridge_bytes_free(bytes) };
    }
}
