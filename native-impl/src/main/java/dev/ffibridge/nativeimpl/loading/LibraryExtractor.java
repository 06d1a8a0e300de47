package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes the library's bytes into a directory under a name derived from their SHA-256 (computed by
 * the build, see {@link LibraryLocator#sha256}), so that every JVM that ships the same bytes shares
 * one file and a different build never overwrites it. The name is never trusted by itself.
 *
 * <p>The file is written to a temporary name in the same directory and then renamed into place
 * with {@link StandardCopyOption#ATOMIC_MOVE}, so a reader sees either no file or the whole file,
 * however many JVMs start at once. An existing file is reused only after its bytes were compared
 * with the library's, and only if it belongs to this user and nobody else may write it; otherwise
 * it is replaced, or, if it cannot be replaced, the library is loaded from a private copy.
 */
final class LibraryExtractor {

    /** Hex digits of the SHA-256 in the file name. */
    static final int HASH_CHARS = 16;

    private static final Set<PosixFilePermission> READ_EXECUTE = PosixFilePermissions.fromString("r-xr-xr-x");

    private LibraryExtractor() {}

    /**
     * Where the bytes were put.
     *
     * @param path the file to load
     * @param privateCopy true when the shared name could not be used and {@code path} is this JVM's
     *     own copy, to be deleted once loaded
     */
    record Extracted(Path path, boolean privateCopy) {}

    /**
     * The shared file name for bytes whose SHA-256 is {@code sha256} (lower-case hex): {@code
     * libffi_bridge-<16 hex>.so} for {@code libffi_bridge.so}.
     */
    static String fileName(String libraryFileName, String sha256) {
        int dot = libraryFileName.lastIndexOf('.');
        String base = dot < 0 ? libraryFileName : libraryFileName.substring(0, dot);
        String suffix = dot < 0 ? "" : libraryFileName.substring(dot);
        // concat, not +: the load path has no invokedynamic string concatenation (see LibraryLocator)
        return base.concat("-").concat(sha256.substring(0, HASH_CHARS)).concat(suffix);
    }

    /**
     * Puts {@code library} into {@code directory} (created if missing) under {@link #fileName}.
     *
     * @param library the bytes
     * @param sha256 their SHA-256 in lower-case hex (computed by the build); it only names the file
     * @param directory where to put them
     * @param libraryFileName the library's own file name, e.g. {@code libffi_bridge.so}
     * @throws IOException if the directory cannot be created or written
     */
    static Extracted extract(byte[] library, String sha256, Path directory, String libraryFileName) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(libraryFileName, sha256));
        if (holds(target, library)) {
            return new Extracted(target, false);
        }
        String prefix = ".".concat(target.getFileName().toString()).concat(".");
        Path temporary = Files.createTempFile(directory, prefix, ".tmp");
        boolean keep = false;
        try {
            Files.write(temporary, library);
            makeReadOnly(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                return new Extracted(target, false);
            } catch (AtomicMoveNotSupportedException e) {
                throw e;
            } catch (IOException e) {
                // Another JVM may have put an identical file there first; or the name belongs to
                // another user in a sticky directory such as /tmp: then use our own copy.
                if (holds(target, library)) {
                    return new Extracted(target, false);
                }
                if (e instanceof FileAlreadyExistsException || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    keep = true;
                    return new Extracted(temporary, true);
                }
                throw e;
            }
        } finally {
            if (!keep) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Whether {@code file} is a regular file (not a link) holding exactly {@code library}, owned by
     * this process's user and writable by nobody else, so that, in a directory where no other user
     * may rename or delete it ({@link SafeDirectory}), it cannot change before it is loaded.
     */
    static boolean holds(Path file, byte[] library) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !trusted(file)) {
                return false;
            }
            if (Files.size(file) != library.length) {
                return false;
            }
            return Arrays.equals(Files.readAllBytes(file), library);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean trusted(Path file) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return true;
        }
        PosixFileAttributes attributes = view.readAttributes();
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            return false;
        }
        Integer owner = uid(file);
        Integer self = uid(Path.of("/proc/self"));
        return owner == null || self == null || owner.equals(self);
    }

    private static Integer uid(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static void makeReadOnly(Path file) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            view.setPermissions(READ_EXECUTE);
        }
    }

    /** The SHA-256 of {@code bytes} in lower-case hex: only for a jar without the build's {@code .sha256}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
