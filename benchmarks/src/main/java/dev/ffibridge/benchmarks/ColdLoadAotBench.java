package dev.ffibridge.benchmarks;

import dev.ffibridge.api.FfiBridge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ColdLoadBench}'s native cold load, meant to run with a JDK 25 AOT cache (JEP 483/514)
 * trained by {@link ColdLoadMain}: {@code run.sh full} passes {@code -jvmArgsAppend
 * "-XX:AOTCache=benchmarks/target/coldload.aot ..."}. Without that option it measures the same as
 * {@link ColdLoadBench}. Each fork still extracts the library into a fresh {@code ffibridge.tmpdir}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 20,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class ColdLoadAotBench {

    Path tmpdir;

    @Setup
    public void freshTmpdir() throws IOException {
        tmpdir = FreshTmpdir.create();
    }

    @TearDown
    public void deleteTmpdir() throws IOException {
        FreshTmpdir.delete(tmpdir);
    }

    @Benchmark
    public FfiBridge load_native() {
        return FfiBridge.load("native");
    }

    @Benchmark
    public int loadAndFirstCall_native() {
        return FfiBridge.load("native").addNumbers(2, 3);
    }

    /**
     * The floor of any FFM binding in a fresh JVM: the native linker, {@code dlopen} of the
     * library, one downcall handle and one call ({@code ffi_bridge_abi_version}); no provider.
     */
    @Benchmark
    public int ffmFloor_raw() throws Throwable {
        return ColdLoadBench.ffmFloor();
    }
}
