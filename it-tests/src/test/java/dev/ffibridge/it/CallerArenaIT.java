package dev.ffibridge.it;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.testsupport.RecordingArena;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void theCallersArenaAllocatesTheMemory(String provider) {
        FfiBridge bridge = FfiBridge.load(provider);
        for (int length : new int[] {0, 5, 1 << 18}) {
            try (RecordingArena own = new RecordingArena((memory, n) -> memory.allocate(n, 8))) {
                MemorySegment values = bridge.filledBuffer(length, own);
                assertThat(own.calls()).containsExactly(length * 8L + "/8");
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
        try (RecordingArena refusing = new RecordingArena((memory, n) -> {
                    throw new UnsupportedOperationException("quota exceeded");
                });
                RecordingArena stingy = new RecordingArena((memory, n) -> memory.allocate(n / 2, 8))) {
            assertThatThrownBy(() -> bridge.filledBuffer(3, refusing))
                    .isExactlyInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("quota exceeded");
            assertThatThrownBy(() -> bridge.filledBuffer(4, stingy))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("allocate(32, 8) returned a segment of 16 bytes");
            assertThat(refusing.calls()).containsExactly("24/8");
            assertThat(stingy.calls()).containsExactly("32/8");
        }
    }
}
