//! Person: round trip through the exports, and every error leaving the output untouched.

use super::super::*;
use super::{decode_person, take_bytes};
use crate::exports::owned::FfiBridgeBytes;
use crate::exports::person::{create_person, free_person, Person};
use crate::wire;
use std::ffi::CStr;
use std::ptr::{null, null_mut};

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
