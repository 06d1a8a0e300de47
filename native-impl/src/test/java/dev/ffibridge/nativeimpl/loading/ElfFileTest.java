package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ELF checks that run before a file reaches the dynamic loader. */
class ElfFileTest {

    @TempDir
    Path dir;

    private final Platform platform = Platform.current();
    private final byte[] library = TestLibrary.bytes();

    @Test
    void theRealLibraryPasses() {
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("ok.so"), library), platform))
                .isEmpty();
    }

    @Test
    void emptyAndNonElfFilesAreRefused() {
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("empty"), new byte[0]), platform))
                .hasValue("is empty");
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("text"), "#!/bin/sh\n".getBytes()), platform))
                .hasValueSatisfying(p -> assertThat(p).startsWith("is not an ELF shared library"));
    }

    @Test
    void everyTruncationIsFound() {
        for (int length = 1; length < library.length; length += Math.max(1, length / 3)) {
            Path file = TestLibrary.write(dir.resolve("t.so"), Arrays.copyOf(library, length));
            assertThat(ElfFile.problem(file, platform)).as("length %d", length).isPresent();
        }
        Path file = TestLibrary.write(dir.resolve("t.so"), Arrays.copyOf(library, library.length - 1));
        assertThat(ElfFile.problem(file, platform)).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("is truncated (" + (library.length - 1) + " bytes, its ELF headers say at least "
                        + library.length + ")"));
    }

    @Test
    void a32BitFileIsRefused() {
        byte[] doctored = library.clone();
        doctored[4] = 1;
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("32.so"), doctored), platform))
                .hasValue("is a 32-bit ELF file; this JVM is 64-bit");
    }

    @Test
    void anotherCpusFileIsRefused() {
        byte[] doctored = library.clone();
        int other = platform.arch().equals("aarch64") ? ElfFile.EM_X86_64 : ElfFile.EM_AARCH64;
        ByteBuffer.wrap(doctored).order(ByteOrder.LITTLE_ENDIAN).putShort(0x12, (short) other);
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("arm.so"), doctored), platform))
                .hasValueSatisfying(p -> assertThat(p).startsWith("is built for ELF machine " + other));
    }

    @Test
    void anExecutableIsNotALibrary() {
        byte[] doctored = library.clone();
        ByteBuffer.wrap(doctored).order(ByteOrder.LITTLE_ENDIAN).putShort(0x10, (short) 2);
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("exe"), doctored), platform))
                .hasValue("is not a shared library (ELF type 2)");
    }

    @Test
    void nonsenseProgramHeadersAreRefused() {
        byte[] doctored = library.clone();
        ByteBuffer.wrap(doctored).order(ByteOrder.LITTLE_ENDIAN).putLong(0x20, Long.MAX_VALUE - 10);
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("ph"), doctored), platform))
                .hasValueSatisfying(p -> assertThat(p).contains("truncated"));
        ByteBuffer.wrap(doctored)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0x20, 64)
                .putShort(0x38, (short) 0);
        assertThat(ElfFile.problem(TestLibrary.write(dir.resolve("ph"), doctored), platform))
                .hasValueSatisfying(p -> assertThat(p).startsWith("has no usable program headers"));
    }

    @Test
    void aMissingFileCannotBeRead() {
        assertThat(ElfFile.problem(dir.resolve("missing"), platform))
                .hasValueSatisfying(p -> assertThat(p).startsWith("cannot be read"));
    }
}
