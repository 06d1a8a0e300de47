/**
 * The FFM bindings of the C ABI ({@code rust-src/include/ffi_bridge.h}, {@code docs/abi.md}).
 *
 * <ul>
 *   <li>One binding class per section of the header: {@link dev.ffibridge.nativeimpl.abi.GuideFunctions},
 *       {@link dev.ffibridge.nativeimpl.abi.BufferFunctions}, {@link
 *       dev.ffibridge.nativeimpl.abi.CodecFunctions} (owned memory and codec), {@link
 *       dev.ffibridge.nativeimpl.abi.DiagnosticFunctions} (ABI and diagnostics). Each declares its
 *       {@link dev.ffibridge.nativeimpl.abi.NativeFunction}s; {@link
 *       dev.ffibridge.nativeimpl.abi.BoundFunctions} joins them.
 *   <li>Linking: {@link dev.ffibridge.nativeimpl.abi.Downcalls} creates every downcall handle; {@code
 *       Handles} holds the lazily linked ones; {@code Calls} calls them; {@link
 *       dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary} is one opened library.
 *   <li>Structs and raw memory: {@code PersonStruct}, {@code DataStruct}, {@code BufferStruct},
 *       {@code BytesStruct}, {@code AbiLayout}, {@code StructOffsets}, {@code Pointers}, {@code
 *       OutSlot}, and the {@code Status} codes.
 * </ul>
 *
 * <p>Internal: not part of the API.
 */
package dev.ffibridge.nativeimpl.abi;
