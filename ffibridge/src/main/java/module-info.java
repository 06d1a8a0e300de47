/**
 * ffi-bridge in one module: {@code requires dev.ffibridge;} reads the API ({@code
 * dev.ffibridge.api}) and brings both providers, the native one ({@code dev.ffibridge.nativeimpl})
 * and the pure-Java one ({@code dev.ffibridge.javaimpl}) that takes over when the native library
 * cannot load. {@code requires dev.ffibridge.api;} works as well: the providers are then resolved
 * as services.
 */
module dev.ffibridge {
    requires transitive dev.ffibridge.api;
    requires dev.ffibridge.nativeimpl;
    requires dev.ffibridge.javaimpl;
}
