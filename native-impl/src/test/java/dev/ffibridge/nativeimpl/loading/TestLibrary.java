package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The packaged library, as the jar (here target/classes) ships it, and broken copies of it. */
public final class TestLibrary {

    private TestLibrary() {}

    /** The bytes of {@code native/<platform>/libffi_bridge.so} on the class path; fails if missing. */
    public static byte[] bytes() {
        String resource = Platform.current().resourceName();
        try {
            byte[] bytes = LibraryLocator.Resources.classPath().read(resource);
            assertThat(bytes)
                    .as("the build must put %s on the test class path (target/classes)", resource)
                    .isNotNull();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings that find the jar's library and extract it into {@code tmpdir}. */
    static LibraryLocator.Settings jarSettings(Path tmpdir) {
        return new LibraryLocator.Settings(null, tmpdir, Platform.current(), LibraryLocator.Resources.classPath());
    }

    /** Settings with an explicit {@code ffibridge.library.path}. */
    static LibraryLocator.Settings explicitSettings(Path library, Path tmpdir) {
        return jarSettings(tmpdir).withLibraryPath(library.toString());
    }

    /** Writes the first {@code length} bytes of the library to {@code file}. */
    static Path truncatedCopy(Path file, int length) {
        return write(file, Arrays.copyOf(bytes(), length));
    }

    /** Writes {@code bytes} to {@code file}. */
    public static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
