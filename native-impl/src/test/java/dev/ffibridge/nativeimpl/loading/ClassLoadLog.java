package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link LazyLinkingMain} run in a fresh JVM with {@code -Xlog:class+load}: every class loaded, one
 * line each, with the main's marker lines in between, so a test can see what each step loaded.
 */
public final class ClassLoadLog {

    /** The marker line printed once {@code FfiBridge.load("native")} returned. */
    static final String LOADED = "MARK loaded native";

    /** The marker line printed once the first {@code addNumbers} returned. */
    static final String CALLED = "MARK addNumbers 5";

    private final List<String> lines;

    private ClassLoadLog(List<String> lines) {
        this.lines = lines;
    }

    /** Runs the main with the library extracted into {@code tmpdir}; fails unless it exits normally. */
    public static ClassLoadLog run(Path tmpdir) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info",
                "-Dffibridge.tmpdir=" + tmpdir,
                "-cp",
                System.getProperty("java.class.path"),
                LazyLinkingMain.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        ClassLoadLog log = new ClassLoadLog(output.lines().toList());
        assertThat(log.lines.indexOf(LOADED)).as(output).isNotNegative().isLessThan(log.lines.indexOf(CALLED));
        return log;
    }

    /** The lines up to {@link #LOADED}: what {@code FfiBridge.load("native")} loaded. */
    public List<String> load() {
        return lines.subList(0, lines.indexOf(LOADED));
    }

    /** The lines between {@link #LOADED} and {@link #CALLED}: what the first {@code addNumbers} loaded. */
    public List<String> firstCall() {
        return lines.subList(lines.indexOf(LOADED), lines.indexOf(CALLED));
    }
}
