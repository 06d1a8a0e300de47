/**
 * The native provider, {@link dev.ffibridge.nativeimpl.NativeProvider} ({@code "native"}): it
 * finds, verifies and loads the Rust library shipped in the jar and binds its C ABI through the
 * FFM API. Not exported: it is found as a service.
 */
package dev.ffibridge.nativeimpl;
