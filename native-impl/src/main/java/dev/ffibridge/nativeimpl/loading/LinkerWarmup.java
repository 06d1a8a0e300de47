package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.GuideFunctions;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.operations.SelfTest;
import java.util.List;

/**
 * Builds the JDK's downcall stubs ({@link Downcalls#prepare}) on a daemon thread, started once per JVM as
 * the load begins: first the self-test's shape, which the loading thread needs once it has read,
 * extracted, checked and opened the library, then the shapes of the hot paths ({@link #hotPaths}),
 * which the first calls need. No library is involved and nothing is called: the functions are linked
 * on first use and find the stubs built (or build the one still missing). In a cold JVM the first use
 * of the linker and each new shape cost milliseconds; this moves them off the loading thread, and the
 * hot paths' ones out of the load. Whatever fails here (native access not enabled, a platform without
 * a linker) is ignored: the loading thread meets it again and reports it.
 */
final class LinkerWarmup extends Thread {

    /**
     * The functions of the hot paths, one per critical descriptor shape: {@code (int, int) -> int}, {@code
     * (pointer, size_t) -> void}, {@code (pointer, size_t) -> double}, {@code () -> pointer} and {@code
     * (pointer) -> void}. Most other functions share these shapes. A method, not a constant: the classes
     * that declare them are initialised on the warm-up thread, after the self-test's shape.
     */
    static List<NativeFunction> hotPaths() {
        return List.of(
                GuideFunctions.ADD_NUMBERS,
                GuideFunctions.FILL_BUFFER,
                BufferFunctions.SUM,
                GuideFunctions.CREATE_PERSON,
                GuideFunctions.FREE_PERSON);
    }

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
            Downcalls.prepare(SelfTest.FUNCTION, true);
            for (NativeFunction function : hotPaths()) {
                Downcalls.prepare(function, true);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // the loading thread meets the same failure, and reports it
        }
    }
}
