/**
 * The native ffi-bridge provider, named {@code native}: the operations run in the Rust library
 * packed into this jar, bound through the FFM API. It exports nothing; {@link
 * java.util.ServiceLoader} finds it through {@code dev.ffibridge.api}. Grant it native access with
 * {@code --enable-native-access=dev.ffibridge.nativeimpl}.
 *
 * @provides dev.ffibridge.api.spi.FfiBridgeProvider the provider named {@code native}
 */
module dev.ffibridge.nativeimpl {
    requires dev.ffibridge.api;

    provides dev.ffibridge.api.spi.FfiBridgeProvider with
            dev.ffibridge.nativeimpl.NativeProvider;
}
