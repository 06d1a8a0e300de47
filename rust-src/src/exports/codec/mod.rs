//! Byte codec exports: `ffi_bridge_encode_*` and `ffi_bridge_fill_serialized` ([`encode`]),
//! `ffi_bridge_decode_*` ([`decode`]). The byte layout itself is in [`crate::wire`].

// cbindgen writes the functions in source order: the encoders, then the decoders.
mod encode;

mod decode;
#[cfg(test)]
mod tests;

pub use decode::{
    ffi_bridge_decode_data, ffi_bridge_decode_person, ffi_bridge_decode_sequence,
    ffi_bridge_decode_sequence_into,
};
pub use encode::{
    ffi_bridge_encode_data, ffi_bridge_encode_person, ffi_bridge_encode_person_into,
    ffi_bridge_encode_sequence, ffi_bridge_encode_sequence_into, ffi_bridge_fill_serialized,
};
