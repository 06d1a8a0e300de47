//! The guide's `Data`: `get_data`, `free_data`, and `ffi_bridge_data_fill`.

use std::ptr::null_mut;

use crate::ffi::alloc::try_box;
use crate::ffi::boundary::{ffi_boundary, status_boundary};
use crate::ffi::counters::DATA;
use crate::ffi::raw::try_write_out;

/// Five doubles, laid out as in the guide: size 40, align 8, offset 0.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Data {
    /// The values.
    pub values: [f64; 5],
}

/// The values of `get_data` and `ffi_bridge_data_fill`.
pub const DATA_VALUES: [f64; 5] = [1.1, 2.2, 3.3, 4.4, 5.5];

/// Returns a new `Data {1.1, 2.2, 3.3, 4.4, 5.5}` to be freed with `free_data`, or NULL if
/// allocation failed or a panic was caught.
#[no_mangle]
pub extern "C" fn get_data() -> *mut Data {
    ffi_boundary(|| {
        match try_box(Data {
            values: DATA_VALUES,
        }) {
            Ok(data) => {
                DATA.handed_out();
                Box::into_raw(data)
            }
            Err(_) => null_mut(),
        }
    })
}

/// Frees a `Data` returned by `get_data`. NULL is a no-op.
///
/// # Safety
///
/// `ptr` must be NULL or a `Data` returned by `get_data` that was not freed yet.
#[no_mangle]
pub unsafe extern "C" fn free_data(ptr: *mut Data) {
    ffi_boundary(|| {
        if ptr.is_null() {
            return;
        }
        // SAFETY: by the caller's contract `ptr` came from `Box::into_raw` in `get_data` and
        // is freed only once.
        drop(unsafe { Box::from_raw(ptr) });
        DATA.freed();
    })
}

/// Writes 1.1, 2.2, 3.3, 4.4, 5.5 into the caller-allocated `*out`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` or `FFI_BRIDGE_PANIC`.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one `Data` (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_data_fill(out: *mut Data) -> i32 {
    status_boundary(|| {
        let data = Data {
            values: DATA_VALUES,
        };
        // SAFETY: forwarded caller contract for `out`.
        unsafe { try_write_out(out, data) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_data_returns_the_guides_values() {
        let d = get_data();
        assert!(!d.is_null());
        // SAFETY: `d` is a live Data from get_data.
        assert_eq!(unsafe { (*d).values }, [1.1, 2.2, 3.3, 4.4, 5.5]);
        // SAFETY: `d` is a live Data from get_data, freed once.
        unsafe { free_data(d) };
        // SAFETY: NULL is a documented no-op.
        unsafe { free_data(null_mut()) };
    }

    #[test]
    fn layout_is_the_guides() {
        assert_eq!(std::mem::size_of::<Data>(), 40);
        assert_eq!(std::mem::align_of::<Data>(), 8);
    }

    #[test]
    fn data_fill_writes_aligned_and_unaligned() {
        let mut d = Data { values: [0.0; 5] };
        // SAFETY: `d` is a writable Data.
        assert_eq!(unsafe { ffi_bridge_data_fill(&mut d) }, 0);
        assert_eq!(d.values, DATA_VALUES);

        let mut storage = [0_u8; 48];
        let out = storage[5..].as_mut_ptr().cast::<Data>();
        // SAFETY: `out` points at 43 writable bytes, more than size_of::<Data>().
        assert_eq!(unsafe { ffi_bridge_data_fill(out) }, 0);
        // SAFETY: `out` holds the Data just written.
        assert_eq!(unsafe { out.read_unaligned() }.values, DATA_VALUES);
        // SAFETY: NULL is rejected before use.
        assert_eq!(unsafe { ffi_bridge_data_fill(null_mut()) }, -1);
    }

    #[test]
    fn a_panic_yields_null_the_panic_status_or_a_no_op() {
        crate::ffi::boundary::inject_panic_once();
        assert!(get_data().is_null());

        let mut d = Data { values: [9.0; 5] };
        crate::ffi::boundary::inject_panic_once();
        // SAFETY: `d` is a writable Data.
        assert_eq!(unsafe { ffi_bridge_data_fill(&mut d) }, -7);
        assert_eq!(d.values, [9.0; 5]);

        let live = get_data();
        crate::ffi::boundary::inject_panic_once();
        // SAFETY: `live` is a live Data; the injected panic makes this a no-op.
        unsafe { free_data(live) };
        // SAFETY: `live` is still live and is freed once for real.
        unsafe { free_data(live) };
    }
}
