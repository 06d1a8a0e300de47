//! A person by its fields into the caller's buffer: the bytes of `ffi_bridge_encode_person`, and
//! every error leaving the output untouched.

use super::super::*;
use super::take_bytes;
use crate::exports::person::Person;
use std::ptr::{null, null_mut};

fn encode_into(name: &[u8], age: u32, height: f32, out: &mut [u8]) -> i32 {
    // SAFETY: both slices are valid for their lengths and do not overlap.
    unsafe {
        ffi_bridge_encode_person_into(
            name.as_ptr(),
            name.len(),
            age,
            height,
            out.as_mut_ptr(),
            out.len(),
        )
    }
}

#[test]
fn person_into_the_callers_buffer_matches_the_allocating_encoder() {
    let long = [b'x'; 300];
    for name in [&b""[..], b"Bob", "Zo\u{eb} \u{1F600}".as_bytes(), &long] {
        let mut c_name = name.to_vec();
        c_name.push(0);
        let person = Person {
            age: 77,
            height: -1.5,
            name: c_name.as_mut_ptr().cast(),
        };
        let mut allocated = null_mut();
        // SAFETY: `person` is readable with a NUL-terminated name; `allocated` is a writable slot.
        let status = unsafe { ffi_bridge_encode_person(&person, &mut allocated) };
        assert_eq!(status, 0);
        let expected = take_bytes(allocated);
        assert_eq!(expected.len(), 16 + name.len());

        // Unaligned output and name, with a guard byte on each side of the output.
        let mut shifted = vec![0_u8];
        shifted.extend_from_slice(name);
        let mut storage = vec![0xAA_u8; expected.len() + 2];
        let end = expected.len() + 1;
        assert_eq!(
            encode_into(&shifted[1..], 77, -1.5, &mut storage[1..end]),
            0
        );
        assert_eq!(storage[1..end], expected[..]);
        assert_eq!((storage[0], storage[end]), (0xAA, 0xAA));
    }
}

#[test]
fn person_into_errors_leave_the_output_untouched() {
    let name = b"Alice";
    // The output's length must be exactly 16 + 5, neither shorter nor longer.
    for length in [0, 20, 22] {
        let mut out = vec![0xAA_u8; length];
        assert_eq!(encode_into(name, 1, 2.0, &mut out), -8, "{length}");
        assert!(out.iter().all(|&b| b == 0xAA));
    }
    let mut out = [0xAA_u8; 21];
    assert_eq!(encode_into(b"B\xffbcd", 1, 2.0, &mut out), -2);
    // A NUL byte: the decoder would refuse the bytes, so the encoder does too.
    assert_eq!(encode_into(b"Al\0ce", 1, 2.0, &mut out), -3);
    // SAFETY: NULL name and NULL out are checked before use.
    unsafe {
        assert_eq!(
            ffi_bridge_encode_person_into(null(), 0, 1, 2.0, out.as_mut_ptr(), 16),
            -1
        );
        assert_eq!(
            ffi_bridge_encode_person_into(name.as_ptr(), 5, 1, 2.0, null_mut(), 21),
            -1
        );
    }
    assert!(out.iter().all(|&b| b == 0xAA));
}
