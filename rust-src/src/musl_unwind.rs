//! `_dl_find_object` for musl builds (compiled only for `target_env = "musl"`).
//!
//! Debian has no musl `libgcc_s`, so the musl library links GCC's static unwinder
//! (`libgcc_eh.a`). That unwinder was built against glibc ≥ 2.35 and finds the unwind tables of
//! the code it walks with glibc's `_dl_find_object`, which musl lacks. This is that function over
//! `dl_iterate_phdr` (which musl has): the loaded object whose `PT_LOAD` segments contain `pc`,
//! and its `PT_GNU_EH_FRAME` segment (`.eh_frame_hdr`). Without it the musl library could not
//! catch a panic at its boundary (`src/panic.rs`).

use std::ffi::{c_int, c_ulonglong, c_void};

/// glibc's `struct dl_find_object` on x86-64 and aarch64 (no `dlfo_eh_dbase`/`dlfo_eh_count`).
#[repr(C)]
struct DlFindObject {
    flags: c_ulonglong,
    map_start: *mut c_void,
    map_end: *mut c_void,
    link_map: *mut c_void,
    eh_frame: *mut c_void,
    reserved: [c_ulonglong; 7],
}

/// `Elf64_Phdr`.
#[repr(C)]
struct ProgramHeader {
    kind: u32,
    flags: u32,
    offset: u64,
    vaddr: u64,
    paddr: u64,
    file_size: u64,
    memory_size: u64,
    align: u64,
}

/// `struct dl_phdr_info` (the fields musl and glibc share, in their order).
#[repr(C)]
struct PhdrInfo {
    base: u64,
    name: *const i8,
    headers: *const ProgramHeader,
    count: u16,
}

const PT_LOAD: u32 = 1;
const PT_GNU_EH_FRAME: u32 = 0x6474_e550;

/// What one `dl_iterate_phdr` walk looks for (`pc`) and finds.
struct Search {
    pc: u64,
    found: Option<(u64, u64, u64)>,
}

/// Visits one loaded object: stops the walk (returns 1) when its segments contain `pc`.
unsafe extern "C" fn visit(info: *mut PhdrInfo, _size: usize, data: *mut c_void) -> c_int {
    // SAFETY: the loader passes a valid `dl_phdr_info` and our `Search` through `data`.
    let (info, search) = unsafe { (&*info, &mut *data.cast::<Search>()) };
    // SAFETY: `headers` points to `count` program headers of this object.
    let headers = unsafe { std::slice::from_raw_parts(info.headers, usize::from(info.count)) };
    let (mut start, mut end, mut eh_frame, mut contains) = (u64::MAX, 0, 0, false);
    for header in headers {
        let address = info.base.wrapping_add(header.vaddr);
        if header.kind == PT_LOAD {
            let segment_end = address.wrapping_add(header.memory_size);
            contains |= (address..segment_end).contains(&search.pc);
            start = start.min(address);
            end = end.max(segment_end);
        } else if header.kind == PT_GNU_EH_FRAME {
            eh_frame = address;
        }
    }
    if !contains {
        return 0;
    }
    search.found = Some((start, end, eh_frame));
    1
}

// The unwinder's `_dl_find_object` is `find_object`, as a hidden symbol: it binds inside this library
// and is not exported (a `#[no_mangle]` function would be).
std::arch::global_asm!(
    ".globl _dl_find_object",
    ".hidden _dl_find_object",
    ".set _dl_find_object, {}",
    sym find_object,
);

/// glibc's `_dl_find_object`: 0 and `*result` filled when `pc` lies in a loaded object, else -1.
///
/// # Safety
///
/// `result` must be valid for writing one `struct dl_find_object`.
unsafe extern "C" fn find_object(pc: *mut c_void, result: *mut DlFindObject) -> c_int {
    // Declared in here, where cbindgen does not look: it is no part of the C ABI.
    extern "C" {
        fn dl_iterate_phdr(
            callback: unsafe extern "C" fn(*mut PhdrInfo, usize, *mut c_void) -> c_int,
            data: *mut c_void,
        ) -> c_int;
    }
    let mut search = Search {
        pc: pc as u64,
        found: None,
    };
    // SAFETY: `visit` matches the callback type and only reads what the loader passes it.
    unsafe { dl_iterate_phdr(visit, std::ptr::addr_of_mut!(search).cast()) };
    let Some((start, end, eh_frame)) = search.found else {
        return -1;
    };
    let object = DlFindObject {
        flags: 0,
        map_start: start as *mut c_void,
        map_end: end as *mut c_void,
        link_map: std::ptr::null_mut(),
        eh_frame: eh_frame as *mut c_void,
        reserved: [0; 7],
    };
    // SAFETY: the caller passes a writable `struct dl_find_object`.
    unsafe { result.write(object) };
    0
}
