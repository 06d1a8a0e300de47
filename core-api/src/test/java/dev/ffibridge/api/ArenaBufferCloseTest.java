package dev.ffibridge.api;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link OwnedBuffer#close()} while a native call uses the buffer's memory: it waits for the call to
 * return, never throws, and returns with the buffer closed. The native call is libc's {@code nanosleep}
 * with the buffer's segment as its {@code rem} argument: like any downcall it holds the segment's arena
 * for as long as it runs (and writes {@code rem} only when a signal interrupts it).
 */
class ArenaBufferCloseTest {

    private static final MethodHandle NANOSLEEP = Linker.nativeLinker()
            .downcallHandle(
                    Linker.nativeLinker().defaultLookup().find("nanosleep").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    private static final long SLEEP_NANOS = 100_000_000;

    /** Rounds until one saw the call in flight at the close (every round checks the outcome). */
    private static final int MAX_ROUNDS = 20;

    @Test
    void closeWaitsForANativeCallThatUsesTheMemoryAndNeverThrows() throws Exception {
        int waitedFor = 0;
        for (int round = 0; round < MAX_ROUNDS && waitedFor == 0; round++) {
            Arena arena = Arena.ofShared();
            OwnedBuffer buffer = ArenaBuffer.of(arena, arena.allocate(JAVA_DOUBLE, 2));
            CountDownLatch calling = new CountDownLatch(1);
            AtomicBoolean returned = new AtomicBoolean();
            CompletableFuture<RuntimeException> call = CompletableFuture.supplyAsync(() -> {
                try (Arena local = Arena.ofConfined()) {
                    MemorySegment request = local.allocate(16);
                    request.set(JAVA_LONG, 8, SLEEP_NANOS);
                    calling.countDown();
                    int status = (int) NANOSLEEP.invokeExact(request, buffer.segment());
                    returned.set(true);
                    return null;
                } catch (IllegalStateException closedBeforeTheCall) {
                    return closedBeforeTheCall;
                } catch (Throwable t) {
                    throw new AssertionError(t);
                }
            });
            calling.await();
            Thread.sleep(20);

            buffer.close();

            boolean returnedBeforeClose = returned.get();
            RuntimeException outcome = call.get();
            assertThat(buffer.isOpen()).isFalse();
            if (outcome == null) {
                assertThat(returnedBeforeClose)
                        .as("close returned while the native call still used the memory")
                        .isTrue();
                waitedFor++;
            } else {
                assertThat(outcome).isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(waitedFor)
                .as("rounds in which close found the call in flight, of at most %d", MAX_ROUNDS)
                .isPositive();
    }
}
