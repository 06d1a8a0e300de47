package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Diagnostics;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.spi.FfiBridgeProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void isRegisteredAsAService() {
        assertThat(ServiceLoader.load(FfiBridgeProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(JavaProvider.class);
    }

    @Test
    void describesItself() {
        JavaProvider provider = new JavaProvider();
        assertThat(provider.name()).isEqualTo("java");
        assertThat(provider.priority()).isZero();
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.details()).containsEntry("implementation", "pure Java");
        assertThat(provider.create()).isSameAs(JavaOperations.INSTANCE);
    }

    @Test
    void loadsByName() {
        FfiBridge bridge = FfiBridge.load("java");
        assertThat(bridge.providerName()).isEqualTo("java");
        assertThat(FfiBridge.load("java")).isSameAs(bridge);
        assertThat(bridge).hasToString("FfiBridge[java]");
    }

    @Test
    void isTheAutoChoiceWhenAlone() {
        // Only core-api and java-impl are on this module's test class path.
        assertThat(FfiBridge.load().providerName()).isEqualTo("java");
        Diagnostics diagnostics = FfiBridge.diagnostics();
        assertThat(diagnostics.selected()).isEqualTo("java");
        assertThat(diagnostics.providers()).anySatisfy(report -> {
            assertThat(report.name()).isEqualTo("java");
            assertThat(report.available()).isTrue();
            assertThat(report.cause()).isNull();
            assertThat(report.details()).containsEntry("implementation", "pure Java");
        });
    }
}
