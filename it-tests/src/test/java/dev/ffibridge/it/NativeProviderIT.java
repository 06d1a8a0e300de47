package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Diagnostics;
import dev.ffibridge.api.FfiBridge;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract, run against the native (Rust) provider. If the native provider cannot load, every test fails
 * with the reason: {@link FfiBridge#load(String)} throws, nothing is skipped.
 */
@Tag("native")
@ExtendWith(NativeLeakCheck.class)
class NativeProviderIT extends BridgeContract {

    NativeProviderIT() {
        super(() -> FfiBridge.load("native"), "native");
    }

    @Test
    void bothProvidersAreFoundAndNativeIsAvailableWithTheHighestPriority() {
        Diagnostics diagnostics = FfiBridge.diagnostics();
        assertThat(diagnostics.providers())
                .extracting(Diagnostics.ProviderReport::name)
                .as("ServiceLoader finds both, highest priority first: %s", diagnostics)
                .containsExactly("native", "java");
        Diagnostics.ProviderReport nativeReport = diagnostics.providers().getFirst();
        assertThat(nativeReport.available()).as("%s", diagnostics).isTrue();
        assertThat(nativeReport.cause()).isNull();
        assertThat(nativeReport.priority())
                .isGreaterThan(diagnostics.providers().get(1).priority());
        assertThat(nativeReport.details()).containsEntry("abi", "2").containsKey("library");
        assertThat(java.nio.file.Path.of(nativeReport.details().get("library"))).isAbsolute();
    }
}
