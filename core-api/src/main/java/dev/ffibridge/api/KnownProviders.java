package dev.ffibridge.api;

import dev.ffibridge.api.spi.FfiBridgeProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two providers ffi-bridge ships, by name, class and artifact: what to advise when one is
 * missing, and how to notice one whose class is present but whose service entry is not (a jar
 * shaded without merging {@code META-INF/services}), so that a provider is never lost silently.
 */
final class KnownProviders {

    static final String NATIVE = "native";
    static final String JAVA = "java";

    private static final Map<String, String> CLASS_NAMES = Map.of(
            NATIVE, "dev.ffibridge.nativeimpl.NativeProvider",
            JAVA, "dev.ffibridge.javaimpl.JavaProvider");

    private static final Map<String, Integer> PRIORITIES = Map.of(NATIVE, 100, JAVA, 0);

    private static final Map<String, String> ARTIFACTS = Map.of(
            NATIVE, "ffibridge-native-impl",
            JAVA, "ffibridge-java-impl");

    private KnownProviders() {}

    static boolean isKnown(String name) {
        return CLASS_NAMES.containsKey(name);
    }

    /** Whether {@code providers} holds one named {@code name}. */
    static boolean contains(List<FfiBridgeProvider> providers, String name) {
        for (FfiBridgeProvider provider : providers) {
            if (provider.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Why the known provider {@code name} is not among {@code providers}, with what to do. */
    static String absence(String name) {
        String className = CLASS_NAMES.get(name);
        if (isPresent(className)) {
            return unregistered(name, className);
        }
        return "the " + name + " provider is not on the class path or module path: add dev.ffibridge:"
                + ARTIFACTS.get(name) + " (or depend on dev.ffibridge:ffibridge, which brings both providers)"
                + (name.equals(JAVA) ? "; -D" + ProviderSelection.PROVIDER_PROPERTY + "=java needs it" : "");
    }

    /**
     * The known providers whose class can be loaded but that {@link java.util.ServiceLoader} did not
     * find. (Only names missing from {@code providers} are looked up: nothing is loaded when both are
     * there.)
     */
    static List<String> unregistered(List<FfiBridgeProvider> providers) {
        List<String> names = new ArrayList<>(2);
        for (String name : new String[] {NATIVE, JAVA}) {
            if (!contains(providers, name) && isPresent(CLASS_NAMES.get(name))) {
                names.add(name);
            }
        }
        return names;
    }

    /** The priority the known provider {@code name} declares. */
    static int priority(String name) {
        return PRIORITIES.get(name);
    }

    private static String unregistered(String name, String className) {
        return "the " + name + " provider's class " + className
                + " is on the class path but not registered: no META-INF/services/"
                + FfiBridgeProvider.class.getName() + " entry names it. A jar shaded without merging the"
                + " service files loses it: use the maven-shade-plugin's ServicesResourceTransformer (or"
                + " your tool's equivalent) so that both providers' entries are kept";
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, KnownProviders.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
