package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The C library of this JVM on Linux, told by the process itself rather than by the files on disk
 * (a glibc system may have musl installed, and the other way round): the ELF interpreter ({@code
 * PT_INTERP}) of {@code /proc/self/exe}, {@code ld-musl-*} for musl and {@code ld-linux-*} for glibc.
 *
 * @param name {@value #GLIBC}, {@value #MUSL} or {@value #UNKNOWN}
 * @param evidence how it was told, for messages: the interpreter's path, or why it is unknown
 */
record CLibrary(String name, String evidence) {

    /** The GNU C library; its folders have no suffix: {@code linux-x86-64}. */
    static final String GLIBC = "glibc";

    /** musl (Alpine and others); its folders end in {@code -musl}: {@code linux-x86-64-musl}. */
    static final String MUSL = "musl";

    /** Not told; the glibc folders are used, and the dynamic loader says what does not fit. */
    static final String UNKNOWN = "unknown";

    private static final int PT_INTERP = 3;
    private static final int HEADER_SIZE = 64;
    private static final int PHDR_SIZE = 56;
    private static final int MAX_PHDRS = 1024;
    private static final int MAX_INTERP = 4096;

    /** This process's, once told: it cannot change while the process runs. */
    private static volatile CLibrary current;

    /** The C library of this process. */
    static CLibrary detect() {
        CLibrary libc = current;
        if (libc == null) {
            libc = detect(Path.of("/proc/self/exe"));
            if (!libc.name().equals(UNKNOWN)) {
                current = libc;
            }
        }
        return libc;
    }

    /** The C library {@code executable} is linked against. Never throws. */
    static CLibrary detect(Path executable) {
        String interpreter;
        try {
            interpreter = interpreter(executable);
        } catch (IOException | RuntimeException e) {
            return new CLibrary(
                    UNKNOWN, executable.toString().concat(" cannot be read: ").concat(e.toString()));
        }
        if (interpreter == null) {
            return new CLibrary(UNKNOWN, executable.toString().concat(" names no ELF interpreter"));
        }
        return new CLibrary(ofInterpreter(interpreter), "interpreter ".concat(interpreter));
    }

    /** {@value #MUSL} for {@code /lib/ld-musl-x86_64.so.1}, {@value #GLIBC} for {@code /lib64/ld-linux-x86-64.so.2}. */
    static String ofInterpreter(String interpreter) {
        String file = interpreter.substring(interpreter.lastIndexOf('/') + 1);
        if (file.startsWith("ld-musl-")) {
            return MUSL;
        }
        if (file.startsWith("ld-linux") || file.startsWith("ld64.so") || file.startsWith("ld.so")) {
            return GLIBC;
        }
        return UNKNOWN;
    }

    /** For messages: {@code glibc (interpreter /lib64/ld-linux-x86-64.so.2)}. */
    String describe() {
        return name.concat(" (").concat(evidence).concat(")");
    }

    /**
     * The {@code PT_INTERP} string of a 64-bit little-endian ELF file, or null if it has none. Read
     * with {@link RandomAccessFile}, whose reads, unlike a {@code FileChannel}'s, do not fail on an
     * interrupted thread.
     */
    static String interpreter(Path elf) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(elf.toFile(), "r")) {
            byte[] header = new byte[HEADER_SIZE];
            file.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            if (h.getInt(0) != 0x464c457f || header[4] != 2 || header[5] != 1) {
                throw new IOException("not a 64-bit little-endian ELF file");
            }
            long phoff = h.getLong(0x20);
            int phentsize = Short.toUnsignedInt(h.getShort(0x36));
            int phnum = Short.toUnsignedInt(h.getShort(0x38));
            if (phoff < 0 || phentsize < PHDR_SIZE || phnum > MAX_PHDRS) {
                throw new IOException("unusable ELF program headers");
            }
            byte[] headers = new byte[phentsize * phnum];
            file.seek(phoff);
            file.readFully(headers);
            ByteBuffer p = ByteBuffer.wrap(headers).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < phnum; i++) {
                int base = i * phentsize;
                if (p.getInt(base) == PT_INTERP) {
                    long offset = p.getLong(base + 8);
                    long size = p.getLong(base + 32);
                    if (offset < 0 || size <= 0 || size > MAX_INTERP) {
                        throw new IOException("unusable PT_INTERP");
                    }
                    byte[] text = new byte[(int) size];
                    file.seek(offset);
                    file.readFully(text);
                    int end = 0;
                    while (end < text.length && text[end] != 0) {
                        end++;
                    }
                    return new String(text, 0, end, StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }
    }
}
