package dev.ffibridge.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A new empty folder set as {@code -Dffibridge.tmpdir}, so that a cold load extracts the library
 * afresh instead of reusing an earlier copy; deleted afterwards.
 */
final class FreshTmpdir {

    /** The property the native provider extracts its library under. */
    static final String PROPERTY = "ffibridge.tmpdir";

    private FreshTmpdir() {}

    /** Creates the folder and points {@code ffibridge.tmpdir} at it. */
    static Path create() throws IOException {
        Path dir = Files.createTempDirectory("ffibridge-cold");
        System.setProperty(PROPERTY, dir.toString());
        return dir;
    }

    /** Deletes the folder and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
