package dev.ffibridge.benchmarks;

import dev.ffibridge.api.FfiBridge;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Cold {@code FfiBridge.load} in fresh JVMs (see {@link ColdLoad}), and beside the native load:
 * {@code load_auto}, the default choice, and {@code load_java}, the java provider (no native code)
 * as the reference.
 */
public class ColdLoadBench extends ColdLoad {

    @Benchmark
    public FfiBridge load_auto() {
        return FfiBridge.load();
    }

    @Benchmark
    public FfiBridge load_java() {
        return FfiBridge.load("java");
    }
}
