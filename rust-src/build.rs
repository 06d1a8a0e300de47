//! Links the shared library with `-z nodelete` on ELF targets, so that `dlclose` never unmaps
//! it: the sum's helper thread (src/kernels/parallel.rs) stays parked in the library's code for the
//! life of the process. Windows and Apple targets have no such flag: the library pins itself there
//! before it starts the helper (src/kernels/parallel/pin.rs).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if !matches!(os.as_str(), "macos" | "ios" | "windows") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,nodelete");
    }
}
