package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.AroundContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For every test class that uses the native provider, a JUnit extension ({@code @ExtendWith}) and a jqwik
 * lifecycle hook ({@code @AddLifecycleHook}): before the class it notes the native live-allocation counters;
 * after it, they must be back there (every Person, Data, buffer and byte array the class made is freed).
 */
final class NativeLeakCheck implements BeforeAllCallback, AfterAllCallback, AroundContainerHook {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NativeLeakCheck.class);

    /** The jqwik containers' baselines, by container label. */
    private static final Map<String, Map<String, Long>> CONTAINER_BASELINES = new ConcurrentHashMap<>();

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

    @Override
    public void beforeContainer(ContainerLifecycleContext context) {
        CONTAINER_BASELINES.put(context.label(), LiveCounts.now());
    }

    @Override
    public void afterContainer(ContainerLifecycleContext context) {
        assertBackTo(CONTAINER_BASELINES.remove(context.label()), context.label());
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
