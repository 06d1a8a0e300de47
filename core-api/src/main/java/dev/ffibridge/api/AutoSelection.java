package dev.ffibridge.api;

import dev.ffibridge.api.spi.FfiBridgeProvider;
import java.util.List;

/**
 * The bridge {@code FfiBridge.load()} returns, kept for the JVM's lifetime once it is the first choice. A
 * fallback is kept only while the providers it passed over stay unavailable: each call asks them again
 * ({@link FfiBridgeProvider#unavailabilityCause()}, which a provider answers from its own cache when its
 * failure is final), so a failure that passes, such as an interrupted or failed read of the library, never
 * keeps {@code load()} on the fallback. Thread-safe.
 */
abstract class AutoSelection {

    /** A selection: the bridge, and the providers of higher priority that were unavailable when it was made. */
    record Selected(FfiBridge bridge, List<FfiBridgeProvider> passedOver) {}

    private final Object lock = new Object();
    private volatile Selected current;

    /** Selects anew (and logs what is worth logging); called under this object's lock. */
    abstract Selected select();

    /** The kept bridge, or a new selection's when there is none or a passed-over provider has become available. */
    final FfiBridge get() {
        Selected selected = current;
        if (selected != null && !anyAvailable(selected.passedOver())) {
            return selected.bridge();
        }
        synchronized (lock) {
            selected = current;
            if (selected == null || anyAvailable(selected.passedOver())) {
                selected = select();
                current = selected;
            }
            return selected.bridge();
        }
    }

    private static boolean anyAvailable(List<FfiBridgeProvider> providers) {
        for (FfiBridgeProvider provider : providers) { // a loop: no lambda bootstrap on a cold load()
            if (provider.unavailabilityCause().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
