//! The byte layout of `docs/abi.md`: little-endian, compatible with bincode 1.x fixint
//! encoding. Pure, safe code; the exports live in [`crate::codec`].
//!
//! | value    | layout                                                            |
//! |----------|-------------------------------------------------------------------|
//! | Person   | `u32 age`, `f32 height` (bits), `u64 n`, `n` bytes of UTF-8 name   |
//! | Data     | 5 × `f64` (bits)                                                  |
//! | sequence | `u64 count`, `count` × `f64` (bits)                               |

use std::mem::MaybeUninit;

use crate::alloc::try_vec;
use crate::raw::{byte_storage_as_slots, f64_byte_len, Slot};
use crate::status::{FfiResult, Status};

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
    let mut out = try_vec(encoded_len(PERSON_HEADER, name.len())?)?;
    out.extend_from_slice(&age.to_le_bytes());
    out.extend_from_slice(&height.to_bits().to_le_bytes());
    out.extend_from_slice(&(name.len() as u64).to_le_bytes());
    out.extend_from_slice(name);
    Ok(out)
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
        crate::kernel::fill(slots, 0);
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
    std::str::from_utf8(name).map_err(|_| Status::FFI_BRIDGE_INVALID_UTF8)?;
    if name.contains(&0) {
        return Err(Status::FFI_BRIDGE_INTERIOR_NUL);
    }
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
mod tests {
    use super::*;

    const MALFORMED: Status = Status::FFI_BRIDGE_MALFORMED_BYTES;

    /// The bincode 1.x (fixint, little-endian) bytes of `(30u32, 5.8f32, "Alice")`.
    const ALICE: [u8; 21] = [
        30, 0, 0, 0, // age
        0x9A, 0x99, 0xB9, 0x40, // 5.8f32 = 0x40B9999A
        5, 0, 0, 0, 0, 0, 0, 0, // name length
        b'A', b'l', b'i', b'c', b'e',
    ];

    #[test]
    fn person_layout_is_bincode_fixint() {
        assert_eq!(encode_person(30, 5.8, b"Alice").unwrap(), ALICE);
        let decoded = decode_person(&ALICE).unwrap();
        assert_eq!(
            decoded,
            DecodedPerson {
                age: 30,
                height: 5.8,
                name: b"Alice"
            }
        );
        let empty = encode_person(0, -0.0, b"").unwrap();
        assert_eq!(empty.len(), 16);
        assert_eq!(
            decode_person(&empty).unwrap().height.to_bits(),
            (-0.0_f32).to_bits()
        );
    }

    #[test]
    fn person_decoding_is_strict() {
        for cut in 0..ALICE.len() {
            assert_eq!(decode_person(&ALICE[..cut]), Err(MALFORMED), "cut {cut}");
        }
        let mut trailing = ALICE.to_vec();
        trailing.push(0);
        assert_eq!(decode_person(&trailing), Err(MALFORMED));
        for huge in [6, 1 << 40, u64::MAX, u64::MAX - 15, i64::MAX as u64 + 1] {
            let mut bad = ALICE;
            bad[8..16].copy_from_slice(&huge.to_le_bytes());
            assert_eq!(decode_person(&bad), Err(MALFORMED), "length {huge}");
        }
        let mut short_name = ALICE;
        short_name[8] = 4;
        assert_eq!(decode_person(&short_name), Err(MALFORMED));
        let mut bad_utf8 = ALICE;
        bad_utf8[16] = 0xFF;
        assert_eq!(
            decode_person(&bad_utf8),
            Err(Status::FFI_BRIDGE_INVALID_UTF8)
        );
        let mut truncated_utf8 = encode_person(1, 1.0, "é".as_bytes()).unwrap();
        truncated_utf8.pop();
        truncated_utf8[8] = 1;
        assert_eq!(
            decode_person(&truncated_utf8),
            Err(Status::FFI_BRIDGE_INVALID_UTF8)
        );
        let mut nul = ALICE;
        nul[18] = 0;
        assert_eq!(decode_person(&nul), Err(Status::FFI_BRIDGE_INTERIOR_NUL));
    }

    #[test]
    fn data_round_trip_and_strictness() {
        let values = [1.1, 2.2, 3.3, 4.4, 5.5];
        let bytes = encode_data(&values).unwrap();
        assert_eq!(bytes.len(), 40);
        assert_eq!(bytes[..8], 1.1_f64.to_bits().to_le_bytes());
        assert_eq!(decode_data(&bytes).unwrap(), values);
        for cut in 0..40 {
            assert_eq!(decode_data(&bytes[..cut]), Err(MALFORMED));
        }
        let mut trailing = bytes.clone();
        trailing.push(1);
        assert_eq!(decode_data(&trailing), Err(MALFORMED));
        let nan = encode_data(&[f64::NAN, -0.0, f64::INFINITY, 0.0, 1.0]).unwrap();
        let back = decode_data(&nan).unwrap();
        assert_eq!(back[0].to_bits(), f64::NAN.to_bits());
        assert_eq!(back[1].to_bits(), (-0.0_f64).to_bits());
    }

    #[test]
    fn sequence_round_trip_and_strictness() {
        let values = [0.5_f64, -1.25, 3.0];
        let slots: Vec<Slot> = values.iter().map(|v| v.to_ne_bytes()).collect();
        let bytes = encode_sequence(&slots).unwrap();
        assert_eq!(bytes.len(), 8 + 24);
        assert_eq!(bytes[..8], 3_u64.to_le_bytes());
        assert_eq!(bytes[8..16], 0.5_f64.to_bits().to_le_bytes());
        assert_eq!(decode_sequence(&bytes).unwrap(), values);
        for cut in 0..bytes.len() {
            assert_eq!(decode_sequence(&bytes[..cut]), Err(MALFORMED), "cut {cut}");
        }
        let mut trailing = bytes.clone();
        trailing.push(0);
        assert_eq!(decode_sequence(&trailing), Err(MALFORMED));
        for count in [2, 4, u64::MAX, u64::MAX / 8 + 1, 1 << 61] {
            let mut bad = bytes.clone();
            bad[..8].copy_from_slice(&count.to_le_bytes());
            assert_eq!(decode_sequence(&bad), Err(MALFORMED), "count {count}");
        }
        let empty = encode_sequence(&[]).unwrap();
        assert_eq!(empty, [0; 8]);
        assert_eq!(decode_sequence(&empty).unwrap(), Vec::<f64>::new());
    }

    #[test]
    fn fill_sequence_is_the_encoded_fill() {
        for count in [0, 1, 7, 16, 17, 1025] {
            let slots: Vec<Slot> = (0..count).map(|i| (i as f64).to_ne_bytes()).collect();
            assert_eq!(
                fill_sequence(count).unwrap(),
                encode_sequence(&slots).unwrap()
            );
        }
        assert_eq!(
            fill_sequence(isize::MAX as usize / 8).unwrap_err(),
            Status::FFI_BRIDGE_LENGTH_OVERFLOW
        );
        assert_eq!(
            fill_sequence(isize::MAX as usize / 8 - 1).unwrap_err(),
            Status::FFI_BRIDGE_ALLOCATION_FAILED
        );
    }
}
