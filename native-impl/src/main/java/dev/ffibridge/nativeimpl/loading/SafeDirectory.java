package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a directory is safe to load a library from, checked as OpenSSH's {@code safe_path} checks
 * a key's directory: it and every directory above it must belong to root or to this user, and no
 * other user may write into it, unless it is sticky like {@code /tmp} (where nobody may rename or
 * delete another user's files). Otherwise another user could replace the library between its check
 * and its load, and their code would run in this JVM.
 *
 * <p>Only file systems with POSIX owners are checked: elsewhere (Windows) the answer is "safe", as
 * each user's temporary folder there is private by its access control list.
 */
final class SafeDirectory {

    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;
    private static final int ROOT = 0;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private SafeDirectory() {}

    /**
     * The real path of {@code tmpdir}, created if missing, once no other user can replace a file in
     * it: the library is checked and then loaded by its path, so the file must not change in between.
     *
     * @throws UnsatisfiedLinkError saying which directory is unsafe, why, and what to set instead
     */
    static Path forExtraction(Path tmpdir) {
        Path directory;
        Optional<String> unsafe;
        try {
            directory = prepare(tmpdir);
            unsafe = problem(directory);
        } catch (IOException | SecurityException e) {
            throw LibraryLocator.linkError(
                    LibraryLocator.unusableTmpdir(tmpdir, "cannot create or inspect it: " + e), e);
        }
        if (unsafe.isPresent()) {
            throw new UnsatisfiedLinkError(refusal(tmpdir, unsafe.get()));
        }
        return directory;
    }

    /** The message for a {@code ffibridge.tmpdir} where another user could replace the library. */
    static String refusal(Path tmpdir, String why) {
        return LibraryLocator.TMPDIR_PROPERTY + " " + tmpdir + " is not safe to load a library from: " + why
                + ": set -D" + LibraryLocator.TMPDIR_PROPERTY + " to a directory that no other user can write,"
                + " nor any directory above it unless it is sticky like /tmp (for instance ~/.cache/ffibridge),"
                + " or -Dffibridge.provider=java";
    }

    /**
     * Creates {@code directory} if missing (readable and writable by this user only) and returns its real path, every link resolved: the path
     * to check, and then to use, so that a link swapped afterwards changes nothing.
     *
     * @throws IOException if it cannot be created or resolved
     */
    static Path prepare(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // private from the start: under umask 002 a new directory would be group-writable
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
            } else {
                Files.createDirectories(directory);
            }
        }
        return directory.toRealPath();
    }

    /**
     * Why the real directory {@code directory} is unsafe, or empty if it is safe.
     *
     * @param directory a real path, from {@link #prepare}
     * @throws IOException if the attributes of a directory on its way cannot be read
     */
    static Optional<String> problem(Path directory) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
            return Optional.empty();
        }
        Owner self = Owner.current();
        for (Path path = directory; path != null; path = path.getParent()) {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
            int uid = (Integer) attributes.get("uid");
            int mode = (Integer) attributes.get("mode");
            Optional<String> problem = problem(path, uid, mode, self.is(path, uid));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * Why one directory on the way is unsafe, or empty: a pure function of its owner and mode, so
     * tests can give any.
     */
    static Optional<String> problem(Path path, int uid, int mode, boolean ownedByThisUser) {
        if (uid != ROOT && !ownedByThisUser) {
            return Optional.of(path.toString()
                    .concat(" belongs to another user (uid ")
                    .concat(Integer.toString(uid))
                    .concat("), who could replace the library in it"));
        }
        if ((mode & GROUP_OR_OTHERS_WRITE) != 0 && (mode & STICKY) == 0) {
            return Optional.of(path.toString()
                    .concat(" may be written by other users (mode ")
                    .concat(Integer.toOctalString(mode & 07777))
                    .concat(") and is not sticky, so they could replace the library in it"));
        }
        return Optional.empty();
    }

    /** This process's user: its uid from {@code /proc/self} on Linux, else its principal by {@code user.name}. */
    private record Owner(Integer uid, UserPrincipal principal) {

        static Owner current() {
            try {
                return new Owner((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"), null);
            } catch (IOException | RuntimeException e) {
                try {
                    return new Owner(
                            null,
                            FileSystems.getDefault()
                                    .getUserPrincipalLookupService()
                                    .lookupPrincipalByName(System.getProperty("user.name", "")));
                } catch (IOException | RuntimeException unknown) {
                    return new Owner(null, null);
                }
            }
        }

        /** Whether {@code path}, owned by {@code uid}, belongs to this user; true when unknown. */
        boolean is(Path path, int uid) throws IOException {
            if (this.uid != null) {
                return this.uid == uid;
            }
            return principal == null || principal.equals(Files.getOwner(path, LinkOption.NOFOLLOW_LINKS));
        }
    }
}
