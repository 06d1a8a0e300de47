/**
 * The pure-Java ffi-bridge provider, named {@code java}: the same results as the Rust library, no
 * native code. It exports nothing; {@link java.util.ServiceLoader} finds it through
 * {@code dev.ffibridge.api}.
 *
 * @provides dev.ffibridge.api.spi.FfiBridgeProvider the provider named {@code java}
 */
module dev.ffibridge.javaimpl {
    requires dev.ffibridge.api;

    provides dev.ffibridge.api.spi.FfiBridgeProvider with
            dev.ffibridge.javaimpl.JavaProvider;
}
