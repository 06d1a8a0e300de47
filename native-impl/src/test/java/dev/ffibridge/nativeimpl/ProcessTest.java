package dev.ffibridge.nativeimpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from a fresh JVM: the diagnostics of {@code java dev.ffibridge.api.FfiBridge}. */
class ProcessTest {

    @TempDir
    Path tmpdir;

    @Test
    void withoutNativeAccessTheCauseSaysWhichFlagToAdd() throws Exception {
        List<String> flags = Runtime.version().feature() >= 24
                ? List.of("--illegal-native-access=deny")
                : List.of("--enable-native-access=java.base");
        String output = diagnostics(flags);
        assertThat(output)
                .contains("native [priority 100]: unavailable")
                .contains("add --enable-native-access=ALL-UNNAMED");
    }

    @Test
    void withNativeAccessTheJarsLibraryIsSelected() throws Exception {
        String output = diagnostics(List.of("--enable-native-access=ALL-UNNAMED"));
        assertThat(output)
                .contains("selected: native (highest-priority available provider")
                .contains("native [priority 100]: available")
                .contains("source = jar (extracted to " + tmpdir + ")")
                .contains("abi = 2");
    }

    @Test
    void theJavaProviderRequestLoadsNoNativeCode() throws Exception {
        String output = diagnostics(List.of("--enable-native-access=ALL-UNNAMED", "-Dffibridge.provider=java"));
        assertThat(output)
                .contains("native [priority 100]: not checked")
                .contains("not checked = -Dffibridge.provider=java selects another provider")
                .doesNotContain("not probed")
                .doesNotContain("library = ");
    }

    private String diagnostics(List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-Dffibridge.tmpdir=" + tmpdir);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.ffibridge.api.FfiBridge");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
