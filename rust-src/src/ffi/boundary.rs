//! The panic boundary around every exported function.
//!
//! Every `extern "C"` body is a closure passed to [`ffi_boundary`], which first clears dirty
//! upper vector state left by the caller (see [`crate::cpu::clean_upper_state`]), then runs it
//! under [`catch_unwind`]. A panic never unwinds into the caller: the function returns
//! [`PanicValue::panic_value`] instead (`FFI_BRIDGE_PANIC` for a status, NULL for a pointer,
//! 0 for a version, NaN for a sum, nothing for `void`).
//!
//! The exports that return a status are written with [`status_boundary`], whose body returns an
//! [`FfiResult`] and so can use `?` (as rustls-ffi's `ffi_panic_boundary!` does).

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr::{null, null_mut};

use crate::ffi::status::{status_code, FfiResult, Status};

/// The value an exported function returns when its body panicked.
pub(crate) trait PanicValue {
    /// The value to return on panic.
    fn panic_value() -> Self;
}

/// Statuses (and `add_numbers`, which cannot panic) return `FFI_BRIDGE_PANIC`.
impl PanicValue for i32 {
    fn panic_value() -> Self {
        Status::FFI_BRIDGE_PANIC.code()
    }
}

/// `ffi_bridge_sum` returns NaN (which `ffi_bridge_sum_buffer` tells apart from a NaN sum).
impl PanicValue for f64 {
    fn panic_value() -> Self {
        f64::NAN
    }
}

/// `ffi_bridge_abi_version` returns 0, which is never a valid ABI version.
impl PanicValue for u32 {
    fn panic_value() -> Self {
        0
    }
}

/// `void` functions (the frees, `fill_buffer`) become a no-op.
impl PanicValue for () {
    fn panic_value() -> Self {}
}

/// Functions returning an object return NULL.
impl<T> PanicValue for *mut T {
    fn panic_value() -> Self {
        null_mut()
    }
}

/// Functions returning a static string return NULL.
impl<T> PanicValue for *const T {
    fn panic_value() -> Self {
        null()
    }
}

/// Runs `body`, turning a panic into `R::panic_value()`.
///
/// `AssertUnwindSafe` is sound here: after a panic the captured state is never looked at
/// again (the body's locals are dropped during unwinding and the caller gets an error), and
/// the only shared state, the live counters, is atomic and updated only after success.
#[inline(always)]
pub(crate) fn ffi_boundary<R: PanicValue>(body: impl FnOnce() -> R) -> R {
    crate::cpu::clean_upper_state();
    match catch_unwind(AssertUnwindSafe(|| {
        #[cfg(test)]
        test_support::maybe_panic();
        body()
    })) {
        Ok(value) => value,
        Err(payload) => {
            drop_payload(payload);
            R::panic_value()
        }
    }
}

/// The skeleton of every export that returns a status: runs `body` inside [`ffi_boundary`]
/// and returns `FFI_BRIDGE_OK` or the status of its error (`FFI_BRIDGE_PANIC` on a panic).
#[inline(always)]
pub(crate) fn status_boundary(body: impl FnOnce() -> FfiResult<()>) -> i32 {
    ffi_boundary(|| status_code(body()))
}

/// Drops a panic payload without letting a panicking `Drop` of the payload escape.
///
/// If dropping the payload panics, that panic's payload is dropped in turn (a few times at
/// most); a payload that keeps panicking is leaked rather than risk unwinding.
#[cold]
fn drop_payload(mut payload: Box<dyn Any + Send>) {
    for _ in 0..4 {
        match catch_unwind(AssertUnwindSafe(move || drop(payload))) {
            Ok(()) => return,
            Err(nested) => payload = nested,
        }
    }
    std::mem::forget(payload);
}

#[cfg(test)]
pub(crate) use test_support::inject_panic_once;

/// Test-only fault injection: makes the next boundary on this thread panic inside
/// `catch_unwind`, before the body runs, so tests can prove that every export turns a panic
/// into its documented panic value without allocating or writing `*out`.
#[cfg(test)]
mod test_support {
    use std::cell::Cell;

    thread_local! {
        static PANIC_NEXT: Cell<bool> = const { Cell::new(false) };
    }

    /// Arms a panic for the next `ffi_boundary` call on this thread.
    pub(crate) fn inject_panic_once() {
        PANIC_NEXT.with(|flag| flag.set(true));
    }

    /// Panics if a panic was armed (and disarms it).
    pub(super) fn maybe_panic() {
        if PANIC_NEXT.with(|flag| flag.replace(false)) {
            panic!("ffi_bridge test: deliberately injected panic");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_values() {
        assert_eq!(<i32 as PanicValue>::panic_value(), -7);
        assert_eq!(<u32 as PanicValue>::panic_value(), 0);
        assert!(<*mut u8 as PanicValue>::panic_value().is_null());
        assert!(<*const u8 as PanicValue>::panic_value().is_null());
        assert!(<f64 as PanicValue>::panic_value().is_nan());
    }

    #[test]
    fn a_real_panic_in_the_body_is_caught() {
        let status: i32 = ffi_boundary(|| panic!("body panic"));
        assert_eq!(status, Status::FFI_BRIDGE_PANIC.code());
        let ptr: *mut u64 = ffi_boundary(|| panic!("body panic"));
        assert!(ptr.is_null());
        ffi_boundary(|| -> () { panic!("body panic") });
    }

    #[test]
    fn a_payload_with_a_panicking_drop_is_contained() {
        struct Bomb;
        impl Drop for Bomb {
            fn drop(&mut self) {
                panic!("drop of the payload panics");
            }
        }
        let status: i32 = ffi_boundary(|| std::panic::panic_any(Bomb));
        assert_eq!(status, -7);
    }

    #[test]
    fn a_status_body_returns_its_status() {
        assert_eq!(status_boundary(|| Ok(())), 0);
        assert_eq!(
            status_boundary(|| Err(Status::FFI_BRIDGE_MALFORMED_BYTES)),
            -6
        );
        assert_eq!(status_boundary(|| panic!("body panic")), -7);
    }

    #[test]
    fn without_a_panic_the_value_passes_through() {
        assert_eq!(ffi_boundary(|| 5_i32), 5);
        inject_panic_once();
        assert_eq!(ffi_boundary(|| 5_i32), -7);
        assert_eq!(ffi_boundary(|| 5_i32), 5);
    }
}
