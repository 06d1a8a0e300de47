package dev.ffibridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** FfiBridge validates every argument before a provider sees it, and routes buffers to the right entry point. */
class FfiBridgeArgumentsTest {

    private final RecordingOperations operations = new RecordingOperations();
    private final FfiBridge bridge = new FfiBridge("recording", operations);

    @Test
    void nullsAreRejectedBeforeTheProvider() {
        assertThatThrownBy(() -> bridge.fillBuffer((double[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.fillBuffer((DoubleBuffer) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.fillBuffer((MemorySegment) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.sumBuffer((double[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.sumBuffer((DoubleBuffer) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.sumBuffer((MemorySegment) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.createPerson(null, 1, 1f)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.encodePerson(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.decodePerson(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.encodeData(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.decodeData(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.encodeSequence(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.decodeSequence(null)).isInstanceOf(NullPointerException.class);
        assertThat(operations.calls).isEmpty();
    }

    @Test
    void badPersonValuesAreRejectedBeforeTheProvider() {
        assertThatThrownBy(() -> bridge.createPerson("a", -1, 1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bridge.createPerson("a", 1L << 32, 1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bridge.createPerson("a\0", 1, 1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bridge.createPerson("\uD800", 1, 1f)).isInstanceOf(IllegalArgumentException.class);
        assertThat(operations.calls).isEmpty();
        assertThat(bridge.createPerson("Bob", Person.MAX_AGE, -0f)).isEqualTo(new Person("Bob", Person.MAX_AGE, -0f));
    }

    @Test
    void rangesAreChecked() {
        double[] array = new double[4];
        assertThatThrownBy(() -> bridge.fillBuffer(array, 1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bridge.fillBuffer(array, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bridge.sumBuffer(array, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bridge.sumBuffer(array, 5, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bridge.filledBuffer(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bridge.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> bridge.filledBuffer(-1, arena)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(operations.calls).isEmpty();
        bridge.fillBuffer(array, 1, 3);
        assertThat(array).containsExactly(0, 0, 1, 2);
    }

    @Test
    void arenaBuffersNeedALiveArenaBeforeTheProviderIsAsked() {
        Arena closed = Arena.ofConfined();
        closed.close();
        assertThatThrownBy(() -> bridge.filledBuffer(4, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge.filledBuffer(4, closed)).isInstanceOf(IllegalStateException.class);
        assertThat(operations.calls).isEmpty();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = bridge.filledBuffer(3, arena);
            assertThat(segment.toArray(ValueLayout.JAVA_DOUBLE)).containsExactly(0, 1, 2);
            assertThat(segment.scope()).isEqualTo(arena.scope());
        }
    }

    @Test
    void anOwnedBufferOwnsASharedArenaOfItsOwn() throws Exception {
        OwnedBuffer buffer = bridge.filledBuffer(3);
        MemorySegment view = buffer.segment();
        assertThat(buffer.toArray()).containsExactly(0, 1, 2);
        Thread other = Thread.ofPlatform().start(buffer::close);
        other.join();
        assertThat(buffer.isOpen()).isFalse();
        assertThat(view.scope().isAlive()).isFalse();
    }

    @Test
    void anOwnedBufferClosesItsArenaWhenTheProviderFails() {
        AtomicReference<Arena> seen = new AtomicReference<>();
        FfiBridge failing = new FfiBridge("failing", new RecordingOperations() {
            @Override
            public MemorySegment filledBuffer(long length, Arena arena) {
                seen.set(arena);
                return arena.allocate(12); // not a whole number of doubles: ArenaBuffer refuses it
            }
        });
        assertThatThrownBy(() -> failing.filledBuffer(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(seen.get().scope().isAlive()).isFalse();
    }

    @Test
    void heapDoubleBufferPassesItsArrayFromThePosition() {
        DoubleBuffer buffer = DoubleBuffer.wrap(new double[8]).slice(2, 5).position(1);
        bridge.fillBuffer(buffer);
        assertThat(operations.calls).containsExactly("fill array 3 4");
        assertThat(buffer.array()).containsExactly(0, 0, 0, 0, 1, 2, 3, 0);
        assertThat(buffer.position()).isEqualTo(1);
    }

    @Test
    void directNativeOrderBufferIsSummedAsIsAndReadOnlyHeapBufferAsASegment() {
        DoubleBuffer direct = ByteBuffer.allocateDirect(64)
                .order(ByteOrder.nativeOrder())
                .asDoubleBuffer()
                .put(new double[] {1, 2, 4, 8, 16, 32, 64, 128})
                .limit(6)
                .position(2);
        assertThat(bridge.sumBuffer(direct)).isEqualTo(60);
        assertThat(bridge.sumBuffer(direct.asReadOnlyBuffer())).isEqualTo(60);
        assertThat(bridge.sumBuffer(DoubleBuffer.wrap(new double[] {1, 2, 4}).asReadOnlyBuffer()))
                .isEqualTo(7);
        assertThat(operations.calls)
                .containsExactly(
                        "sum buffer 2 6", "sum segment 32", "sum buffer 2 6", "sum segment 32", "sum segment 24");
        assertThat(direct.position()).isEqualTo(2);
        assertThat(direct.limit()).isEqualTo(6);
    }

    @Test
    void directNativeOrderBufferPassesASegment() {
        DoubleBuffer buffer =
                ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        buffer.position(3);
        bridge.fillBuffer(buffer);
        assertThat(operations.calls).containsExactly("fill segment 40");
        assertThat(buffer.get(3)).isZero();
        assertThat(buffer.get(7)).isEqualTo(4);
        assertThat(buffer.position()).isEqualTo(3);
        assertThat(bridge.sumBuffer(buffer)).isEqualTo(10);
    }

    @Test
    void foreignOrderBufferGetsTheSameValues() {
        DoubleBuffer buffer =
                ByteBuffer.allocateDirect(64).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer();
        buffer.position(2);
        bridge.fillBuffer(buffer);
        assertThat(buffer.get(2)).isZero();
        assertThat(buffer.get(7)).isEqualTo(5);
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(bridge.sumBuffer(buffer)).isEqualTo(15);
        assertThat(bridge.sumBuffer(buffer.asReadOnlyBuffer())).isEqualTo(15);
    }

    @Test
    void readOnlyBuffersCannotBeFilledButCanBeSummed() {
        DoubleBuffer buffer = DoubleBuffer.wrap(new double[] {1, 2, 3}).asReadOnlyBuffer();
        assertThatThrownBy(() -> bridge.fillBuffer(buffer)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(bridge.sumBuffer(buffer)).isEqualTo(6);
        MemorySegment segment = MemorySegment.ofArray(new double[2]).asReadOnly();
        assertThatThrownBy(() -> bridge.fillBuffer(segment)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bridge.sumBuffer(segment)).isZero();
    }

    @Test
    void segmentsMustBeWholeDoublesAliveAndAccessible() throws Exception {
        assertThatThrownBy(() -> bridge.fillBuffer(MemorySegment.ofArray(new byte[12])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
        Arena closed = Arena.ofConfined();
        MemorySegment dead = closed.allocate(16);
        closed.close();
        assertThatThrownBy(() -> bridge.sumBuffer(dead)).isInstanceOf(IllegalStateException.class);
        try (Arena confined = Arena.ofConfined()) {
            MemorySegment mine = confined.allocate(16);
            Throwable thrown = CompletableFuture.supplyAsync(() -> {
                        try {
                            bridge.fillBuffer(mine);
                            return null;
                        } catch (Throwable t) {
                            return t;
                        }
                    })
                    .get();
            assertThat(thrown).isInstanceOf(WrongThreadException.class);
        }
        assertThat(operations.calls).isEmpty();
        MemorySegment misaligned = MemorySegment.ofArray(new byte[25]).asSlice(1);
        bridge.fillBuffer(misaligned);
        assertThat(misaligned.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, 16)).isEqualTo(2);
    }
}
