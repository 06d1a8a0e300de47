package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Impostor libraries built with gcc from the test resource {@code fakes/impostor.c}. */
final class FakeLibrary {

    private FakeLibrary() {}

    /**
     * Builds the impostor into {@code directory}: it passes the handshake and the self-test, its
     * {@code get_data} returns other values, and its constructor appends a line to {@code marker}.
     */
    static Path impostor(Path directory, Path marker) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path source = directory.resolve("impostor.c");
        try (InputStream in = FakeLibrary.class.getResourceAsStream("/fakes/impostor.c")) {
            assertThat(in).as("the test resource fakes/impostor.c").isNotNull();
            Files.write(source, in.readAllBytes());
        }
        Path library = directory.resolve("impostor.so");
        Process gcc = new ProcessBuilder(
                        "gcc",
                        "-shared",
                        "-fPIC",
                        "-O1",
                        "-DIMPOSTOR_MARKER=\"" + marker + "\"",
                        "-o",
                        library.toString(),
                        source.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as("gcc: %s", output).isZero();
        return library;
    }
}
