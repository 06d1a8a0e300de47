package dev.ffibridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.spi.BridgeOperations;
import dev.ffibridge.api.spi.FfiBridgeProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProviderSelectionTest {

    /** A provider whose availability is set ({@code cause} null: available) and whose probes are counted. */
    private record StubProvider(String name, int priority, AtomicReference<Throwable> cause, AtomicInteger probes)
            implements FfiBridgeProvider {

        StubProvider(String name, int priority, Throwable cause) {
            this(name, priority, new AtomicReference<>(cause), new AtomicInteger());
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            probes.incrementAndGet();
            return Optional.ofNullable(cause.get());
        }

        @Override
        public Map<String, String> details() {
            return cause.get() == null ? Map.of("library", "/lib/" + name + ".so") : Map.of();
        }

        @Override
        public BridgeOperations create() {
            return new RecordingOperations();
        }
    }

    private final StubProvider brokenNative = new StubProvider(
            "native", 100, new UnsatisfiedLinkError("libffi_bridge.so: cannot open shared object file"));
    private final StubProvider workingNative = new StubProvider("native", 100, null);
    private final StubProvider java = new StubProvider("java", 0, null);

    @Test
    void autoPrefersTheHighestPriorityAvailableProviderSilently() {
        ProviderSelection.Choice choice = ProviderSelection.choose("auto", List.of(workingNative, java));
        assertThat(choice.provider()).isSameAs(workingNative);
        assertThat(choice.reason()).contains("/lib/native.so");
        assertThat(choice.warning()).isNull();
    }

    /** An {@link AutoSelection} over {@code providers} that counts its selections. */
    private static final class CountingSelection extends AutoSelection {
        final List<FfiBridgeProvider> providers;
        final AtomicInteger selections = new AtomicInteger();

        CountingSelection(FfiBridgeProvider... providers) {
            this.providers = List.of(providers);
        }

        @Override
        Selected select() {
            selections.incrementAndGet();
            ProviderSelection.Choice choice = ProviderSelection.choose("auto", providers);
            return new Selected(
                    new FfiBridge(choice.provider().name(), choice.provider().create()), choice.passedOver());
        }
    }

    @Test
    void autoKeepsAFallbackOnlyWhileThePassedOverProviderStaysUnavailable() {
        StubProvider flakyNative = new StubProvider("native", 100, new java.io.IOException("interrupted read"));
        CountingSelection auto = new CountingSelection(flakyNative, java);

        FfiBridge fallback = auto.get();
        assertThat(fallback.providerName()).isEqualTo("java");
        assertThat(auto.get()).isSameAs(fallback);
        assertThat(auto.selections).hasValue(1);

        flakyNative.cause().set(null); // the failure passed: the next load() takes native, and keeps it
        FfiBridge recovered = auto.get();
        assertThat(recovered.providerName()).isEqualTo("native");
        int probes = flakyNative.probes().get();
        assertThat(auto.get()).isSameAs(recovered);
        assertThat(auto.selections).hasValue(2);
        assertThat(flakyNative.probes())
                .as("a first choice is kept without asking again")
                .hasValue(probes);
    }

    @Test
    void autoKeepsItsFirstChoiceWithoutAskingAgain() {
        CountingSelection auto = new CountingSelection(workingNative, java);
        FfiBridge first = auto.get();
        int probes = workingNative.probes().get();
        assertThat(auto.get()).isSameAs(first);
        assertThat(first.providerName()).isEqualTo("native");
        assertThat(auto.selections).hasValue(1);
        assertThat(workingNative.probes()).hasValue(probes);
        assertThat(ProviderSelection.choose("auto", List.of(workingNative, java))
                        .passedOver())
                .isEmpty();
        assertThat(ProviderSelection.choose("auto", List.of(brokenNative, java)).passedOver())
                .containsExactly(brokenNative);
    }

    @Test
    void autoFallsBackToJavaAndSaysWhyAndWhichPropertyControlsIt() {
        ProviderSelection.Choice choice = ProviderSelection.choose("auto", List.of(brokenNative, java));
        assertThat(choice.provider()).isSameAs(java);
        assertThat(choice.reason()).startsWith("fallback: the native provider is unavailable: libffi_bridge.so");
        assertThat(choice.warning())
                .contains("native provider is unavailable", "cannot open shared object file")
                .contains("-Dffibridge.provider=java", "-Dffibridge.provider=native");
    }

    @Test
    void requiredNativeFailsWithTheCauseAndNeverFallsBack() {
        assertThatThrownBy(() -> ProviderSelection.choose("native", List.of(brokenNative, java)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("-Dffibridge.provider=native")
                .hasCauseInstanceOf(UnsatisfiedLinkError.class)
                .satisfies(e -> assertThat(((ProviderUnavailableException) e).provider())
                        .isEqualTo("native"));
    }

    @Test
    void requestedJavaNeverProbesNative() {
        ProviderSelection.Choice choice = ProviderSelection.choose("java", List.of(workingNative, java));
        assertThat(choice.provider()).isSameAs(java);
        assertThat(choice.reason()).contains("requested by -Dffibridge.provider=java");
        assertThat(workingNative.probes()).hasValue(0);
        Diagnostics diagnostics = ProviderSelection.diagnostics("java", List.of(workingNative, java));
        assertThat(workingNative.probes()).hasValue(0);
        assertThat(diagnostics.selected()).isEqualTo("java");
        assertThat(diagnostics.providers())
                .extracting(Diagnostics.ProviderReport::available)
                .containsExactly(false, true);
    }

    @Test
    void unknownProviderNamesTheValidOnes() {
        assertThatThrownBy(() -> ProviderSelection.choose("rust", List.of(workingNative, java)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rust")
                .hasMessageContaining("[native, java]");
    }

    @Test
    void noProviderAtAllSaysWhatToAdd() {
        assertThatThrownBy(() -> ProviderSelection.choose("auto", List.of()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("ffibridge-java-impl");
        assertThatThrownBy(() -> ProviderSelection.choose("auto", List.of(brokenNative)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("cannot open shared object file");
    }

    @Test
    void diagnosticsListEveryProviderWithItsCause() {
        Diagnostics diagnostics = ProviderSelection.diagnostics("auto", List.of(brokenNative, java));
        assertThat(diagnostics.selected()).isEqualTo("java");
        assertThat(diagnostics.providers()).hasSize(2);
        assertThat(diagnostics.providers().get(0).cause()).isInstanceOf(UnsatisfiedLinkError.class);
        assertThat(diagnostics.toString())
                .contains("selected: java")
                .contains("native [priority 100]: unavailable")
                .contains("cause: java.lang.UnsatisfiedLinkError")
                .contains("library = /lib/java.so");
        Diagnostics none = ProviderSelection.diagnostics("native", List.of(brokenNative, java));
        assertThat(none.selected()).isNull();
        assertThat(none.reason()).contains("unavailable");
    }

    @Test
    void providerNamesIgnoreBlanksAndCaseEverywhere() {
        assertThat(ProviderSelection.normalize(" Java ")).isEqualTo("java");
        assertThat(ProviderSelection.normalize("NATIVE\t")).isEqualTo("native");
    }

    @Test
    void requiredNativeWithoutTheNativeArtifactSaysToAddIt() {
        assertThatThrownBy(() -> ProviderSelection.choose("native", List.of(java)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("-Dffibridge.provider=native requires the native provider")
                .hasMessageContaining("dev.ffibridge:ffibridge-native-impl");
    }

    @Test
    void noFallbackSaysToAddTheJavaProvider() {
        assertThatThrownBy(() -> ProviderSelection.choose("auto", List.of(brokenNative)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("cannot open shared object file")
                .hasMessageContaining("add dev.ffibridge:ffibridge-java-impl")
                .hasMessageContaining("-Dffibridge.provider=java needs it");
    }

    @Test
    void diagnosticsNameTheRuntimeAndTheNativeModulesAccessAndNeverSayNotProbed() {
        Diagnostics diagnostics = ProviderSelection.diagnostics("java", List.of(workingNative, java));
        assertThat(diagnostics.runtime()).startsWith("Java " + System.getProperty("java.runtime.version"));
        assertThat(diagnostics.providers().get(0).details())
                .containsEntry("not checked", "-Dffibridge.provider=java selects another provider")
                .containsKey("module");
        assertThat(diagnostics.providers().get(0).details().get("module"))
                .isEqualTo("ALL-UNNAMED (class path), native access "
                        + (getClass().getModule().isNativeAccessEnabled() ? "enabled" : "not enabled"));
        assertThat(diagnostics.toString())
                .startsWith("runtime: Java ")
                .contains("native [priority 100]: not checked")
                .doesNotContain("not probed");
    }
}
