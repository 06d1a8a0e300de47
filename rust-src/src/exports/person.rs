//! The guide's `Person`: `create_person`, `free_person`, and `ffi_bridge_person_new`.

use std::alloc::{alloc, dealloc, Layout};
use std::ffi::CStr;
use std::os::raw::c_char;
use std::ptr::null_mut;

use crate::ffi::boundary::{ffi_boundary, status_boundary};
use crate::ffi::counters::PERSONS;
use crate::ffi::raw::{caller_utf8, non_null, write_out};
use crate::ffi::status::{FfiResult, Status};

/// A person, laid out as in the guide: size 16, align 8, offsets 0, 4, 8.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct Person {
    /// Age in years.
    pub age: u32,
    /// Height (the guide's unit; `create_person` uses 5.8).
    pub height: f32,
    /// NUL-terminated UTF-8 name, owned by the `Person` and freed by `free_person`. In a
    /// `Person` this library allocated it lives in the same allocation, right after the
    /// struct. Callers must not replace or shorten it.
    pub name: *mut c_char,
}

/// Where the name starts in a library-allocated `Person` block: right after the struct.
const NAME_OFFSET: usize = std::mem::size_of::<Person>();

/// The layout of one `Person` block: the struct followed by `name_len` bytes and a NUL
/// (size `16 + name_len + 1`, align 8), or `None` if that size overflows.
#[inline]
fn person_layout(name_len: usize) -> Option<Layout> {
    let size = NAME_OFFSET.checked_add(name_len)?.checked_add(1)?;
    Layout::from_size_align(size, std::mem::align_of::<Person>()).ok()
}

/// Allocates a `Person` with a copy of `name` in ONE block (struct, then the NUL-terminated
/// name; `name` points inside the block). `name` is validated by the caller: UTF-8, no NUL.
///
/// Returns `FFI_BRIDGE_ALLOCATION_FAILED` if the allocator refuses (nothing stays
/// allocated). Counts the person as handed out.
#[inline]
pub(crate) fn new_person(name: &[u8], age: u32, height: f32) -> FfiResult<*mut Person> {
    debug_assert!(!name.contains(&0));
    let layout = person_layout(name.len()).ok_or(Status::FFI_BRIDGE_ALLOCATION_FAILED)?;
    // SAFETY: `layout` has a non-zero size (at least 17 bytes).
    let block = unsafe { alloc(layout) };
    if block.is_null() {
        return Err(Status::FFI_BRIDGE_ALLOCATION_FAILED);
    }
    // SAFETY: `block` is a fresh allocation of `16 + name.len() + 1` bytes, aligned 8, that
    // overlaps nothing else: the name bytes go to `16..16 + len`, the NUL to `16 + len`, and
    // the struct (size 16, align 8) to offset 0.
    unsafe {
        let name_ptr = block.add(NAME_OFFSET);
        std::ptr::copy_nonoverlapping(name.as_ptr(), name_ptr, name.len());
        name_ptr.add(name.len()).write(0);
        block.cast::<Person>().write(Person {
            age,
            height,
            name: name_ptr.cast(),
        });
    }
    PERSONS.handed_out();
    Ok(block.cast())
}

/// Returns a new `Person {30, 5.8f, "Alice"}` to be freed with `free_person`, or NULL if
/// allocation failed or a panic was caught.
#[no_mangle]
pub extern "C" fn create_person() -> *mut Person {
    ffi_boundary(|| new_person(b"Alice", 30, 5.8).unwrap_or(null_mut()))
}

/// Frees a `Person` allocated by this library **and its name** (one allocation: the struct
/// followed by the name, whose size is recomputed with `strlen` on the name). NULL is a
/// no-op.
///
/// # Safety
///
/// `ptr` must be NULL or a `Person` returned by `create_person`, `ffi_bridge_person_new` or
/// `ffi_bridge_decode_person` that was not freed yet, with its `name` untouched (not
/// replaced, not shortened).
#[no_mangle]
pub unsafe extern "C" fn free_person(ptr: *mut Person) {
    ffi_boundary(|| {
        if ptr.is_null() {
            return;
        }
        // SAFETY: by the caller's contract `ptr` is a live block from `new_person`, so its
        // name bytes, untouched and NUL-terminated, start right after the struct.
        let name_len =
            unsafe { CStr::from_ptr(ptr.cast::<c_char>().add(NAME_OFFSET)) }.count_bytes();
        // The block was allocated with exactly this layout, so it cannot fail here.
        if let Some(layout) = person_layout(name_len) {
            // SAFETY: `ptr` came from `alloc(person_layout(name_len))` in `new_person` (the
            // name length is unchanged by contract) and is freed only once.
            unsafe { dealloc(ptr.cast(), layout) };
            PERSONS.freed();
        }
    })
}

/// Allocates a `Person` with a copy of the NUL-terminated UTF-8 `name`; free it with
/// `free_person`.
///
/// Returns `FFI_BRIDGE_OK`, `FFI_BRIDGE_NULL_POINTER` (`name` or `out` NULL),
/// `FFI_BRIDGE_INVALID_UTF8`, `FFI_BRIDGE_ALLOCATION_FAILED` or `FFI_BRIDGE_PANIC`. On error
/// nothing is allocated and `*out` is not written.
///
/// # Safety
///
/// `name` must be NULL or a readable NUL-terminated string; `out` must be NULL or valid for
/// writing one pointer (any alignment).
#[no_mangle]
pub unsafe extern "C" fn ffi_bridge_person_new(
    name: *const c_char,
    age: u32,
    height: f32,
    out: *mut *mut Person,
) -> i32 {
    status_boundary(|| {
        non_null(name)?;
        non_null(out)?;
        // SAFETY: by the caller's contract `name` is a readable NUL-terminated string that
        // outlives this call.
        let name = unsafe { caller_utf8(name) }?;
        let person = new_person(name, age, height)?;
        // SAFETY: `out` is non-null and, by the caller's contract, writable.
        unsafe { write_out(out, person) };
        Ok(())
    })
}

#[cfg(test)]
mod tests;
