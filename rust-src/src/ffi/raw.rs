//! Checked access to caller memory: NULL and length checks and unaligned-safe views. Every
//! export reads and writes caller memory through these functions.
//!
//! Caller pointers to `double` need not be 8-byte aligned (a Java heap `byte[]` segment is a
//! legal buffer), so doubles are seen as 8-byte chunks ([`Slot`], alignment 1) and other
//! caller structs are read and written with `read_unaligned` / `write_unaligned`.

use std::ffi::{c_char, CStr};
use std::mem::{align_of, size_of, MaybeUninit};

use crate::ffi::status::{FfiResult, Status};

/// One `f64` as its 8 native-endian bytes; alignment 1, so any address is fine.
pub(crate) type Slot = [u8; 8];

/// The byte size of `length` doubles, or `FFI_BRIDGE_LENGTH_OVERFLOW` if `length * 8`
/// overflows or exceeds `isize::MAX` (`PTRDIFF_MAX`).
#[inline]
pub(crate) fn f64_byte_len(length: usize) -> FfiResult<usize> {
    match length.checked_mul(8) {
        Some(bytes) if bytes <= isize::MAX as usize => Ok(bytes),
        _ => Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW),
    }
}

/// Checks that a byte length fits in `isize::MAX`, as every Rust slice must.
#[inline]
pub(crate) fn byte_len(length: usize) -> FfiResult<usize> {
    if length <= isize::MAX as usize {
        Ok(length)
    } else {
        Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW)
    }
}

/// `FFI_BRIDGE_NULL_POINTER` if `ptr` is NULL.
#[inline]
pub(crate) fn non_null<T>(ptr: *const T) -> FfiResult<()> {
    if ptr.is_null() {
        Err(Status::FFI_BRIDGE_NULL_POINTER)
    } else {
        Ok(())
    }
}

/// How the library sees one element of caller memory: with alignment 1, so that any address
/// is fine (bytes as `u8`, doubles as [`Slot`]s).
pub(crate) trait CallerElement: Copy {
    /// The element type of the caller's pointer (`uint8_t`, `double`).
    type Pointee;

    /// The byte size of `length` elements, or `FFI_BRIDGE_LENGTH_OVERFLOW` beyond
    /// `PTRDIFF_MAX`.
    fn byte_len(length: usize) -> FfiResult<usize>;
}

impl CallerElement for u8 {
    type Pointee = u8;

    fn byte_len(length: usize) -> FfiResult<usize> {
        byte_len(length)
    }
}

impl CallerElement for Slot {
    type Pointee = f64;

    fn byte_len(length: usize) -> FfiResult<usize> {
        f64_byte_len(length)
    }
}

/// Views the caller's `length` elements at `ptr` (any alignment) after the NULL and length
/// checks: `FFI_BRIDGE_NULL_POINTER` first, then `FFI_BRIDGE_LENGTH_OVERFLOW` (rustls-ffi's
/// `try_slice!`).
///
/// # Safety
///
/// `ptr` must be NULL or valid for reading `length` elements that are not written during `'a`.
#[inline]
pub(crate) unsafe fn caller_slice<'a, E: CallerElement>(
    ptr: *const E::Pointee,
    length: usize,
) -> FfiResult<&'a [E]> {
    const { assert!(align_of::<E>() == 1 && size_of::<E>() == size_of::<E::Pointee>()) };
    non_null(ptr)?;
    E::byte_len(length)?;
    // SAFETY: `ptr` is non-null and `length` elements fit in `isize::MAX` bytes, as just
    // checked; `E` has alignment 1 and the pointee's size, so the view covers exactly the
    // readable bytes the caller guarantees, not written during 'a.
    Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<E>(), length) })
}

/// Views the caller's `length` elements at `ptr` (any alignment) as write-only storage after
/// the NULL and length checks, like [`caller_slice`].
///
/// # Safety
///
/// `ptr` must be NULL or valid for writing `length` elements that nothing else accesses during
/// `'a`.
#[inline]
pub(crate) unsafe fn caller_slice_mut<'a, E: CallerElement>(
    ptr: *mut E::Pointee,
    length: usize,
) -> FfiResult<&'a mut [MaybeUninit<E>]> {
    const { assert!(align_of::<E>() == 1 && size_of::<E>() == size_of::<E::Pointee>()) };
    non_null(ptr)?;
    E::byte_len(length)?;
    // SAFETY: as in `caller_slice`; `MaybeUninit<E>` has the layout of `E` and no validity
    // requirement, and the caller guarantees the bytes are writable and unaliased during 'a.
    Ok(unsafe { std::slice::from_raw_parts_mut(ptr.cast::<MaybeUninit<E>>(), length) })
}

/// The bytes of the caller's NUL-terminated string at `ptr` (without the NUL), after the NULL
/// check (`FFI_BRIDGE_NULL_POINTER`) and the UTF-8 check (`FFI_BRIDGE_INVALID_UTF8`).
///
/// # Safety
///
/// `ptr` must be NULL or a readable NUL-terminated string that is not written during `'a`.
#[inline]
pub(crate) unsafe fn caller_utf8<'a>(ptr: *const c_char) -> FfiResult<&'a [u8]> {
    non_null(ptr)?;
    // SAFETY: `ptr` is non-null and, by the caller's contract, a readable NUL-terminated string
    // not written during 'a.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|_| Status::FFI_BRIDGE_INVALID_UTF8)?;
    Ok(bytes)
}

/// Views uninitialized `f64` storage as write-only slots.
#[inline]
pub(crate) fn f64_storage_as_slots(storage: &mut [MaybeUninit<f64>]) -> &mut [MaybeUninit<Slot>] {
    let length = storage.len();
    // SAFETY: `MaybeUninit<Slot>` has the size of `MaybeUninit<f64>` and a weaker alignment;
    // the new slice covers the same bytes and borrows `storage` exclusively.
    unsafe { std::slice::from_raw_parts_mut(storage.as_mut_ptr().cast(), length) }
}

/// Views uninitialized byte storage, whose length is a multiple of 8, as write-only slots.
#[inline]
pub(crate) fn byte_storage_as_slots(storage: &mut [MaybeUninit<u8>]) -> &mut [MaybeUninit<Slot>] {
    debug_assert_eq!(storage.len() % 8, 0);
    let length = storage.len() / 8;
    // SAFETY: `MaybeUninit<Slot>` and `MaybeUninit<u8>` both have alignment 1 and no validity
    // requirement; `length * 8 <= storage.len()`, and `storage` is borrowed exclusively.
    unsafe { std::slice::from_raw_parts_mut(storage.as_mut_ptr().cast(), length) }
}

/// Writes `value` to the caller's `out`, which may be unaligned.
///
/// # Safety
///
/// `out` must be non-null and valid for writing one `T`.
#[inline]
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T) {
    // SAFETY: the caller guarantees `out` is non-null and writable; `write_unaligned` has no
    // alignment requirement and does not drop the old (possibly garbage) contents.
    unsafe { out.write_unaligned(value) }
}

/// Writes `value` to the caller's `out` (any alignment), or returns `FFI_BRIDGE_NULL_POINTER`
/// if `out` is NULL.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one `T`.
#[inline]
pub(crate) unsafe fn try_write_out<T>(out: *mut T, value: T) -> FfiResult<()> {
    non_null(out)?;
    // SAFETY: `out` is non-null and, by the caller's contract, writable.
    unsafe { write_out(out, value) };
    Ok(())
}

/// Reads a `T` from the caller's `ptr`, which may be unaligned.
///
/// # Safety
///
/// `ptr` must be non-null and valid for reading one initialized `T`.
#[inline]
pub(crate) unsafe fn read_in<T: Copy>(ptr: *const T) -> T {
    // SAFETY: the caller guarantees `ptr` is non-null and points at an initialized `T`;
    // `read_unaligned` has no alignment requirement, and `T: Copy` makes the copy harmless.
    unsafe { ptr.read_unaligned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f64_lengths() {
        assert_eq!(f64_byte_len(0), Ok(0));
        assert_eq!(f64_byte_len(3), Ok(24));
        let max = isize::MAX as usize / 8;
        assert_eq!(f64_byte_len(max), Ok(max * 8));
        assert_eq!(
            f64_byte_len(max + 1),
            Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW)
        );
        assert_eq!(
            f64_byte_len(usize::MAX / 8 + 1),
            Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW)
        );
        assert_eq!(
            f64_byte_len(usize::MAX),
            Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW)
        );
    }

    #[test]
    fn caller_slices_check_null_then_length() {
        let values = [1.5_f64, -2.0];
        // SAFETY: `values` holds 2 readable doubles; the other calls are rejected before use.
        unsafe {
            let view = caller_slice::<Slot>(values.as_ptr(), 2).unwrap();
            assert_eq!(view[1], (-2.0_f64).to_ne_bytes());
            let null = std::ptr::null::<f64>();
            assert_eq!(
                caller_slice::<Slot>(null, usize::MAX),
                Err(Status::FFI_BRIDGE_NULL_POINTER)
            );
            assert_eq!(
                caller_slice::<Slot>(values.as_ptr(), isize::MAX as usize / 8 + 1),
                Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW)
            );
            let mut bytes = [0_u8; 3];
            assert_eq!(
                caller_slice_mut::<u8>(bytes.as_mut_ptr(), 3).unwrap().len(),
                3
            );
            assert!(caller_slice_mut::<u8>(std::ptr::null_mut(), 0).is_err());
        }
    }

    #[test]
    fn caller_strings_are_checked_for_null_and_utf8() {
        // (Byte strings, not `c""` literals, which cbindgen 0.24 cannot parse.)
        let text = |bytes: &'static [u8]| bytes.as_ptr().cast::<c_char>();
        // SAFETY: each pointer is NULL or a NUL-terminated literal.
        unsafe {
            assert_eq!(caller_utf8(text("Zoë\0".as_bytes())), Ok("Zoë".as_bytes()));
            assert_eq!(caller_utf8(text(b"\0")), Ok(&b""[..]));
            assert_eq!(
                caller_utf8(text(b"\xff\0")),
                Err(Status::FFI_BRIDGE_INVALID_UTF8)
            );
            assert_eq!(
                caller_utf8(std::ptr::null()),
                Err(Status::FFI_BRIDGE_NULL_POINTER)
            );
        }
    }

    #[test]
    fn byte_lengths() {
        assert_eq!(byte_len(isize::MAX as usize), Ok(isize::MAX as usize));
        assert_eq!(
            byte_len(isize::MAX as usize + 1),
            Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW)
        );
    }
}
