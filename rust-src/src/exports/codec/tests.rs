use super::*;
use crate::exports::data::Data;
use crate::exports::owned::{FfiBridgeBuffer, FfiBridgeBytes};
use crate::exports::person::{create_person, free_person, Person};
use crate::wire;
use crate::{ffi_bridge_buffer_free, ffi_bridge_bytes_free};
use std::ffi::CStr;
use std::ptr::{null, null_mut};

/// Copies the bytes of a library `FfiBridgeBytes` and frees it.
fn take_bytes(bytes: *mut FfiBridgeBytes) -> Vec<u8> {
    assert!(!bytes.is_null());
    // SAFETY: `bytes` is a live library value holding `length` bytes at `data`.
    let copy = unsafe { std::slice::from_raw_parts((*bytes).data, (*bytes).length) }.to_vec();
    // SAFETY: `bytes` is live and freed once.
    unsafe { ffi_bridge_bytes_free(bytes) };
    copy
}

fn decode_person(input: &[u8], out: *mut *mut Person) -> i32 {
    // SAFETY: `input` is readable; `out` is NULL or a writable slot.
    unsafe { ffi_bridge_decode_person(input.as_ptr(), input.len(), out) }
}

fn decode_sequence(input: &[u8], out: *mut *mut FfiBridgeBuffer) -> i32 {
    // SAFETY: `input` is readable; `out` is NULL or a writable slot.
    unsafe { ffi_bridge_decode_sequence(input.as_ptr(), input.len(), out) }
}

fn decode_data(input: &[u8], out: *mut Data) -> i32 {
    // SAFETY: `input` is readable; `out` is NULL or writable.
    unsafe { ffi_bridge_decode_data(input.as_ptr(), input.len(), out) }
}

#[test]
fn person_round_trip() {
    let alice = create_person();
    let mut bytes = null_mut();
    // SAFETY: `alice` is a live Person; `bytes` is a writable slot.
    assert_eq!(unsafe { ffi_bridge_encode_person(alice, &mut bytes) }, 0);
    // SAFETY: `alice` is live and freed once.
    unsafe { free_person(alice) };
    let encoded = take_bytes(bytes);
    assert_eq!(encoded.len(), 21);
    assert_eq!(encoded[16..], *b"Alice");

    // Decode from an odd address: bytes have no alignment requirement.
    let mut shifted = vec![0_u8];
    shifted.extend_from_slice(&encoded);
    let mut person = null_mut();
    assert_eq!(decode_person(&shifted[1..], &mut person), 0);
    // SAFETY: `person` is a live decoded Person.
    let p = unsafe { *person };
    assert_eq!((p.age, p.height), (30, 5.8));
    // SAFETY: its name is NUL-terminated.
    assert_eq!(unsafe { CStr::from_ptr(p.name) }.to_bytes(), b"Alice");
    // SAFETY: `person` is live and freed once.
    unsafe { free_person(person) };
}

#[test]
fn encode_person_rejects_nulls_and_bad_names() {
    let sentinel = 0x1234 as *mut FfiBridgeBytes;
    let mut out = sentinel;
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_encode_person(null(), &mut out) }, -1);
    let mut name = *b"Bob\0";
    let mut p = Person {
        age: 1,
        height: 2.0,
        name: name.as_mut_ptr().cast(),
    };
    // SAFETY: NULL out is checked before use.
    assert_eq!(unsafe { ffi_bridge_encode_person(&p, null_mut()) }, -1);
    let mut bad = *b"B\xffb\0";
    p.name = bad.as_mut_ptr().cast();
    // SAFETY: `p` is readable with a NUL-terminated name.
    assert_eq!(unsafe { ffi_bridge_encode_person(&p, &mut out) }, -2);
    p.name = null_mut();
    // SAFETY: the NULL name is checked before use.
    assert_eq!(unsafe { ffi_bridge_encode_person(&p, &mut out) }, -1);
    assert_eq!(out, sentinel);

    // A Person at an unaligned address encodes fine.
    p.name = name.as_mut_ptr().cast();
    let mut storage = [0_u8; 24];
    let at = storage[3..].as_mut_ptr().cast::<Person>();
    // SAFETY: 21 bytes of room >= 16.
    unsafe { at.write_unaligned(p) };
    // SAFETY: `at` holds a readable Person.
    assert_eq!(unsafe { ffi_bridge_encode_person(at, &mut out) }, 0);
    assert_eq!(take_bytes(out)[16..], *b"Bob");
}

#[test]
fn decode_person_errors_leave_out_untouched() {
    let sentinel = 0x1234 as *mut Person;
    let mut out = sentinel;
    let good = wire::encode_person(3, 1.5, b"Eve").unwrap();
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_decode_person(null(), 19, &mut out) };
    assert_eq!(status, -1);
    assert_eq!(decode_person(&good, null_mut()), -1);
    // SAFETY: the overflowing length is rejected before use.
    let status = unsafe { ffi_bridge_decode_person(good.as_ptr(), usize::MAX, &mut out) };
    assert_eq!(status, -4);
    assert_eq!(decode_person(&good[..18], &mut out), -6);
    let mut trailing = good.clone();
    trailing.push(b'!');
    assert_eq!(decode_person(&trailing, &mut out), -6);
    let mut bad_utf8 = good.clone();
    bad_utf8[17] = 0xC0;
    assert_eq!(decode_person(&bad_utf8, &mut out), -2);
    let mut nul = good.clone();
    nul[17] = 0;
    assert_eq!(decode_person(&nul, &mut out), -3);
    assert_eq!(decode_person(&[], &mut out), -6);
    assert_eq!(out, sentinel);
}

#[test]
fn data_round_trip_and_errors() {
    let d = Data {
        values: [1.0, -2.0, 0.5, f64::MAX, f64::MIN_POSITIVE],
    };
    let mut bytes = null_mut();
    // SAFETY: `d` is readable; `bytes` is a writable slot.
    assert_eq!(unsafe { ffi_bridge_encode_data(&d, &mut bytes) }, 0);
    let encoded = take_bytes(bytes);
    assert_eq!(encoded.len(), 40);

    let mut storage = [0_u8; 48];
    let out = storage[1..].as_mut_ptr().cast::<Data>();
    assert_eq!(decode_data(&encoded, out), 0);
    // SAFETY: `out` was just written.
    assert_eq!(unsafe { out.read_unaligned() }, d);

    let mut untouched = Data { values: [7.0; 5] };
    assert_eq!(decode_data(&encoded[..39], &mut untouched), -6);
    let mut long = encoded.clone();
    long.push(0);
    assert_eq!(decode_data(&long, &mut untouched), -6);
    assert_eq!(decode_data(&encoded, null_mut()), -1);
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_decode_data(null(), 40, &mut untouched) };
    assert_eq!(status, -1);
    // SAFETY: the overflowing length is rejected before use.
    let status = unsafe { ffi_bridge_decode_data(encoded.as_ptr(), usize::MAX, &mut untouched) };
    assert_eq!(status, -4);
    assert_eq!(untouched.values, [7.0; 5]);

    let mut out = null_mut();
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_encode_data(null(), &mut out) }, -1);
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_encode_data(&d, null_mut()) }, -1);
    assert!(out.is_null());
}

#[test]
fn sequence_round_trip_from_unaligned_values() {
    let values = [0.25_f64, -8.0, 1e300, -0.0, 3.5];
    let mut storage = [0_u8; 48];
    for (chunk, v) in storage[5..45].chunks_exact_mut(8).zip(values) {
        chunk.copy_from_slice(&v.to_ne_bytes());
    }
    let ptr = storage[5..].as_ptr().cast::<f64>();
    let mut bytes = null_mut();
    // SAFETY: `ptr` has 5 readable (unaligned) doubles.
    assert_eq!(unsafe { ffi_bridge_encode_sequence(ptr, 5, &mut bytes) }, 0);
    let encoded = take_bytes(bytes);
    assert_eq!(encoded.len(), 48);

    let mut buffer = null_mut();
    assert_eq!(decode_sequence(&encoded, &mut buffer), 0);
    // SAFETY: `buffer` is a live library buffer of `length` doubles.
    let decoded = unsafe { std::slice::from_raw_parts((*buffer).data, (*buffer).length) };
    assert_eq!(
        decoded.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
    // SAFETY: `buffer` is live and freed once.
    unsafe { ffi_bridge_buffer_free(buffer) };

    let mut empty = null_mut();
    assert_eq!(decode_sequence(&[0; 8], &mut empty), 0);
    // SAFETY: `empty` is a live library buffer.
    assert!(unsafe { (*empty).data.is_null() && (*empty).length == 0 });
    // SAFETY: `empty` is live and freed once.
    unsafe { ffi_bridge_buffer_free(empty) };
}

#[test]
fn sequence_errors_leave_out_untouched() {
    let values = [1.0_f64; 2];
    let sentinel = 0x1234 as *mut FfiBridgeBytes;
    let mut out = sentinel;
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_encode_sequence(null(), 0, &mut out) };
    assert_eq!(status, -1);
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_encode_sequence(values.as_ptr(), 2, null_mut()) };
    assert_eq!(status, -1);
    for length in [usize::MAX, isize::MAX as usize / 8 + 1] {
        // SAFETY: the overflowing length is rejected before use.
        let status = unsafe { ffi_bridge_encode_sequence(values.as_ptr(), length, &mut out) };
        assert_eq!(status, -4);
    }
    // length * 8 fits but 8 + length * 8 does not.
    // SAFETY: the overflowing encoded size is rejected before anything is read.
    let status =
        unsafe { ffi_bridge_encode_sequence(values.as_ptr(), isize::MAX as usize / 8, &mut out) };
    assert_eq!(status, -4);
    assert_eq!(out, sentinel);

    let sentinel = 0x1234 as *mut FfiBridgeBuffer;
    let mut out = sentinel;
    let mut good = 2_u64.to_le_bytes().to_vec();
    good.extend_from_slice(&[0; 16]);
    assert_eq!(decode_sequence(&good, null_mut()), -1);
    // SAFETY: NULL is checked before use.
    let status = unsafe { ffi_bridge_decode_sequence(null(), 24, &mut out) };
    assert_eq!(status, -1);
    // SAFETY: the overflowing length is rejected before use.
    let status = unsafe { ffi_bridge_decode_sequence(good.as_ptr(), usize::MAX, &mut out) };
    assert_eq!(status, -4);
    assert_eq!(decode_sequence(&good[..23], &mut out), -6);
    assert_eq!(decode_sequence(&good[..7], &mut out), -6);
    let mut trailing = good.clone();
    trailing.push(0);
    assert_eq!(decode_sequence(&trailing, &mut out), -6);
    let mut huge = good.clone();
    huge[..8].copy_from_slice(&(u64::MAX / 8 + 3).to_le_bytes());
    assert_eq!(decode_sequence(&huge, &mut out), -6);
    assert_eq!(out, sentinel);
}

fn encode_into(values: &[f64], out: &mut [u8]) -> i32 {
    // SAFETY: both slices are valid for their lengths and do not overlap.
    unsafe {
        ffi_bridge_encode_sequence_into(values.as_ptr(), values.len(), out.as_mut_ptr(), out.len())
    }
}

fn decode_into(input: &[u8], out: &mut [f64]) -> i32 {
    // SAFETY: both slices are valid for their lengths and do not overlap.
    unsafe {
        ffi_bridge_decode_sequence_into(input.as_ptr(), input.len(), out.as_mut_ptr(), out.len())
    }
}

#[test]
fn sequence_into_the_callers_buffers_matches_the_allocating_functions() {
    for count in [0, 1, 5, 17, 1025] {
        let values: Vec<f64> = (0..count).map(|i| i as f64 * -1.25 + 0.1).collect();
        let mut allocated = null_mut();
        // SAFETY: `values` has `count` readable doubles; `allocated` is a writable slot.
        let status = unsafe { ffi_bridge_encode_sequence(values.as_ptr(), count, &mut allocated) };
        assert_eq!(status, 0);
        let expected = take_bytes(allocated);

        // Unaligned output: one byte into the storage.
        let mut storage = vec![0xAA_u8; expected.len() + 1];
        assert_eq!(encode_into(&values, &mut storage[1..]), 0, "{count}");
        assert_eq!(storage[1..], expected[..], "{count}");

        let mut decoded = vec![f64::NAN; count];
        assert_eq!(decode_into(&storage[1..], &mut decoded), 0, "{count}");
        assert_eq!(
            decoded.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn sequence_into_errors_leave_the_output_untouched() {
    let values = [1.5_f64, -2.0];
    let mut encoded = [0_u8; 24];
    assert_eq!(encode_into(&values, &mut encoded), 0);

    // The output's length must be exactly the result's, neither shorter nor longer.
    for length in [0, 23, 25] {
        let mut out = vec![0xAA_u8; length];
        assert_eq!(encode_into(&values, &mut out), -8, "{length}");
        assert!(out.iter().all(|&b| b == 0xAA));
    }
    for length in [0, 1, 3] {
        let mut out = vec![f64::NAN; length];
        assert_eq!(decode_into(&encoded, &mut out), -8, "{length}");
        assert!(out.iter().all(|v| v.is_nan()));
    }
    // Malformed bytes are reported before the output's length.
    let mut out = [f64::NAN; 2];
    assert_eq!(decode_into(&encoded[..23], &mut out), -6);
    assert_eq!(decode_into(&encoded[..7], &mut out), -6);
    let mut lying = encoded;
    lying[..8].copy_from_slice(&3_u64.to_le_bytes());
    assert_eq!(decode_into(&lying, &mut out), -6);
    assert!(out.iter().all(|v| v.is_nan()));

    let mut bytes = [0_u8; 24];
    // SAFETY: NULL pointers and overflowing lengths are rejected before use.
    unsafe {
        assert_eq!(
            ffi_bridge_encode_sequence_into(null(), 0, bytes.as_mut_ptr(), 8),
            -1
        );
        assert_eq!(
            ffi_bridge_encode_sequence_into(values.as_ptr(), 2, null_mut(), 24),
            -1
        );
        let huge = isize::MAX as usize / 8;
        assert_eq!(
            ffi_bridge_encode_sequence_into(values.as_ptr(), huge, bytes.as_mut_ptr(), 24),
            -4
        );
        assert_eq!(
            ffi_bridge_encode_sequence_into(values.as_ptr(), 2, bytes.as_mut_ptr(), usize::MAX),
            -4
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(null(), 24, out.as_mut_ptr(), 2),
            -1
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(encoded.as_ptr(), 24, null_mut(), 2),
            -1
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(encoded.as_ptr(), usize::MAX, out.as_mut_ptr(), 2),
            -4
        );
        assert_eq!(
            ffi_bridge_decode_sequence_into(encoded.as_ptr(), 24, out.as_mut_ptr(), usize::MAX),
            -4
        );
    }
    assert_eq!(bytes, [0; 24]);
    assert!(out.iter().all(|v| v.is_nan()));
}

#[test]
fn fill_serialized_strategy() {
    let mut out = null_mut();
    // SAFETY: `out` is a writable slot.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(17, &mut out) }, 0);
    let encoded = take_bytes(out);
    assert_eq!(encoded[..8], 17_u64.to_le_bytes());
    for (i, chunk) in encoded[8..].chunks_exact(8).enumerate() {
        assert_eq!(chunk, (i as f64).to_le_bytes());
    }
    // SAFETY: `out` is a writable slot.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(0, &mut out) }, 0);
    assert_eq!(take_bytes(out), [0; 8]);

    let sentinel = 0x1234 as *mut FfiBridgeBytes;
    let mut out = sentinel;
    // SAFETY: NULL is checked before use.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(3, null_mut()) }, -1);
    for length in [usize::MAX, isize::MAX as usize / 8] {
        // SAFETY: `out` is a writable slot; the length is rejected.
        assert_eq!(unsafe { ffi_bridge_fill_serialized(length, &mut out) }, -4);
    }
    // SAFETY: `out` is a writable slot; the allocator refuses.
    assert_eq!(unsafe { ffi_bridge_fill_serialized(1 << 58, &mut out) }, -5);
    assert_eq!(out, sentinel);
}

#[test]
fn a_panic_in_any_codec_export_yields_the_panic_status() {
    let bytes = wire::encode_person(1, 1.0, b"X").unwrap();
    let mut name = *b"X\0";
    let p = Person {
        age: 1,
        height: 1.0,
        name: name.as_mut_ptr().cast(),
    };
    let d = Data { values: [0.0; 5] };
    let mut bytes_out = 0x1234 as *mut FfiBridgeBytes;
    let mut person_out = 0x1234 as *mut Person;
    let mut buffer_out = 0x1234 as *mut FfiBridgeBuffer;
    let mut data_out = Data { values: [9.0; 5] };
    let panicking = |call: &mut dyn FnMut() -> i32| {
        crate::ffi::boundary::inject_panic_once();
        assert_eq!(call(), -7);
    };
    // SAFETY: valid input and writable output.
    panicking(&mut || unsafe { ffi_bridge_encode_person(&p, &mut bytes_out) });
    // SAFETY: valid input and writable output.
    panicking(&mut || unsafe { ffi_bridge_encode_data(&d, &mut bytes_out) });
    let values = d.values.as_ptr();
    // SAFETY: valid input and writable output.
    panicking(&mut || unsafe { ffi_bridge_encode_sequence(values, 5, &mut bytes_out) });
    // SAFETY: writable output.
    panicking(&mut || unsafe { ffi_bridge_fill_serialized(5, &mut bytes_out) });
    let (input, length) = (bytes.as_ptr(), bytes.len());
    // SAFETY: valid input and writable output.
    panicking(&mut || unsafe { ffi_bridge_decode_person(input, length, &mut person_out) });
    // SAFETY: valid input and writable output.
    panicking(&mut || unsafe { ffi_bridge_decode_data(input, length, &mut data_out) });
    // SAFETY: valid input and writable output.
    panicking(&mut || unsafe { ffi_bridge_decode_sequence(input, length, &mut buffer_out) });
    assert_eq!(bytes_out, 0x1234 as *mut FfiBridgeBytes);
    assert_eq!(person_out, 0x1234 as *mut Person);
    assert_eq!(buffer_out, 0x1234 as *mut FfiBridgeBuffer);
    assert_eq!(data_out.values, [9.0; 5]);
}
