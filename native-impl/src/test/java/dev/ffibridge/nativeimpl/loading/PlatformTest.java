package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Platform names as the jar's folders spell them. */
class PlatformTest {

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux-x86-64, native/linux-x86-64/libffi_bridge.so",
        "Linux, x86_64, linux-x86-64, native/linux-x86-64/libffi_bridge.so",
        "Linux, aarch64, linux-aarch64, native/linux-aarch64/libffi_bridge.so",
        "Mac OS X, aarch64, macos-aarch64, native/macos-aarch64/libffi_bridge.dylib",
        "Mac OS X, x86_64, macos-x86-64, native/macos-x86-64/libffi_bridge.dylib",
        "Windows 11, amd64, windows-x86-64, native/windows-x86-64/ffi_bridge.dll"
    })
    void supportedPlatforms(String osName, String osArch, String id, String resource) {
        Platform platform = Platform.of(osName, osArch);
        assertThat(platform.id()).isEqualTo(id);
        assertThat(platform.resourceName()).isEqualTo(resource);
        assertThat(platform.supported()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"Linux, x86, linux-x86", "Linux, riscv64, linux-riscv64", "FreeBSD, amd64, freebsd-x86-64"})
    void unsupportedPlatforms(String osName, String osArch, String id) {
        Platform platform = Platform.of(osName, osArch);
        assertThat(platform.id()).isEqualTo(id);
        assertThat(platform.supported()).isFalse();
        assertThat(platform.describe()).isEqualTo(id + " (os.name=" + osName + ", os.arch=" + osArch + ")");
    }

    @Test
    void thisMachineIsSupported() {
        assertThat(Platform.current().supported()).isTrue();
        assertThat(Platform.current().os()).isEqualTo("linux");
    }
}
