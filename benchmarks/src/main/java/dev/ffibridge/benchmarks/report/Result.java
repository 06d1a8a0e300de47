package dev.ffibridge.benchmarks.report;

import java.util.Map;

/**
 * One benchmark result, as the report and the charts use it.
 *
 * @param bench the class's simple name, e.g. {@code FillBench}
 * @param method the method, e.g. {@code array_native}: a benchmark run once per provider (JMH parameter
 *     {@code provider}) is named {@code method_provider}, and its other parameters than {@code n} follow the
 *     method in parentheses: {@code doubleBuffer(heap)_native}
 * @param op the part of the method before {@code _}, e.g. {@code array}
 * @param variant the part after it, e.g. {@code native}
 * @param n the {@code n} parameter, or {@link #NO_N}
 * @param mode JMH's mode ({@code avgt}, {@code ss})
 * @param ns the score in nanoseconds (mean over iterations and forks)
 * @param errorNs the half-width of JMH's 99.9% confidence interval, in ns (NaN if unknown)
 * @param p0Ns the smallest sample, in ns
 * @param medianNs the median sample, in ns
 * @param p100Ns the largest sample, in ns
 * @param samples the number of samples
 * @param bytesPerOp {@code gc.alloc.rate.norm} (B/op) when run with {@code -prof gc}, else NaN
 * @param counters the benchmark's own secondary results (e.g. {@code ttspP50Us}), each JMH's score
 * @param forks the number of forks
 * @param jdk the JDK version that ran it
 * @param origin what JMH ran: enough to run it again ({@link CloseCalls})
 * @param remeasured whether this result replaced an earlier file's result of the same benchmark, method and n (a
 *     re-measurement of {@link CloseCalls})
 */
public record Result(
        String bench,
        String method,
        String op,
        String variant,
        long n,
        String mode,
        double ns,
        double errorNs,
        double p0Ns,
        double medianNs,
        double p100Ns,
        int samples,
        double bytesPerOp,
        Map<String, Double> counters,
        int forks,
        String jdk,
        Origin origin,
        boolean remeasured) {

    /** The {@code n} of a benchmark without that parameter. */
    public static final long NO_N = -1;

    /**
     * What JMH ran.
     *
     * @param benchmark the benchmark's full name, e.g. {@code dev.ffibridge.benchmarks.FillBench.array}
     * @param params its parameters, e.g. {@code n=1024, provider=native}
     */
    public record Origin(String benchmark, Map<String, String> params) {}

    /** This result, marked as a re-measurement. */
    Result asRemeasured() {
        return new Result(
                bench,
                method,
                op,
                variant,
                n,
                mode,
                ns,
                errorNs,
                p0Ns,
                medianNs,
                p100Ns,
                samples,
                bytesPerOp,
                counters,
                forks,
                jdk,
                origin,
                true);
    }
}
