package dev.ffibridge.api;

import dev.ffibridge.api.spi.FfiBridgeProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the providers with {@link ServiceLoader}, picks one, and says which and why. */
final class ProviderSelection {

    /** The system property that picks the provider: {@code auto} (default), {@code native}, {@code java}. */
    static final String PROVIDER_PROPERTY = "ffibridge.provider";

    static final String AUTO = "auto";

    /**
     * The logger, made on first use: {@code System.getLogger} starts the logging backend
     * (java.util.logging), which costs milliseconds in a cold JVM, and {@code load(name)} logs nothing.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.ffibridge");
    }

    /**
     * Highest priority first, then by name. (A class, not {@code Comparator.comparingInt} with method
     * references: on the path of a cold {@code load()}, each lambda's bootstrap costs milliseconds.)
     */
    private static final Comparator<FfiBridgeProvider> ORDER = new Comparator<>() {
        @Override
        public int compare(FfiBridgeProvider a, FfiBridgeProvider b) {
            int byPriority = Integer.compare(b.priority(), a.priority());
            return byPriority != 0 ? byPriority : a.name().compareTo(b.name());
        }
    };

    /** What {@code load()} returns: selected on first use, again when a provider it passed over comes back. */
    private static final AutoSelection SELECTED = new AutoSelection() {
        @Override
        Selected select() {
            return ProviderSelection.select();
        }
    };

    private static volatile List<FfiBridgeProvider> discovered;
    private static final Map<String, FfiBridge> BY_NAME = new ConcurrentHashMap<>();

    private ProviderSelection() {}

    static FfiBridge selected() {
        return SELECTED.get();
    }

    static FfiBridge named(String name) {
        Objects.requireNonNull(name, "provider");
        String key = normalize(name);
        FfiBridge bridge = BY_NAME.get(key);
        if (bridge != null) {
            return bridge;
        }
        FfiBridgeProvider provider = find(key, providers());
        Optional<Throwable> cause = provider.unavailabilityCause();
        if (cause.isPresent()) {
            throw new ProviderUnavailableException(
                    key,
                    "the " + key + " provider is unavailable: " + cause.get().getMessage(),
                    cause.get());
        }
        return bridge(provider);
    }

    /**
     * The one {@link FfiBridge} of {@code provider}, made on first demand. (Not {@code computeIfAbsent}
     * with a lambda: on the path of a cold {@code load()}, a lambda's bootstrap costs milliseconds.)
     */
    private static FfiBridge bridge(FfiBridgeProvider provider) {
        String name = provider.name();
        FfiBridge bridge = BY_NAME.get(name);
        if (bridge == null) {
            synchronized (BY_NAME) {
                bridge = BY_NAME.get(name);
                if (bridge == null) {
                    bridge = new FfiBridge(name, provider.create());
                    BY_NAME.put(name, bridge);
                }
            }
        }
        return bridge;
    }

    static Diagnostics diagnostics() {
        return diagnostics(requested(), providers());
    }

    static Diagnostics diagnostics(String requested, List<FfiBridgeProvider> providers) {
        List<Diagnostics.ProviderReport> reports = new ArrayList<>();
        for (FfiBridgeProvider provider : providers) {
            boolean touch = requested.equals(AUTO) || requested.equals(provider.name());
            Optional<Throwable> cause = touch ? provider.unavailabilityCause() : Optional.empty();
            Map<String, String> details = new TreeMap<>(provider.details());
            if (!touch) {
                details.put("not checked", "-D" + PROVIDER_PROPERTY + "=" + requested + " selects another provider");
            }
            if (provider.name().equals(KnownProviders.NATIVE)) {
                details.put("module", describeModule(provider.getClass().getModule()));
            }
            reports.add(new Diagnostics.ProviderReport(
                    provider.name(), provider.priority(), touch && cause.isEmpty(), cause.orElse(null), details));
        }
        for (String name : KnownProviders.unregistered(providers)) {
            reports.add(new Diagnostics.ProviderReport(
                    name,
                    KnownProviders.priority(name),
                    false,
                    new IllegalStateException(KnownProviders.absence(name)),
                    Map.of()));
        }
        try {
            Choice choice = choose(requested, providers);
            return new Diagnostics(requested, choice.provider().name(), choice.reason(), reports);
        } catch (RuntimeException e) {
            return new Diagnostics(requested, null, e.getMessage(), reports);
        }
    }

    /** The module's name ({@code ALL-UNNAMED} on the class path) and whether it may call native code. */
    private static String describeModule(Module module) {
        String name = module.isNamed() ? module.getName() : "ALL-UNNAMED (class path)";
        return name + (module.isNativeAccessEnabled() ? ", native access enabled" : ", native access not enabled");
    }

    /**
     * Selects, and logs only what is worth reporting: a fallback, or a provider whose service entry is
     * missing. A native provider that loads fine is not logged (and no logging backend is started);
     * {@link FfiBridge#diagnostics()} tells the choice.
     */
    private static AutoSelection.Selected select() {
        List<FfiBridgeProvider> providers = providers();
        Choice choice = choose(requested(), providers);
        FfiBridge bridge = bridge(choice.provider());
        String warning = choice.warning();
        for (String name : KnownProviders.unregistered(providers)) {
            warning =
                    (warning == null ? "ffibridge: " : warning.concat(" Also: ")).concat(KnownProviders.absence(name));
        }
        if (warning != null) {
            Log.LOG.log(Level.WARNING, warning);
        }
        return new AutoSelection.Selected(bridge, choice.passedOver());
    }

    /**
     * The outcome of a selection: the provider, why (without the provider's details), the warning to log
     * (null if none), and the providers of higher priority that were unavailable (empty unless {@code
     * auto} fell back).
     */
    record Choice(FfiBridgeProvider provider, String basis, String warning, List<FfiBridgeProvider> passedOver) {

        /**
         * Why, with the provider's details: made on demand, as {@link FfiBridge#load()} needs only the
         * provider and the warning, and a native provider's details look up every platform's library in
         * the jar.
         */
        String reason() {
            return basis.concat(describe(provider));
        }
    }

    static Choice choose(String requested, List<FfiBridgeProvider> providers) {
        if (!requested.equals(AUTO)) {
            if (KnownProviders.isKnown(requested) && !KnownProviders.contains(providers, requested)) {
                throw new ProviderUnavailableException(
                        requested,
                        "-D" + PROVIDER_PROPERTY + "=" + requested + " requires the " + requested + " provider, but "
                                + KnownProviders.absence(requested),
                        null);
            }
            FfiBridgeProvider provider = find(requested, providers);
            Optional<Throwable> cause = provider.unavailabilityCause();
            if (cause.isPresent()) {
                throw new ProviderUnavailableException(
                        requested,
                        "-D" + PROVIDER_PROPERTY + "=" + requested + " requires the " + requested
                                + " provider, which is unavailable: "
                                + cause.get().getMessage(),
                        cause.get());
            }
            return new Choice(provider, "requested by -D" + PROVIDER_PROPERTY + "=" + requested, null, List.of());
        }
        List<String> skipped = new ArrayList<>();
        List<FfiBridgeProvider> passedOver = new ArrayList<>();
        for (FfiBridgeProvider provider : providers) {
            Optional<Throwable> cause = provider.unavailabilityCause();
            if (cause.isEmpty()) {
                String warning = skipped.isEmpty()
                        ? null
                        : "ffibridge: " + String.join("; ", skipped) + ". Using the " + provider.name()
                                + " provider instead. Set -D" + PROVIDER_PROPERTY + "=" + provider.name()
                                + " to choose it explicitly, or -D" + PROVIDER_PROPERTY
                                + "=native to fail instead of falling back.";
                String reason = skipped.isEmpty()
                        ? "highest-priority available provider"
                        : "fallback: " + String.join("; ", skipped);
                return new Choice(provider, reason, warning, List.copyOf(passedOver));
            }
            passedOver.add(provider);
            skipped.add("the " + provider.name() + " provider is unavailable: "
                    + cause.get().getMessage());
        }
        for (String name : new String[] {KnownProviders.NATIVE, KnownProviders.JAVA}) {
            if (!KnownProviders.contains(providers, name)) {
                skipped.add(KnownProviders.absence(name));
            }
        }
        throw new ProviderUnavailableException(
                AUTO,
                (providers.isEmpty() ? "no ffibridge provider found: " : "no ffibridge provider can run: ")
                        + String.join("; ", skipped),
                null);
    }

    private static String describe(FfiBridgeProvider provider) {
        Map<String, String> details = provider.details();
        if (details.isEmpty()) {
            return "";
        }
        // "; key value, key value" by key (a loop: streams and lambdas cost milliseconds in a cold JVM)
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> detail : new TreeMap<>(details).entrySet()) {
            out.append(out.isEmpty() ? "; " : ", ")
                    .append(detail.getKey())
                    .append(' ')
                    .append(detail.getValue());
        }
        return out.toString();
    }

    private static FfiBridgeProvider find(String name, List<FfiBridgeProvider> providers) {
        for (FfiBridgeProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        if (KnownProviders.isKnown(name)) {
            throw new ProviderUnavailableException(name, KnownProviders.absence(name), null);
        }
        throw new IllegalArgumentException("no ffibridge provider named '" + name + "'; found "
                + providers.stream().map(FfiBridgeProvider::name).toList()
                + " (the property " + PROVIDER_PROPERTY + " takes auto, native or java)");
    }

    /** A provider name as {@code load(name)} and the property take it: blanks around and case ignored. */
    static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static String requested() {
        return normalize(System.getProperty(PROVIDER_PROPERTY, AUTO));
    }

    private static List<FfiBridgeProvider> providers() {
        List<FfiBridgeProvider> found = discovered;
        if (found == null) {
            List<FfiBridgeProvider> loaded = new ArrayList<>();
            for (FfiBridgeProvider provider :
                    ServiceLoader.load(FfiBridgeProvider.class, FfiBridge.class.getClassLoader())) {
                loaded.add(provider);
            }
            loaded.sort(ORDER);
            found = List.copyOf(loaded);
            discovered = found;
        }
        return found;
    }
}
