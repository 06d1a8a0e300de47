package dev.ffibridge.nativeimpl.loading;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.abi.Pointers;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains why a library file did not load. {@link SymbolLookup#libraryLookup(Path, Arena)} says
 * only "Cannot open library", so this asks the dynamic loader again ({@code dlopen}, then {@code
 * dlerror}, linked through {@link Downcalls}) and looks at the mount options of the file system
 * holding the file.
 */
final class LoadFailures {

    private static final int RTLD_NOW = 2;

    private static final String LIBC = "the C library";

    /** {@code void *dlopen(const char *filename, int flags)}. */
    private static final NativeFunction DLOPEN =
            new NativeFunction("dlopen", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

    /** {@code char *dlerror(void)}. */
    private static final NativeFunction DLERROR = new NativeFunction("dlerror", FunctionDescriptor.of(ADDRESS));

    /** {@code int dlclose(void *handle)}. */
    private static final NativeFunction DLCLOSE =
            new NativeFunction("dlclose", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private LoadFailures() {}

    /**
     * The error for a library that {@code libraryLookup} refused.
     *
     * @param located the file and where it came from
     * @param failure what {@code libraryLookup} threw
     */
    static UnsatisfiedLinkError explain(LibraryLocator.Located located, Throwable failure) {
        Path path = located.path();
        String dlerror = dlerror(path).orElse(failure.getMessage());
        Optional<String> noexec = MountTable.noexecMountPoint(path.getParent());
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message(located, dlerror, noexec));
        error.initCause(failure);
        return error;
    }

    /**
     * The message, from what is known: the loader's text and the noexec mount point holding the
     * file, if any. (Files that are not loadable ELF were refused before, by {@link ElfFile}.)
     */
    static String message(LibraryLocator.Located located, String dlerror, Optional<String> noexec) {
        Path path = located.path();
        if (noexec.isPresent() || cannotMap(dlerror)) {
            String why = "the loader cannot map " + path.getFileName() + " executable: " + dlerror
                    + noexec.map(m -> "; " + m + " is mounted noexec").orElse("");
            if (located.explicit()) {
                return LibraryLocator.LIBRARY_PATH_PROPERTY + " " + path + " cannot be loaded: " + why
                        + ": put the library on a file system that allows executables, or set -Dffibridge.provider=java";
            }
            return LibraryLocator.unusableTmpdir(path.getParent(), why);
        }
        return located.describe() + " cannot be loaded: " + dlerror + ": " + located.remedy();
    }

    /** Whether the loader's text means the file could not be mapped executable (a noexec mount, a policy). */
    static boolean cannotMap(String dlerror) {
        String text = dlerror.toLowerCase(Locale.ROOT);
        return text.contains("failed to map segment") || text.contains("operation not permitted");
    }

    /** The dynamic loader's own error for loading {@code path} now, or empty if unknown or if it loads. */
    static Optional<String> dlerror(Path path) {
        try {
            SymbolLookup libc = Linker.nativeLinker().defaultLookup();
            MethodHandle open = Downcalls.link(libc, LIBC, DLOPEN, false);
            MethodHandle error = Downcalls.link(libc, LIBC, DLERROR, false);
            MethodHandle close = Downcalls.link(libc, LIBC, DLCLOSE, false);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment name = arena.allocateFrom(path.toString());
                MemorySegment ignored = (MemorySegment) error.invokeExact();
                MemorySegment handle = (MemorySegment) open.invokeExact(name, RTLD_NOW);
                if (!handle.equals(MemorySegment.NULL)) {
                    int closed = (int) close.invokeExact(handle);
                    return Optional.empty();
                }
                MemorySegment text = (MemorySegment) error.invokeExact();
                return text.equals(MemorySegment.NULL)
                        ? Optional.empty()
                        : Optional.of(Pointers.cString(text, "dlerror"));
            }
        } catch (Throwable t) {
            return Optional.empty();
        }
    }
}
