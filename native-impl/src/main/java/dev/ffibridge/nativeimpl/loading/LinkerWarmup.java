package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.operations.SelfTest;
import java.util.List;

/**
 * Two daemon threads, started once per JVM as the load begins, that pay a cold JVM's first-use costs of
 * the self-test while the loading thread reads, extracts, checks and opens the library.
 *
 * <ul>
 *   <li>{@code ffibridge-linker-warmup} builds the JDK's downcall stubs of the self-test's shapes ({@link
 *       Downcalls#prepare}): the linker's first use and each new shape cost milliseconds. It takes the shapes
 *       last first while the self-test links first to last, so that, should the loading thread get there
 *       first, the two share the work. The self-test still links its functions on the library it checks,
 *       and finds the stubs built (or waits for the one being built).
 *   <li>{@code ffibridge-call-warmup} runs the self-test's call sites on an inert stand-in ({@link
 *       SelfTest#rehearse}): the JVM links each call site (an invoker class per shape) and loads the string
 *       and buffer code on their first run.
 * </ul>
 *
 * <p>No library is involved and nothing of one is called. Whatever fails here (native access not enabled, a
 * platform without a linker) is ignored: the loading thread meets it again and reports it.
 */
final class LinkerWarmup extends Thread {

    private static boolean started;

    private final Runnable task;

    LinkerWarmup(String name, Runnable task) {
        super(name);
        this.task = task;
        setDaemon(true);
    }

    /**
     * Starts the warm-up as early as a load from the system properties begins, before the settings (the C
     * library's detection among them) are read: when {@code ffibridge.library.path} is set, or the OS and
     * CPU are ones the jar may ship a library for.
     */
    static void startForSystemProperties() {
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        if (System.getProperty(LibraryLocator.LIBRARY_PATH_PROPERTY) != null
                || Platform.of(osName, osArch).supported()) {
            startOnce();
        }
    }

    /**
     * Starts the warm-up, unless it was started before in this JVM. A thread that cannot be started
     * (no native thread left, a policy that forbids it) only leaves the work to the loading thread.
     */
    static synchronized void startOnce() {
        if (!started) {
            started = true;
            try {
                new LinkerWarmup("ffibridge-linker-warmup", LinkerWarmup::prepareStubs).start();
                new LinkerWarmup("ffibridge-call-warmup", SelfTest::rehearse).start();
            } catch (RuntimeException | OutOfMemoryError ignored) {
                // the self-test does the work itself
            }
        }
    }

    /** Builds the stubs of the self-test's shapes, last first. */
    static void prepareStubs() {
        List<NativeFunction> functions = SelfTest.FUNCTIONS;
        for (int i = functions.size() - 1; i >= 0; i--) {
            Downcalls.prepare(functions.get(i), true);
        }
    }

    @Override
    public void run() {
        try {
            task.run();
        } catch (RuntimeException | LinkageError ignored) {
            // the loading thread meets the same failure, and reports it
        }
    }
}
