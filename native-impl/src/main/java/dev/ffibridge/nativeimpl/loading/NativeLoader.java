package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.operations.SelfTest;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Loads the library once: locate the file, open it, check its ABI version before anything else is
 * linked, check that it exports every function, compare the struct layouts and run the self-test.
 * The handshake reads the library's data symbol {@code FFI_BRIDGE_ABI_INFO} and links nothing; only
 * the self-test's one function is linked here, the others on first use (see {@link
 * FfiBridgeLibrary}). Never throws: every failure becomes the {@link LoadResult#cause()}, a message
 * that says what happened and what to set. Meanwhile {@link LinkerWarmup} builds the JDK's stub of
 * the self-test's shape on a second thread, so that the first use of the linker overlaps the
 * extraction, the checks of the file and {@code dlopen}, and then the hot paths' stubs.
 *
 * <p>Loading does not depend on the caller's interrupt flag: the JDK's file channels fail on an
 * interrupted thread ({@code ClosedByInterruptException}), so the flag is cleared for the load and set
 * again afterwards. A failure of I/O is told apart from a broken library ({@link
 * LoadResult#retryable()}).
 */
final class NativeLoader {

    private NativeLoader() {}

    /** Loads the library found with {@code settings}; the outcome, never an exception. */
    static LoadResult load(LibraryLocator.Settings settings) {
        boolean interrupted = Thread.interrupted();
        try {
            return loadUninterrupted(settings);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static LoadResult loadUninterrupted(LibraryLocator.Settings settings) {
        LibraryLocator.Located located = null;
        try {
            if (settings.libraryPath() != null || settings.platform().supported()) {
                LinkerWarmup.startOnce();
            }
            located = LibraryLocator.locate(settings);
            SymbolLookup lookup = open(located, settings.platform());
            FfiBridgeLibrary library = identify(located, lookup);
            int abiVersion = check(located, library);
            return LoadResult.loaded(located, abiVersion, library);
        } catch (IllegalCallerException e) {
            return LoadResult.failed(located, nativeAccessDisabled(e));
        } catch (LinkageError | RuntimeException e) {
            return LoadResult.failed(located, e);
        }
    }

    private static SymbolLookup open(LibraryLocator.Located located, Platform platform) {
        try {
            // Before dlopen: a truncated copy would crash the JVM inside the loader (SIGBUS).
            Optional<String> problem;
            try {
                problem = LibraryFile.problem(located.path(), platform);
            } catch (IOException e) {
                throw unreadable(located, e);
            }
            if (problem.isPresent()) {
                throw new UnsatisfiedLinkError(located.describe() + " " + problem.get() + ": " + located.remedy());
            }
            return libraryLookup(located);
        } catch (IllegalArgumentException e) {
            throw LoadFailures.explain(located, e);
        } finally {
            if (located.privateCopy()) {
                // Loaded (or not): the mapping outlives the file, which nobody else will use.
                try {
                    Files.deleteIfExists(located.path());
                } catch (IOException ignored) {
                    located.path().toFile().deleteOnExit();
                }
            }
        }
    }

    @SuppressWarnings("restricted")
    private static SymbolLookup libraryLookup(LibraryLocator.Located located) {
        return SymbolLookup.libraryLookup(located.path(), Arena.global());
    }

    /**
     * The library behind {@code lookup}, nothing linked yet.
     *
     * @throws UnsatisfiedLinkError if it lacks the data symbol {@code FFI_BRIDGE_ABI_INFO}, naming it and
     *     every missing function
     */
    private static FfiBridgeLibrary identify(LibraryLocator.Located located, SymbolLookup lookup) {
        try {
            return FfiBridgeLibrary.open(lookup, located.describe());
        } catch (UnsatisfiedLinkError e) {
            throw notMatching(located, e);
        }
    }

    /**
     * The handshake, in this order: the ABI version (nothing else is read or linked before it
     * matches), every function exported, the struct layouts (both read from {@code
     * FFI_BRIDGE_ABI_INFO}, no downcall); then the self-test, the first downcalls. Returns the ABI
     * version.
     */
    static int check(LibraryLocator.Located located, FfiBridgeLibrary library) {
        try {
            AbiHandshake.verifyVersion(library);
        } catch (IllegalCallerException e) {
            throw e;
        } catch (LinkageError | RuntimeException e) {
            throw failed(located, e);
        }
        try {
            library.requireAllFunctions();
        } catch (UnsatisfiedLinkError e) {
            throw notMatching(located, e);
        }
        try {
            AbiHandshake.verifyLayout(library);
            SelfTest.run(library);
        } catch (LinkageError | RuntimeException e) {
            throw failed(located, e);
        }
        return FfiBridgeLibrary.ABI_VERSION;
    }

    /** The error for a file that could not be read: a failure of I/O, which the next load tries again. */
    static UnsatisfiedLinkError unreadable(LibraryLocator.Located located, IOException e) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(located.describe() + " cannot be read (" + e
                + "): a failure of I/O, not of the library; the next load tries again");
        error.initCause(e);
        return error;
    }

    private static LinkageError failed(LibraryLocator.Located located, Throwable e) {
        return new LinkageError(located.describe() + ": " + e.getMessage() + "; " + located.remedy(), e);
    }

    private static UnsatisfiedLinkError notMatching(LibraryLocator.Located located, UnsatisfiedLinkError e) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                located.describe() + " is not a matching libffi_bridge: " + e.getMessage() + ": " + located.remedy());
        error.initCause(e);
        return error;
    }

    /** The error for a JVM that refuses native access to this code. */
    static UnsatisfiedLinkError nativeAccessDisabled(IllegalCallerException e) {
        Module module = NativeLoader.class.getModule();
        String name = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        String manifest =
                module.isNamed() ? "" : " (or Enable-Native-Access: ALL-UNNAMED to the manifest of an executable jar)";
        UnsatisfiedLinkError error = new UnsatisfiedLinkError("native access is not enabled for " + name
                + " (" + e.getMessage() + "): add --enable-native-access=" + name + " to the java command line"
                + manifest + ", or set -Dffibridge.provider=java");
        error.initCause(e);
        return error;
    }
}
