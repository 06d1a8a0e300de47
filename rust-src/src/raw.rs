//! Checked access to caller memory: length checks and unaligned-safe views.
//!
//! Caller pointers to `double` need not be 8-byte aligned (a Java heap `byte[]` segment is a
//! legal buffer), so doubles are seen as 8-byte chunks ([`Slot`], alignment 1) and other
//! caller structs are read and written with `read_unaligned` / `write_unaligned`.

use std::mem::MaybeUninit;

use crate::status::{FfiResult, Status};

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

/// Views `length` caller doubles at `ptr` (any alignment) as readable slots.
///
/// # Safety
///
/// `ptr` must be non-null and valid for reading `length * 8` bytes (checked by
/// [`f64_byte_len`]) that are not written during `'a`.
#[inline]
pub(crate) unsafe fn slots<'a>(ptr: *const f64, length: usize) -> &'a [Slot] {
    // SAFETY: `Slot` has alignment 1 and size 8, so `length` slots are exactly the
    // `length * 8` readable bytes the caller guarantees; they are not mutated during 'a.
    unsafe { std::slice::from_raw_parts(ptr.cast::<Slot>(), length) }
}

/// Views `length` caller doubles at `ptr` (any alignment) as write-only slots.
///
/// # Safety
///
/// `ptr` must be non-null and valid for writing `length * 8` bytes (checked by
/// [`f64_byte_len`]) that nothing else accesses during `'a`.
#[inline]
pub(crate) unsafe fn slots_mut<'a>(ptr: *mut f64, length: usize) -> &'a mut [MaybeUninit<Slot>] {
    // SAFETY: `MaybeUninit<Slot>` has alignment 1, size 8 and no validity requirement, so
    // `length` of them cover exactly the `length * 8` writable, unaliased bytes the caller
    // guarantees.
    unsafe { std::slice::from_raw_parts_mut(ptr.cast::<MaybeUninit<Slot>>(), length) }
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
    fn byte_lengths() {
        assert_eq!(byte_len(isize::MAX as usize), Ok(isize::MAX as usize));
        assert_eq!(
            byte_len(isize::MAX as usize + 1),
            Err(Status::FFI_BRIDGE_LENGTH_OVERFLOW)
        );
    }
}
