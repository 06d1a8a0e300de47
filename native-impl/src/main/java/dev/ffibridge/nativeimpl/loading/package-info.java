/**
 * Loading the native library, once per JVM ({@link dev.ffibridge.nativeimpl.loading.NativeRuntime}):
 * where it comes from ({@link dev.ffibridge.nativeimpl.loading.LibraryLocator}, {@link
 * dev.ffibridge.nativeimpl.loading.Platform}), extracting it safely ({@link
 * dev.ffibridge.nativeimpl.loading.LibraryExtractor}), checking it is a loadable ELF file for this
 * machine ({@link dev.ffibridge.nativeimpl.loading.ElfFile}), opening it and running the ABI
 * handshake and the self-test ({@link dev.ffibridge.nativeimpl.loading.NativeLoader}, {@link
 * dev.ffibridge.nativeimpl.loading.AbiHandshake}), and explaining a failure ({@link
 * dev.ffibridge.nativeimpl.loading.LoadFailures}, {@link dev.ffibridge.nativeimpl.loading.MountTable}).
 * Internal: not part of the API.
 */
package dev.ffibridge.nativeimpl.loading;
