package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.nativeimpl.abi.PersonStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongNamesTest {

    @Test
    void copiesEveryPieceAndTheZerosAfterThem() {
        int piece = (int) PersonStruct.CRITICAL_NAME_BYTES;
        for (int length : new int[] {0, 1, piece - 1, piece, piece + 1, 3 * piece + 5}) {
            byte[] bytes = new byte[length];
            new SplittableRandom(length).nextBytes(bytes);
            for (int zeros : new int[] {0, 1}) {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment copy = LongNames.copy(bytes, zeros, arena);
                    assertThat(copy.isNative()).isTrue();
                    assertThat(copy.toArray(JAVA_BYTE)).isEqualTo(Arrays.copyOf(bytes, length + zeros));
                }
            }
        }
    }

    @Test
    void encodesANameInPiecesWithoutSplittingASurrogatePair() {
        int piece = PersonCalls.CRITICAL_NAME_CHARS;
        String pairs = "\uD83D\uDE00".repeat(piece); // 2 * piece chars of 4-byte code points
        for (String name : new String[] {"", "a", "é€", "a" + pairs, pairs + "ü", "x".repeat(2 * piece + 3)}) {
            try (Arena arena = Arena.ofConfined()) {
                byte[] expected = name.getBytes(StandardCharsets.UTF_8);
                MemorySegment utf8 = LongNames.utf8(name, arena);
                assertThat(utf8.isNative()).isTrue();
                assertThat(utf8.toArray(JAVA_BYTE)).isEqualTo(Arrays.copyOf(expected, expected.length + 1));
            }
        }
    }

    @Test
    void theCopyLivesAsLongAsItsArena() {
        MemorySegment copy;
        try (Arena arena = Arena.ofConfined()) {
            copy = LongNames.copy(new byte[] {1, 2, 3}, 1, arena);
            assertThat(copy.scope().isAlive()).isTrue();
        }
        assertThat(copy.scope().isAlive()).isFalse();
        assertThatThrownBy(() -> copy.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
    }
}
