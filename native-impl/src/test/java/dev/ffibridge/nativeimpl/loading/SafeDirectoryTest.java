package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which extraction directories are refused, and the cause that says why and what to set. */
class SafeDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aPrivateDirectoryIsSafe() throws IOException {
        Path mine = directory("mine", 0700);
        assertThat(SafeDirectory.problem(SafeDirectory.prepare(mine))).isEmpty();
        assertThat(SafeDirectory.problem(SafeDirectory.prepare(directory("shared-read", 0755))))
                .isEmpty();
    }

    @Test
    void aWorldWritableDirectoryWithoutTheStickyBitIsRefused() throws IOException {
        Path open = directory("open", 0777);
        assertThat(SafeDirectory.problem(SafeDirectory.prepare(open)))
                .hasValue(open + " may be written by other users (mode 777) and is not sticky, so they could"
                        + " replace the library in it");
    }

    @Test
    void aGroupWritableDirectoryIsRefused() throws IOException {
        Path group = directory("group", 0770);
        assertThat(SafeDirectory.problem(SafeDirectory.prepare(group)))
                .hasValueSatisfying(p -> assertThat(p).startsWith(group + " may be written by other users (mode 770)"));
    }

    @Test
    void aStickyDirectoryLikeTmpIsSafe() throws IOException {
        Path sticky = directory("sticky", 01777);
        assertThat(Files.getAttribute(sticky, "unix:mode")).isEqualTo(041777);
        assertThat(SafeDirectory.problem(SafeDirectory.prepare(sticky))).isEmpty();
    }

    @Test
    void everyDirectoryAboveCountsToo() throws IOException {
        Path open = directory("open", 0777);
        Path inside = Files.createDirectory(open.resolve("private"));
        Files.setAttribute(inside, "unix:mode", 0700);
        assertThat(SafeDirectory.problem(SafeDirectory.prepare(inside)))
                .hasValueSatisfying(p -> assertThat(p).startsWith(open + " may be written by other users (mode 777)"));
    }

    @Test
    void aLinkIsResolvedAndTheRealDirectoryChecked() throws IOException {
        Path open = directory("open", 0777);
        Path mine = directory("mine", 0700);
        Path link = Files.createSymbolicLink(open.resolve("link"), mine);
        Path real = SafeDirectory.prepare(link);
        assertThat(real).isEqualTo(mine.toRealPath());
        assertThat(SafeDirectory.problem(real)).isEmpty();
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() {
        Path path = Path.of("/home/other/tmp");
        assertThat(SafeDirectory.problem(path, 4242, 0755, false))
                .hasValue("/home/other/tmp belongs to another user (uid 4242), who could replace the library in it");
        assertThat(SafeDirectory.problem(path, 0, 0755, false)).as("root's").isEmpty();
        assertThat(SafeDirectory.problem(path, 4242, 0700, true))
                .as("this user's")
                .isEmpty();
        assertThat(SafeDirectory.problem(path, 0, 01777, false)).as("/tmp").isEmpty();
        assertThat(SafeDirectory.problem(path, 0, 0777, false)).isPresent();
    }

    @Test
    void theLocatorRefusesAnUnsafeTmpdirAndSaysWhatToSet() throws IOException {
        Path open = directory("open", 0777);
        assertThatThrownBy(() -> LibraryLocator.locate(TestLibrary.jarSettings(open)))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessage("ffibridge.tmpdir " + open + " is not safe to load a library from: " + open
                        + " may be written by other users (mode 777) and is not sticky, so they could replace the"
                        + " library in it: set -Dffibridge.tmpdir to a directory that no other user can write, nor"
                        + " any directory above it unless it is sticky like /tmp (for instance ~/.cache/ffibridge), or"
                        + " -Dffibridge.provider=java");
        try (var files = Files.list(open)) {
            assertThat(files).as("nothing extracted").isEmpty();
        }
    }

    @Test
    void aMissingDirectoryIsCreatedPrivate() throws IOException {
        Path created = SafeDirectory.prepare(dir.resolve("new/nested"));
        assertThat(Files.getAttribute(created, "unix:mode")).isEqualTo(040700);
        assertThat(Files.getAttribute(created.getParent(), "unix:mode")).isEqualTo(040700);
        assertThat(SafeDirectory.problem(created)).isEmpty();
    }

    @Test
    void aFileInTheWayIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> SafeDirectory.prepare(file.resolve("sub"))).isInstanceOf(IOException.class);
    }

    private Path directory(String name, int mode) throws IOException {
        Path path = Files.createDirectory(dir.resolve(name));
        Files.setAttribute(path, "unix:mode", mode);
        return path;
    }
}
