package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.nativeimpl.abi.BoundFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a file: each broken library gives a cause that names it and says what to set; none
 * crashes the JVM.
 */
class NativeLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsAGoodCopyAndReportsIt() {
        Path copy = TestLibrary.write(dir.resolve("copy.so"), TestLibrary.bytes());
        LoadResult result = NativeLoader.load(TestLibrary.explicitSettings(copy, dir));
        assertThat(result.cause()).isNull();
        assertThat(result.available()).isTrue();
        assertThat(result.details())
                .containsEntry("library", copy.toString())
                .containsEntry("abi", "2")
                .containsEntry("source", "ffibridge.library.path");
    }

    @Test
    void loadsTheJarsLibraryThroughATmpdir() {
        LoadResult result = NativeLoader.load(TestLibrary.jarSettings(dir));
        assertThat(result.cause()).isNull();
        assertThat(result.path()).hasParent(dir);
        assertThat(result.details()).containsEntry("source", "jar (extracted to " + dir + ")");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.so");
        LoadResult result = NativeLoader.load(TestLibrary.explicitSettings(missing, dir));
        assertThat(result.available()).isFalse();
        assertThat(result.cause())
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aNonElfFileIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("text.so"), "this is not a library\n");
        assertThat(NativeLoader.load(TestLibrary.explicitSettings(text, dir)).cause())
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining("ffibridge.library.path " + text + " is not an ELF shared library")
                .hasMessageContaining("set -Dffibridge.library.path to the libffi_bridge.so built");
    }

    @Test
    void anEmptyFileIsNamed() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.so"));
        assertThat(NativeLoader.load(TestLibrary.explicitSettings(empty, dir)).cause())
                .hasMessageContaining(empty + " is empty");
    }

    @Test
    void truncatedCopiesAreRefusedBeforeTheLoaderSeesThem() {
        int size = TestLibrary.bytes().length;
        // Any of these handed to dlopen may kill the JVM with SIGBUS.
        for (int length : new int[] {10, 63, 64, 1000, size / 3, size / 2, size - 4096, size - 1}) {
            Path truncated = TestLibrary.truncatedCopy(dir.resolve("truncated-" + length + ".so"), length);
            assertThat(NativeLoader.load(TestLibrary.explicitSettings(truncated, dir))
                            .cause())
                    .as("length %d", length)
                    .isInstanceOf(UnsatisfiedLinkError.class)
                    .hasMessageContaining(
                            "ffibridge.library.path " + truncated + " is truncated (" + length + " bytes");
        }
    }

    @Test
    void aLibraryWithoutTheFunctionsIsNamedWithTheMissingSymbols() {
        Path libm = mappedLibm();
        LoadResult result = NativeLoader.load(TestLibrary.explicitSettings(libm, dir));
        assertThat(result.cause())
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining("ffibridge.library.path " + libm)
                .hasMessageContaining(
                        "is not a matching libffi_bridge: the library does not export FFI_BRIDGE_ABI_INFO (")
                .hasMessageContaining(" nor add_numbers, create_person")
                .hasMessageContaining("ffi_bridge_self_test (" + BoundFunctions.ALL.size() + " of the "
                        + BoundFunctions.ALL.size() + " functions of ABI version 2)");
    }

    /** The libm this JVM has mapped: a real shared library that is not ours. */
    private static Path mappedLibm() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
                    .filter(path -> path.matches(".*/libm[.-].*so.*"))
                    .map(Path::of)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no libm mapped in this JVM"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aNativeAccessRefusalSaysWhichFlagToAdd() {
        UnsatisfiedLinkError error =
                NativeLoader.nativeAccessDisabled(new IllegalCallerException("Illegal native access"));
        assertThat(error)
                .hasMessageContaining("--enable-native-access=ALL-UNNAMED")
                .hasMessageContaining("-Dffibridge.provider=java")
                .hasCauseInstanceOf(IllegalCallerException.class);
    }

    @Test
    void aNoexecTmpdirSaysToSetFfibridgeTmpdir() {
        Path library = dir.resolve("libffi_bridge-0123456789abcdef.so");
        LibraryLocator.Located located = new LibraryLocator.Located(library, false, false);
        String message = LoadFailures.message(
                located, library + ": failed to map segment from shared object", Optional.of(dir.toString()));
        assertThat(message)
                .startsWith("ffibridge.tmpdir " + dir + " is not writable/executable: set -Dffibridge.tmpdir to a "
                        + "directory where libraries may be loaded")
                .contains("failed to map segment", dir + " is mounted noexec");
        // Recognised from the loader's text alone too (e.g. a policy, or no /proc).
        assertThat(LoadFailures.message(located, library + ": Operation not permitted", Optional.empty()))
                .startsWith("ffibridge.tmpdir " + dir + " is not writable/executable");
    }

    @Test
    void aNoexecExplicitPathSaysToMoveIt() {
        Path library = dir.resolve("x.so");
        String message = LoadFailures.message(
                new LibraryLocator.Located(library, true, false),
                library + ": failed to map segment from shared object",
                Optional.empty());
        assertThat(message)
                .startsWith("ffibridge.library.path " + library + " cannot be loaded")
                .contains("file system that allows executables");
    }

    @Test
    void otherLoaderErrorsAreQuoted() {
        Path library = dir.resolve("x.so");
        String message = LoadFailures.message(
                new LibraryLocator.Located(library, true, false), "undefined symbol: foo", Optional.empty());
        assertThat(message).contains(library + " cannot be loaded: undefined symbol: foo");
    }

    @Test
    void asksTheLoaderWhyAFileDoesNotLoad() throws IOException {
        Path text = Files.writeString(
                dir.resolve("text.so"), "not a library, but long enough to be read as one...\n".repeat(4));
        assertThat(LoadFailures.dlerror(text))
                .hasValueSatisfying(e -> assertThat(e).contains(text.toString()));
        assertThat(LoadFailures.dlerror(TestLibrary.write(dir.resolve("good.so"), TestLibrary.bytes())))
                .isEmpty();
    }
}
