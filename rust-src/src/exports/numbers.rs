//! The guide's `add_numbers`.

use crate::ffi::boundary::ffi_boundary;

/// Returns `a + b`, wrapping on overflow in every build profile
/// (`add_numbers(2147483647, 1) == -2147483648`).
#[no_mangle]
pub extern "C" fn add_numbers(a: i32, b: i32) -> i32 {
    ffi_boundary(|| a.wrapping_add(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_and_wraps() {
        assert_eq!(add_numbers(2, 3), 5);
        assert_eq!(add_numbers(-2, -3), -5);
        assert_eq!(add_numbers(i32::MAX, 1), i32::MIN);
        assert_eq!(add_numbers(i32::MIN, -1), i32::MAX);
    }

    #[test]
    fn a_panic_yields_the_panic_status() {
        crate::ffi::boundary::inject_panic_once();
        assert_eq!(add_numbers(1, 2), -7);
    }
}
