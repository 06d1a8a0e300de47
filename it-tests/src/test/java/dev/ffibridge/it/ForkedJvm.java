package dev.ffibridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this module in a new JVM: this JVM's java, this JVM's class path, native access on. */
final class ForkedJvm {

    /** What the JVM printed (stdout and stderr merged) and its exit code. */
    record Run(int exit, String output) {
        /** The lines the selection logged as a WARNING (java.util.logging prints "WARNING: ..."). */
        String warning() {
            return output.lines().filter(l -> l.contains("WARNING")).reduce("", (a, b) -> a + b + "\n");
        }

        /** The first line starting with {@code prefix}, or "". */
        String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        }
    }

    private ForkedJvm() {}

    static Run run(Class<?> main, List<String> jvmArgs, List<String> args, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmArgs);
        command.add(main.getName());
        command.addAll(args);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the forked JVM did not end in " + timeoutSeconds + " s: " + command);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
