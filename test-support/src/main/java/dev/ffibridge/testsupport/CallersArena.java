package dev.ffibridge.testsupport;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/** The checks of {@code filledBuffer(n, arena)} that both providers pass alike: the buffer is the arena's. */
public final class CallersArena {

    private CallersArena() {}

    /**
     * Asserts that {@code filledBuffer.apply(5L, arena)} in a confined arena is a read-only segment of that
     * arena's scope holding 0, 1, 2, 3, 4, runs {@code whileOpen} with the arena and the segment, and that the
     * segment is dead once the arena is closed.
     */
    public static void assertFilledBufferOfFiveIsTheArenas(
            BiFunction<Long, Arena, MemorySegment> filledBuffer, BiConsumer<Arena, MemorySegment> whileOpen) {
        MemorySegment segment;
        try (Arena arena = Arena.ofConfined()) {
            segment = filledBuffer.apply(5L, arena);
            assertThat(segment.scope()).isEqualTo(arena.scope());
            assertThat(segment.isReadOnly()).isTrue();
            assertThat(segment.toArray(JAVA_DOUBLE)).containsExactly(0, 1, 2, 3, 4);
            whileOpen.accept(arena, segment);
        }
        assertThatIllegalStateException().isThrownBy(() -> segment.get(JAVA_DOUBLE, 0));
    }
}
