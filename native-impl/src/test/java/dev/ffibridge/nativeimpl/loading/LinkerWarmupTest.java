package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ffibridge.nativeimpl.abi.BoundFunctions;
import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.operations.SelfTest;
import java.lang.foreign.FunctionDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The warm-up of the loader's second thread: it prepares the shape the self-test links, then the hot paths', and
 * preparing a shape needs no library.
 */
class LinkerWarmupTest {

    @Test
    void theWarmUpPreparesTheShapeOfTheFunctionTheSelfTestLinks() {
        assertThat(Set.of(SelfTest.FUNCTION.name())).isEqualTo(LazyLinkingTest.LINKED_AT_LOAD);
    }

    @Test
    void theHotPathsAreBoundFunctionsOfDistinctShapes() {
        assertThat(BoundFunctions.ALL).containsAll(LinkerWarmup.hotPaths());
        Set<FunctionDescriptor> shapes = new HashSet<>();
        for (NativeFunction function : LinkerWarmup.hotPaths()) {
            assertThat(shapes.add(function.descriptor())).as(function.name()).isTrue();
        }
        assertThat(shapes).doesNotContain(SelfTest.FUNCTION.descriptor());
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
