package dev.ffibridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ArenaBufferTest {

    private static OwnedBuffer buffer(int length, AtomicInteger frees) {
        Arena arena = Arena.ofShared();
        MemorySegment segment = arena.allocate(ValueLayout.JAVA_DOUBLE, length);
        for (int i = 0; i < length; i++) {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i * 1.5);
        }
        return ArenaBuffer.of(arena, segment.reinterpret(arena, s -> frees.incrementAndGet()));
    }

    @Test
    void readsInPlaceThroughAReadOnlyView() {
        try (OwnedBuffer buffer = buffer(4, new AtomicInteger())) {
            assertThat(buffer.length()).isEqualTo(4);
            assertThat(buffer.get(3)).isEqualTo(4.5);
            assertThat(buffer.toArray()).containsExactly(0, 1.5, 3, 4.5);
            assertThat(buffer.segment().isReadOnly()).isTrue();
            assertThat(buffer.isOpen()).isTrue();
            assertThatThrownBy(() -> buffer.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> buffer.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void closeFreesExactlyOnceAndLaterReadsFail() {
        AtomicInteger frees = new AtomicInteger();
        OwnedBuffer buffer = buffer(2, frees);
        MemorySegment view = buffer.segment();
        buffer.close();
        buffer.close();
        assertThat(frees).hasValue(1);
        assertThat(buffer.isOpen()).isFalse();
        assertThat(buffer.length()).isEqualTo(2);
        assertThat(buffer).hasToString("OwnedBuffer[length=2, closed]");
        assertThatThrownBy(() -> buffer.get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(buffer::toArray).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> view.get(ValueLayout.JAVA_DOUBLE, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsSegmentsItCannotOwn() {
        try (Arena arena = Arena.ofShared();
                Arena other = Arena.ofShared()) {
            assertThatThrownBy(() -> ArenaBuffer.of(arena, arena.allocate(12)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ArenaBuffer.of(arena, other.allocate(16)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
