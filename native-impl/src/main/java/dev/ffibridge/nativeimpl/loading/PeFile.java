package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Checks a Windows DLL's PE headers before it is handed to {@code LoadLibrary}, as {@link ElfFile}
 * checks a Linux library: the {@code MZ} and {@code PE} signatures, a DLL (not a program), 64-bit,
 * for this CPU, and no section that ends past the end of the file.
 */
final class PeFile {

    /** {@code IMAGE_FILE_MACHINE_AMD64}. */
    static final int MACHINE_AMD64 = 0x8664;

    /** {@code IMAGE_FILE_MACHINE_ARM64}. */
    static final int MACHINE_ARM64 = 0xAA64;

    private static final int DOS_HEADER_SIZE = 64;
    private static final int E_LFANEW = 0x3C;
    private static final int PE_SIGNATURE = 0x00004550; // "PE\0\0", little-endian
    private static final int COFF_HEADER_SIZE = 24; // the signature and the file header
    private static final int IMAGE_FILE_DLL = 0x2000;
    private static final int PE32_PLUS = 0x20B;
    private static final int SECTION_HEADER_SIZE = 40;
    private static final int MAX_HEADERS = 1 << 20;

    private PeFile() {}

    /** What is wrong with the DLL in {@code file} for CPU {@code arch}, or empty if it looks loadable. */
    static Optional<String> problem(FileChannel file, String arch) throws IOException {
        long size = file.size();
        if (size == 0) {
            return Optional.of("is empty");
        }
        ByteBuffer dos =
                LibraryFile.read(file, 0, (int) Math.min(DOS_HEADER_SIZE, size)).order(ByteOrder.LITTLE_ENDIAN);
        if (dos.limit() < 2 || dos.get(0) != 'M' || dos.get(1) != 'Z') {
            return Optional.of("is not a Windows DLL (it does not start with MZ)");
        }
        if (dos.limit() < DOS_HEADER_SIZE) {
            return truncated(size, DOS_HEADER_SIZE);
        }
        long pe = Integer.toUnsignedLong(dos.getInt(E_LFANEW));
        if (pe < DOS_HEADER_SIZE || pe > MAX_HEADERS) {
            return Optional.of("is not a Windows DLL (no PE header at offset " + pe + ")");
        }
        if (pe + COFF_HEADER_SIZE + 2 > size) {
            return truncated(size, pe + COFF_HEADER_SIZE + 2);
        }
        ByteBuffer coff = LibraryFile.read(file, pe, COFF_HEADER_SIZE + 2).order(ByteOrder.LITTLE_ENDIAN);
        if (coff.getInt(0) != PE_SIGNATURE) {
            return Optional.of("is not a Windows DLL (no PE signature at offset " + pe + ")");
        }
        int machine = Short.toUnsignedInt(coff.getShort(4));
        int sections = Short.toUnsignedInt(coff.getShort(6));
        int optionalHeaderSize = Short.toUnsignedInt(coff.getShort(20));
        int characteristics = Short.toUnsignedInt(coff.getShort(22));
        if ((characteristics & IMAGE_FILE_DLL) == 0) {
            return Optional.of("is a Windows program, not a DLL");
        }
        if (Short.toUnsignedInt(coff.getShort(COFF_HEADER_SIZE)) != PE32_PLUS) {
            return Optional.of("is a 32-bit DLL; this JVM is 64-bit");
        }
        int expected =
                switch (arch) {
                    case "x86-64" -> MACHINE_AMD64;
                    case "aarch64" -> MACHINE_ARM64;
                    default -> -1;
                };
        if (expected != -1 && machine != expected) {
            return Optional.of("is built for PE machine 0x" + Integer.toHexString(machine) + ", not for " + arch
                    + " (0x" + Integer.toHexString(expected) + ")");
        }
        long table = pe + COFF_HEADER_SIZE + optionalHeaderSize;
        long tableEnd = table + (long) SECTION_HEADER_SIZE * sections;
        if (tableEnd > size) {
            return truncated(size, tableEnd);
        }
        ByteBuffer headers =
                LibraryFile.read(file, table, SECTION_HEADER_SIZE * sections).order(ByteOrder.LITTLE_ENDIAN);
        long needed = tableEnd;
        for (int i = 0; i < sections; i++) {
            int base = i * SECTION_HEADER_SIZE;
            long rawSize = Integer.toUnsignedLong(headers.getInt(base + 16));
            long rawOffset = Integer.toUnsignedLong(headers.getInt(base + 20));
            needed = Math.max(needed, rawOffset + rawSize);
        }
        return needed > size ? truncated(size, needed) : Optional.empty();
    }

    private static Optional<String> truncated(long size, long needed) {
        return Optional.of("is truncated (" + size + " bytes, its PE headers say at least " + needed + ")");
    }
}
