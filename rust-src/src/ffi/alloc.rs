//! Fallible allocation: allocator refusals become `FFI_BRIDGE_ALLOCATION_FAILED` instead of an
//! abort.

use std::alloc::{alloc, Layout};

use crate::ffi::status::{FfiResult, Status};

/// Boxes `value`, returning `FFI_BRIDGE_ALLOCATION_FAILED` if the allocator refuses.
pub(crate) fn try_box<T>(value: T) -> FfiResult<Box<T>> {
    let layout = Layout::new::<T>();
    if layout.size() == 0 {
        // Zero-sized values are never allocated.
        return Ok(Box::new(value));
    }
    // SAFETY: `layout` has a non-zero size.
    let ptr = unsafe { alloc(layout) }.cast::<T>();
    if ptr.is_null() {
        return Err(Status::FFI_BRIDGE_ALLOCATION_FAILED);
    }
    // SAFETY: `ptr` is non-null and was just allocated with `Layout::new::<T>()`, so it is
    // valid and aligned for writing one `T`.
    unsafe { ptr.write(value) };
    // SAFETY: `ptr` was allocated by the global allocator with `Layout::new::<T>()` (the
    // layout `Box<T>` uses) and holds an initialized `T`, owned by nobody else.
    Ok(unsafe { Box::from_raw(ptr) })
}

/// An empty vector with room for exactly `capacity` elements, or
/// `FFI_BRIDGE_ALLOCATION_FAILED` (also for a capacity whose byte size overflows).
pub(crate) fn try_vec<T>(capacity: usize) -> FfiResult<Vec<T>> {
    let mut vec = Vec::new();
    vec.try_reserve_exact(capacity)
        .map_err(|_| Status::FFI_BRIDGE_ALLOCATION_FAILED)?;
    Ok(vec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_values() {
        assert_eq!(*try_box(41_u64).unwrap() + 1, 42);
        assert_eq!(*try_box(()).unwrap(), ());
        assert_eq!(try_box([1.5_f64; 5]).unwrap()[4], 1.5);
    }

    #[test]
    fn refuses_impossible_vectors() {
        assert_eq!(
            try_vec::<u64>(usize::MAX / 4).unwrap_err(),
            Status::FFI_BRIDGE_ALLOCATION_FAILED
        );
        assert_eq!(
            try_vec::<u8>(isize::MAX as usize).unwrap_err(),
            Status::FFI_BRIDGE_ALLOCATION_FAILED
        );
        assert!(try_vec::<u8>(16).unwrap().capacity() >= 16);
    }
}
