package dev.ffibridge.nativeimpl.abi;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Calls a downcall handle of each descriptor shape the bindings use, turning what {@code
 * invokeExact} declares ({@link Throwable}) into unchecked exceptions. Each method is a few bytes of
 * bytecode that the JIT inlines into the binding that calls it, where the handle is a {@code static
 * final} holder field ({@link Handles}), so the call is as direct as an {@code invokeExact} written in
 * the binding itself. Named after the C return type: {@code toInt}, {@code toDouble}, {@code
 * toPointer}, {@code toVoid}.
 */
final class Calls {

    private Calls() {}

    /** {@code (int32_t, int32_t) -> int32_t}. */
    static int toInt(MethodHandle handle, int a, int b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (void) -> int32_t}. */
    static int toInt(MethodHandle handle) {
        try {
            return (int) handle.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a) {
        try {
            return (int) handle.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, pointer) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a, MemorySegment b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, size_t) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a, long b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (size_t, pointer) -> int32_t}. */
    static int toInt(MethodHandle handle, long a, MemorySegment b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, size_t, pointer) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a, long b, MemorySegment c) {
        try {
            return (int) handle.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, size_t, uint64_t, size_t) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a, long b, long c, long d) {
        try {
            return (int) handle.invokeExact(a, b, c, d);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, size_t, pointer, size_t) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a, long b, MemorySegment c, long d) {
        try {
            return (int) handle.invokeExact(a, b, c, d);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, uint32_t, float, pointer) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a, int b, float c, MemorySegment d) {
        try {
            return (int) handle.invokeExact(a, b, c, d);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, size_t, uint32_t, float, pointer, size_t) -> int32_t}. */
    static int toInt(MethodHandle handle, MemorySegment a, long b, int c, float d, MemorySegment e, long f) {
        try {
            return (int) handle.invokeExact(a, b, c, d, e, f);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, size_t) -> double}. */
    static double toDouble(MethodHandle handle, MemorySegment a, long b) {
        try {
            return (double) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (void) -> pointer}. */
    static MemorySegment toPointer(MethodHandle handle) {
        try {
            return (MemorySegment) handle.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (int32_t) -> pointer}. */
    static MemorySegment toPointer(MethodHandle handle, int a) {
        try {
            return (MemorySegment) handle.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer) -> void}. */
    static void toVoid(MethodHandle handle, MemorySegment a) {
        try {
            handle.invokeExact(a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code (pointer, size_t) -> void}. */
    static void toVoid(MethodHandle handle, MemorySegment a, long b) {
        try {
            handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Lets unchecked exceptions and errors through; a checked one cannot come from a downcall. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("unexpected exception from a downcall", t);
    }
}
