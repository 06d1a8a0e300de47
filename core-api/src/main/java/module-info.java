/**
 * ffi-bridge's API ({@link dev.ffibridge.api}) and provider SPI ({@link dev.ffibridge.api.spi}).
 *
 * <p>Depend on {@code dev.ffibridge:ffibridge} (this module and both providers), or on this module
 * and the providers you want: {@code dev.ffibridge.nativeimpl} (Rust through the FFM API) and
 * {@code dev.ffibridge.javaimpl} (pure Java). An application module needs only
 * {@code requires dev.ffibridge.api;}; the providers are found with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * FfiBridge bridge = FfiBridge.load();
 * int three = bridge.addNumbers(1, 2);
 * }</pre>
 *
 * <p>Run with {@code --enable-native-access=dev.ffibridge.nativeimpl} on the module path
 * ({@code --enable-native-access=ALL-UNNAMED} on the class path); without it the JDK warns, and
 * with {@code --illegal-native-access=deny} the native provider is unavailable and the pure-Java
 * one takes over.
 *
 * <p>System properties: {@code ffibridge.provider} ({@code auto}, {@code native} or {@code java}),
 * {@code ffibridge.library.path} (load this library file instead of the jar's) and
 * {@code ffibridge.tmpdir} (where the jar's library is extracted; default {@code java.io.tmpdir}).
 * {@link dev.ffibridge.api.FfiBridge#diagnostics()} reports what was found and chosen.
 *
 * @uses dev.ffibridge.api.spi.FfiBridgeProvider
 */
// "module": the providers named in the qualified export are not compiled yet when this module is
@SuppressWarnings("module")
module dev.ffibridge.api {
    exports dev.ffibridge.api;
    exports dev.ffibridge.api.spi;
    // shared by the two providers only: wire-format error messages, the caller's arena allocation
    exports dev.ffibridge.api.internal to
            dev.ffibridge.javaimpl,
            dev.ffibridge.nativeimpl;

    uses dev.ffibridge.api.spi.FfiBridgeProvider;
}
