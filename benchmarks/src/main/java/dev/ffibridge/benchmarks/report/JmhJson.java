package dev.ffibridge.benchmarks.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The part of JMH's {@code -rf json} format that the report reads, bound by Jackson (the C floor
 * and the Python ctypes programs write the same shape). JMH writes an unknown error as the string
 * {@code "NaN"}, which Jackson reads as {@link Double#NaN}.
 */
final class JmhJson {

    private JmhJson() {}

    /** One element of the top-level array: one benchmark method at one parameter set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(
            String benchmark,
            String mode,
            int forks,
            String jdkVersion,
            Map<String, String> params,
            Metric primaryMetric,
            Map<String, Metric> secondaryMetrics) {}

    /** A score with its error, percentiles ({@code "0.0"}, {@code "50.0"}, ...) and samples per fork. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metric(
            double score,
            double scoreError,
            String scoreUnit,
            Map<String, Double> scorePercentiles,
            List<List<Double>> rawData) {}
}
