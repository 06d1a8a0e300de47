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
    @SuppressWarnings("restricted")
    static MemorySegment copy(byte[] bytes, int zeros, Arena arena) {
        long size = bytes.length + (long) zeros;
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
        MemorySegment copy = memory.reinterpret(size, arena, LongNames::free);
        for (int from = 0; from < bytes.length; ) { // not a counted loop: the poll of every iteration stays
            int to = (int) Math.min(from + PersonStruct.CRITICAL_NAME_BYTES, bytes.length);
            MemorySegment.copy(bytes, from, copy, JAVA_BYTE, from, to - from);
            from = to;
        }
        copy.asSlice(bytes.length).fill((byte) 0);
        return copy;
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
