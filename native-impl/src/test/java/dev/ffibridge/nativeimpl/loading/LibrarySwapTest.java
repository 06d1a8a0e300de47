package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local user who may write into the extraction directory replaces the extracted library with
 * their own, in a loop, while this JVM loads: their library must never be loaded (its constructor
 * would run in this JVM). Here the attacker is a thread and the directory is writable by everyone
 * without the sticky bit, the setting in which such a user can rename files over ours.
 */
class LibrarySwapTest {

    private static final int LOADS = 30;

    @TempDir
    Path dir;

    @Test
    void anAttackerSwappingTheExtractedFileNeverGetsTheirLibraryLoaded() throws Exception {
        Path marker = dir.resolve("impostor-loaded.txt");
        Path impostor = FakeLibrary.impostor(dir.resolve("build"), marker);
        Path shared = Files.createDirectory(dir.resolve("world-writable"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Platform platform = Platform.current();
        String sha256 = LibraryLocator.sha256(
                LibraryLocator.Resources.classPath(), platform.resourceName(), TestLibrary.bytes());
        Path target = shared.resolve(LibraryExtractor.fileName(platform.libraryFileName(), sha256));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread attacker = new Thread(() -> swapInALoop(impostor, target, stop, swaps), "attacker");
        attacker.start();
        List<LoadResult> results = new ArrayList<>();
        try {
            while (swaps.get() == 0) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < LOADS; i++) {
                results.add(NativeLoader.load(TestLibrary.jarSettings(shared)));
            }
        } finally {
            stop.set(true);
            attacker.join();
        }

        assertThat(swaps.get()).as("swaps").isPositive();
        assertThat(marker)
                .as("the impostor's constructor ran: its library was loaded")
                .doesNotExist();
        assertThat(results).allSatisfy(result -> assertThat(result.cause())
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining("ffibridge.tmpdir " + shared + " is not safe to load a library from"));
    }

    /** Renames a fresh copy of {@code impostor} over {@code target} until told to stop. */
    private static void swapInALoop(Path impostor, Path target, AtomicBoolean stop, AtomicInteger swaps) {
        for (int i = 0; !stop.get(); i++) {
            try {
                Path copy = target.resolveSibling(".attacker-" + i + ".so");
                Files.copy(impostor, copy);
                Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                swaps.incrementAndGet();
            } catch (IOException e) {
                // the victim's rename won this round: try again
            }
        }
    }
}
