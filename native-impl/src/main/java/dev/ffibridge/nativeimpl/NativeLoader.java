package dev.ffibridge.nativeimpl;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Loads the library once: locate the file, open it, link every function, run the ABI handshake and
 * the self-test. Never throws: every failure becomes the {@link LoadResult#cause()}, a message that
 * says what happened and what to set.
 */
final class NativeLoader {

    private NativeLoader() {}

    /** Loads the library found with {@code settings}; the outcome, never an exception. */
    static LoadResult load(LibraryLocator.Settings settings) {
        LibraryLocator.Located located = null;
        try {
            located = LibraryLocator.locate(settings);
            SymbolLookup lookup = open(located, settings.platform());
            FfiBridgeLibrary library = link(located, lookup);
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
            Optional<String> problem = ElfFile.problem(located.path(), platform);
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

    private static FfiBridgeLibrary link(LibraryLocator.Located located, SymbolLookup lookup) {
        try {
            return FfiBridgeLibrary.link(lookup);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError(located.describe() + " is not a matching "
                    + "libffi_bridge: " + e.getMessage() + ": " + located.remedy());
            error.initCause(e);
            throw error;
        }
    }

    /** The handshake and the self-test; returns the ABI version. */
    private static int check(LibraryLocator.Located located, FfiBridgeLibrary library) {
        try {
            int abiVersion = AbiHandshake.verify(library);
            SelfTest.run(library);
            return abiVersion;
        } catch (LinkageError | RuntimeException e) {
            throw new LinkageError(located.describe() + ": " + e.getMessage() + "; " + located.remedy(), e);
        }
    }

    /** The error for a JVM that refuses native access to this code. */
    static UnsatisfiedLinkError nativeAccessDisabled(IllegalCallerException e) {
        Module module = NativeLoader.class.getModule();
        String name = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        UnsatisfiedLinkError error = new UnsatisfiedLinkError("native access is not enabled for " + name
                + " (" + e.getMessage() + "): add --enable-native-access=" + name
                + " to the java command line (or Enable-Native-Access: ALL-UNNAMED to the manifest of an executable jar),"
                + " or set -Dffibridge.provider=java");
        error.initCause(e);
        return error;
    }
}
