//! ABI version and struct layouts, so bindings can check their own layouts at run time.
//!
//! Both are exported twice: as functions ([`ffi_bridge_abi_version`], [`ffi_bridge_layout`]) and
//! as data ([`FFI_BRIDGE_ABI_INFO`]), which a binding can read without calling into the library
//! (the Java provider does: in a cold JVM every downcall signature it links costs milliseconds).

use std::mem::{align_of, offset_of, size_of};

use crate::exports::data::Data;
use crate::exports::owned::{FfiBridgeBuffer, FfiBridgeBytes};
use crate::exports::person::Person;
use crate::ffi::boundary::{ffi_boundary, status_boundary};
use crate::ffi::counters::FfiBridgeLiveCounts;
use crate::ffi::raw::try_write_out;

/// The ABI version; bumped on any change of a signature, a layout or a documented result
/// (2: the sum order has blocks).
pub const FFI_BRIDGE_ABI_VERSION: u32 = 2;

/// Sizes, alignments and field offsets (in bytes) of the exported structs.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FfiBridgeLayout {
    /// `FFI_BRIDGE_ABI_VERSION`.
    pub abi_version: u32,
    /// `sizeof(Person)`.
    pub person_size: u32,
    /// `alignof(Person)`.
    pub person_align: u32,
    /// `offsetof(Person, age)`.
    pub person_age_offset: u32,
    /// `offsetof(Person, height)`.
    pub person_height_offset: u32,
    /// `offsetof(Person, name)`.
    pub person_name_offset: u32,
    /// `sizeof(Data)`.
    pub data_size: u32,
    /// `alignof(Data)`.
    pub data_align: u32,
    /// `offsetof(Data, values)`.
    pub data_values_offset: u32,
    /// `sizeof(FfiBridgeBuffer)`.
    pub buffer_size: u32,
    /// `alignof(FfiBridgeBuffer)`.
    pub buffer_align: u32,
    /// `offsetof(FfiBridgeBuffer, data)`.
    pub buffer_data_offset: u32,
    /// `offsetof(FfiBridgeBuffer, length)`.
    pub buffer_length_offset: u32,
    /// `sizeof(FfiBridgeBytes)`.
    pub bytes_size: u32,
    /// `alignof(FfiBridgeBytes)`.
    pub bytes_align: u32,
    /// `offsetof(FfiBridgeBytes, data)`.
    pub bytes_data_offset: u32,
    /// `offsetof(FfiBridgeBytes, length)`.
    pub bytes_length_offset: u32,
}

/// The layout of this build (all values are small, so the `u32` casts are lossless).
pub(crate) const LAYOUT: FfiBridgeLayout = FfiBridgeLayout {
    abi_version: FFI_BRIDGE_ABI_VERSION,
    person_size: size_of::<Person>() as u32,
    person_align: align_of::<Person>() as u32,
    person_age_offset: offset_of!(Person, age) as u32,
    person_height_offset: offset_of!(Person, height) as u32,
    person_name_offset: offset_of!(Person, name) as u32,
    data_size: size_of::<Data>() as u32,
    data_align: align_of::<Data>() as u32,
    data_values_offset: offset_of!(Data, values) as u32,
    buffer_size: size_of::<FfiBridgeBuffer>() as u32,
    buffer_align: align_of::<FfiBridgeBuffer>() as u32,
    buffer_data_offset: offset_of!(FfiBridgeBuffer, data) as u32,
    buffer_length_offset: offset_of!(FfiBridgeBuffer, length) as u32,
    bytes_size: size_of::<FfiBridgeBytes>() as u32,
    bytes_align: align_of::<FfiBridgeBytes>() as u32,
    bytes_data_offset: offset_of!(FfiBridgeBytes, data) as u32,
    bytes_length_offset: offset_of!(FfiBridgeBytes, length) as u32,
};

/// The ABI description as data: the same values [`ffi_bridge_layout`] writes, so its first field
/// is the ABI version, [`FFI_BRIDGE_ABI_VERSION`], which [`ffi_bridge_abi_version`] returns.
///
/// The first `uint32_t` is the ABI version in every ABI version; what follows it is the
/// `FfiBridgeLayout` of that version. A reader must compare the first four bytes with the
/// version it binds before it reads any further.
#[no_mangle]
pub static FFI_BRIDGE_ABI_INFO: FfiBridgeLayout = LAYOUT;

// The live-count struct is not part of the layout record, but its shape is fixed too.
const _: () = assert!(size_of::<FfiBridgeLiveCounts>() == 32);
const _: () = assert!(size_of::<FfiBridgeLayout>() == 17 * 4);

/// Returns the ABI version, `FFI_BRIDGE_ABI_VERSION` (2).
#[no_mangle]
pub extern "C" fn ffi_bridge_abi_version() -> u32 {
    ffi_boundary(|| FFI_BRIDGE_ABI_VERSION)
}

/// Writes the sizes, alignments and offsets of every exported struct to `*out`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` or `FFI_BRIDGE_PANIC`.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one `FfiBridgeLayout` (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_layout(out: *mut FfiBridgeLayout) -> i32 {
    // SAFETY: forwarded caller contract for `out`.
    status_boundary(|| unsafe { try_write_out(out, LAYOUT) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_two() {
        assert_eq!(ffi_bridge_abi_version(), 2);
        crate::ffi::boundary::inject_panic_once();
        assert_eq!(ffi_bridge_abi_version(), 0);
    }

    #[test]
    fn layout_matches_the_abi_document() {
        let mut layout = FfiBridgeLayout::default();
        // SAFETY: `layout` is writable.
        assert_eq!(unsafe { ffi_bridge_layout(&mut layout) }, 0);
        let expected = FfiBridgeLayout {
            abi_version: 2,
            person_size: 16,
            person_align: 8,
            person_age_offset: 0,
            person_height_offset: 4,
            person_name_offset: 8,
            data_size: 40,
            data_align: 8,
            data_values_offset: 0,
            buffer_size: 16,
            buffer_align: 8,
            buffer_data_offset: 0,
            buffer_length_offset: 8,
            bytes_size: 16,
            bytes_align: 8,
            bytes_data_offset: 0,
            bytes_length_offset: 8,
        };
        assert_eq!(layout, expected);
    }

    #[test]
    fn layout_rejects_null_writes_unaligned_and_survives_a_panic() {
        // SAFETY: NULL is checked before use.
        assert_eq!(unsafe { ffi_bridge_layout(std::ptr::null_mut()) }, -1);
        let mut storage = [0_u8; 72];
        let out = storage[2..].as_mut_ptr().cast::<FfiBridgeLayout>();
        // SAFETY: 70 writable bytes >= 68.
        assert_eq!(unsafe { ffi_bridge_layout(out) }, 0);
        // SAFETY: `out` was just written.
        assert_eq!(unsafe { out.read_unaligned() }, LAYOUT);
        let mut layout = FfiBridgeLayout::default();
        crate::ffi::boundary::inject_panic_once();
        // SAFETY: `layout` is writable.
        assert_eq!(unsafe { ffi_bridge_layout(&mut layout) }, -7);
        assert_eq!(layout, FfiBridgeLayout::default());
    }

    #[test]
    fn the_exported_data_is_what_the_functions_return() {
        let mut layout = FfiBridgeLayout::default();
        // SAFETY: `layout` is writable.
        assert_eq!(unsafe { ffi_bridge_layout(&mut layout) }, 0);
        assert_eq!(FFI_BRIDGE_ABI_INFO, layout);
        assert_eq!(size_of_val(&FFI_BRIDGE_ABI_INFO), 17 * 4);
    }

    #[test]
    fn the_exported_data_starts_with_the_version() {
        let start = std::ptr::addr_of!(FFI_BRIDGE_ABI_INFO).cast::<u8>();
        // SAFETY: the static is 68 readable bytes; the first four are read.
        let first = unsafe { std::slice::from_raw_parts(start, 4) };
        assert_eq!(first, ffi_bridge_abi_version().to_ne_bytes());
        assert_eq!(FFI_BRIDGE_ABI_INFO.abi_version, FFI_BRIDGE_ABI_VERSION);
    }
}
