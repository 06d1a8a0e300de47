//! Data: round trip through the exports and its errors.

use super::super::*;
use super::{decode_data, take_bytes};
use crate::exports::data::Data;
use std::ptr::{null, null_mut};

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
