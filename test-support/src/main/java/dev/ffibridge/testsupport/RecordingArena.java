package dev.ffibridge.testsupport;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An arena of the caller's own, for tests of {@code filledBuffer(n, arena)}: records each {@code
 * allocate(byteSize, byteAlignment)} call as {@code "byteSize/byteAlignment"} and answers with what
 * {@code answer} makes of its own confined arena and the size.
 */
public final class RecordingArena implements Arena {

    private final List<String> calls = new ArrayList<>();
    private final Arena backing = Arena.ofConfined();
    private final BiFunction<Arena, Long, MemorySegment> answer;

    /** An arena whose {@code allocate} answers {@code answer.apply(backing, byteSize)}. */
    public RecordingArena(BiFunction<Arena, Long, MemorySegment> answer) {
        this.answer = answer;
    }

    /** The allocate calls so far, each {@code "byteSize/byteAlignment"}. */
    public List<String> calls() {
        return calls;
    }

    /** The confined arena behind this one, whose scope this one reports. */
    public Arena backing() {
        return backing;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        calls.add(byteSize + "/" + byteAlignment);
        return answer.apply(backing, byteSize);
    }

    @Override
    public MemorySegment.Scope scope() {
        return backing.scope();
    }

    @Override
    public void close() {
        backing.close();
    }
}
