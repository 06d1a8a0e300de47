package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading does not depend on the caller's interrupt flag (and leaves it set), and a failure of I/O is
 * neither kept for the JVM's lifetime nor blamed on the library.
 */
class TransientFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFirstLoadOnAnInterruptedThreadSucceedsAndKeepsTheFlag() {
        LoadResult result = onAnInterruptedThread(() -> NativeLoader.load(TestLibrary.jarSettings(dir)));
        assertThat(result.cause()).isNull();
        assertThat(result.available()).isTrue();
    }

    @Test
    void soDoesALoadOfAnExplicitPath() {
        Path copy = TestLibrary.write(dir.resolve("copy.so"), TestLibrary.bytes());
        LoadResult result = onAnInterruptedThread(() -> NativeLoader.load(TestLibrary.explicitSettings(copy, dir)));
        assertThat(result.cause()).isNull();
    }

    @Test
    void aTransientIoFailureIsRetriedOnTheNextLoad() {
        AtomicBoolean fail = new AtomicBoolean(true);
        String resource = Platform.current().resourceName();
        LibraryLocator.Resources jar = LibraryLocator.Resources.classPath();
        LibraryLocator.Settings settings = new LibraryLocator.Settings(null, dir, Platform.current(), name -> {
            if (name.equals(resource) && fail.getAndSet(false)) {
                throw new IOException("read error on the jar's disk");
            }
            return jar.read(name);
        });
        AtomicInteger attempts = new AtomicInteger();
        LoadOnce once = new LoadOnce(() -> {
            attempts.incrementAndGet();
            return NativeLoader.load(settings);
        });

        LoadResult first = once.result();
        assertThat(first.available()).isFalse();
        assertThat(first.retryable()).isTrue();
        assertThat(first.cause())
                .hasMessageContaining("read error on the jar's disk")
                .hasMessageNotContaining("broken");
        assertThat(once.peek()).containsSame(first);

        LoadResult second = once.result();
        assertThat(second.cause()).isNull();
        assertThat(once.result()).isSameAs(second);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aFileThatCannotBeReadIsAnIoFailureNotABrokenLibrary() {
        Path missingAfterLocating = dir.resolve("gone.so");
        LibraryLocator.Located located = new LibraryLocator.Located(missingAfterLocating, true, false);
        LoadResult result = LoadResult.failed(located, NativeLoader.unreadable(located, new IOException("EIO")));
        assertThat(result.retryable()).isTrue();
        assertThat(result.cause())
                .hasMessage("ffibridge.library.path " + missingAfterLocating + " cannot be read (java.io.IOException:"
                        + " EIO): a failure of I/O, not of the library; the next load tries again")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aLastingFailureIsKept() {
        AtomicInteger attempts = new AtomicInteger();
        LibraryLocator.Settings unsupported = new LibraryLocator.Settings(
                null, dir, Platform.of("SunOS", "sparcv9"), LibraryLocator.Resources.classPath());
        LoadOnce once = new LoadOnce(() -> {
            attempts.incrementAndGet();
            return NativeLoader.load(unsupported);
        });
        LoadResult first = once.result();
        assertThat(first.retryable()).isFalse();
        assertThat(once.result()).isSameAs(first);
        assertThat(attempts).hasValue(1);
    }

    private static LoadResult onAnInterruptedThread(LoadOnce.Attempt attempt) {
        Thread.currentThread().interrupt();
        try {
            return attempt.load();
        } finally {
            assertThat(Thread.interrupted())
                    .as("the caller's interrupt flag is still set")
                    .isTrue();
        }
    }
}
