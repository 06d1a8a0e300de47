package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a file's ELF headers before it is handed to the dynamic loader, and says in plain words
 * why it would not load: empty, not ELF, not a shared library, 32-bit, for another CPU, or shorter
 * than its headers say.
 *
 * <p>The last check protects the JVM: {@code dlopen} of a truncated copy maps segments past the end
 * of the file, and the loader's first touch of them kills the process with {@code SIGBUS}.
 */
final class ElfFile {

    /** {@code e_machine} of x86-64. */
    static final int EM_X86_64 = 62;

    /** {@code e_machine} of AArch64. */
    static final int EM_AARCH64 = 183;

    private static final int HEADER_SIZE = 64;
    private static final int ET_DYN = 3;
    private static final int PT_LOAD = 1;
    private static final int PHDR_SIZE = 56;
    private static final int MAX_PHDRS = 1024;

    private ElfFile() {}

    /**
     * What is wrong with the library file at {@code path} for {@code platform} (see {@link
     * LibraryFile#problem}), or empty if it looks loadable; a file that cannot be read is a problem too.
     */
    static Optional<String> problem(Path path, Platform platform) {
        try {
            return LibraryFile.problem(path, platform);
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot be read: " + e);
        }
    }

    /** What is wrong with the ELF file {@code file} for {@code platform}, or empty if it looks loadable. */
    static Optional<String> problem(FileChannel file, Platform platform) throws IOException {
        long size = file.size();
        if (size == 0) {
            return Optional.of("is empty");
        }
        ByteBuffer header = LibraryFile.read(file, 0, (int) Math.min(HEADER_SIZE, size));
        if (header.limit() < 4
                || header.get(0) != 0x7f
                || header.get(1) != 'E'
                || header.get(2) != 'L'
                || header.get(3) != 'F') {
            return Optional.of("is not an ELF shared library (it does not start with \\x7fELF)");
        }
        if (header.limit() < HEADER_SIZE) {
            return Optional.of("is truncated (" + size + " bytes, shorter than an ELF header)");
        }
        if (header.get(4) != 2) {
            return Optional.of("is a 32-bit ELF file; this JVM is 64-bit");
        }
        header.order(header.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int type = Short.toUnsignedInt(header.getShort(0x10));
        if (type != ET_DYN) {
            return Optional.of("is not a shared library (ELF type " + type + ")");
        }
        int machine = Short.toUnsignedInt(header.getShort(0x12));
        int expected =
                switch (platform.arch()) {
                    case "x86-64" -> EM_X86_64;
                    case "aarch64" -> EM_AARCH64;
                    default -> -1;
                };
        if (expected != -1 && machine != expected) {
            return Optional.of(
                    "is built for ELF machine " + machine + ", not for " + platform.arch() + " (" + expected + ")");
        }
        long phoff = header.getLong(0x20);
        long shoff = header.getLong(0x28);
        int phentsize = Short.toUnsignedInt(header.getShort(0x36));
        int phnum = Short.toUnsignedInt(header.getShort(0x38));
        int shentsize = Short.toUnsignedInt(header.getShort(0x3A));
        int shnum = Short.toUnsignedInt(header.getShort(0x3C));
        long needed = 0;
        if (shoff != 0) {
            needed = Math.max(needed, end(shoff, (long) shentsize * shnum));
        }
        if (phnum == 0 || phentsize < PHDR_SIZE || phnum > MAX_PHDRS || phoff < 0) {
            return Optional.of("has no usable program headers (" + phnum + " of " + phentsize + " bytes)");
        }
        long phend = end(phoff, (long) phentsize * phnum);
        if (phend > size) {
            return truncated(size, phend);
        }
        ByteBuffer headers = LibraryFile.read(file, phoff, phentsize * phnum).order(header.order());
        for (int i = 0; i < phnum; i++) {
            int base = i * phentsize;
            if (headers.getInt(base) == PT_LOAD) {
                needed = Math.max(needed, end(headers.getLong(base + 8), headers.getLong(base + 32)));
            }
        }
        return needed > size ? truncated(size, needed) : Optional.empty();
    }

    private static Optional<String> truncated(long size, long needed) {
        return Optional.of("is truncated (" + size + " bytes, its ELF headers say at least "
                + (needed == Long.MAX_VALUE ? "more" : Long.toString(needed)) + ")");
    }

    /** {@code offset + length}, saturating at {@link Long#MAX_VALUE} for nonsense values. */
    private static long end(long offset, long length) {
        if (offset < 0 || length < 0 || offset > Long.MAX_VALUE - length) {
            return Long.MAX_VALUE;
        }
        return offset + length;
    }
}
