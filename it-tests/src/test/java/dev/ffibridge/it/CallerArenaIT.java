package dev.ffibridge.it;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridge;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code filledBuffer(n, arena)} with an {@link Arena} of the caller's own: both providers take the memory from
 * one call of its {@code allocate(n * 8, 8)}, fill it, and fail with the arena's own exception when it throws, and
 * with {@link IllegalStateException} when it returns too few bytes.
 */
@Tag("native")
class CallerArenaIT {

    /** Records each allocate call and answers with {@code answer}, given its own confined arena and the size. */
    private static final class OwnArena implements Arena {
        final List<String> calls = new ArrayList<>();
        final Arena backing = Arena.ofConfined();
        final BiFunction<Arena, Long, MemorySegment> answer;

        OwnArena(BiFunction<Arena, Long, MemorySegment> answer) {
            this.answer = answer;
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

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void theCallersArenaAllocatesTheMemory(String provider) {
        FfiBridge bridge = FfiBridge.load(provider);
        for (int length : new int[] {0, 5, 1 << 18}) {
            try (OwnArena own = new OwnArena((memory, n) -> memory.allocate(n, 8))) {
                MemorySegment values = bridge.filledBuffer(length, own);
                assertThat(own.calls).containsExactly(length * 8L + "/8");
                assertThat(values.byteSize()).isEqualTo(length * 8L);
                assertThat(values.isReadOnly()).isTrue();
                assertThat(values.scope()).isEqualTo(own.scope());
                for (int i = 0; i < length; i += Math.max(1, length / 7)) {
                    assertThat(values.getAtIndex(JAVA_DOUBLE, i)).isEqualTo(i);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void theArenasExceptionPassesAndTooFewBytesAreRefused(String provider) {
        FfiBridge bridge = FfiBridge.load(provider);
        try (OwnArena refusing = new OwnArena((memory, n) -> {
                    throw new UnsupportedOperationException("quota exceeded");
                });
                OwnArena stingy = new OwnArena((memory, n) -> memory.allocate(n / 2, 8))) {
            assertThatThrownBy(() -> bridge.filledBuffer(3, refusing))
                    .isExactlyInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("quota exceeded");
            assertThatThrownBy(() -> bridge.filledBuffer(4, stingy))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("allocate(32, 8) returned a segment of 16 bytes");
            assertThat(refusing.calls).containsExactly("24/8");
            assertThat(stingy.calls).containsExactly("32/8");
        }
    }
}
