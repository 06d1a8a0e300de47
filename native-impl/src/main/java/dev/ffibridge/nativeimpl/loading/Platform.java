package dev.ffibridge.nativeimpl.loading;

import java.util.Locale;

/**
 * The operating system and CPU, as named in the jar's resource folders: {@code native/<id>/<file>},
 * for instance {@code native/linux-x86-64/libffi_bridge.so}.
 *
 * @param os {@code linux}, {@code macos}, {@code windows}, or the lower-cased {@code os.name}
 * @param arch {@code x86-64}, {@code aarch64}, or the lower-cased {@code os.arch}
 * @param osName the raw {@code os.name}
 * @param osArch the raw {@code os.arch}
 */
record Platform(String os, String arch, String osName, String osArch) {

    /** The library's base name, without prefix or suffix. */
    static final String LIBRARY_NAME = "ffi_bridge";

    /** The platform this JVM runs on. */
    static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for these values of {@code os.name} and {@code os.arch}. */
    static Platform of(String osName, String osArch) {
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
        return new Platform(os, arch, osName, osArch);
    }

    /** The folder name: {@code linux-x86-64}. */
    String id() {
        return os.concat("-").concat(arch);
    }

    /** Whether native libraries can be built for this platform (64-bit Linux, macOS, Windows). */
    boolean supported() {
        return (os.equals("linux") || os.equals("macos") || os.equals("windows"))
                && (arch.equals("x86-64") || arch.equals("aarch64"));
    }

    /** The library's file name here: {@code libffi_bridge.so}, {@code libffi_bridge.dylib}, {@code ffi_bridge.dll}. */
    String libraryFileName() {
        return switch (os) {
            case "macos" -> "lib" + LIBRARY_NAME + ".dylib";
            case "windows" -> LIBRARY_NAME + ".dll";
            default -> "lib" + LIBRARY_NAME + ".so";
        };
    }

    /** The resource holding the library in the jar: {@code native/linux-x86-64/libffi_bridge.so}. */
    String resourceName() {
        // concat, not +: the load path has no invokedynamic string concatenation (see LibraryLocator)
        return "native/".concat(id()).concat("/").concat(libraryFileName());
    }

    /** For messages: {@code linux-x86-64 (os.name=Linux, os.arch=amd64)}. */
    String describe() {
        return id() + " (os.name=" + osName + ", os.arch=" + osArch + ")";
    }
}
