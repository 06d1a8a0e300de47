package dev.ffibridge.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.testsupport.RecordingArena;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    @Test
    void theJdksArenasAreOneClassAndOnlyTheyAreFilledByCopyUpTo1024Doubles() {
        try (Arena confined = Arena.ofConfined();
                Arena shared = Arena.ofShared();
                RecordingArena own = new RecordingArena((memory, n) -> memory.allocate(n, 8))) {
            for (Arena jdk : new Arena[] {confined, shared, Arena.ofAuto(), Arena.global()}) {
                assertThat(ArenaMemory.fillsByCopy(jdk, 0)).as("%s", jdk).isTrue();
                assertThat(ArenaMemory.fillsByCopy(jdk, ArenaMemory.COPIED)).isTrue();
                assertThat(ArenaMemory.fillsByCopy(jdk, ArenaMemory.COPIED + 1)).isFalse();
            }
            assertThat(ArenaMemory.COPIED).isEqualTo(1024);
            assertThat(ArenaMemory.fillsByCopy(own, 1)).isFalse();
        }
    }

    @Test
    void aCopyHoldsTheFillValuesInMemoryOfTheArenaAlignedTo8() {
        MemorySegment copy;
        try (Arena arena = Arena.ofConfined()) {
            for (int n : new int[] {0, 1, 5, 1023, 1024}) {
                MemorySegment segment = ArenaMemory.filledByCopy(arena, n);
                assertThat(segment.byteSize()).isEqualTo(8L * n);
                assertThat(segment.address() % 8).isZero();
                assertThat(segment.isNative()).isTrue();
                assertThat(segment.isReadOnly()).isFalse();
                assertThat(segment.scope()).isEqualTo(arena.scope());
                for (int i = 0; i < n; i++) {
                    assertThat(segment.getAtIndex(ValueLayout.JAVA_DOUBLE, i)).isEqualTo(i);
                }
            }
            copy = ArenaMemory.filledByCopy(arena, 3);
        }
        assertThat(copy.scope().isAlive()).as("freed with its arena").isFalse();
    }

    @Test
    void aClosedArenaOrOneOfAnotherThreadFailsAsItsAllocateWould() throws Exception {
        Arena closed = Arena.ofConfined();
        closed.close();
        assertThatThrownBy(() -> ArenaMemory.filledByCopy(closed, 3))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Already closed");
        try (Arena confined = Arena.ofConfined()) {
            Throwable fromOtherThread = CompletableFuture.supplyAsync(() -> {
                        try {
                            ArenaMemory.filledByCopy(confined, 3);
                            return null;
                        } catch (RuntimeException e) {
                            return e;
                        }
                    })
                    .get();
            assertThat(fromOtherThread).isExactlyInstanceOf(WrongThreadException.class);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }
}
