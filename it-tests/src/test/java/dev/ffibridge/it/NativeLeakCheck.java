package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for every test class that uses the native provider: before the class it notes the native
 * live-allocation counters; after it, they must be back there (every Person, Data, buffer and byte array the
 * class made is freed). jqwik classes do the same in their {@code @AfterContainer}.
 */
final class NativeLeakCheck implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NativeLeakCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("baseline", LiveCounts.now());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Map<String, Long> baseline = context.getStore(NAMESPACE).get("baseline", Map.class);
        assertBackTo(baseline, context.getDisplayName());
    }

    static void assertBackTo(Map<String, Long> baseline, String who) {
        Map<String, Long> after = LiveCounts.settle(baseline);
        assertThat(after)
                .as("native live counts after %s (before it: %s)", who, baseline)
                .isEqualTo(baseline);
        assertThat(LiveCounts.allZero(after))
                .as("native live counts after %s are all 0: %s", who, after)
                .isTrue();
    }
}
