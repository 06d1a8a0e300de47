package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Diagnostics;
import dev.ffibridge.api.FfiBridge;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract, run against the provider {@link FfiBridge#load()} selects: on this machine, native. */
@Tag("native")
@ExtendWith(NativeLeakCheck.class)
class AutoSelectedIT extends BridgeContract {

    AutoSelectedIT() {
        super(() -> FfiBridge.load(), "native");
    }

    @Test
    void autoSelectsNative() {
        Diagnostics diagnostics = FfiBridge.diagnostics();
        assertThat(System.getProperty("ffibridge.provider", "auto")).isEqualTo("auto");
        assertThat(diagnostics.requested()).isEqualTo("auto");
        assertThat(diagnostics.selected()).as("%s", diagnostics).isEqualTo("native");
        assertThat(FfiBridge.load()).isSameAs(FfiBridge.load("native"));
    }
}
