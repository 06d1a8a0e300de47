package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.it.ForkedJvm.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Loading the jar's library in forked JVMs ({@link ProbeMain}): an extraction directory that other users may
 * write without the sticky bit is refused, with a cause that says which directory and what to set; a sticky one
 * (like {@code /tmp}) is used; a first load on an interrupted thread loads native and leaves the flag set; and the
 * diagnostics name this platform, its C library and the platforms the jar ships.
 */
@Tag("native")
class NativeLoadingIT {

    static final Path ROOT = Path.of("target", "loading-tests").toAbsolutePath();

    @BeforeAll
    static void cleanRoot() throws IOException {
        if (Files.exists(ROOT)) {
            try (Stream<Path> paths = Files.walk(ROOT)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(ROOT);
    }

    @Test
    void aTmpdirOthersMayWriteIsRefused() throws Exception {
        Path open = directory("world-writable", 0777);
        String cause = "ffibridge.tmpdir " + open + " is not safe to load a library from: " + open
                + " may be written by other users (mode 777) and is not sticky";
        Run auto = probe("-Dffibridge.tmpdir=" + open);
        assertThat(auto.exit()).as(auto.output()).isZero();
        assertThat(auto.output()).contains("provider=java", "addNumbers(2, 3)=5");
        assertThat(auto.warning()).as(auto.output()).contains(cause).contains("set -Dffibridge.tmpdir to a directory");
        Run required = probe("-Dffibridge.tmpdir=" + open, "-Dffibridge.provider=native");
        assertThat(required.exit()).as(required.output()).isNotZero();
        assertThat(required.line("error=")).as(required.output()).contains(cause);
        try (Stream<Path> files = Files.list(open)) {
            assertThat(files).as("nothing extracted there").isEmpty();
        }
    }

    @Test
    void aStickyTmpdirLikeTmpIsUsed() throws Exception {
        Path sticky = directory("sticky", 01777);
        Run run = probe("-Dffibridge.tmpdir=" + sticky);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("provider=native", "source = jar (extracted to " + sticky + ")");
    }

    @Test
    void aFirstLoadOnAnInterruptedThreadLoadsNativeAndKeepsTheFlag() throws Exception {
        Path tmpdir = directory("interrupted", 0700);
        Run run = probe("-Dffibridge.tmpdir=" + tmpdir, "-Dprobe.interrupt=true", "-Dffibridge.provider=native");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("interrupted after load=true", "provider=native", "addNumbers(2, 3)=5");
    }

    @Test
    void theDiagnosticsNameThePlatformAndThePlatformsTheJarShips() throws Exception {
        Path tmpdir = directory("diagnostics", 0700);
        Run run = probe("-Dffibridge.tmpdir=" + tmpdir);
        assertThat(run.exit()).as(run.output()).isZero();
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86-64";
        assertThat(run.output())
                .contains("platform = linux-" + arch + " (os.name=Linux, os.arch=" + System.getProperty("os.arch")
                        + ", C library glibc (interpreter /")
                .containsPattern("jar platforms = [a-z0-9, -]*linux-" + arch + "\\b");
    }

    private static Run probe(String... properties) {
        List<String> jvmArgs = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        jvmArgs.addAll(List.of(properties));
        return ForkedJvm.run(ProbeMain.class, jvmArgs, List.of(), 60);
    }

    private static Path directory(String name, int mode) throws IOException {
        Path path = Files.createDirectories(ROOT.resolve(name));
        Files.setAttribute(path, "unix:mode", mode);
        return path;
    }
}
