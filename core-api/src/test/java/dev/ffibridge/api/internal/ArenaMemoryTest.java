package dev.ffibridge.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.testsupport.RecordingArena;
import org.junit.jupiter.api.Test;

class ArenaMemoryTest {

    @Test
    void oneCallOfTheArenasAllocateForTheDoublesAlignedTo8() {
        try (RecordingArena arena = new RecordingArena((memory, n) -> null)) {
            RecordingArena exact =
                    new RecordingArena((memory, n) -> arena.backing().allocate(n, 8));
            assertThat(ArenaMemory.allocateDoubles(exact, 3).byteSize()).isEqualTo(24);
            assertThat(exact.calls()).containsExactly("24/8");
            RecordingArena generous =
                    new RecordingArena((memory, n) -> arena.backing().allocate(n + 40, 8));
            assertThat(ArenaMemory.allocateDoubles(generous, 3).byteSize()).isEqualTo(24);
            assertThat(ArenaMemory.allocateDoubles(exact, 0).byteSize()).isZero();
        }
    }

    @Test
    void theArenasExceptionPassesAndABrokenAnswerIsRefused() {
        try (RecordingArena arena = new RecordingArena((memory, n) -> null)) {
            RecordingArena refusing = new RecordingArena((memory, n) -> {
                throw new UnsupportedOperationException("no memory for you");
            });
            assertThatThrownBy(() -> ArenaMemory.allocateDoubles(refusing, 3))
                    .isExactlyInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("no memory for you");
            RecordingArena stingy =
                    new RecordingArena((memory, n) -> arena.backing().allocate(n - 8, 8));
            assertThatThrownBy(() -> ArenaMemory.allocateDoubles(stingy, 3))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("allocate(24, 8) returned a segment of 16 bytes");
            RecordingArena readOnly = new RecordingArena(
                    (memory, n) -> arena.backing().allocate(n, 8).asReadOnly());
            assertThatThrownBy(() -> ArenaMemory.allocateDoubles(readOnly, 3))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
        }
    }
}
