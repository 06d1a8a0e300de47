package dev.ffibridge.nativeimpl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Diagnostics;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.spi.FfiBridgeProvider;
import dev.ffibridge.nativeimpl.loading.LibraryLocator;
import dev.ffibridge.nativeimpl.loading.TestLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider as {@link ServiceLoader} and {@link FfiBridge} see it. */
class NativeProviderTest {

    private final NativeProvider provider = new NativeProvider();

    @Test
    void isNamedNativeWithPriority100() {
        assertThat(provider.name()).isEqualTo("native");
        assertThat(provider.priority()).isEqualTo(100);
    }

    @Test
    void isRegisteredAsAService() {
        List<String> found = ServiceLoader.load(FfiBridgeProvider.class).stream()
                .map(provider -> provider.type().getName())
                .toList();
        assertThat(found).contains(NativeProvider.class.getName());
    }

    @Test
    void isAvailableHere() {
        Optional<Throwable> cause = provider.unavailabilityCause();
        assertThat(cause)
                .as("why the native provider is unavailable: %s", cause.map(Throwable::getMessage))
                .isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.unavailabilityCause()).isEmpty();
    }

    @Test
    void reportsTheLibraryItLoaded() {
        assertThat(provider.isAvailable()).isTrue();
        Map<String, String> details = provider.details();
        assertThat(details).containsEntry("abi", "2").containsKeys("library", "source");
        // The tests run with -Dffibridge.native.crossovers=0: every size through the library, and said so.
        assertThat(details)
                .containsEntry(
                        "java path below", "none (-Dffibridge.native.crossovers=0): every size runs in the library")
                .containsEntry(
                        "java path above", "none (-Dffibridge.native.crossovers=0): every size runs in the library");
        Path library = Path.of(details.get("library"));
        assertThat(library).isAbsolute();
        assertThat(Files.isRegularFile(library)).isTrue();
        String explicit = System.getProperty(LibraryLocator.LIBRARY_PATH_PROPERTY);
        if (explicit == null) {
            // Found the way users find it: the jar's resource, extracted under its content hash.
            assertThat(details.get("source")).isEqualTo("jar (extracted to " + library.getParent() + ")");
            assertThat(library.getFileName().toString()).matches("libffi_bridge-[0-9a-f]{16}\\.so");
            assertThat(library).hasBinaryContent(TestLibrary.bytes());
        } else {
            assertThat(details.get("source")).isEqualTo("ffibridge.library.path");
            assertThat(library).isEqualTo(Path.of(explicit).toAbsolutePath().normalize());
        }
    }

    @Test
    void isWhatLoadPicks() {
        assertThat(FfiBridge.load("native").providerName()).isEqualTo("native");
        String requested = System.getProperty("ffibridge.provider", "auto");
        if (requested.equals("auto") || requested.equals("native")) {
            assertThat(FfiBridge.load().providerName()).isEqualTo("native");
        }
    }

    @Test
    void diagnosticsShowItAvailable() {
        Diagnostics diagnostics = FfiBridge.diagnostics();
        Diagnostics.ProviderReport report = diagnostics.providers().stream()
                .filter(p -> p.name().equals("native"))
                .findFirst()
                .orElseThrow();
        assertThat(report.available()).isTrue();
        assertThat(report.cause()).isNull();
        assertThat(report.details()).containsEntry("abi", "2");
        assertThat(diagnostics.toString()).contains("native [priority 100]: available", "abi = 2", "library = ");
    }

    @Test
    void detailsNameThePlatformItsCLibraryAndThePlatformsTheJarShips() {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86-64";
        Map<String, String> details = provider.details();
        assertThat(details.get("platform"))
                .startsWith("linux-" + arch + " (os.name=Linux, os.arch=" + System.getProperty("os.arch")
                        + ", C library glibc (interpreter /");
        assertThat(details.get("jar platforms")).contains("linux-" + arch);
        assertThat(FfiBridge.diagnostics().toString()).contains("platform = linux-" + arch + " (", "jar platforms = ");
    }

    @Test
    void constructorTouchesNoNativeCode() {
        // Many instances, and nothing but the shared, already-made outcome behind them.
        for (int i = 0; i < 3; i++) {
            new NativeProvider();
        }
        assertThat(new NativeProvider().toString()).startsWith("NativeProvider");
    }
}
