package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.operations.SelfTest;
import java.util.List;

/**
 * Builds the JDK's downcall stubs of the self-test's shapes ({@link Downcalls#prepare}) on a daemon
 * thread, started once per JVM as the load begins, while the loading thread reads, extracts, checks
 * and opens the library. No library is involved and nothing is called: the self-test still links its
 * functions on the library it checks, and finds the stubs built (or waits for the one being built).
 * In a cold JVM the first use of the linker and each new shape cost milliseconds; this moves them off
 * the loading thread. It takes the shapes last first while the self-test links first to last, so that,
 * should the loading thread get there first, the two share the work. Whatever fails here
 * (native access not enabled, a platform without a linker) is ignored: the loading thread meets it
 * again and reports it.
 */
final class LinkerWarmup extends Thread {

    private static boolean started;

    LinkerWarmup() {
        super("ffibridge-linker-warmup");
        setDaemon(true);
    }

    /**
     * Starts the warm-up, unless it was started before in this JVM. A thread that cannot be started
     * (no native thread left, a policy that forbids it) only leaves the work to the loading thread.
     */
    static synchronized void startOnce() {
        if (!started) {
            started = true;
            try {
                new LinkerWarmup().start();
            } catch (RuntimeException | OutOfMemoryError ignored) {
                // the self-test builds the stubs itself
            }
        }
    }

    @Override
    public void run() {
        try {
            // last first: the self-test links in order, so the two threads share the work and meet
            List<NativeFunction> functions = SelfTest.FUNCTIONS;
            for (int i = functions.size() - 1; i >= 0; i--) {
                Downcalls.prepare(functions.get(i), true);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // the loading thread meets the same failure, and reports it
        }
    }
}
