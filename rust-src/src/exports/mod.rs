//! The exported C ABI, one file per subject. The header's sections map onto them as follows:
//!
//! * the guide's functions: [`numbers`] (`add_numbers`), [`person`] (`create_person`,
//!   `free_person`), [`data`] (`get_data`, `free_data`), [`buffers`] (`fill_buffer`);
//! * caller-owned buffers and structs: [`buffers`] (fill and sum), [`data`]
//!   (`ffi_bridge_data_fill`), [`person`] (`ffi_bridge_person_new`);
//! * Rust-owned memory and the byte codec: [`owned`], [`codec`];
//! * ABI and diagnostics: [`layout`], [`counters`], [`self_test`], [`status`].
//!
//! cbindgen writes the header's functions in the order it reads them, so these modules stay in
//! this (alphabetical) order: moving one reorders the header.

pub(crate) mod buffers;
pub(crate) mod codec;
pub(crate) mod counters;
pub(crate) mod data;
pub(crate) mod layout;
pub(crate) mod numbers;
pub(crate) mod owned;
pub(crate) mod person;
pub(crate) mod self_test;
pub(crate) mod status;
