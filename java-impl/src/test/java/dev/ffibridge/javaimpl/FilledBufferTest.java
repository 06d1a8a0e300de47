package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.testsupport.CallersArena;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class FilledBufferTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    @Test
    void holdsTheFillValues() {
        try (OwnedBuffer buffer = BRIDGE.filledBuffer(1000)) {
            assertThat(buffer.isOpen()).isTrue();
            assertThat(buffer.length()).isEqualTo(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(buffer.get(i)).isEqualTo(i);
            }
            double[] expected = new double[1000];
            BRIDGE.fillBuffer(expected);
            assertThat(buffer.toArray()).containsExactly(expected);
            MemorySegment segment = buffer.segment();
            assertThat(segment.byteSize()).isEqualTo(8000);
            assertThat(segment.isNative()).isTrue();
            assertThat(segment.address() % 8).isZero();
            assertThat(BRIDGE.sumBuffer(segment)).isEqualTo(499_500.0);
            assertThat(buffer).hasToString("OwnedBuffer[length=1000]");
        }
    }

    @Test
    void worksForLengthZeroAndOne() {
        try (OwnedBuffer empty = BRIDGE.filledBuffer(0)) {
            assertThat(empty.length()).isZero();
            assertThat(empty.toArray()).isEmpty();
            assertThat(empty.segment().byteSize()).isZero();
            assertThatThrownBy(() -> empty.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
        try (OwnedBuffer one = BRIDGE.filledBuffer(1)) {
            assertThat(one.toArray()).containsExactly(0.0);
        }
    }

    @Test
    void isReadOnly() {
        try (OwnedBuffer buffer = BRIDGE.filledBuffer(4)) {
            assertThat(buffer.segment().isReadOnly()).isTrue();
            assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.fillBuffer(buffer.segment()));
            assertThat(buffer.toArray()).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void checksIndices() {
        try (OwnedBuffer buffer = BRIDGE.filledBuffer(3)) {
            assertThatThrownBy(() -> buffer.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> buffer.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> buffer.get(Long.MAX_VALUE)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void refusesEveryReadAfterCloseAndClosesOnce() {
        OwnedBuffer buffer = BRIDGE.filledBuffer(10);
        MemorySegment segment = buffer.segment();
        buffer.close();
        assertThat(buffer.isOpen()).isFalse();
        assertThat(buffer.length()).isEqualTo(10);
        assertThat(buffer).hasToString("OwnedBuffer[length=10, closed]");
        assertThatIllegalStateException().isThrownBy(() -> buffer.get(0));
        assertThatIllegalStateException().isThrownBy(buffer::toArray);
        assertThatIllegalStateException().isThrownBy(() -> segment.get(Segments.DOUBLE, 0));
        assertThatIllegalStateException().isThrownBy(() -> buffer.segment().get(Segments.DOUBLE, 8));
        assertThatIllegalStateException().isThrownBy(() -> BRIDGE.sumBuffer(segment));
        buffer.close();
        buffer.close();
        assertThat(buffer.isOpen()).isFalse();
    }

    @Test
    void isSharedAcrossThreads() throws InterruptedException {
        OwnedBuffer buffer = BRIDGE.filledBuffer(100);
        assertThat(Segments.thrownOnAnotherThread(
                        () -> assertThat(BRIDGE.sumBuffer(buffer.segment())).isEqualTo(4950.0)))
                .isNull();
        assertThat(Segments.thrownOnAnotherThread(buffer::close)).isNull();
        assertThat(buffer.isOpen()).isFalse();
    }

    @Test
    void rejectsLengthsOutsideTheLimits() {
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.filledBuffer(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.filledBuffer(Long.MIN_VALUE));
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH + 1));
    }

    @Test
    void failsWithOutOfMemoryErrorWhenTheMemoryCannotBeHad() {
        // 2^63 - 8 bytes: more than any address space, so the allocation fails without touching memory.
        assertThatThrownBy(() -> BRIDGE.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH))
                .isInstanceOf(OutOfMemoryError.class);
        try (OwnedBuffer after = BRIDGE.filledBuffer(2)) {
            assertThat(after.toArray()).containsExactly(0.0, 1.0);
        }
    }

    @Test
    void anArenaBufferLivesInTheCallersArena() {
        CallersArena.assertFilledBufferOfFiveIsTheArenas(BRIDGE::filledBuffer, (arena, segment) -> {
            assertThat(segment.address() % 8).isZero();
            assertThat(BRIDGE.filledBuffer(0, arena).byteSize()).isZero();
        });
    }

    @Test
    void anArenaBufferNeedsAnArenaThisThreadMayUse() throws InterruptedException {
        try (Arena arena = Arena.ofConfined()) {
            assertThat(Segments.thrownOnAnotherThread(() -> BRIDGE.filledBuffer(4, arena)))
                    .isInstanceOf(WrongThreadException.class);
        }
        Arena closed = Arena.ofShared();
        closed.close();
        assertThatIllegalStateException().isThrownBy(() -> BRIDGE.filledBuffer(4, closed));
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> BRIDGE.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH, arena))
                    .isInstanceOf(OutOfMemoryError.class);
        }
    }
}
