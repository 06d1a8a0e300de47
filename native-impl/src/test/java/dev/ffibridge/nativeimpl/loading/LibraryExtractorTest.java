package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction of the library under its content hash: reuse, replacement, races. */
class LibraryExtractorTest {

    private static final String FILE = "libffi_bridge.so";

    @TempDir
    Path dir;

    private final byte[] library = TestLibrary.bytes();

    private final String sha256 = LibraryExtractor.sha256(library);

    @Test
    void namesTheFileAfterItsContent() {
        String name = LibraryExtractor.fileName(FILE, sha256);
        assertThat(name).matches("libffi_bridge-[0-9a-f]{16}\\.so");
        assertThat(name).contains(sha256.substring(0, 16));
        assertThat(LibraryExtractor.fileName(FILE, LibraryExtractor.sha256(new byte[] {1})))
                .isNotEqualTo(name);
        assertThat(LibraryExtractor.fileName("ffi_bridge.dll", LibraryExtractor.sha256(new byte[0])))
                .isEqualTo("ffi_bridge-e3b0c44298fc1c14.dll");
    }

    @Test
    void theNameIsNotTrustedAFileOfThatNameIsComparedByteForByte() throws IOException {
        // A hash that does not belong to these bytes only names the file; the bytes decide.
        String other = LibraryExtractor.sha256(new byte[] {1});
        Path target = dir.resolve(LibraryExtractor.fileName(FILE, other));
        Files.write(target, new byte[] {1});
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThat(LibraryExtractor.holds(target, library)).isFalse();
        assertThat(LibraryExtractor.extract(library, other, dir, FILE).path())
                .isEqualTo(target)
                .hasBinaryContent(library);
    }

    @Test
    void extractsIntoTheDirectory() throws IOException {
        LibraryExtractor.Extracted extracted = LibraryExtractor.extract(library, sha256, dir, FILE);
        assertThat(extracted.privateCopy()).isFalse();
        assertThat(extracted.path()).isEqualTo(dir.resolve(LibraryExtractor.fileName(FILE, sha256)));
        assertThat(extracted.path()).hasBinaryContent(library);
        assertThat(leftovers()).containsExactly(extracted.path());
    }

    @Test
    void createsAMissingDirectory() throws IOException {
        Path nested = dir.resolve("a/b");
        assertThat(LibraryExtractor.extract(library, sha256, nested, FILE).path())
                .hasBinaryContent(library);
    }

    @Test
    void reusesAnIdenticalFile() throws IOException {
        Path first = LibraryExtractor.extract(library, sha256, dir, FILE).path();
        FileTime written = Files.getLastModifiedTime(first);
        Object inode = Files.readAttributes(first, "unix:ino").get("ino");
        Files.setLastModifiedTime(first, FileTime.fromMillis(written.toMillis() - 60_000));
        Path second = LibraryExtractor.extract(library, sha256, dir, FILE).path();
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAttributes(second, "unix:ino").get("ino")).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(written.toMillis() - 60_000);
    }

    @Test
    void replacesAFileWithTheRightNameButWrongContent() throws IOException {
        Path target = dir.resolve(LibraryExtractor.fileName(FILE, sha256));
        Files.writeString(target, "not the library");
        assertThat(LibraryExtractor.extract(library, sha256, dir, FILE).path())
                .isEqualTo(target)
                .hasBinaryContent(library);
        // Same size, one byte different.
        byte[] corrupted = library.clone();
        corrupted[corrupted.length / 2] ^= 1;
        Files.delete(target);
        Files.write(target, corrupted);
        assertThat(LibraryExtractor.extract(library, sha256, dir, FILE).path())
                .isEqualTo(target)
                .hasBinaryContent(library);
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void replacesAnIdenticalFileOthersMayWrite() throws IOException {
        Path target = dir.resolve(LibraryExtractor.fileName(FILE, sha256));
        Files.write(target, library);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(LibraryExtractor.holds(target, library)).isFalse();
        Path extracted = LibraryExtractor.extract(library, sha256, dir, FILE).path();
        assertThat(extracted).isEqualTo(target).hasBinaryContent(library);
        assertThat(Files.getPosixFilePermissions(extracted)).isEqualTo(PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @Test
    void neverTrustsALink() throws IOException {
        Path real = dir.resolve("real.so");
        Files.write(real, library);
        Path target = dir.resolve(LibraryExtractor.fileName(FILE, sha256));
        Files.createSymbolicLink(target, real);
        assertThat(LibraryExtractor.holds(target, library)).isFalse();
        Path extracted = LibraryExtractor.extract(library, sha256, dir, FILE).path();
        assertThat(Files.isSymbolicLink(extracted)).isFalse();
        assertThat(extracted).hasBinaryContent(library);
    }

    @Test
    void usesAPrivateCopyWhenTheNameCannotBeTaken() throws IOException {
        Path target = dir.resolve(LibraryExtractor.fileName(FILE, sha256));
        Files.createDirectory(target);
        Files.writeString(target.resolve("occupant"), "x");
        LibraryExtractor.Extracted extracted = LibraryExtractor.extract(library, sha256, dir, FILE);
        assertThat(extracted.privateCopy()).isTrue();
        assertThat(extracted.path()).isNotEqualTo(target).hasParent(dir).hasBinaryContent(library);
    }

    @Test
    void manyThreadsRacingAgreeOnOneCompleteFile() throws Exception {
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LibraryExtractor.Extracted>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<LibraryExtractor.Extracted> task = () -> {
                    start.await();
                    return LibraryExtractor.extract(library, sha256, dir, FILE);
                };
                results.add(pool.submit(task));
            }
            Path expected = dir.resolve(LibraryExtractor.fileName(FILE, sha256));
            for (Future<LibraryExtractor.Extracted> result : results) {
                assertThat(result.get().path()).isEqualTo(expected);
                assertThat(result.get().privateCopy()).isFalse();
            }
            assertThat(expected).hasBinaryContent(library);
            assertThat(leftovers()).containsExactly(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failsWhenTheDirectoryCannotBeMade() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LibraryExtractor.extract(library, sha256, file.resolve("sub"), FILE))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> LibraryExtractor.extract(library, sha256, file, FILE))
                .isInstanceOf(IOException.class);
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
