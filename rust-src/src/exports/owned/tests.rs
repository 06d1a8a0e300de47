use super::*;

fn new_filled(length: usize, out: *mut *mut FfiBridgeBuffer) -> i32 {
    // SAFETY: `out` is NULL or a writable pointer slot.
    unsafe { ffi_bridge_buffer_new_filled(length, out) }
}

/// Copies the doubles of a library buffer and frees it.
fn take(buffer: *mut FfiBridgeBuffer) -> Vec<f64> {
    assert!(!buffer.is_null());
    // SAFETY: `buffer` is a live library buffer.
    let (data, length) = unsafe { ((*buffer).data, (*buffer).length) };
    let values = if length == 0 {
        assert!(data.is_null());
        Vec::new()
    } else {
        assert_eq!(data as usize % 8, 0);
        // SAFETY: a non-empty library buffer holds `length` aligned doubles.
        unsafe { std::slice::from_raw_parts(data, length) }.to_vec()
    };
    // SAFETY: `buffer` is live and freed once.
    unsafe { ffi_bridge_buffer_free(buffer) };
    values
}

#[test]
fn new_filled_holds_the_fill_values() {
    for length in [0, 1, 7, 15, 16, 17, 1023, 1025] {
        let mut out = null_mut();
        assert_eq!(new_filled(length, &mut out), 0);
        let expected: Vec<f64> = (0..length).map(|i| i as f64).collect();
        assert_eq!(take(out), expected);
    }
}

#[test]
fn new_filled_writes_an_unaligned_out() {
    let mut storage = [0_u8; 16];
    let out = storage[1..].as_mut_ptr().cast::<*mut FfiBridgeBuffer>();
    assert_eq!(new_filled(3, out), 0);
    // SAFETY: `out` holds the pointer just written, within `storage`.
    let buffer = unsafe { out.read_unaligned() };
    assert_eq!(take(buffer), [0.0, 1.0, 2.0]);
}

#[test]
fn new_filled_errors_leave_out_untouched() {
    let sentinel = 0x1234 as *mut FfiBridgeBuffer;
    let mut out = sentinel;
    assert_eq!(new_filled(3, null_mut()), -1);
    assert_eq!(new_filled(isize::MAX as usize / 8 + 1, &mut out), -4);
    assert_eq!(new_filled(usize::MAX, &mut out), -4);
    // Representable but far beyond any address space: the allocator refuses.
    assert_eq!(new_filled(isize::MAX as usize / 8, &mut out), -5);
    assert_eq!(new_filled(1 << 58, &mut out), -5);
    assert_eq!(out, sentinel);
    crate::ffi::boundary::inject_panic_once();
    assert_eq!(new_filled(3, &mut out), -7);
    assert_eq!(out, sentinel);
}

#[test]
fn frees_accept_null_and_are_no_ops_on_panic() {
    // SAFETY: NULL is a documented no-op.
    unsafe { ffi_bridge_buffer_free(null_mut()) };
    // SAFETY: NULL is a documented no-op.
    unsafe { ffi_bridge_bytes_free(null_mut()) };

    let mut out = null_mut();
    assert_eq!(new_filled(2, &mut out), 0);
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: `out` is live; the injected panic makes this a no-op.
    unsafe { ffi_bridge_buffer_free(out) };
    assert_eq!(take(out), [0.0, 1.0]);

    let bytes = hand_out::<FfiBridgeBytes>(vec![1, 2, 3]).unwrap();
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: `bytes` is live; the injected panic makes this a no-op.
    unsafe { ffi_bridge_bytes_free(bytes) };
    // SAFETY: `bytes` is live.
    assert_eq!(unsafe { (*bytes).length }, 3);
    // SAFETY: `bytes` is live and freed once.
    unsafe { ffi_bridge_bytes_free(bytes) };
}

#[test]
fn empty_arrays_have_null_data() {
    let bytes = hand_out::<FfiBridgeBytes>(Vec::new()).unwrap();
    // SAFETY: `bytes` is live.
    assert!(unsafe { (*bytes).data }.is_null());
    // SAFETY: `bytes` is live and freed once.
    unsafe { ffi_bridge_bytes_free(bytes) };
}
