package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.operations.SelfTest;

/**
 * Builds the JDK's downcall stubs of the self-test's shapes ({@link Downcalls#prepare}) on a daemon
 * thread, started once per JVM as the load begins, while the loading thread reads, extracts, checks
 * and opens the library. No library is involved and nothing is called: the self-test still links its
 * functions on the library it checks, and finds the stubs built (or waits for the one being built).
 * In a cold JVM the first use of the linker and each new shape cost milliseconds; this moves them off
 * the loading thread, so a load takes about as long as the longer of the two. Whatever fails here
 * (native access not enabled, a platform without a linker) is ignored: the loading thread meets it
 * again and reports it.
 */
final class LinkerWarmup extends Thread {

    private static boolean started;

    private LinkerWarmup() {
        super("ffibridge-linker-warmup");
        setDaemon(true);
    }

    /** Starts the warm-up, unless it was started before in this JVM. */
    static synchronized void startOnce() {
        if (!started) {
            started = true;
            new LinkerWarmup().start();
        }
    }

    @Override
    public void run() {
        try {
            for (NativeFunction function : SelfTest.FUNCTIONS) {
                Downcalls.prepare(function, true);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // the loading thread meets the same failure, and reports it
        }
    }
}
