package dev.ffibridge.api;

import java.util.List;
import java.util.Map;

/**
 * What {@link FfiBridge#load()} sees: the requested provider, the one it selects (or why none),
 * and every provider found with its availability.
 *
 * @param requested the value of {@code -Dffibridge.provider} ({@code auto} when unset)
 * @param selected the provider {@code load()} returns, or null when it would throw
 * @param reason why that provider, or why none
 * @param providers every provider found, highest priority first, then any provider whose class is
 *     present but whose service entry is missing
 * @param runtime the Java runtime: version and vendor
 */
public record Diagnostics(
        String requested, String selected, String reason, List<ProviderReport> providers, String runtime) {

    /** Copies the list. */
    public Diagnostics {
        providers = List.copyOf(providers);
    }

    /**
     * Diagnostics of this Java runtime.
     *
     * @param requested the value of {@code -Dffibridge.provider} ({@code auto} when unset)
     * @param selected the provider {@code load()} returns, or null when it would throw
     * @param reason why that provider, or why none
     * @param providers every provider found
     */
    public Diagnostics(String requested, String selected, String reason, List<ProviderReport> providers) {
        this(requested, selected, reason, providers, currentRuntime());
    }

    private static String currentRuntime() {
        return "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor") + ")";
    }

    /**
     * One provider as found.
     *
     * @param name its name
     * @param priority its priority under {@code auto}
     * @param available whether it can run here
     * @param cause why it cannot, or null
     * @param details facts such as the library path and ABI version
     */
    public record ProviderReport(
            String name, int priority, boolean available, Throwable cause, Map<String, String> details) {

        /** Copies the map. */
        public ProviderReport {
            details = Map.copyOf(details);
        }
    }

    /** A readable, multi-line report. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("runtime: ").append(runtime).append('\n');
        out.append("ffibridge.provider = ").append(requested).append('\n');
        out.append("selected: ")
                .append(selected == null ? "none" : selected)
                .append(" (")
                .append(reason)
                .append(")\n");
        for (ProviderReport report : providers) {
            out.append("  ")
                    .append(report.name())
                    .append(" [priority ")
                    .append(report.priority())
                    .append("]: ");
            out.append(report.available() ? "available" : report.cause() == null ? "not checked" : "unavailable");
            report.details().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.append("\n      ")
                            .append(e.getKey())
                            .append(" = ")
                            .append(e.getValue()));
            for (Throwable t = report.cause(); t != null; t = t.getCause()) {
                out.append("\n      cause: ").append(t);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
