package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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

    private static final CLibrary GLIBC = new CLibrary("glibc", "interpreter /lib64/ld-linux-x86-64.so.2");
    private static final CLibrary MUSL = new CLibrary("musl", "interpreter /lib/ld-musl-x86_64.so.1");
    private static final CLibrary UNKNOWN = new CLibrary("unknown", "/proc/self/exe names no ELF interpreter");

    /** Every folder a jar ships, from os.name, os.arch and the C library this JVM runs on. */
    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, glibc, linux-x86-64, native/linux-x86-64/libffi_bridge.so",
        "Linux, amd64, musl, linux-x86-64-musl, native/linux-x86-64-musl/libffi_bridge.so",
        "Linux, aarch64, glibc, linux-aarch64, native/linux-aarch64/libffi_bridge.so",
        "Linux, aarch64, musl, linux-aarch64-musl, native/linux-aarch64-musl/libffi_bridge.so",
        "Linux, amd64, unknown, linux-x86-64, native/linux-x86-64/libffi_bridge.so",
        "Mac OS X, aarch64, , macos-aarch64, native/macos-aarch64/libffi_bridge.dylib",
        "Mac OS X, x86_64, , macos-x86-64, native/macos-x86-64/libffi_bridge.dylib",
        "Darwin, arm64, , macos-aarch64, native/macos-aarch64/libffi_bridge.dylib",
        "Windows Server 2022, amd64, , windows-x86-64, native/windows-x86-64/ffi_bridge.dll"
    })
    void everyShippedPlatformResolvesToItsFolder(
            String osName, String osArch, String libc, String id, String resource) {
        Platform platform = Platform.of(osName, osArch, libc(libc));
        assertThat(platform.id()).isEqualTo(id);
        assertThat(platform.resourceName()).isEqualTo(resource);
        assertThat(platform.supported()).isTrue();
        assertThat(Platform.KNOWN_IDS).contains(id);
    }

    @ParameterizedTest
    @CsvSource({
        "Linux, riscv64, glibc, linux-riscv64",
        "Linux, riscv64, musl, linux-riscv64-musl",
        "Linux, ppc64le, glibc, linux-ppc64le",
        "Linux, x86, musl, linux-x86-musl",
        "Windows 11, aarch64, , windows-aarch64",
        "FreeBSD, amd64, , freebsd-x86-64"
    })
    void unknownPlatformsAreNotSupported(String osName, String osArch, String libc, String id) {
        Platform platform = Platform.of(osName, osArch, libc(libc));
        assertThat(platform.id()).isEqualTo(id);
        assertThat(platform.supported()).isFalse();
    }

    @Test
    void theCLibraryCountsOnLinuxOnlyAndIsNamedInTheDescription() {
        assertThat(Platform.of("Linux", "amd64", MUSL).describe())
                .isEqualTo("linux-x86-64-musl (os.name=Linux, os.arch=amd64, C library musl (interpreter"
                        + " /lib/ld-musl-x86_64.so.1))");
        assertThat(Platform.of("Linux", "amd64", UNKNOWN).describe())
                .isEqualTo("linux-x86-64 (os.name=Linux, os.arch=amd64, C library unknown (/proc/self/exe names no"
                        + " ELF interpreter))");
        assertThat(Platform.of("Windows 11", "amd64", MUSL).libc()).isNull();
        assertThat(Platform.current().libc()).isEqualTo(CLibrary.detect());
    }

    @Test
    void theShippedPlatformsAreReadFromTheJar() {
        Set<String> present = Set.of("native/linux-x86-64/libffi_bridge.so", "native/windows-x86-64/ffi_bridge.dll");
        LibraryLocator.Resources jar = name -> present.contains(name) ? new byte[] {1} : null;
        assertThat(Platform.shippedIn(jar)).containsExactly("linux-x86-64", "windows-x86-64");
        assertThat(Platform.describe(Platform.shippedIn(jar))).isEqualTo("linux-x86-64, windows-x86-64");
        assertThat(Platform.describe(List.of())).isEqualTo("no platform");
        assertThat(Platform.shippedIn(LibraryLocator.Resources.classPath()))
                .as("this build's jar (target/classes)")
                .contains(Platform.current().id());
    }

    private static CLibrary libc(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "glibc" -> GLIBC;
            case "musl" -> MUSL;
            default -> UNKNOWN;
        };
    }
}
