package dev.ffibridge.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class ArenaMemoryTest {

    /** An arena of the caller's own: records each allocate call and answers with {@code answer}. */
    private static final class OwnArena implements Arena {
        final List<String> calls = new ArrayList<>();
        final Arena backing = Arena.ofConfined();
        final LongFunction<MemorySegment> answer;

        OwnArena(LongFunction<MemorySegment> answer) {
            this.answer = answer;
        }

        @Override
        public MemorySegment allocate(long byteSize, long byteAlignment) {
            calls.add(byteSize + "/" + byteAlignment);
            return answer.apply(byteSize);
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

    @Test
    void oneCallOfTheArenasAllocateForTheDoublesAlignedTo8() {
        try (OwnArena arena = new OwnArena(n -> null)) {
            OwnArena exact = new OwnArena(n -> arena.backing.allocate(n, 8));
            assertThat(ArenaMemory.allocateDoubles(exact, 3).byteSize()).isEqualTo(24);
            assertThat(exact.calls).containsExactly("24/8");
            OwnArena generous = new OwnArena(n -> arena.backing.allocate(n + 40, 8));
            assertThat(ArenaMemory.allocateDoubles(generous, 3).byteSize()).isEqualTo(24);
            assertThat(ArenaMemory.allocateDoubles(exact, 0).byteSize()).isZero();
        }
    }

    @Test
    void theArenasExceptionPassesAndABrokenAnswerIsRefused() {
        try (OwnArena arena = new OwnArena(n -> null)) {
            OwnArena refusing = new OwnArena(n -> {
                throw new UnsupportedOperationException("no memory for you");
            });
            assertThatThrownBy(() -> ArenaMemory.allocateDoubles(refusing, 3))
                    .isExactlyInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("no memory for you");
            OwnArena stingy = new OwnArena(n -> arena.backing.allocate(n - 8, 8));
            assertThatThrownBy(() -> ArenaMemory.allocateDoubles(stingy, 3))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("allocate(24, 8) returned a segment of 16 bytes");
            OwnArena readOnly = new OwnArena(n -> arena.backing.allocate(n, 8).asReadOnly());
            assertThatThrownBy(() -> ArenaMemory.allocateDoubles(readOnly, 3))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
        }
    }
}
