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
