package dev.ffibridge.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the consumer application that maven-invoker-plugin built against the published artifacts
 * (src/it/consumer), one JVM per scenario, with this JVM's java (the JDK >= 22 of the build).
 */
class ConsumerIT {

    private static final Path PROJECT = Path.of(System.getProperty("consumer.project"));
    private static final Path TARGET = PROJECT.resolve("target");
    private static final Path APP = TARGET.resolve("consumer-app.jar");
    private static final Path LIB = TARGET.resolve("lib");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String MAIN = "consumer.app.Main";
    private static final String MODULE_MAIN = "consumer.app/" + MAIN;
    private static final String ALL_OPERATIONS = " checked=23";

    @Test
    void classPathWithTheOneDependency() throws Exception {
        Run run = java("--enable-native-access=ALL-UNNAMED", "-cp", classPath(), MAIN);

        assertThat(run.stdout()).startsWith("provider=native" + ALL_OPERATIONS);
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void modulePathNeedsOnlyTheApiAndPrintsNoWarning() throws Exception {
        Run run = java(
                "--enable-native-access=dev.ffibridge.nativeimpl",
                "-p",
                modulePath(),
                "-m",
                MODULE_MAIN,
                "--diagnostics");

        assertThat(run.stdout()).startsWith("provider=native" + ALL_OPERATIONS);
        assertThat(run.stdout())
                .contains("java [priority 0]: available")
                .contains("module = dev.ffibridge.nativeimpl, native access enabled");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void jlinkImageRunsNative() throws Exception {
        Path image = TARGET.resolve("image");
        deleteRecursively(image);
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
        int status = jlink.run(
                System.out,
                System.err,
                "--module-path",
                modulePath(),
                "--add-modules",
                "consumer.app,dev.ffibridge.nativeimpl,dev.ffibridge.javaimpl",
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--output",
                image.toString());
        assertThat(status).isZero();

        Run run = command(
                image.resolve("bin").resolve("java").toString(),
                "--enable-native-access=dev.ffibridge.nativeimpl",
                "-m",
                MODULE_MAIN);

        assertThat(run.stdout()).startsWith("provider=native" + ALL_OPERATIONS);
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void shadedWithServicesResourceTransformerKeepsBothProviders() throws Exception {
        Run run = shadedJar("shaded");

        assertThat(run.stdout()).startsWith("provider=native" + ALL_OPERATIONS);
        assertThat(run.stdout()).contains("java [priority 0]: available");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void shadedWithoutTheTransformerSaysWhichProviderIsNotRegistered() throws Exception {
        Run run = shadedJar("unmerged");

        assertThat(run.stdout()).startsWith("provider=native" + ALL_OPERATIONS);
        assertThat(run.stdout())
                .contains("java [priority 0]: unavailable")
                .contains("dev.ffibridge.javaimpl.JavaProvider is on the class path but not registered")
                .contains("ServicesResourceTransformer");
        assertThat(run.stderr()).contains("not registered").contains("ServicesResourceTransformer");
    }

    @Test
    void twoClassLoadersEachRunNative() throws Exception {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-cp", APP.toString(), MAIN));
        args.add("two-loaders");
        args.add(APP.toString());
        args.addAll(libJars());

        Run run = java(args.toArray(String[]::new));

        assertThat(run.stdout())
                .contains("first: provider=native" + ALL_OPERATIONS)
                .contains("second: provider=native" + ALL_OPERATIONS);
    }

    @Test
    void denyOnTheClassPathFallsBackToJavaAndNamesAllUnnamed() throws Exception {
        Run run = java("--illegal-native-access=deny", "-cp", classPath(), MAIN, "--diagnostics");

        assertThat(run.stdout()).startsWith("provider=java" + ALL_OPERATIONS);
        assertThat(run.stdout()).contains("--enable-native-access=ALL-UNNAMED").doesNotContain("not probed");
        assertThat(run.stderr()).contains("--enable-native-access=ALL-UNNAMED");
        assertThat(run.stderr().split("ffibridge: ", -1)).as("one log record").hasSize(2);
    }

    @Test
    void denyOnTheModulePathFallsBackToJavaAndNamesTheModule() throws Exception {
        Run run = java("--illegal-native-access=deny", "-p", modulePath(), "-m", MODULE_MAIN, "--diagnostics");

        assertThat(run.stdout()).startsWith("provider=java" + ALL_OPERATIONS);
        assertThat(run.stdout())
                .contains("--enable-native-access=dev.ffibridge.nativeimpl")
                .contains("module = dev.ffibridge.nativeimpl, native access not enabled")
                .doesNotContain("ALL-UNNAMED");
    }

    @Test
    void denyWithoutJavaImplSaysToAddIt() throws Exception {
        String withoutJavaImpl = String.join(
                File.pathSeparator,
                Stream.concat(Stream.of(APP.toString()), libJars().stream())
                        .filter(jar -> !jar.contains("java-impl"))
                        .toList());

        Run run = java("--illegal-native-access=deny", "-cp", withoutJavaImpl, MAIN);

        assertThat(run.status()).isNotZero();
        assertThat(run.stderr())
                .contains("ProviderUnavailableException")
                .contains("add dev.ffibridge:ffibridge-java-impl")
                .contains("-Dffibridge.provider=java needs it");
    }

    /** Runs the shaded jar of that classifier on the class path, printing the diagnostics too. */
    private static Run shadedJar(String classifier) throws Exception {
        String jar = TARGET.resolve("consumer-app-1.0-" + classifier + ".jar").toString();
        return java("--enable-native-access=ALL-UNNAMED", "-cp", jar, MAIN, "--diagnostics");
    }

    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>(List.of(APP.toString()));
        entries.addAll(libJars());
        return String.join(File.pathSeparator, entries);
    }

    private static String modulePath() {
        return APP + File.pathSeparator + LIB;
    }

    private static List<String> libJars() throws IOException {
        try (Stream<Path> jars = Files.list(LIB)) {
            return jars.map(Path::toString).sorted().toList();
        }
    }

    private static Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(List.of(args));
        return command(command.toArray(String[]::new));
    }

    private static Run command(String... command) throws Exception {
        Path out = Files.createTempFile("consumer", ".out");
        Path err = Files.createTempFile("consumer", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            int status = process.waitFor();
            Run run = new Run(status, Files.readString(out), Files.readString(err));
            System.out.println(String.join(" ", command) + "\n" + run);
            return run;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> all = Files.walk(path)) {
                for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private record Run(int status, String stdout, String stderr) {}
}
