package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cold {@code FfiBridge.load("native")} must not start, each of which costs milliseconds in a
 * fresh JVM: the logging backend, and invokedynamic string concatenation.
 */
class ColdLoadPathTest {

    @Test
    void aSuccessfulLoadStartsNeitherLoggingNorStringConcatenation(@TempDir Path tmpdir) throws Exception {
        ClassLoadLog log = ClassLoadLog.run(tmpdir);
        assertThat(log.load())
                .as("classes loaded by load(\"native\")")
                .isNotEmpty()
                .noneMatch(line -> line.contains("java.util.logging.LogManager "))
                .noneMatch(line -> line.contains("java.lang.invoke.StringConcatFactory "));
    }
}
