package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Diagnostics;
import dev.ffibridge.api.FfiBridge;
import org.junit.jupiter.api.Test;

/** The contract, run against the pure-Java provider. */
class JavaProviderIT extends BridgeContract {

    JavaProviderIT() {
        super(() -> FfiBridge.load("java"), "java");
    }

    @Test
    void javaIsAlwaysAvailableAndReported() {
        Diagnostics.ProviderReport java = FfiBridge.diagnostics().providers().stream()
                .filter(r -> r.name().equals("java"))
                .findFirst()
                .orElseThrow();
        assertThat(java.available()).isTrue();
        assertThat(java.cause()).isNull();
        assertThat(java.priority()).isZero();
    }
}
