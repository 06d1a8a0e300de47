package dev.ffibridge.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbstractFfiBridgeProviderTest {

    /** The least a subclass writes. */
    private static final class Minimal extends AbstractFfiBridgeProvider {

        Minimal(String name, int priority) {
            super(name, priority);
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.of(new IllegalStateException("never available"));
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }

        @Override
        public BridgeOperations create() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void answersTheNameAndThePriorityItWasGiven() {
        Minimal provider = new Minimal("minimal", -7);
        assertThat(provider.name()).isEqualTo("minimal");
        assertThat(provider.priority()).isEqualTo(-7);
        assertThat(provider.isAvailable()).isFalse();
    }

    @Test
    void refusesANullName() {
        assertThatNullPointerException().isThrownBy(() -> new Minimal(null, 0)).withMessage("name");
    }
}
