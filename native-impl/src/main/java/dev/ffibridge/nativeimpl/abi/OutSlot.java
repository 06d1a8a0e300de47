package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A native pointer-sized slot per thread, for the out-parameter of a regular (non-critical)
 * downcall, which cannot write into the Java heap. Reusing it spares each call a scratch arena (about
 * 400 bytes of garbage and 100 ns). Each slot lives in an automatic arena, so it is freed once its
 * thread is gone. A slot is only valid until the same thread's next call: read it right away.
 */
public final class OutSlot {

    private static final ThreadLocal<MemorySegment> SLOTS = new ThreadLocal<>() {
        @Override
        protected MemorySegment initialValue() {
            return Arena.ofAuto().allocate(ADDRESS);
        }
    };

    private OutSlot() {}

    /** This thread's slot. */
    public static MemorySegment get() {
        return SLOTS.get();
    }
}
