package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** One reusable native slot per thread, never shared between threads. */
class OutSlotTest {

    @Test
    void aThreadKeepsItsSlotAndAnotherThreadGetsItsOwn() throws Exception {
        MemorySegment mine = OutSlot.get();
        assertThat(mine.isNative()).isTrue();
        assertThat(mine.byteSize()).isEqualTo(ADDRESS.byteSize());
        assertThat(OutSlot.get().address()).isEqualTo(mine.address());
        try (var other = Executors.newSingleThreadExecutor()) {
            long theirs = CompletableFuture.supplyAsync(() -> OutSlot.get().address(), other)
                    .get();
            assertThat(theirs).isNotEqualTo(mine.address());
        }
    }
}
