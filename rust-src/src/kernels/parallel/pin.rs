//! Keeps the library mapped for the life of the process once the sum's helper thread exists: the
//! helper polls, then parks, in the library's code, so unloading the library (`dlclose`,
//! `FreeLibrary`) must never unmap that code.
//!
//! ELF libraries are linked with `-z nodelete` (`build.rs`). Windows has no such link flag, so the
//! module pins itself (`GetModuleHandleExW` with `GET_MODULE_HANDLE_EX_FLAG_PIN`); on Apple
//! platforms it opens itself again with `RTLD_NODELETE`. If that fails the helper is not started
//! and every sum stays on its calling thread.

/// Makes this library stay loaded until the process exits; `false` if it could not.
#[cfg(windows)]
pub(super) fn pin_library() -> bool {
    use std::ffi::c_void;

    const GET_MODULE_HANDLE_EX_FLAG_PIN: u32 = 0x1;
    const GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS: u32 = 0x4;

    #[link(name = "kernel32")]
    extern "system" {
        fn GetModuleHandleExW(flags: u32, module_name: *const u16, module: *mut *mut c_void)
            -> i32;
    }

    let mut module: *mut c_void = std::ptr::null_mut();
    let inside_this_module = pin_library as *const () as *const u16;
    // SAFETY: with GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS the name argument is read as an address
    // only (here, this function's code, which lies in this library); `module` is a valid place
    // for the handle. A pinned module's handle needs no release.
    unsafe {
        GetModuleHandleExW(
            GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS,
            inside_this_module,
            &mut module,
        ) != 0
    }
}

/// Makes this library stay loaded until the process exits; `false` if it could not.
#[cfg(target_vendor = "apple")]
pub(super) fn pin_library() -> bool {
    use std::ffi::{c_char, c_int, c_void};

    const RTLD_NOW: c_int = 0x2;
    const RTLD_NOLOAD: c_int = 0x10;
    const RTLD_NODELETE: c_int = 0x80;

    #[repr(C)]
    struct DlInfo {
        dli_fname: *const c_char,
        dli_fbase: *mut c_void,
        dli_sname: *const c_char,
        dli_saddr: *mut c_void,
    }

    extern "C" {
        fn dladdr(address: *const c_void, info: *mut DlInfo) -> c_int;
        fn dlopen(path: *const c_char, mode: c_int) -> *mut c_void;
    }

    let mut info = DlInfo {
        dli_fname: std::ptr::null(),
        dli_fbase: std::ptr::null_mut(),
        dli_sname: std::ptr::null(),
        dli_saddr: std::ptr::null_mut(),
    };
    // SAFETY: dladdr reads the address only (this function's code, in this library) and writes
    // `info`, a valid DlInfo; dli_fname then points to the loaded image's path, which dlopen
    // reads. RTLD_NOLOAD opens nothing new: it adds RTLD_NODELETE to this very image, and the
    // handle is deliberately never closed.
    unsafe {
        dladdr(pin_library as *const () as *const c_void, &mut info) != 0
            && !info.dli_fname.is_null()
            && !dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE).is_null()
    }
}

/// ELF: the library is linked with `-z nodelete` (`build.rs`, checked by the C client test).
#[cfg(not(any(windows, target_vendor = "apple")))]
pub(super) fn pin_library() -> bool {
    true
}
