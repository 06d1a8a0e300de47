package dev.ffibridge.nativeimpl.loading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operating system, CPU and C library, as named in the jar's resource folders: {@code
 * native/<id>/<file>}, for instance {@code native/linux-x86-64/libffi_bridge.so} or {@code
 * native/linux-aarch64-musl/libffi_bridge.so}.
 *
 * @param os {@code linux}, {@code macos}, {@code windows}, or the lower-cased {@code os.name}
 * @param arch {@code x86-64}, {@code aarch64}, or the lower-cased {@code os.arch}
 * @param libc the C library on Linux ({@link CLibrary#detect()}), or null elsewhere and when not given
 *     (then the glibc folder is used)
 * @param osName the raw {@code os.name}
 * @param osArch the raw {@code os.arch}
 */
record Platform(String os, String arch, CLibrary libc, String osName, String osArch) {

    /** The library's base name, without prefix or suffix. */
    static final String LIBRARY_NAME = "ffi_bridge";

    /** Every folder a jar of this project may ship, in the order messages list them. */
    static final List<String> KNOWN_IDS = List.of(
            "linux-x86-64",
            "linux-aarch64",
            "linux-x86-64-musl",
            "linux-aarch64-musl",
            "macos-x86-64",
            "macos-aarch64",
            "windows-x86-64");

    /** The platform this JVM runs on, with the C library told by the process on Linux. */
    static Platform current() {
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        CLibrary libc = osName.toLowerCase(Locale.ROOT).startsWith("linux") ? CLibrary.detect() : null;
        return of(osName, osArch, libc);
    }

    /** The platform for these values of {@code os.name} and {@code os.arch}, its C library not given. */
    static Platform of(String osName, String osArch) {
        return of(osName, osArch, null);
    }

    /** The platform for these values of {@code os.name} and {@code os.arch} and this C library (Linux). */
    static Platform of(String osName, String osArch, CLibrary libc) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os;
        if (name.startsWith("linux")) {
            os = "linux";
        } else if (name.startsWith("mac") || name.startsWith("darwin")) {
            os = "macos";
        } else if (name.startsWith("windows")) {
            os = "windows";
        } else {
            os = name.replaceAll("[^a-z0-9]+", "");
        }
        String arch =
                switch (osArch.toLowerCase(Locale.ROOT)) {
                    case "amd64", "x86_64", "x86-64", "x64" -> "x86-64";
                    case "aarch64", "arm64" -> "aarch64";
                    default -> osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "");
                };
        return new Platform(os, arch, os.equals("linux") ? libc : null, osName, osArch);
    }

    /** The folder name: {@code linux-x86-64}, {@code linux-x86-64-musl}. */
    String id() {
        String id = os.concat("-").concat(arch);
        return libc != null && libc.name().equals(CLibrary.MUSL) ? id.concat("-musl") : id;
    }

    /** Whether a jar of this project may ship a library for this platform (one of {@link #KNOWN_IDS}). */
    boolean supported() {
        return KNOWN_IDS.contains(id());
    }

    /** The library's file name here: {@code libffi_bridge.so}, {@code libffi_bridge.dylib}, {@code ffi_bridge.dll}. */
    String libraryFileName() {
        return libraryFileName(os);
    }

    /** The resource holding the library in the jar: {@code native/linux-x86-64/libffi_bridge.so}. */
    String resourceName() {
        return resourceName(id());
    }

    /** The library's file name on {@code os}. */
    static String libraryFileName(String os) {
        return switch (os) {
            case "macos" -> "lib".concat(LIBRARY_NAME).concat(".dylib");
            case "windows" -> LIBRARY_NAME.concat(".dll");
            default -> "lib".concat(LIBRARY_NAME).concat(".so");
        };
    }

    /** The library's resource in folder {@code id} (its first part is the OS). */
    static String resourceName(String id) {
        // concat, not +: the load path has no invokedynamic string concatenation (see LibraryLocator)
        String os = id.indexOf('-') < 0 ? id : id.substring(0, id.indexOf('-'));
        return "native/".concat(id).concat("/").concat(libraryFileName(os));
    }

    /**
     * The platforms whose library {@code resources} hold, in the order of {@link #KNOWN_IDS}: what the
     * jar ships. A resource that cannot be looked up counts as absent.
     */
    static List<String> shippedIn(LibraryLocator.Resources resources) {
        List<String> shipped = new ArrayList<>();
        for (String id : KNOWN_IDS) {
            try {
                if (resources.exists(resourceName(id))) {
                    shipped.add(id);
                }
            } catch (IOException e) {
                // absent, as far as this jar can tell
            }
        }
        return shipped;
    }

    /** For messages: {@code linux-x86-64, windows-x86-64}, or {@code no platform}. */
    static String describe(List<String> platforms) {
        return platforms.isEmpty() ? "no platform" : String.join(", ", platforms);
    }

    /**
     * For messages: {@code linux-x86-64 (os.name=Linux, os.arch=amd64, C library glibc (interpreter
     * /lib64/ld-linux-x86-64.so.2))}; without the C library when it was not given.
     */
    String describe() {
        String values =
                id().concat(" (os.name=").concat(osName).concat(", os.arch=").concat(osArch);
        return libc == null
                ? values.concat(")")
                : values.concat(", C library ").concat(libc.describe()).concat(")");
    }
}
