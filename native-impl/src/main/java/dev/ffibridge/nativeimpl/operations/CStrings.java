package dev.ffibridge.nativeimpl.operations;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Java string as a NUL-terminated UTF-8 C string in a heap array, for names (no U+0000, no
 * unpaired surrogate: the name rule holds).
 *
 * <p>Large names are few calls, so the JDK's encoder often runs with its ASCII check compiled on its
 * own rather than as the vectorized intrinsic it becomes inside a compiled caller: a byte at a time,
 * 17 % of {@code createPerson} with a 16 MiB name ({@code LargeNameBench}, perfasm). Here an ASCII
 * name takes {@code getBytes(ISO_8859_1)}, a plain copy for a Latin-1 string, and a check eight
 * bytes at a time in a loop of this class, which the JIT compiles on its own: bytes below 0x80 and
 * no {@code '?'} (the replacement of a char beyond Latin-1) are exactly the UTF-8 of an ASCII name.
 * Any other name goes through {@code getBytes(UTF_8)}, and so does a short name ({@link #SHORT_NAME_CHARS}): it
 * is called often enough for the JIT to compile the encoder into its caller, where the separate check cost more
 * ({@code encodePerson} of 5 chars: 40.5 against 33.4 ns, CodecBench, 3 forks).
 */
final class CStrings {

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long QUESTION_MARKS = ONES * '?';

    /** The longest name that takes {@code getBytes(UTF_8)} directly. */
    static final int SHORT_NAME_CHARS = 64;

    private CStrings() {}

    /** The UTF-8 bytes of {@code name} followed by a NUL. */
    static byte[] of(String name) {
        byte[] utf8 = utf8(name);
        return Arrays.copyOf(utf8, utf8.length + 1);
    }

    /** The UTF-8 bytes of {@code name}, without a NUL. */
    static byte[] utf8(String name) {
        if (name.length() <= SHORT_NAME_CHARS) {
            return name.getBytes(StandardCharsets.UTF_8);
        }
        byte[] latin1 = name.getBytes(StandardCharsets.ISO_8859_1);
        return isAsciiWithoutQuestionMark(latin1) ? latin1 : name.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether every byte is below 0x80 and none is {@code '?'}. */
    static boolean isAsciiWithoutQuestionMark(byte[] bytes) {
        int i = 0;
        for (int end = bytes.length & -Long.BYTES; i < end; i += Long.BYTES) {
            long word = (long) WORD.get(bytes, i);
            long questionMarks = word ^ QUESTION_MARKS; // a zero byte where a '?' was
            if (((word | (questionMarks - ONES) & ~questionMarks) & HIGH_BITS) != 0) {
                return false;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] < 0 || bytes[i] == '?') {
                return false;
            }
        }
        return true;
    }
}
