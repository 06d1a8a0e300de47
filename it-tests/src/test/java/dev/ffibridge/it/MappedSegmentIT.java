package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file-mapped segment whose file another process truncated after the mapping: reading or writing it faults
 * (SIGBUS). Neither provider may let that kill the JVM; both turn it into the same exception, the {@link
 * InternalError} the JVM raises for a faulting access of its own. Each run is a forked JVM, so that a crash
 * fails the test instead of the test run.
 */
@Tag("native")
class MappedSegmentIT {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {64 * 1024, 4 * 1024 * 1024})
    void aTruncatedMappingGivesTheSameExceptionFromBothProvidersAndTheJvmLives(long bytes) {
        ForkedJvm.Run java = truncatedMapping("java", bytes);
        ForkedJvm.Run nativ = truncatedMapping("native", bytes);
        for (ForkedJvm.Run run : List.of(java, nativ)) {
            assertThat(run.exit()).as("exit code; output:%n%s", run.output()).isZero();
            assertThat(run.line("mapped=")).isEqualTo("mapped=true");
            assertThat(run.line("truncated=")).isEqualTo("truncated=true");
            assertThat(run.line("alive=")).isEqualTo("alive=true");
            assertThat(run.line("sum=")).isEqualTo("sum=java.lang.InternalError");
            assertThat(run.line("fill=")).isEqualTo("fill=java.lang.InternalError");
        }
    }

    private static ForkedJvm.Run truncatedMapping(String provider, long bytes) {
        return ForkedJvm.run(TruncatedMappingMain.class, List.of(), List.of(provider, Long.toString(bytes)), 120);
    }
}
