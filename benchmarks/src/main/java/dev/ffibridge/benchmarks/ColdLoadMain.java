package dev.ffibridge.benchmarks;

import dev.ffibridge.api.FfiBridge;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One cold {@code FfiBridge.load}, timed, in this fresh JVM, with the library extracted into a new
 * empty {@code -Dffibridge.tmpdir}: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar
 * dev.ffibridge.benchmarks.ColdLoadMain [native|java|auto]}. It prints the milliseconds of the
 * load and of the first {@code addNumbers}. {@code run.sh} also runs it once with {@code
 * -XX:AOTCacheOutput} (JDK 25+) to train the AOT cache that {@link ColdLoadAotBench} then uses.
 */
public final class ColdLoadMain {

    private ColdLoadMain() {}

    public static void main(String[] args) throws IOException {
        String provider = args.length > 0 ? args[0] : "native";
        Path tmpdir = FreshTmpdir.create();
        try {
            long start = System.nanoTime();
            FfiBridge bridge = provider.equals("auto") ? FfiBridge.load() : FfiBridge.load(provider);
            long loaded = System.nanoTime();
            int five = bridge.addNumbers(2, 3);
            long called = System.nanoTime();
            System.out.printf(
                    "%s: load %.1f ms, first addNumbers %.2f ms (= %d)%n",
                    bridge.providerName(), (loaded - start) / 1e6, (called - loaded) / 1e6, five);
        } finally {
            FreshTmpdir.delete(tmpdir);
        }
    }
}
