package dev.ffibridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoTest {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void diagnosticsPrintsOnlyTheDiagnostics() {
        assertThat(Demo.run(new String[] {"--diagnostics"})).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("runtime: Java ")
                .contains("ffibridge.provider = ", "selected: ", "java [priority 0]")
                .doesNotContain("== ");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(Demo.run(new String[] {"--help"})).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Demo.USAGE).contains("--diagnostics");
    }

    @Test
    void anUnknownOptionFailsWithTheUsage() {
        assertThat(Demo.run(new String[] {"--bogus"})).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("unknown option: --bogus")
                .contains("Usage:");
    }

    @Test
    void withoutOptionsItWalksThroughEveryExample() {
        assertThat(Demo.run(new String[0])).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("== Provider", "addNumbers(5, 7) = 12", "== 6. Serialized bytes")
                .doesNotContain("DIFFERENT");
    }
}
