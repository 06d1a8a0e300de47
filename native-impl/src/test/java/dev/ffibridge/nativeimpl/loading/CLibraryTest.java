package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The C library, told by the ELF interpreter of the running executable. */
class CLibraryTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "/lib/ld-musl-x86_64.so.1, musl",
        "/lib/ld-musl-aarch64.so.1, musl",
        "/lib64/ld-linux-x86-64.so.2, glibc",
        "/lib/ld-linux-aarch64.so.1, glibc",
        "/nix/store/abc-glibc-2.39/lib/ld-linux-x86-64.so.2, glibc",
        "/lib64/ld64.so.2, glibc",
        "/system/bin/linker64, unknown"
    })
    void namesTheCLibraryOfAnInterpreter(String interpreter, String name) {
        assertThat(CLibrary.ofInterpreter(interpreter)).isEqualTo(name);
    }

    @Test
    void readsTheInterpreterOfAnElfExecutable() throws IOException {
        Path musl = Files.write(dir.resolve("musl-java"), elf("/lib/ld-musl-x86_64.so.1"));
        assertThat(CLibrary.detect(musl)).isEqualTo(new CLibrary("musl", "interpreter /lib/ld-musl-x86_64.so.1"));
        Path glibc = Files.write(dir.resolve("glibc-java"), elf("/lib64/ld-linux-x86-64.so.2"));
        assertThat(CLibrary.detect(glibc).name()).isEqualTo("glibc");
        assertThat(CLibrary.detect(glibc).describe()).isEqualTo("glibc (interpreter /lib64/ld-linux-x86-64.so.2)");
    }

    @Test
    void withoutAnInterpreterOrAReadableFileItIsUnknown() throws IOException {
        Path statik = Files.write(dir.resolve("static-java"), elf(null));
        assertThat(CLibrary.detect(statik)).isEqualTo(new CLibrary("unknown", statik + " names no ELF interpreter"));
        Path missing = dir.resolve("missing");
        assertThat(CLibrary.detect(missing).name()).isEqualTo("unknown");
        assertThat(CLibrary.detect(missing).evidence()).startsWith(missing + " cannot be read: ");
        Path text = Files.writeString(dir.resolve("text"), "#!/bin/sh\n".repeat(20));
        assertThat(CLibrary.detect(text).evidence()).contains("not a 64-bit little-endian ELF file");
    }

    @Test
    void thisJvmsCLibraryIsTheOneItsProcessMapped() throws IOException {
        CLibrary libc = CLibrary.detect();
        String interpreter = libc.evidence().substring("interpreter ".length());
        String loader = Path.of(interpreter).getFileName().toString();
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        assertThat(maps).as("the interpreter %s is mapped", interpreter).anyMatch(line -> line.contains(loader));
        boolean muslMapped = maps.stream().anyMatch(line -> line.contains("/ld-musl-"));
        assertThat(libc.name()).isEqualTo(muslMapped ? "musl" : "glibc");
    }

    @Test
    void anInterruptedThreadStillReadsIt() {
        Thread.currentThread().interrupt();
        try {
            assertThat(CLibrary.detect().name()).isNotEqualTo("unknown");
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    /** A 64-bit little-endian ELF executable with a PT_LOAD and, unless null, a PT_INTERP. */
    static byte[] elf(String interpreter) {
        byte[] text = interpreter == null ? new byte[0] : (interpreter + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer elf = ByteBuffer.allocate(64 + 2 * 56 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        elf.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        elf.putShort(0x10, (short) 3).putShort(0x12, (short) 62);
        elf.putLong(0x20, 64).putShort(0x36, (short) 56).putShort(0x38, (short) (interpreter == null ? 1 : 2));
        elf.putInt(64, 1);
        if (interpreter != null) {
            elf.putInt(120, 3).putLong(128, 176).putLong(152, text.length);
            elf.put(176, text);
        }
        return elf.array();
    }
}
