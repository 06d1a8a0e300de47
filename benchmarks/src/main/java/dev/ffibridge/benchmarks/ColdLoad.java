package dev.ffibridge.benchmarks;

import dev.ffibridge.api.FfiBridge;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
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
 * The JMH state of the cold-load benchmarks: one call per fresh JVM (SingleShotTime, one
 * measurement per fork, no warmup, 20 forks), so it pays for everything a first call pays: class
 * loading and the first use of the FFM linker, extracting the library from the jar into a fresh
 * {@code -Dffibridge.tmpdir} (a new empty folder per fork, so nothing is reused), loading it, the
 * ABI handshake and the self-test. {@code load_native} asks for the native provider, {@code
 * loadAndFirstCall_native} adds the first {@code addNumbers}, {@code ffmFloor_raw} is what any FFM
 * binding pays at least (linker, dlopen, one handle, one call).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 20,
        jvmArgsAppend = {ProviderBench.NATIVE_ACCESS, "-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public abstract class ColdLoad {

    private Path tmpdir;

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
        Linker linker = Linker.nativeLinker();
        SymbolLookup library = SymbolLookup.libraryLookup(NativeLib.withoutProvider(), Arena.global());
        MethodHandle abiVersion = linker.downcallHandle(
                library.find("ffi_bridge_abi_version").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        return (int) abiVersion.invokeExact();
    }
}
