package dev.ffibridge.benchmarks;

import dev.ffibridge.api.Diagnostics;
import dev.ffibridge.api.FfiBridge;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code libffi_bridge.so} that the raw FFM, JNI and JNA peers bind, so that every peer
 * calls the same machine code as the native provider. In order: {@code -Dffibridge.bench.library},
 * the file the native provider itself loaded (from its diagnostics details), the cargo output
 * {@code native-impl/target/cargo/release/libffi_bridge.so} in the working directory or a parent,
 * else above the benchmarks jar (so the jar also runs from another directory).
 */
final class NativeLib {

    /** The system property naming the library explicitly. */
    static final String PROPERTY = "ffibridge.bench.library";

    private static final Pattern SO_PATH = Pattern.compile("(/[^\\s,;()\"']*\\.so)");

    /** The library, resolved once per JVM, on first use (so {@link #withoutProvider} never loads the provider). */
    private static final class Holder {
        static final Path PATH = locate();
    }

    private NativeLib() {}

    /** The library the peers bind: resolved once, on first use. */
    static Path path() {
        return Holder.PATH;
    }

    private static Path locate() {
        Path explicit = explicit();
        if (explicit != null) {
            return explicit;
        }
        Path loaded = loadedByProvider();
        if (loaded != null) {
            return loaded;
        }
        Path built = cargoOutput();
        if (built != null) {
            return built;
        }
        throw new IllegalStateException("libffi_bridge.so not found: the native provider reports no library file"
                + " and there is no native-impl/target/cargo/release/libffi_bridge.so here or above; set -D"
                + PROPERTY + "=/path/to/libffi_bridge.so");
    }

    /**
     * The library without asking the provider (so without loading it): {@code
     * -Dffibridge.bench.library}, else the cargo output; for the cold-start floor.
     */
    static Path withoutProvider() {
        Path explicit = explicit();
        Path path = explicit != null ? explicit : cargoOutput();
        if (path == null) {
            throw new IllegalStateException("no native-impl/target/cargo/release/libffi_bridge.so here or above;"
                    + " set -D" + PROPERTY + "=/path/to/libffi_bridge.so");
        }
        return path;
    }

    private static Path explicit() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            return null;
        }
        Path path = Path.of(explicit).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + explicit + ": no such file");
        }
        return path;
    }

    /** The cargo output in the working directory or a parent, else beside the benchmarks jar or above it. */
    private static Path cargoOutput() {
        Path found = cargoOutputAbove(Path.of("").toAbsolutePath());
        return found != null ? found : cargoOutputAbove(jarDirectory());
    }

    private static Path cargoOutputAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("native-impl/target/cargo/release/libffi_bridge.so");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The folder of the jar (or classes folder) this class came from; null if unknown. */
    private static Path jarDirectory() {
        try {
            CodeSource source = NativeLib.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The library file the native provider loaded, if its details name one that still exists. */
    private static Path loadedByProvider() {
        try {
            FfiBridge.load("native"); // makes the provider load its library, so its details are complete
            for (Diagnostics.ProviderReport report : FfiBridge.diagnostics().providers()) {
                if (!report.name().equals("native")) {
                    continue;
                }
                for (Map.Entry<String, String> detail : report.details().entrySet()) {
                    Matcher m = SO_PATH.matcher(detail.getValue());
                    while (m.find()) {
                        Path path = Path.of(m.group(1));
                        if (path.getFileName().toString().contains("ffi_bridge") && Files.isRegularFile(path)) {
                            return path;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // fall through to the cargo output
        }
        return null;
    }
}
