//! `ffi_bridge_encode_*` and `ffi_bridge_fill_serialized`: values to bytes.

use crate::exports::data::Data;
use crate::exports::owned::{hand_out, FfiBridgeBytes};
use crate::exports::person::Person;
use crate::ffi::boundary::status_boundary;
use crate::ffi::raw::{
    caller_slice, caller_slice_mut, caller_utf8, non_null, read_in, write_out, Slot,
};
use crate::ffi::status::FfiResult;
use crate::wire;

/// Hands `encoded` out through `out` as a new `FfiBridgeBytes`.
///
/// # Safety
///
/// `out` must be non-null and valid for writing one pointer.
unsafe fn hand_out_bytes(
    encoded: FfiResult<Vec<u8>>,
    out: *mut *mut FfiBridgeBytes,
) -> FfiResult<()> {
    let bytes = hand_out::<FfiBridgeBytes>(encoded?)?;
    // SAFETY: forwarded caller contract: `out` is non-null and writable.
    unsafe { write_out(out, bytes) };
    Ok(())
}

/// The shape of the encoders of one value: checks both pointers, reads `*value`, encodes it with
/// `encode` and hands the bytes out through `out`.
///
/// # Safety
///
/// `value` must be NULL or point at a readable `T` (any alignment); `out` must be NULL or valid
/// for writing one pointer; `encode` may rely on what the caller guarantees about the `T`.
unsafe fn encode_value<T: Copy>(
    value: *const T,
    out: *mut *mut FfiBridgeBytes,
    encode: impl FnOnce(T) -> FfiResult<Vec<u8>>,
) -> i32 {
    status_boundary(|| {
        non_null(value)?;
        non_null(out)?;
        // SAFETY: `value` is non-null and, by the caller's contract, readable.
        let value = unsafe { read_in(value) };
        // SAFETY: `out` is non-null and, by the caller's contract, writable.
        unsafe { hand_out_bytes(encode(value), out) }
    })
}

/// Encodes `*person` (`u32 age`, `f32 height`, `u64 n`, `n` name bytes) into a new
/// `FfiBridgeBytes` written to `*out`; free it with `ffi_bridge_bytes_free`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`person`, `person->name` or `out`
/// NULL), `FFI_BRIDGE_INVALID_UTF8` (name not UTF-8), `FFI_BRIDGE_LENGTH_OVERFLOW`,
/// `FFI_BRIDGE_ALLOCATION_FAILED` or `FFI_BRIDGE_PANIC`; on error nothing is allocated and
/// `*out` is not written.
///
/// # Safety
///
/// `person` must be NULL or point at a readable `Person` (any alignment) whose `name` is NULL
/// or a NUL-terminated string; `out` must be NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_encode_person(
    person: *const Person,
    out: *mut *mut FfiBridgeBytes,
) -> i32 {
    let encode = |person: Person| {
        // SAFETY: by the caller's contract `name` is NULL or a NUL-terminated string.
        let name = unsafe { caller_utf8(person.name) }?;
        wire::encode_person(person.age, person.height, name)
    };
    // SAFETY: forwarded caller contract for `person` and `out`.
    unsafe { encode_value(person, out, encode) }
}

/// Encodes a person given by its fields, with the `name_length` bytes at `name` as its name, like
/// `ffi_bridge_encode_person` but into the caller's `out[0..out_length]`, without allocating;
/// `out_length` must be `16 + name_length`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`name` or `out` NULL, whatever the
/// lengths), `FFI_BRIDGE_INVALID_UTF8` (name not UTF-8), `FFI_BRIDGE_INTERIOR_NUL` (a NUL byte in
/// the name, which the decoder would refuse), `FFI_BRIDGE_LENGTH_OVERFLOW`,
/// `FFI_BRIDGE_OUTPUT_LENGTH` or `FFI_BRIDGE_PANIC`; on error `out` is not written. Neither
/// pointer need be aligned.
///
/// # Safety
///
/// `name` must be NULL or valid for reading `name_length` bytes; `out` must be NULL or valid for
/// writing `out_length` bytes, and the two ranges must not overlap.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_encode_person_into(
    name: *const u8,
    name_length: usize,
    age: u32,
    height: f32,
    out: *mut u8,
    out_length: usize,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        // SAFETY: forwarded caller contract for `name`/`name_length`.
        let name = unsafe { caller_slice::<u8>(name, name_length) }?;
        wire::check_name(name)?;
        // SAFETY: forwarded caller contract: `out_length` writable bytes at `out` that do not
        // overlap the name.
        let out = unsafe { caller_slice_mut::<u8>(out, out_length) }?;
        wire::encode_person_into(age, height, name, out)
    })
}

/// Encodes `*data` (5 × `f64`) into a new `FfiBridgeBytes` written to `*out`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER`, `FFI_BRIDGE_ALLOCATION_FAILED` or
/// `FFI_BRIDGE_PANIC`; on error nothing is allocated and `*out` is not written.
///
/// # Safety
///
/// `data` must be NULL or point at a readable `Data` (any alignment); `out` must be NULL or
/// valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_encode_data(
    data: *const Data,
    out: *mut *mut FfiBridgeBytes,
) -> i32 {
    // SAFETY: forwarded caller contract for `data` and `out`.
    unsafe { encode_value(data, out, |data| wire::encode_data(&data.values)) }
}

/// Encodes `values[0..length]` (`u64 count`, `count` × `f64`) into a new `FfiBridgeBytes`
/// written to `*out`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`values` or `out` NULL, whatever
/// `length`), `FFI_BRIDGE_LENGTH_OVERFLOW`, `FFI_BRIDGE_ALLOCATION_FAILED` or
/// `FFI_BRIDGE_PANIC`; on error nothing is allocated and `*out` is not written. `values` need
/// not be 8-byte aligned.
///
/// # Safety
///
/// `values` must be NULL or valid for reading `length` doubles; `out` must be NULL or valid
/// for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_encode_sequence(
    values: *const f64,
    length: usize,
    out: *mut *mut FfiBridgeBytes,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        // SAFETY: forwarded caller contract for `values`/`length`.
        let values = unsafe { caller_slice::<Slot>(values, length) }?;
        // SAFETY: `out` is non-null and, by the caller's contract, writable.
        unsafe { hand_out_bytes(wire::encode_sequence(values), out) }
    })
}

/// Encodes `values[0..length]` like `ffi_bridge_encode_sequence`, but into the caller's
/// `out[0..out_length]`, without allocating; `out_length` must be `8 + length * 8`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`values` or `out` NULL, whatever the
/// lengths), `FFI_BRIDGE_LENGTH_OVERFLOW` (`8 + length * 8 > PTRDIFF_MAX`),
/// `FFI_BRIDGE_OUTPUT_LENGTH` or `FFI_BRIDGE_PANIC`; on error `out` is not written. Neither
/// pointer need be aligned.
///
/// # Safety
///
/// `values` must be NULL or valid for reading `length` doubles; `out` must be NULL or valid
/// for writing `out_length` bytes, and the two ranges must not overlap.
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_encode_sequence_into(
    values: *const f64,
    length: usize,
    out: *mut u8,
    out_length: usize,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        // SAFETY: forwarded caller contract for `values`/`length`.
        let values = unsafe { caller_slice::<Slot>(values, length) }?;
        // SAFETY: forwarded caller contract: `out_length` writable bytes at `out` that do not
        // overlap `values`.
        let out = unsafe { caller_slice_mut::<u8>(out, out_length) }?;
        wire::encode_sequence_into(values, out)
    })
}

/// Strategy "serialized bytes": writes to `*out` the encoded sequence of the first `length`
/// fill values (`0.0, 1.0, …`); free it with `ffi_bridge_bytes_free`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER`, `FFI_BRIDGE_LENGTH_OVERFLOW`
/// (`8 + length * 8 > PTRDIFF_MAX`), `FFI_BRIDGE_ALLOCATION_FAILED` or `FFI_BRIDGE_PANIC`;
/// on error nothing is allocated and `*out` is not written.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one pointer (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_fill_serialized(
    length: usize,
    out: *mut *mut FfiBridgeBytes,
) -> i32 {
    status_boundary(|| {
        non_null(out)?;
        // SAFETY: `out` is non-null and, by the caller's contract, writable.
        unsafe { hand_out_bytes(wire::fill_sequence(length), out) }
    })
}
