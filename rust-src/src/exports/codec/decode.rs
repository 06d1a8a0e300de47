//! `ffi_bridge_decode_*`: bytes to values.

use crate::exports::data::Data;
use crate::exports::owned::{hand_out, FfiBridgeBuffer};
use crate::exports::person::{new_person, Person};
use crate::ffi::boundary::status_boundary;
use crate::ffi::raw::{caller_slice, caller_slice_mut, non_null, write_out, Slot};
use crate::ffi::status::FfiResult;
use crate::wire;

/// The shape of the decoders of one value: checks `out`, decodes `bytes[0..length]` with
/// `decode` and writes the result to `*out`, which is not written on error.
///
/// # Safety
///
/// `bytes` must be NULL or valid for reading `length` bytes; `out` must be NULL or valid for
/// writing one `T` (any alignment).
unsafe fn decode_value<T>(
    bytes: *const u8,
    length: usize,
    out: *mut T,
    decode: impl FnOnce(&[u8]) -> FfiResult<T>,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        // SAFETY: forwarded caller contract for `bytes`/`length`.
        let value = decode(unsafe { caller_slice(bytes, length) }?)?;
        // SAFETY: `out` is non-null and, by the caller's contract, writable.
        unsafe { write_out(out, value) };
        Ok(())
    })
}

/// Decodes exactly one Person from `bytes[0..length]` into a new `Person` written to `*out`;
/// free it with `free_person`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER`, `FFI_BRIDGE_LENGTH_OVERFLOW`
/// (`length > PTRDIFF_MAX`), `FFI_BRIDGE_MALFORMED_BYTES` (truncated, trailing bytes,
/// impossible name length), `FFI_BRIDGE_INVALID_UTF8`, `FFI_BRIDGE_INTERIOR_NUL`,
/// `FFI_BRIDGE_ALLOCATION_FAILED` or `FFI_BRIDGE_PANIC`; on error nothing is allocated and
/// `*out` is not written.
///
/// # Safety
///
/// `bytes` must be NULL or valid for reading `length` bytes; `out` must be NULL or valid for
/// writing one pointer (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_decode_person(
    bytes: *const u8,
    length: usize,
    out: *mut *mut Person,
) -> i32 {
    // SAFETY: forwarded caller contract for `bytes`/`length` and `out`.
    unsafe {
        decode_value(bytes, length, out, |input| {
            let decoded = wire::decode_person(input)?;
            new_person(decoded.name, decoded.age, decoded.height)
        })
    }
}

/// Decodes exactly one `Data` (exactly 40 bytes) into the caller-allocated `*out`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER`, `FFI_BRIDGE_LENGTH_OVERFLOW`,
/// `FFI_BRIDGE_MALFORMED_BYTES` or `FFI_BRIDGE_PANIC`; on error `*out` is not written.
///
/// # Safety
///
/// `bytes` must be NULL or valid for reading `length` bytes; `out` must be NULL or valid for
/// writing one `Data` (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_decode_data(
    bytes: *const u8,
    length: usize,
    out: *mut Data,
) -> i32 {
    // SAFETY: forwarded caller contract for `bytes`/`length` and `out`.
    unsafe {
        decode_value(bytes, length, out, |input| {
            Ok(Data {
                values: wire::decode_data(input)?,
            })
        })
    }
}

/// Decodes exactly one sequence into a new `FfiBridgeBuffer` written to `*out`; free it with
/// `ffi_bridge_buffer_free`. `data` is NULL when the count is 0.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER`, `FFI_BRIDGE_LENGTH_OVERFLOW`,
/// `FFI_BRIDGE_MALFORMED_BYTES`, `FFI_BRIDGE_ALLOCATION_FAILED` or `FFI_BRIDGE_PANIC`; on
/// error nothing is allocated and `*out` is not written.
///
/// # Safety
///
/// `bytes` must be NULL or valid for reading `length` bytes; `out` must be NULL or valid for
/// writing one pointer (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_decode_sequence(
    bytes: *const u8,
    length: usize,
    out: *mut *mut FfiBridgeBuffer,
) -> i32 {
    // SAFETY: forwarded caller contract for `bytes`/`length` and `out`.
    unsafe {
        decode_value(bytes, length, out, |input| {
            hand_out::<FfiBridgeBuffer>(wire::decode_sequence(input)?)
        })
    }
}

/// Decodes exactly one sequence like `ffi_bridge_decode_sequence`, but into the caller's
/// `out[0..out_length]`, without allocating; `out_length` must be the sequence's count, which
/// for well-formed bytes is `(length - 8) / 8`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER`, `FFI_BRIDGE_LENGTH_OVERFLOW` (`length`
/// or `out_length * 8` above `PTRDIFF_MAX`), `FFI_BRIDGE_MALFORMED_BYTES` (checked before the
/// output's length), `FFI_BRIDGE_OUTPUT_LENGTH` or `FFI_BRIDGE_PANIC`; on error `out` is not
/// written. Neither pointer need be aligned.
///
/// # Safety
///
/// `bytes` must be NULL or valid for reading `length` bytes; `out` must be NULL or valid for
/// writing `out_length` doubles, and the two ranges must not overlap.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_decode_sequence_into(
    bytes: *const u8,
    length: usize,
    out: *mut f64,
    out_length: usize,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        // SAFETY: forwarded caller contract for `bytes`/`length`.
        let input = unsafe { caller_slice(bytes, length) }?;
        // SAFETY: forwarded caller contract: `out_length` writable doubles at `out` that do
        // not overlap `bytes`.
        let out = unsafe { caller_slice_mut::<Slot>(out, out_length) }?;
        wire::decode_sequence_into(input, out)
    })
}
