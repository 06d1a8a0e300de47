//! The FFI layer: what every export needs, whatever it computes.
//!
//! * [`status`]: the status codes and the internal result type.
//! * [`boundary`]: the panic boundary around every export, and the skeleton of a status export.
//! * [`raw`]: checked access to caller memory (NULL and length checks, unaligned views).
//! * [`alloc`]: allocation that reports a refusal instead of aborting.
//! * [`counters`]: the live-object counters.
//!
//! It depends only on the CPU layer ([`crate::cpu`], for the upper-state cleanup at entry).

pub(crate) mod alloc;
pub(crate) mod boundary;
pub(crate) mod counters;
pub(crate) mod raw;
pub(crate) mod status;
