//! The panic boundary of every codec export.

use super::super::*;
use crate::exports::data::Data;
use crate::exports::owned::{FfiBridgeBuffer, FfiBridgeBytes};
use crate::exports::person::Person;
use crate::wire;

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
