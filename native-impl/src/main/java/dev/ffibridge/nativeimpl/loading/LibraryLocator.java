package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the library file to load: the file named by {@value #LIBRARY_PATH_PROPERTY} if that is set
 * (never falling back to the jar when it is), otherwise the jar's resource for this platform
 * ({@link Platform}: OS, CPU and C library), extracted by {@link LibraryExtractor} into {@value
 * #TMPDIR_PROPERTY} (default {@code java.io.tmpdir}) under a name made from its SHA-256, which the
 * build stores next to it. The directory must be one no other user can write ({@link SafeDirectory}).
 */
public final class LibraryLocator {

    /** An explicit library file; when set, the jar's library is never used. */
    public static final String LIBRARY_PATH_PROPERTY = "ffibridge.library.path";

    /** Where the jar's library is extracted; default {@code java.io.tmpdir}. */
    static final String TMPDIR_PROPERTY = "ffibridge.tmpdir";

    /** The resource next to the library holding its SHA-256: {@code native/<os>-<arch>/<file>.sha256}. */
    static final String SHA256_SUFFIX = ".sha256";

    private static final int SHA256_HEX_CHARS = 64;

    /** What to do when nothing works: shared by the messages. */
    public static final String ALTERNATIVES = "set -D" + LIBRARY_PATH_PROPERTY
            + "=/path/to/libffi_bridge.so (built by cargo build --release in rust-src), or -Dffibridge.provider=java";

    private LibraryLocator() {}

    /** Reads a class-path resource; null when it does not exist. */
    @FunctionalInterface
    interface Resources {
        /** The bytes of resource {@code name}, or null if there is none. */
        byte[] read(String name) throws IOException;

        /** Whether resource {@code name} exists. */
        default boolean exists(String name) throws IOException {
            return read(name) != null;
        }

        /** The resources next to this class: the jar's. */
        static Resources classPath() {
            return ClassPathResources.INSTANCE;
        }
    }

    /**
     * The jar's resources (a class, not a lambda: a lambda's bootstrap costs milliseconds in a cold JVM).
     * On the load path, strings are joined with {@link String#concat}, not {@code +}: the first {@code +}
     * of each shape bootstraps an invokedynamic call site, about a millisecond each in a cold JVM.
     */
    private static final class ClassPathResources implements Resources {
        static final ClassPathResources INSTANCE = new ClassPathResources();

        @Override
        public byte[] read(String name) throws IOException {
            try (InputStream in = LibraryLocator.class.getResourceAsStream("/".concat(name))) {
                return in == null ? null : in.readAllBytes();
            }
        }

        @Override
        public boolean exists(String name) {
            return LibraryLocator.class.getResource("/".concat(name)) != null;
        }
    }

    /**
     * The inputs of the search.
     *
     * @param libraryPath the value of {@value #LIBRARY_PATH_PROPERTY}, or null when not set or blank
     * @param tmpdir where to extract the jar's library
     * @param platform this platform
     * @param resources where the jar's resources are read from
     */
    record Settings(String libraryPath, Path tmpdir, Platform platform, Resources resources) {

        /** From the system properties, for this JVM and the jar's resources. */
        static Settings fromSystemProperties() {
            String tmpdir = System.getProperty(TMPDIR_PROPERTY);
            if (tmpdir == null || tmpdir.isBlank()) {
                tmpdir = System.getProperty("java.io.tmpdir");
            }
            String libraryPath = System.getProperty(LIBRARY_PATH_PROPERTY);
            return new Settings(
                    libraryPath == null || libraryPath.isBlank() ? null : libraryPath,
                    Path.of(tmpdir),
                    Platform.current(),
                    Resources.classPath());
        }

        /** Explicit library file {@code path}, otherwise as from the system properties. */
        Settings withLibraryPath(String path) {
            return new Settings(path, tmpdir, platform, resources);
        }
    }

    /**
     * Where the library came from.
     *
     * @param path the absolute file to load
     * @param explicit true when named by {@value #LIBRARY_PATH_PROPERTY}, false when extracted from the jar
     * @param privateCopy true when {@code path} is this JVM's own extracted copy, to delete once loaded
     */
    record Located(Path path, boolean explicit, boolean privateCopy) {

        /** For {@code details()}: {@code ffibridge.library.path} or {@code jar (extracted to /tmp)}. */
        String source() {
            if (explicit) {
                return LIBRARY_PATH_PROPERTY;
            }
            // concat, not +: FfiBridge.load() asks for it on every load (see ClassPathResources)
            return "jar (extracted to "
                    .concat(path.getParent().toString())
                    .concat(privateCopy ? ", a private copy)" : ")");
        }

        /** For messages: {@code ffibridge.library.path /x/libffi_bridge.so} or {@code the jar's library, extracted to /tmp/...}. */
        String describe() {
            // concat, not +: this runs on every load (see ClassPathResources)
            String file = path.toString();
            return explicit
                    ? (LIBRARY_PATH_PROPERTY + " ").concat(file)
                    : "the jar's library, extracted to ".concat(file);
        }

        /** What the user may do about a library that does not work. */
        String remedy() {
            return explicit
                    ? "set -D" + LIBRARY_PATH_PROPERTY
                            + " to the libffi_bridge.so built from this version's rust-src (cargo build --release), "
                            + "unset it to use the jar's library, or set -Dffibridge.provider=java"
                    : "the jar's library is broken or does not match this platform; " + ALTERNATIVES;
        }
    }

    /**
     * Finds or extracts the library file.
     *
     * @throws UnsatisfiedLinkError saying what is missing and what to set
     */
    static Located locate(Settings settings) {
        if (settings.libraryPath() != null) {
            return explicit(settings.libraryPath());
        }
        return extracted(settings);
    }

    private static Located explicit(String value) {
        if (value.isBlank()) {
            throw new UnsatisfiedLinkError(LIBRARY_PATH_PROPERTY + " is set but empty: set it to the path of "
                    + "libffi_bridge.so, or remove it to use the jar's library");
        }
        Path path;
        try {
            path = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UnsatisfiedLinkError(LIBRARY_PATH_PROPERTY + "=" + value + " is not a valid path ("
                    + e.getMessage() + "): set it to the path of libffi_bridge.so, or -Dffibridge.provider=java");
        }
        if (!Files.exists(path)) {
            throw new UnsatisfiedLinkError(LIBRARY_PATH_PROPERTY + " " + path + " does not exist: set -D"
                    + LIBRARY_PATH_PROPERTY + " to the libffi_bridge.so built by cargo build --release in rust-src, "
                    + "unset it to use the jar's library, or set -Dffibridge.provider=java");
        }
        if (!Files.isRegularFile(path)) {
            throw new UnsatisfiedLinkError(LIBRARY_PATH_PROPERTY + " " + path + " is not a regular file: set -D"
                    + LIBRARY_PATH_PROPERTY + " to the libffi_bridge.so file itself, or -Dffibridge.provider=java");
        }
        if (!Files.isReadable(path)) {
            throw new UnsatisfiedLinkError(LIBRARY_PATH_PROPERTY + " " + path + " is not readable: fix its "
                    + "permissions, or set -Dffibridge.provider=java");
        }
        return new Located(path, true, false);
    }

    private static Located extracted(Settings settings) {
        Platform platform = settings.platform();
        Resources resources = settings.resources();
        if (!platform.supported()) {
            throw new UnsatisfiedLinkError("no native library is built for platform " + platform.describe()
                    + "; this jar ships " + Platform.describe(Platform.shippedIn(resources)) + "; " + ALTERNATIVES);
        }
        String resource = platform.resourceName();
        byte[] library;
        try {
            library = resources.read(resource);
        } catch (IOException e) {
            throw linkError(
                    "cannot read the jar's resource " + resource + ": " + e + " (the next load tries again); "
                            + ALTERNATIVES,
                    e);
        }
        if (library == null) {
            throw new UnsatisfiedLinkError("this jar has no native library for platform " + platform.describe()
                    + " (no resource " + resource + "); it ships " + Platform.describe(Platform.shippedIn(resources))
                    + "; " + ALTERNATIVES);
        }
        String sha256 = sha256(resources, resource, library);
        Path tmpdir = settings.tmpdir().toAbsolutePath().normalize();
        Path directory = SafeDirectory.forExtraction(tmpdir);
        try {
            LibraryExtractor.Extracted extracted =
                    LibraryExtractor.extract(library, sha256, directory, platform.libraryFileName());
            return new Located(extracted.path(), false, extracted.privateCopy());
        } catch (IOException | SecurityException e) {
            throw linkError(unusableTmpdir(tmpdir, "cannot write " + platform.libraryFileName() + " there: " + e), e);
        }
    }

    /**
     * The SHA-256 of the library, as the build wrote it into the resource {@code <resource>.sha256}
     * (lower-case hex, as {@code sha256sum} prints it), so that it is not computed at run time. A jar
     * packaged without that resource, or with one that is not a SHA-256, still works: then the
     * library's bytes are hashed here. The hash only names the extracted file; whether a file of that
     * name may be used is decided by comparing its bytes (see {@link LibraryExtractor}).
     */
    static String sha256(Resources resources, String resource, byte[] library) {
        byte[] recorded;
        try {
            recorded = resources.read(resource.concat(SHA256_SUFFIX));
        } catch (IOException e) {
            recorded = null;
        }
        String parsed = recorded == null ? null : parseSha256(recorded);
        return parsed != null ? parsed : LibraryExtractor.sha256(library);
    }

    /** The digest in a {@code .sha256} file (the first 64 characters, then nothing or white space), or null. */
    static String parseSha256(byte[] file) {
        if (file.length < SHA256_HEX_CHARS
                || (file.length > SHA256_HEX_CHARS && !isWhitespace(file[SHA256_HEX_CHARS]))) {
            return null;
        }
        char[] hex = new char[SHA256_HEX_CHARS];
        for (int i = 0; i < SHA256_HEX_CHARS; i++) {
            char c = (char) file[i];
            if (c >= 'A' && c <= 'F') {
                c = (char) (c - 'A' + 'a');
            }
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
            hex[i] = c;
        }
        return new String(hex);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** The message for a {@value #TMPDIR_PROPERTY} that cannot be written or executed from. */
    static String unusableTmpdir(Path tmpdir, String detail) {
        return TMPDIR_PROPERTY + " " + tmpdir + " is not writable/executable: set -D" + TMPDIR_PROPERTY
                + " to a directory where libraries may be loaded (" + detail + ")";
    }

    static UnsatisfiedLinkError linkError(String message, Throwable cause) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        error.initCause(cause);
        return error;
    }
}
