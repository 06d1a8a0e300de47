package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.abi.PersonStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Native copies of long names and encoded persons that never hold a safepoint off for long: the memory comes
 * from the C library's {@code malloc} through a regular downcall (an arena's memory is zeroed, and freed, by the
 * JVM in one go each), and is filled from the heap in pieces of {@link PersonStruct#CRITICAL_NAME_BYTES}, with a
 * safepoint poll between two; the first write of a fresh page faults, so one copy of 64 MiB held safepoints off
 * for tens of milliseconds ({@code SafepointBench}'s person rows). {@code free} runs through a regular downcall
 * too, when the arena closes.
 */
final class LongNames {

    private static final String LIBC = "the C library";

    /** {@code void *malloc(size_t size)}. */
    private static final MethodHandle MALLOC =
            link(new NativeFunction("malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG)));

    /** {@code void free(void *pointer)}. */
    private static final MethodHandle FREE = link(new NativeFunction("free", FunctionDescriptor.ofVoid(ADDRESS)));

    private LongNames() {}

    private static MethodHandle link(NativeFunction function) {
        SymbolLookup libc = Linker.nativeLinker().defaultLookup();
        try {
            return Downcalls.link(libc, LIBC, function, false);
        } catch (UnsatisfiedLinkError e) {
            return Downcalls.failing(function, e);
        }
    }

    /**
     * {@code bytes} followed by {@code zeros} zero bytes (1 for a C string's NUL), in native memory that {@code
     * arena}'s closing frees.
     *
     * @throws OutOfMemoryError if {@code malloc} fails
     */
    static MemorySegment copy(byte[] bytes, int zeros, Arena arena) {
        MemorySegment copy = malloc(bytes.length + (long) zeros, arena);
        for (int from = 0; from < bytes.length; ) { // not a counted loop: the poll of every iteration stays
            int to = (int) Math.min(from + PersonStruct.CRITICAL_NAME_BYTES, bytes.length);
            MemorySegment.copy(bytes, from, copy, JAVA_BYTE, from, to - from);
            from = to;
        }
        copy.asSlice(bytes.length).fill((byte) 0);
        return copy;
    }

    /**
     * The UTF-8 of {@code name} (no unpaired surrogate: the name rule holds) and a NUL, in native memory that
     * {@code arena}'s closing frees, encoded {@link PersonCalls#CRITICAL_NAME_CHARS} chars at a time (never
     * splitting a surrogate pair): one {@code getBytes} of a whole 16 Mi-char name is a JVM intrinsic that
     * held safepoints off for milliseconds ({@code SafepointBench}, {@code createPersonLongName}). The pieces
     * are encoded first, then copied into one block of their exact size: a block of three bytes a char was
     * above glibc's largest {@code mmap} threshold, so every call mapped and faulted in fresh pages (3-9x
     * slower at 16 MiB, {@code LargeNameBench}).
     *
     * @throws OutOfMemoryError if {@code malloc} fails
     */
    static MemorySegment utf8(String name, Arena arena) {
        int chars = name.length();
        List<byte[]> pieces = new ArrayList<>(chars / PersonCalls.CRITICAL_NAME_CHARS + 1);
        long size = 0;
        for (int from = 0; from < chars; ) { // not a counted loop: the poll of every iteration stays
            int to = Math.min(from + PersonCalls.CRITICAL_NAME_CHARS, chars);
            if (to < chars && Character.isHighSurrogate(name.charAt(to - 1))) {
                to--;
            }
            byte[] piece = name.substring(from, to).getBytes(StandardCharsets.UTF_8);
            pieces.add(piece);
            size += piece.length;
            from = to;
        }
        MemorySegment memory = malloc(size + 1, arena);
        long at = 0;
        for (byte[] piece : pieces) {
            MemorySegment.copy(piece, 0, memory, JAVA_BYTE, at, piece.length);
            at += piece.length;
        }
        memory.set(JAVA_BYTE, at, (byte) 0);
        return memory;
    }

    /** {@code size} bytes of {@code malloc}, freed when {@code arena} closes. */
    @SuppressWarnings("restricted")
    private static MemorySegment malloc(long size, Arena arena) {
        MemorySegment memory;
        try {
            memory = (MemorySegment) MALLOC.invokeExact(size);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("unexpected exception from malloc", t);
        }
        if (memory.address() == 0) {
            throw new OutOfMemoryError("malloc(" + size + ") failed: no native memory for a long name");
        }
        return memory.reinterpret(size, arena, LongNames::free);
    }

    private static void free(MemorySegment memory) {
        try {
            FREE.invokeExact(memory);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("unexpected exception from free", t);
        }
    }
}
