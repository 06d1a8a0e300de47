package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads Linux's {@code /proc/self/mountinfo} to tell whether a directory is on a file system
 * mounted {@code noexec}, where libraries cannot be mapped.
 */
final class MountTable {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private MountTable() {}

    /** The mount point of {@code directory} if this system says it is mounted noexec; empty otherwise or if unknown. */
    static Optional<String> noexecMountPoint(Path directory) {
        try {
            Path real = directory.toRealPath();
            return noexecMountPoint(Files.readString(MOUNTINFO), real);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The mount point of {@code path} if the {@code mountinfo} text says it is mounted noexec.
     * Each line is {@code id parent major:minor root mount-point options ...}; the mount whose
     * mount point is the longest prefix of {@code path} holds it (the last one wins a tie, as with
     * stacked mounts).
     */
    static Optional<String> noexecMountPoint(String mountinfo, Path path) {
        String best = null;
        boolean noexec = false;
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 6) {
                continue;
            }
            String mountPoint = unescape(fields[4]);
            if (path.startsWith(Path.of(mountPoint)) && (best == null || mountPoint.length() >= best.length())) {
                best = mountPoint;
                noexec = Arrays.asList(fields[5].split(",")).contains("noexec");
            }
        }
        return noexec ? Optional.of(best) : Optional.empty();
    }

    /** Undoes mountinfo's octal escapes: {@code \040} is a space. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                String octal = field.substring(i + 1, i + 4);
                if (octal.chars().allMatch(d -> d >= '0' && d <= '7')) {
                    out.append((char) Integer.parseInt(octal, 8));
                    i += 3;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
