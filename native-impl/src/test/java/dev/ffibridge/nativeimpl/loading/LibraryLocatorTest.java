package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the library is looked for, and the messages when it is not there. */
class LibraryLocatorTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheJarsLibraryIntoTheTmpdir() {
        LibraryLocator.Located located = LibraryLocator.locate(TestLibrary.jarSettings(dir));
        assertThat(located.explicit()).isFalse();
        assertThat(located.path()).hasParent(dir).hasBinaryContent(TestLibrary.bytes());
        assertThat(located.source()).isEqualTo("jar (extracted to " + dir + ")");
    }

    @Test
    void theBuildStoresTheLibrarysSha256NextToIt() throws IOException {
        String resource = Platform.current().resourceName() + LibraryLocator.SHA256_SUFFIX;
        byte[] recorded = LibraryLocator.Resources.classPath().read(resource);
        assertThat(recorded)
                .as("the build must put %s on the class path", resource)
                .isNotNull();
        assertThat(LibraryLocator.parseSha256(recorded)).isEqualTo(LibraryExtractor.sha256(TestLibrary.bytes()));
    }

    @Test
    void namesTheExtractedFileFromTheSha256ResourceWithoutHashing() {
        String recorded = "0123456789abcdef".repeat(4);
        LibraryLocator.Located located = LibraryLocator.locate(withSha256Resource(recorded + "\n"));
        assertThat(located.path().getFileName()).hasToString("libffi_bridge-0123456789abcdef.so");
        assertThat(located.path()).hasBinaryContent(TestLibrary.bytes());
    }

    @Test
    void withoutTheSha256ResourceTheLibraryIsHashed() {
        String hashed =
                "libffi_bridge-" + LibraryExtractor.sha256(TestLibrary.bytes()).substring(0, 16) + ".so";
        assertThat(LibraryLocator.locate(withSha256Resource(null)).path().getFileName())
                .hasToString(hashed);
        assertThat(LibraryLocator.locate(withSha256Resource("not a hash"))
                        .path()
                        .getFileName())
                .hasToString(hashed);
    }

    @Test
    void anUnreadableSha256ResourceIsHashedToo() {
        String sha256Resource = Platform.current().resourceName() + LibraryLocator.SHA256_SUFFIX;
        LibraryLocator.Resources jar = LibraryLocator.Resources.classPath();
        LibraryLocator.Settings settings = new LibraryLocator.Settings(null, dir, Platform.current(), name -> {
            if (name.equals(sha256Resource)) {
                throw new IOException("zip broken");
            }
            return jar.read(name);
        });
        assertThat(LibraryLocator.locate(settings).path()).hasBinaryContent(TestLibrary.bytes());
    }

    @Test
    void parsesWhatSha256sumAndAntWrite() {
        String hex = "fee01de968cbdf4a4346f214792c0420e4e3ab49429c9bed96d19deeb88c4b62";
        assertThat(LibraryLocator.parseSha256(bytes(hex))).isEqualTo(hex);
        assertThat(LibraryLocator.parseSha256(bytes(hex + "\n"))).isEqualTo(hex);
        assertThat(LibraryLocator.parseSha256(bytes(hex + "  libffi_bridge.so\n")))
                .isEqualTo(hex);
        assertThat(LibraryLocator.parseSha256(bytes(hex.toUpperCase(Locale.ROOT))))
                .isEqualTo(hex);
        assertThat(LibraryLocator.parseSha256(bytes(hex.substring(1)))).isNull();
        assertThat(LibraryLocator.parseSha256(bytes(hex + "0"))).isNull();
        assertThat(LibraryLocator.parseSha256(bytes("g" + hex.substring(1)))).isNull();
        assertThat(LibraryLocator.parseSha256(new byte[0])).isNull();
    }

    /** The jar's resources, with {@code content} (null: none) as the library's {@code .sha256}. */
    private LibraryLocator.Settings withSha256Resource(String content) {
        String sha256Resource = Platform.current().resourceName() + LibraryLocator.SHA256_SUFFIX;
        LibraryLocator.Resources jar = LibraryLocator.Resources.classPath();
        return new LibraryLocator.Settings(
                null,
                dir,
                Platform.current(),
                name -> name.equals(sha256Resource) ? (content == null ? null : bytes(content)) : jar.read(name));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void takesAnExplicitPathAsIs() throws IOException {
        Path library = TestLibrary.write(dir.resolve("custom.so"), TestLibrary.bytes());
        LibraryLocator.Located located =
                LibraryLocator.locate(TestLibrary.explicitSettings(library, dir.resolve("unused")));
        assertThat(located.explicit()).isTrue();
        assertThat(located.path()).isEqualTo(library);
        assertThat(located.source()).isEqualTo("ffibridge.library.path");
        assertThat(Files.exists(dir.resolve("unused"))).as("nothing extracted").isFalse();
    }

    @Test
    void resolvesARelativeExplicitPath() {
        Path relative =
                Path.of("").toAbsolutePath().relativize(TestLibrary.write(dir.resolve("rel.so"), TestLibrary.bytes()));
        LibraryLocator.Located located =
                LibraryLocator.locate(TestLibrary.jarSettings(dir).withLibraryPath(relative.toString()));
        assertThat(located.path()).isAbsolute().isEqualTo(dir.resolve("rel.so"));
    }

    @Test
    void aMissingExplicitFileNeverFallsBackToTheJar() {
        Path missing = dir.resolve("missing/libffi_bridge.so");
        assertLocateFails(TestLibrary.explicitSettings(missing, dir))
                .hasMessageContaining("ffibridge.library.path " + missing + " does not exist")
                .hasMessageContaining("-Dffibridge.provider=java");
    }

    @Test
    void anEmptyExplicitPathIsAnError() {
        assertLocateFails(TestLibrary.jarSettings(dir).withLibraryPath(" "))
                .hasMessageContaining("ffibridge.library.path is set but empty");
    }

    @Test
    void aDirectoryIsNotALibrary() {
        assertLocateFails(TestLibrary.explicitSettings(dir, dir)).hasMessageContaining(dir + " is not a regular file");
    }

    @Test
    void anUnsupportedPlatformSaysWhatToSet() {
        LibraryLocator.Settings settings = new LibraryLocator.Settings(
                null, dir, Platform.of("SunOS", "sparcv9"), LibraryLocator.Resources.classPath());
        assertLocateFails(settings)
                .hasMessageContaining("sunos-sparcv9 (os.name=SunOS, os.arch=sparcv9)")
                .hasMessageContaining("-Dffibridge.library.path=")
                .hasMessageContaining("-Dffibridge.provider=java");
    }

    @Test
    void aPlatformWithoutAResourceSaysWhatToSet() {
        LibraryLocator.Settings settings =
                new LibraryLocator.Settings(null, dir, Platform.of("Linux", "aarch64"), name -> null);
        assertLocateFails(settings)
                .hasMessageContaining("no resource native/linux-aarch64/libffi_bridge.so")
                .hasMessageContaining("-Dffibridge.library.path=")
                .hasMessageContaining("-Dffibridge.provider=java");
    }

    @Test
    void anUnsupportedPlatformNamesTheDetectedOneAndThoseTheJarShips() {
        Platform riscv =
                Platform.of("Linux", "riscv64", new CLibrary("glibc", "interpreter /lib/ld-linux-riscv64-lp64d.so.1"));
        assertLocateFails(new LibraryLocator.Settings(null, dir, riscv, twoPlatformJar()))
                .hasMessage("no native library is built for platform linux-riscv64 (os.name=Linux, os.arch=riscv64,"
                        + " C library glibc (interpreter /lib/ld-linux-riscv64-lp64d.so.1)); this jar ships"
                        + " linux-x86-64, windows-x86-64; set -Dffibridge.library.path=/path/to/libffi_bridge.so"
                        + " (built by cargo build --release in rust-src), or -Dffibridge.provider=java");
    }

    @Test
    void aMuslJvmWithoutAMuslLibraryInTheJarIsToldSo() {
        Platform musl = Platform.of("Linux", "amd64", new CLibrary("musl", "interpreter /lib/ld-musl-x86_64.so.1"));
        assertLocateFails(new LibraryLocator.Settings(null, dir, musl, twoPlatformJar()))
                .hasMessage("this jar has no native library for platform linux-x86-64-musl (os.name=Linux,"
                        + " os.arch=amd64, C library musl (interpreter /lib/ld-musl-x86_64.so.1)) (no resource"
                        + " native/linux-x86-64-musl/libffi_bridge.so); it ships linux-x86-64, windows-x86-64; set"
                        + " -Dffibridge.library.path=/path/to/libffi_bridge.so (built by cargo build --release in"
                        + " rust-src), or -Dffibridge.provider=java");
    }

    /** {@return the assertion on what locating with {@code settings} throws, checked to be an UnsatisfiedLinkError} */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertLocateFails(LibraryLocator.Settings settings) {
        return assertThatThrownBy(() -> LibraryLocator.locate(settings)).isInstanceOf(UnsatisfiedLinkError.class);
    }

    /** A jar with the glibc x86-64 library (the real one) and a Windows DLL, nothing else. */
    private static LibraryLocator.Resources twoPlatformJar() {
        LibraryLocator.Resources jar = LibraryLocator.Resources.classPath();
        return name -> switch (name) {
            case "native/linux-x86-64/libffi_bridge.so" ->
                jar.read(Platform.current().resourceName());
            case "native/windows-x86-64/ffi_bridge.dll" -> new byte[] {'M', 'Z'};
            default -> null;
        };
    }

    @Test
    void anUnreadableResourceIsReported() {
        LibraryLocator.Settings settings = new LibraryLocator.Settings(null, dir, Platform.current(), name -> {
            throw new IOException("zip broken");
        });
        assertLocateFails(settings).hasMessageContaining("zip broken");
    }

    @Test
    void anUnwritableTmpdirSaysToSetFfibridgeTmpdir() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path tmpdir = file.resolve("sub");
        assertLocateFails(TestLibrary.jarSettings(tmpdir))
                .hasMessageStartingWith("ffibridge.tmpdir " + tmpdir + " is not writable/executable: set "
                        + "-Dffibridge.tmpdir to a directory where libraries may be loaded")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void readsTheSystemProperties() {
        LibraryLocator.Settings settings = LibraryLocator.Settings.fromSystemProperties();
        assertThat(settings.platform()).isEqualTo(Platform.current());
        assertThat(settings.libraryPath()).isEqualTo(System.getProperty("ffibridge.library.path"));
        String tmpdir = System.getProperty("ffibridge.tmpdir", System.getProperty("java.io.tmpdir"));
        assertThat(settings.tmpdir()).isEqualTo(Path.of(tmpdir));
    }
}
