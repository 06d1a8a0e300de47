package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ffibridge.nativeimpl.abi.BoundFunctions;
import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.operations.SelfTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The warm-up of the loader's second thread: it prepares exactly the shapes the self-test links, and
 * preparing a shape needs no library.
 */
class LinkerWarmupTest {

    @Test
    void theWarmUpPreparesTheShapesOfTheFunctionsTheSelfTestLinks() {
        Set<String> prepared = new HashSet<>();
        for (NativeFunction function : SelfTest.FUNCTIONS) {
            prepared.add(function.name());
        }
        assertThat(prepared).isEqualTo(LazyLinkingTest.LINKED_AT_LOAD);
    }

    @Test
    void aShapeIsPreparedWithoutALibraryForEveryBoundFunction() {
        List<String> mismatched = new ArrayList<>();
        for (NativeFunction function : BoundFunctions.ALL) {
            for (boolean critical : new boolean[] {true, false}) {
                if (!Downcalls.prepare(function, critical)
                        .type()
                        .equals(function.descriptor().toMethodType())) {
                    mismatched.add(function.name());
                }
            }
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void theWarmUpIsADaemonThatRunsWithoutThrowing() {
        LinkerWarmup warmup = new LinkerWarmup();
        assertThat(warmup.isDaemon()).as("never keeps the JVM alive").isTrue();
        assertThatCode(warmup::run).doesNotThrowAnyException();
    }
}
