/**
 * What the native provider does with the bindings: {@link
 * dev.ffibridge.nativeimpl.operations.NativeOperations} (the SPI's operations, argument checks and
 * typed exceptions), {@link dev.ffibridge.nativeimpl.operations.SelfTest} (the calls a library must
 * answer before it is used) and {@link dev.ffibridge.nativeimpl.operations.NativeDiagnostics} (the
 * library's {@link dev.ffibridge.nativeimpl.operations.LiveCounts}, for tests and monitoring).
 * Internal: not part of the API.
 */
package dev.ffibridge.nativeimpl.operations;
