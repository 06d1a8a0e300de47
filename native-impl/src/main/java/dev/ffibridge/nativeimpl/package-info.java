/**
 * The native provider: {@link dev.ffibridge.nativeimpl.NativeProvider}, found by {@code ServiceLoader}
 * as provider {@code "native"}, runs every operation in {@code libffi_bridge.so} (the Rust library of
 * {@code rust-src/}, C ABI in {@code docs/abi.md}) through the FFM API. The packages below are its
 * internals, by concern:
 *
 * <ul>
 *   <li>{@link dev.ffibridge.nativeimpl.loading}: find, extract, verify and load the library, once per
 *       JVM, and say why when it cannot;
 *   <li>{@link dev.ffibridge.nativeimpl.abi}: the bindings, one class per section of the header {@code
 *       rust-src/include/ffi_bridge.h}, checked against it by {@code HeaderBindingsTest}, and the
 *       struct layouts;
 *   <li>{@link dev.ffibridge.nativeimpl.operations}: the provider's operations on those bindings, the
 *       load-time self-test and the diagnostics.
 * </ul>
 */
package dev.ffibridge.nativeimpl;
