package consumer.app;

import dev.ffibridge.api.FfiBridge;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Runs every operation and checks its result, then prints {@code provider=<name>} and {@code
 * checked=<count>}; with {@code --diagnostics} also {@link FfiBridge#diagnostics()}. With {@code
 * two-loaders <jar>...}: the same in two class loaders made from those jars, one after the other.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("two-loaders")) {
            URL[] urls = new URL[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                urls[i - 1] = Path.of(args[i]).toUri().toURL();
            }
            for (String loaderName : new String[] {"first", "second"}) {
                try (URLClassLoader loader =
                        new URLClassLoader(loaderName, urls, ClassLoader.getPlatformClassLoader())) {
                    Class<?> checks = Class.forName("consumer.app.Checks", true, loader);
                    Object result = checks.getMethod("run").invoke(null);
                    System.out.println(loaderName + ": " + result);
                }
            }
            return;
        }
        System.out.println(Checks.run());
        if (args.length > 0 && args[0].equals("--diagnostics")) {
            System.out.print(FfiBridge.diagnostics());
        }
    }
}
