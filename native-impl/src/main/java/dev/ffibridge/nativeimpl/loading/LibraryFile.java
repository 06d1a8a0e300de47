package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The check of a library file before the dynamic loader sees it, in the format of its platform: ELF
 * on Linux ({@link ElfFile}), PE on Windows ({@link PeFile}), Mach-O on macOS (its header only: the
 * magic number, a dynamic library, this CPU). Other systems are not checked.
 */
final class LibraryFile {

    private static final int MH_MAGIC_64 = 0xfeedfacf;
    private static final int FAT_MAGIC = 0xcafebabe;
    private static final int MH_DYLIB = 6;
    private static final int CPU_TYPE_X86_64 = 0x01000007;
    private static final int CPU_TYPE_ARM64 = 0x0100000c;
    private static final int MACH_HEADER_SIZE = 32;

    private LibraryFile() {}

    /**
     * What is wrong with the file at {@code path} for {@code platform}, or empty if it looks loadable.
     *
     * @throws IOException if it cannot be read: a failure of the file system, not of the library
     */
    static Optional<String> problem(Path path, Platform platform) throws IOException {
        String os = platform.os();
        if (!os.equals("linux") && !os.equals("windows") && !os.equals("macos")) {
            return Optional.empty();
        }
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            return switch (os) {
                case "linux" -> ElfFile.problem(file, platform);
                case "windows" -> PeFile.problem(file, platform.arch());
                default -> machOProblem(file, platform.arch());
            };
        }
    }

    /** What is wrong with a macOS library's Mach-O header; a universal (fat) file is left to the loader. */
    static Optional<String> machOProblem(FileChannel file, String arch) throws IOException {
        ByteBuffer header = read(file, 0, MACH_HEADER_SIZE);
        if (header.limit() >= 4 && header.order(ByteOrder.BIG_ENDIAN).getInt(0) == FAT_MAGIC) {
            return Optional.empty();
        }
        header.order(ByteOrder.LITTLE_ENDIAN);
        if (header.limit() < MACH_HEADER_SIZE || header.getInt(0) != MH_MAGIC_64) {
            return Optional.of("is not a 64-bit Mach-O library");
        }
        if (header.getInt(12) != MH_DYLIB) {
            return Optional.of("is not a dynamic library (Mach-O file type " + header.getInt(12) + ")");
        }
        int cpu = header.getInt(4);
        int expected =
                switch (arch) {
                    case "x86-64" -> CPU_TYPE_X86_64;
                    case "aarch64" -> CPU_TYPE_ARM64;
                    default -> cpu;
                };
        if (cpu != expected) {
            return Optional.of("is built for Mach-O CPU type 0x" + Integer.toHexString(cpu) + ", not for " + arch);
        }
        return Optional.empty();
    }

    /** Up to {@code length} bytes at {@code position}: fewer at the end of the file. */
    static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
