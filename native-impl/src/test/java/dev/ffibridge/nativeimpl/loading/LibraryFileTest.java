package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check before loading, in each platform's format: ELF (Linux), PE (Windows), Mach-O (macOS). */
class LibraryFileTest {

    private static final Platform WINDOWS = Platform.of("Windows 11", "amd64");
    private static final Platform MACOS_ARM = Platform.of("Mac OS X", "aarch64");

    @TempDir
    Path dir;

    @Test
    void aDllPassesOnWindowsWhereTheElfCheckWouldRefuseIt() throws IOException {
        Path dll = write("ffi_bridge.dll", pe(PeFile.MACHINE_AMD64, 0x2022, 0x20B, 0x400));
        assertThat(LibraryFile.problem(dll, WINDOWS)).isEmpty();
        assertThat(LibraryFile.problem(dll, Platform.of("Linux", "amd64")))
                .hasValueSatisfying(p -> assertThat(p).startsWith("is not an ELF shared library"));
    }

    @Test
    void theRealLinuxLibraryIsNoDll() throws IOException {
        Path so = write("libffi_bridge.so", TestLibrary.bytes());
        assertThat(LibraryFile.problem(so, WINDOWS)).hasValue("is not a Windows DLL (it does not start with MZ)");
        assertThat(LibraryFile.problem(so, Platform.current())).isEmpty();
    }

    @Test
    void brokenDllsAreNamed() throws IOException {
        assertThat(problemOnWindows(new byte[0])).isEqualTo("is empty");
        byte[] noPe = pe(PeFile.MACHINE_AMD64, 0x2022, 0x20B, 0x400);
        noPe[0x80] = 'X';
        assertThat(problemOnWindows(noPe)).isEqualTo("is not a Windows DLL (no PE signature at offset 128)");
        assertThat(problemOnWindows(pe(PeFile.MACHINE_AMD64, 0x0022, 0x20B, 0x400)))
                .isEqualTo("is a Windows program, not a DLL");
        assertThat(problemOnWindows(pe(0x14C, 0x2102, 0x10B, 0x400))).isEqualTo("is a 32-bit DLL; this JVM is 64-bit");
        assertThat(problemOnWindows(pe(PeFile.MACHINE_ARM64, 0x2022, 0x20B, 0x400)))
                .isEqualTo("is built for PE machine 0xaa64, not for x86-64 (0x8664)");
        byte[] whole = pe(PeFile.MACHINE_AMD64, 0x2022, 0x20B, 0x400);
        assertThat(problemOnWindows(Arrays.copyOf(whole, whole.length - 1)))
                .isEqualTo("is truncated (" + (whole.length - 1) + " bytes, its PE headers say at least " + whole.length
                        + ")");
        assertThat(problemOnWindows(Arrays.copyOf(whole, 100))).startsWith("is truncated (100 bytes");
    }

    @Test
    void machOHeadersAreCheckedOnMacos() throws IOException {
        assertThat(LibraryFile.problem(write("arm.dylib", machO(0x0100000c, 6)), MACOS_ARM))
                .isEmpty();
        assertThat(LibraryFile.problem(write("x86.dylib", machO(0x01000007, 6)), MACOS_ARM))
                .hasValue("is built for Mach-O CPU type 0x1000007, not for aarch64");
        assertThat(LibraryFile.problem(write("exe", machO(0x0100000c, 2)), MACOS_ARM))
                .hasValue("is not a dynamic library (Mach-O file type 2)");
        assertThat(LibraryFile.problem(write("elf.dylib", TestLibrary.bytes()), MACOS_ARM))
                .hasValue("is not a 64-bit Mach-O library");
    }

    @Test
    void otherSystemsAreNotCheckedAndAnUnreadableFileIsAnIoFailure() throws IOException {
        Path text = Files.writeString(dir.resolve("text"), "not a library");
        assertThat(LibraryFile.problem(text, Platform.of("FreeBSD", "amd64"))).isEmpty();
        assertThatThrownBy(() -> LibraryFile.problem(dir.resolve("missing"), Platform.current()))
                .isInstanceOf(IOException.class);
    }

    private String problemOnWindows(byte[] bytes) throws IOException {
        return LibraryFile.problem(write("x.dll", bytes), WINDOWS).orElse("no problem");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /**
     * A minimal PE file: DOS header with e_lfanew 0x80, the COFF header, a 240-byte optional header
     * starting with {@code magic}, one section whose raw data is the last {@code rawSize} bytes.
     */
    static byte[] pe(int machine, int characteristics, int magic, int rawSize) {
        int table = 0x80 + 24 + 240;
        int rawOffset = table + 40;
        ByteBuffer pe = ByteBuffer.allocate(rawOffset + rawSize).order(ByteOrder.LITTLE_ENDIAN);
        pe.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x80);
        pe.putInt(0x80, 0x00004550)
                .putShort(0x84, (short) machine)
                .putShort(0x86, (short) 1)
                .putShort(0x94, (short) 240)
                .putShort(0x96, (short) characteristics)
                .putShort(0x98, (short) magic);
        pe.putInt(table + 16, rawSize).putInt(table + 20, rawOffset);
        return pe.array();
    }

    /** A 64-bit Mach-O header for CPU {@code cpu} and file type {@code type} (6: a dynamic library). */
    static byte[] machO(int cpu, int type) {
        return ByteBuffer.allocate(64)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, 0xfeedfacf)
                .putInt(4, cpu)
                .putInt(12, type)
                .array();
    }
}
