package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OwnedBuffer#close()} while another thread sums the buffer, with either provider: the close never throws
 * and returns with the buffer closed; each concurrent sum either gives the right value or throws {@link
 * IllegalStateException}; every read after the close throws {@link IllegalStateException}. (The native provider
 * threw "Session is acquired by 1 clients" from close in most rounds and left the buffer open.)
 */
@Tag("native")
class OwnedBufferCloseIT {

    private static final int ROUNDS = 200;

    /** Large enough that a native sum takes some microseconds, so that closes meet calls in flight. */
    private static final int LENGTH = 1 << 16;

    private static final double EXPECTED = (double) LENGTH * (LENGTH - 1) / 2;

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void closeDuringASumNeverThrowsAndTheSumIsRightOrRefused(String provider) throws Exception {
        FfiBridge bridge = FfiBridge.load(provider);
        int completed = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            OwnedBuffer owned = bridge.filledBuffer(LENGTH);
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<int[]> reader = CompletableFuture.supplyAsync(() -> {
                int[] counts = new int[2];
                started.countDown();
                while (true) {
                    try {
                        double sum = bridge.sumBuffer(owned.segment());
                        assertThat(sum).isEqualTo(EXPECTED);
                        counts[0]++;
                    } catch (IllegalStateException closed) {
                        counts[1]++;
                        return counts;
                    }
                }
            });
            started.await();

            owned.close();

            assertThat(owned.isOpen()).isFalse();
            int[] counts = reader.get();
            completed += counts[0];
            refused += counts[1];
            assertThatThrownBy(() -> bridge.sumBuffer(owned.segment())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> owned.get(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(owned::toArray).isInstanceOf(IllegalStateException.class);
            owned.close();
        }
        assertThat(refused).as("reads refused after a close").isEqualTo(ROUNDS);
        System.out.println(
                "OwnedBufferCloseIT " + provider + ": " + completed + " sums completed around " + ROUNDS + " closes");
    }
}
