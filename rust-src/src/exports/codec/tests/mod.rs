//! Tests of the codec exports, one file a subject; the helpers every subject uses are here.

use super::*;
use crate::exports::data::Data;
use crate::exports::owned::{FfiBridgeBuffer, FfiBridgeBytes};
use crate::exports::person::Person;
use crate::ffi_bridge_bytes_free;

mod data;
mod fill_serialized;
mod panics;
mod person;
mod person_into;
mod sequence;
mod sequence_into;

/// Copies the bytes of a library `FfiBridgeBytes` and frees it.
pub(super) fn take_bytes(bytes: *mut FfiBridgeBytes) -> Vec<u8> {
    assert!(!bytes.is_null());
    // SAFETY: `bytes` is a live library value holding `length` bytes at `data`.
    let copy = unsafe { std::slice::from_raw_parts((*bytes).data, (*bytes).length) }.to_vec();
    // SAFETY: `bytes` is live and freed once.
    unsafe { ffi_bridge_bytes_free(bytes) };
    copy
}

pub(super) fn decode_person(input: &[u8], out: *mut *mut Person) -> i32 {
    // SAFETY: `input` is readable; `out` is NULL or a writable slot.
    unsafe { ffi_bridge_decode_person(input.as_ptr(), input.len(), out) }
}

pub(super) fn decode_sequence(input: &[u8], out: *mut *mut FfiBridgeBuffer) -> i32 {
    // SAFETY: `input` is readable; `out` is NULL or a writable slot.
    unsafe { ffi_bridge_decode_sequence(input.as_ptr(), input.len(), out) }
}

pub(super) fn decode_data(input: &[u8], out: *mut Data) -> i32 {
    // SAFETY: `input` is readable; `out` is NULL or writable.
    unsafe { ffi_bridge_decode_data(input.as_ptr(), input.len(), out) }
}
