//! The byte layout of `docs/abi.md`: little-endian, compatible with bincode 1.x fixint
//! encoding. Pure, safe code; the exports live in [`crate::exports::codec`].
//!
//! | value    | layout                                                            |
//! |----------|-------------------------------------------------------------------|
//! | Person   | `u32 age`, `f32 height` (bits), `u64 n`, `n` bytes of UTF-8 name   |
//! | Data     | 5 × `f64` (bits)                                                  |
//! | sequence | `u64 count`, `count` × `f64` (bits)                               |

use std::mem::MaybeUninit;

use crate::ffi::alloc::try_vec;
use crate::ffi::raw::{byte_storage_as_slots, f64_byte_len, Slot};
use crate::ffi::status::{FfiResult, Status};

/// Bytes before a Person's name: age, height, name length.
const PERSON_HEADER: usize = 16;
/// Bytes of an encoded `Data`.
pub(crate) const DATA_LEN: usize = 40;
/// Bytes before a sequence's values: the count.
const SEQUENCE_HEADER: usize = 8;

/// `header + body` as an encoded size, or `FFI_BRIDGE_LENGTH_OVERFLOW` beyond `isize::MAX`.
fn encoded_len(header: usize, body: usize) -> FfiResult<usize> {
    match body.checked_add(header) {
        Some(total) if total <= isize::MAX as usize => Ok(total),
        _ => Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW),
    }
}

/// Encodes a Person whose name bytes are `name` (UTF-8, no NUL: checked by the caller).
pub(crate) fn encode_person(age: u32, height: f32, name: &[u8]) -> FfiResult<Vec<u8>> {
    let total = encoded_len(PERSON_HEADER, name.len())?;
    let mut out = try_vec::<u8>(total)?;
    encode_person_into(age, height, name, &mut out.spare_capacity_mut()[..total])?;
    // SAFETY: the capacity is at least `total`, and `encode_person_into` wrote all of it.
    unsafe { out.set_len(total) };
    Ok(out)
}

/// The checks of a name given with its length: `FFI_BRIDGE_INVALID_UTF8`, then
/// `FFI_BRIDGE_INTERIOR_NUL` (such a name could not be decoded into a C string).
pub(crate) fn check_name(name: &[u8]) -> FfiResult<()> {
    std::str::from_utf8(name).map_err(|_| Status::FFI_BRIDGE_INVALID_UTF8)?;
    if name.contains(&0) {
        return Err(Status::FFI_BRIDGE_INTERIOR_NUL);
    }
    Ok(())
}

/// [`encode_person`] into `out`, which must be exactly the encoded size
/// (`FFI_BRIDGE_OUTPUT_LENGTH` otherwise, with `out` untouched).
pub(crate) fn encode_person_into(
    age: u32,
    height: f32,
    name: &[u8],
    out: &mut [MaybeUninit<u8>],
) -> FfiResult<()> {
    if out.len() != encoded_len(PERSON_HEADER, name.len())? {
        return Err(Status::FFI_BRIDGE_OUTPUT_LENGTH);
    }
    let (header, body) = out.split_at_mut(PERSON_HEADER);
    let fields = age
        .to_le_bytes()
        .into_iter()
        .chain(height.to_bits().to_le_bytes())
        .chain((name.len() as u64).to_le_bytes());
    for (slot, byte) in header.iter_mut().zip(fields) {
        slot.write(byte);
    }
    for (slot, &byte) in body.iter_mut().zip(name) {
        slot.write(byte);
    }
    Ok(())
}

/// Encodes the five values of a `Data`.
pub(crate) fn encode_data(values: &[f64; 5]) -> FfiResult<Vec<u8>> {
    let mut out = try_vec(DATA_LEN)?;
    for v in values {
        out.extend_from_slice(&v.to_bits().to_le_bytes());
    }
    Ok(out)
}

/// Encodes a sequence of native-endian doubles.
pub(crate) fn encode_sequence(values: &[Slot]) -> FfiResult<Vec<u8>> {
    let total = encoded_len(SEQUENCE_HEADER, f64_byte_len(values.len())?)?;
    let mut out = try_vec::<u8>(total)?;
    encode_sequence_into(values, &mut out.spare_capacity_mut()[..total])?;
    // SAFETY: the capacity is at least `total`, and `encode_sequence_into` wrote all of it.
    unsafe { out.set_len(total) };
    Ok(out)
}

/// Encodes a sequence of native-endian doubles into `out`, which must be exactly as long as
/// the encoding (`FFI_BRIDGE_OUTPUT_LENGTH` otherwise, with nothing written).
pub(crate) fn encode_sequence_into(values: &[Slot], out: &mut [MaybeUninit<u8>]) -> FfiResult<()> {
    let total = encoded_len(SEQUENCE_HEADER, f64_byte_len(values.len())?)?;
    if out.len() != total {
        return Err(Status::FFI_BRIDGE_OUTPUT_LENGTH);
    }
    let (header, body) = out.split_at_mut(SEQUENCE_HEADER);
    for (slot, byte) in header.iter_mut().zip((values.len() as u64).to_le_bytes()) {
        slot.write(byte);
    }
    copy_swapping_le(values, byte_storage_as_slots(body));
    Ok(())
}

/// Copies `src` to `dst` (as long), converting each value between native and little-endian
/// byte order: a plain copy on little-endian targets, a byte swap (its own inverse) otherwise.
fn copy_swapping_le(src: &[Slot], dst: &mut [MaybeUninit<Slot>]) {
    assert_eq!(src.len(), dst.len());
    if cfg!(target_endian = "little") {
        // SAFETY: both hold `src.len()` slots, `MaybeUninit<Slot>` has the layout of `Slot`, and
        // `dst` is borrowed exclusively, so the ranges do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().cast::<Slot>(), src.len())
        };
    } else {
        for (d, s) in dst.iter_mut().zip(src) {
            d.write(u64::from_le_bytes(*s).to_ne_bytes());
        }
    }
}

/// The encoded sequence of the first `count` fill values `0.0, 1.0, …`, written directly
/// into the output by the fill kernel.
pub(crate) fn fill_sequence(count: usize) -> FfiResult<Vec<u8>> {
    let total = encoded_len(SEQUENCE_HEADER, f64_byte_len(count)?)?;
    let mut out = try_vec::<u8>(total)?;
    out.extend_from_slice(&(count as u64).to_le_bytes());
    let slots = byte_storage_as_slots(&mut out.spare_capacity_mut()[..total - SEQUENCE_HEADER]);
    if cfg!(target_endian = "little") {
        crate::kernels::fill(slots, 0);
    } else {
        for (i, slot) in slots.iter_mut().enumerate() {
            slot.write((i as f64).to_le_bytes());
        }
    }
    // SAFETY: the capacity is `total`; the header and all `count` slots after it are
    // initialized.
    unsafe { out.set_len(total) };
    Ok(out)
}

/// Reads the input front to back; any shortfall is `FFI_BRIDGE_MALFORMED_BYTES`.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The next `N` bytes.
    fn array<const N: usize>(&mut self) -> FfiResult<[u8; N]> {
        let (head, rest) = self
            .rest
            .split_first_chunk::<N>()
            .ok_or(Status::FFI_BRIDGE_MALFORMED_BYTES)?;
        self.rest = rest;
        Ok(*head)
    }

    /// The next little-endian `u32`.
    fn u32(&mut self) -> FfiResult<u32> {
        self.array().map(u32::from_le_bytes)
    }

    /// The next little-endian `u64`.
    fn u64(&mut self) -> FfiResult<u64> {
        self.array().map(u64::from_le_bytes)
    }

    /// The next `n` bytes (`n` from the input, so it may be impossibly large).
    fn bytes(&mut self, n: u64) -> FfiResult<&'a [u8]> {
        let n = usize::try_from(n).map_err(|_| Status::FFI_BRIDGE_MALFORMED_BYTES)?;
        if n > self.rest.len() {
            return Err(Status::FFI_BRIDGE_MALFORMED_BYTES);
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    /// Succeeds only if the whole input was consumed (no trailing bytes).
    fn finish(self) -> FfiResult<()> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(Status::FFI_BRIDGE_MALFORMED_BYTES)
        }
    }
}

/// A decoded Person, borrowing its name from the input.
#[derive(Debug, PartialEq)]
pub(crate) struct DecodedPerson<'a> {
    /// Age.
    pub(crate) age: u32,
    /// Height.
    pub(crate) height: f32,
    /// Name: valid UTF-8 without NUL.
    pub(crate) name: &'a [u8],
}

/// Decodes exactly one Person: `FFI_BRIDGE_MALFORMED_BYTES` if truncated, with trailing
/// bytes or an impossible name length; then `FFI_BRIDGE_INVALID_UTF8`, then
/// `FFI_BRIDGE_INTERIOR_NUL`.
pub(crate) fn decode_person(input: &[u8]) -> FfiResult<DecodedPerson<'_>> {
    let mut reader = Reader { rest: input };
    let age = reader.u32()?;
    let height = f32::from_bits(reader.u32()?);
    let name_len = reader.u64()?;
    let name = reader.bytes(name_len)?;
    reader.finish()?;
    check_name(name)?;
    Ok(DecodedPerson { age, height, name })
}

/// Decodes exactly one `Data` (exactly 40 bytes).
pub(crate) fn decode_data(input: &[u8]) -> FfiResult<[f64; 5]> {
    let mut reader = Reader { rest: input };
    let mut values = [0.0; 5];
    for v in &mut values {
        *v = f64::from_bits(reader.u64()?);
    }
    reader.finish()?;
    Ok(values)
}

/// Decodes exactly one sequence into a new vector: `FFI_BRIDGE_MALFORMED_BYTES` unless the
/// input is the count followed by exactly `count × 8` bytes.
pub(crate) fn decode_sequence(input: &[u8]) -> FfiResult<Vec<f64>> {
    let slots = sequence_values(input)?;
    let mut values = try_vec::<f64>(slots.len())?;
    values.extend(slots.iter().map(|s| f64::from_le_bytes(*s)));
    Ok(values)
}

/// Decodes exactly one sequence into `out` (native-endian doubles), which must hold exactly
/// its values: the bytes are checked first, then `out`'s length (`FFI_BRIDGE_OUTPUT_LENGTH`);
/// on error nothing is written.
pub(crate) fn decode_sequence_into(input: &[u8], out: &mut [MaybeUninit<Slot>]) -> FfiResult<()> {
    let slots = sequence_values(input)?;
    if out.len() != slots.len() {
        return Err(Status::FFI_BRIDGE_OUTPUT_LENGTH);
    }
    copy_swapping_le(slots, out);
    Ok(())
}

/// The little-endian values of exactly one encoded sequence: its count must match the bytes
/// that follow it.
fn sequence_values(input: &[u8]) -> FfiResult<&[Slot]> {
    let mut reader = Reader { rest: input };
    let count = reader.u64()?;
    let body = reader.rest;
    if count.checked_mul(8) != Some(body.len() as u64) {
        return Err(Status::FFI_BRIDGE_MALFORMED_BYTES);
    }
    let (slots, remainder) = body.as_chunks::<8>();
    debug_assert!(remainder.is_empty());
    Ok(slots)
}

#[cfg(test)]
mod tests;
