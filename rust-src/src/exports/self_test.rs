//! The library's known-answer self-test: the functions of the hot paths called through their
//! exports, each with an answer known in advance, so that a caller can check, with one call,
//! that this build computes right on this CPU (the kernels are chosen at run time).

use std::ffi::CStr;

use super::buffers::{ffi_bridge_sum, fill_buffer};
use super::numbers::add_numbers;
use super::person::{create_person, free_person};
use crate::ffi::boundary::ffi_boundary;

/// Bit of a wrong `add_numbers(2, 3)`.
const ADD_NUMBERS: i32 = 1;
/// Bit of a wrong `fill_buffer`.
const FILL_BUFFER: i32 = 1 << 1;
/// Bit of a wrong `ffi_bridge_sum`.
const SUM: i32 = 1 << 2;
/// Bit of a wrong `create_person` (or a NULL one).
const CREATE_PERSON: i32 = 1 << 3;

/// Buffer lengths of the fill and sum checks: a scalar tail after one 16-wide step, and enough
/// for the vector kernels' bodies, both from an address that is 8-byte but not 32-byte aligned.
const LENGTHS: [usize; 2] = [20, 1000];

/// Runs the known-answer checks: `add_numbers(2, 3)`; `fill_buffer` and `ffi_bridge_sum` on
/// 20 and 1 000 doubles (the values `0, 1, 2, ...` and their sum); `create_person` (`"Alice"`,
/// 30, 5.8f) and `free_person`.
///
/// Returns 0 when every answer was right; otherwise a positive set of bits, one per function
/// whose answer was wrong: 1 `add_numbers`, 2 `fill_buffer`, 4 `ffi_bridge_sum`, 8
/// `create_person`; or `FFI_BRIDGE_PANIC` if a panic was caught. It allocates nothing that
/// outlives the call.
#[no_mangle]
pub extern "C" fn ffi_bridge_self_test() -> i32 {
    ffi_boundary(|| check_numbers() | check_buffers() | check_person())
}

fn check_numbers() -> i32 {
    if add_numbers(2, 3) == 5 {
        0
    } else {
        ADD_NUMBERS
    }
}

fn check_buffers() -> i32 {
    let mut wrong = 0;
    let mut storage = vec![f64::NAN; LENGTHS[1] + 4];
    // From the first double whose address is 8 past a 32-byte boundary: the kernels' aligning
    // prologue runs, then their aligned bodies.
    let skip = (5 - storage.as_ptr() as usize / 8 % 4) % 4;
    let buffer = &mut storage[skip..];
    for length in LENGTHS {
        let values = &mut buffer[..length];
        // SAFETY: `values` is `length` writable doubles.
        unsafe { fill_buffer(values.as_mut_ptr(), length) };
        if !values.iter().enumerate().all(|(i, &v)| v == i as f64) {
            wrong |= FILL_BUFFER;
        }
        let ramp: Vec<f64> = (0..length).map(|i| i as f64).collect();
        // SAFETY: `ramp` is `length` readable doubles.
        let sum = unsafe { ffi_bridge_sum(ramp.as_ptr(), length) };
        // Integers below 2^53: every order of the additions gives this exact value.
        if sum != (length * (length - 1) / 2) as f64 {
            wrong |= SUM;
        }
    }
    wrong
}

fn check_person() -> i32 {
    let person = create_person();
    if person.is_null() {
        return CREATE_PERSON;
    }
    // SAFETY: `person` is a live Person from `create_person`, its name a NUL-terminated string.
    let right = unsafe {
        let p = &*person;
        p.age == 30
            && p.height.to_bits() == 5.8_f32.to_bits()
            && CStr::from_ptr(p.name).to_bytes() == b"Alice"
    };
    // SAFETY: `person` came from `create_person` and is freed once.
    unsafe { free_person(person) };
    if right {
        0
    } else {
        CREATE_PERSON
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::boundary::inject_panic_once;

    #[test]
    fn every_answer_is_right() {
        assert_eq!(ffi_bridge_self_test(), 0);
    }

    #[test]
    fn each_check_passes_on_its_own() {
        assert_eq!(check_numbers(), 0);
        assert_eq!(check_buffers(), 0);
        assert_eq!(check_person(), 0);
    }

    #[test]
    fn the_bits_are_distinct_and_positive() {
        let bits = [ADD_NUMBERS, FILL_BUFFER, SUM, CREATE_PERSON];
        assert_eq!(bits.iter().fold(0, |all, bit| all | bit), 0b1111);
    }

    #[test]
    fn a_panic_yields_the_panic_status() {
        inject_panic_once();
        assert_eq!(ffi_bridge_self_test(), -7);
    }
}
