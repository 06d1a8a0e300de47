use super::*;
use std::ptr::null;

/// Reads the fields of a library-allocated person and frees it.
fn take(ptr: *mut Person) -> (u32, f32, String) {
    assert!(!ptr.is_null());
    // SAFETY: `ptr` is a live Person from this library.
    let p = unsafe { *ptr };
    // SAFETY: its name is a NUL-terminated string owned by the person.
    let name = unsafe { CStr::from_ptr(p.name) }
        .to_str()
        .unwrap()
        .to_owned();
    // SAFETY: `ptr` is a live Person from this library, freed once.
    unsafe { free_person(ptr) };
    (p.age, p.height, name)
}

fn person_new(name: &[u8], out: *mut *mut Person) -> i32 {
    // SAFETY: `name` is NUL-terminated; `out` is NULL or a writable pointer slot.
    unsafe { ffi_bridge_person_new(name.as_ptr().cast(), 41, 1.75, out) }
}

#[test]
fn create_person_is_alice() {
    assert_eq!(take(create_person()), (30, 5.8_f32, "Alice".to_owned()));
}

#[test]
fn layout_is_the_guides() {
    assert_eq!(std::mem::size_of::<Person>(), 16);
    assert_eq!(std::mem::align_of::<Person>(), 8);
    assert_eq!(std::mem::offset_of!(Person, height), 4);
    assert_eq!(std::mem::offset_of!(Person, name), 8);
}

#[test]
fn free_person_accepts_null_and_a_nulled_name_field() {
    // SAFETY: NULL is a documented no-op.
    unsafe { free_person(null_mut()) };
    let p = create_person();
    // SAFETY: `p` is a live Person. Clearing the field leaves the name bytes in the block,
    // which is what `free_person` measures, so the block is still freed exactly.
    unsafe { (*p).name = null_mut() };
    // SAFETY: `p` is a live Person from this library.
    unsafe { free_person(p) };
}

#[test]
fn person_and_name_share_one_block() {
    for name in ["", "A", "Alice", "Zoë", "a name longer than sixteen bytes"] {
        let mut with_nul = name.as_bytes().to_vec();
        with_nul.push(0);
        let mut out = null_mut();
        assert_eq!(person_new(&with_nul, &mut out), 0);
        // SAFETY: `out` is a live Person from this library.
        let name_ptr = unsafe { (*out).name };
        assert_eq!(name_ptr as usize, out as usize + NAME_OFFSET);
        assert_eq!(out as usize % std::mem::align_of::<Person>(), 0);
        assert_eq!(
            person_layout(name.len()).unwrap().size(),
            16 + name.len() + 1
        );
        assert_eq!(take(out), (41, 1.75, name.to_owned()));
    }
}

#[test]
fn person_new_copies_the_name() {
    let mut out = null_mut();
    assert_eq!(person_new("Zoë\0".as_bytes(), &mut out), 0);
    assert_eq!(take(out), (41, 1.75, "Zoë".to_owned()));
    assert_eq!(person_new(b"\0", &mut out), 0);
    assert_eq!(take(out).2, "");
}

#[test]
fn person_new_writes_an_unaligned_out() {
    let mut storage = [0_u8; 16];
    let out = storage[3..].as_mut_ptr().cast::<*mut Person>();
    assert_eq!(person_new(b"Bob\0", out), 0);
    // SAFETY: `out` holds the pointer just written, at 3 + 8 <= 16 bytes.
    let p = unsafe { out.read_unaligned() };
    assert_eq!(take(p).2, "Bob");
}

#[test]
fn person_new_rejects_null_and_bad_utf8_without_writing_out() {
    let sentinel = 0x1234 as *mut Person;
    let mut out = sentinel;
    // SAFETY: NULL name is rejected before use.
    let status = unsafe { ffi_bridge_person_new(null(), 1, 1.0, &mut out) };
    assert_eq!(status, -1);
    assert_eq!(person_new(b"Bob\0", null_mut()), -1);
    assert_eq!(person_new(b"\xff\xfeBob\0", &mut out), -2);
    assert_eq!(person_new(b"\xc3\0", &mut out), -2);
    assert_eq!(out, sentinel);
}

#[test]
fn a_panic_yields_null_or_the_panic_status() {
    crate::ffi::boundary::inject_panic_once();
    assert!(create_person().is_null());

    let sentinel = 0x1234 as *mut Person;
    let mut out = sentinel;
    crate::ffi::boundary::inject_panic_once();
    assert_eq!(person_new(b"Bob\0", &mut out), -7);
    assert_eq!(out, sentinel);

    let p = create_person();
    crate::ffi::boundary::inject_panic_once();
    // SAFETY: `p` is live; the injected panic makes this call a no-op.
    unsafe { free_person(p) };
    // `p` is still live after the no-op, so it can be freed for real.
    assert_eq!(take(p).2, "Alice");
}
