//! `ffi_bridge`: the C ABI of `libffi_bridge.so`.
//!
//! The contract is `docs/abi.md` (ABI version [`FFI_BRIDGE_ABI_VERSION`]); the C header
//! `include/ffi_bridge.h` is generated from this crate by cbindgen.
//!
//! * The guide's functions: [`add_numbers`], [`create_person`], [`free_person`], [`get_data`],
//!   [`free_data`], [`fill_buffer`].
//! * The `ffi_bridge_*` additions: they return an `int32_t` status ([`FfiBridgeStatus`]) and
//!   write their result through an output pointer that is only written on success.
//!   [`ffi_bridge_sum`] is the one exception: it returns the sum of
//!   [`ffi_bridge_sum_buffer`] directly (NaN on error), for callers that want no output slot.
//! * One data symbol, [`FFI_BRIDGE_ABI_INFO`]: the ABI version followed by the struct layouts
//!   (what [`ffi_bridge_abi_version`] and [`ffi_bridge_layout`] return), readable without a call.
//!
//! Every exported body runs inside the panic boundary of `src/ffi/boundary.rs`, so a Rust panic
//! never unwinds into the caller: it becomes `FFI_BRIDGE_PANIC`, `NULL` or a no-op. Caller
//! pointers are null-checked before use and read or written unaligned-safely.

#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

// The panic boundary relies on unwinding; `panic = "abort"` would turn every caught panic
// into a process abort. Cargo.toml sets `panic = "unwind"` in every profile.
#[cfg(panic = "abort")]
compile_error!("ffi_bridge must be built with panic = \"unwind\" (see Cargo.toml profiles)");

// The layers, each using only those above it: the CPU, the FFI plumbing, the kernels, the
// wire format, and the exports on top.
mod cpu;
mod exports;
mod ffi;
mod kernels;
#[cfg(target_env = "musl")]
mod musl_unwind;
mod wire;

pub use exports::buffers::{
    ffi_bridge_fill_buffer, ffi_bridge_fill_piece, ffi_bridge_fill_range, ffi_bridge_sum,
    ffi_bridge_sum_blocks, ffi_bridge_sum_buffer, fill_buffer,
};
pub use exports::codec::{
    ffi_bridge_decode_data, ffi_bridge_decode_person, ffi_bridge_decode_sequence,
    ffi_bridge_decode_sequence_into, ffi_bridge_encode_data, ffi_bridge_encode_person,
    ffi_bridge_encode_person_into, ffi_bridge_encode_sequence, ffi_bridge_encode_sequence_into,
    ffi_bridge_fill_serialized,
};
pub use exports::counters::ffi_bridge_live_counts;
pub use exports::data::{ffi_bridge_data_fill, free_data, get_data, Data, DATA_VALUES};
pub use exports::layout::{
    ffi_bridge_abi_version, ffi_bridge_layout, FfiBridgeLayout, FFI_BRIDGE_ABI_INFO,
    FFI_BRIDGE_ABI_VERSION,
};
pub use exports::numbers::add_numbers;
pub use exports::owned::{
    ffi_bridge_buffer_free, ffi_bridge_buffer_new_filled, ffi_bridge_bytes_free, FfiBridgeBuffer,
    FfiBridgeBytes,
};
pub use exports::person::{create_person, ffi_bridge_person_new, free_person, Person};
pub use exports::self_test::ffi_bridge_self_test;
pub use exports::status::ffi_bridge_status_message;
pub use ffi::counters::{live_counts, FfiBridgeLiveCounts};
pub use ffi::status::FfiBridgeStatus;
