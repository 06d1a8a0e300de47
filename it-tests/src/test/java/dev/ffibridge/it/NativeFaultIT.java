package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.it.ForkedJvm.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load faults, each in forked JVMs running {@link ProbeMain} with this JVM's java and class path: a missing, a
 * truncated (the real library cut to 4 KiB) and a non-ELF library, and libraries built here with gcc that export
 * every function of the ABI: one without the data symbol {@code FFI_BRIDGE_ABI_INFO}, one whose {@code
 * FFI_BRIDGE_ABI_INFO} says ABI version 999, one whose {@code FFI_BRIDGE_ABI_INFO} describes other struct layouts
 * (in these three the functions {@code ffi_bridge_abi_version} and {@code ffi_bridge_layout} report the right
 * values: the handshake must go by the data), and one that passes the handshake but fails the self-test (ABI
 * version 2, the documented layouts, the wrong person, which its own {@code ffi_bridge_self_test} reports), each given by {@code -Dffibridge.library.path}. Under
 * {@code auto} the java provider runs and the WARNING line and the diagnostics name the fault; with {@code
 * -Dffibridge.provider=native} the JVM fails with the cause. An unwritable {@code -Dffibridge.tmpdir} is named
 * too, and two JVMs that extract into the same empty directory at the same moment both load native.
 */
@Tag("native")
class NativeFaultIT {

    static final String RESOURCE = "native/linux-x86-64/libffi_bridge.so";

    static final Path ROOT = Path.of("target", "fault-tests").toAbsolutePath();

    /** Forked JVMs run at most two at a time (the machine has two cores). */
    static final ExecutorService FORKS = Executors.newFixedThreadPool(2);

    static Path missing;
    static Path truncated;
    static Path notElf;
    static Path noAbiInfo;
    static Path wrongAbi;
    static Path wrongLayout;
    static Path wrongValues;

    @BeforeAll
    static void buildFaultyLibraries() throws Exception {
        deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        byte[] real;
        try (InputStream in = NativeFaultIT.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as("the native-impl jar holds %s", RESOURCE).isNotNull();
            real = in.readAllBytes();
        }
        missing = ROOT.resolve("missing/libffi_bridge.so");
        truncated = write("truncated/libffi_bridge.so", Arrays.copyOf(real, 4096));
        notElf = write(
                "not-elf/libffi_bridge.so",
                "this is a text file, not a shared library\n".getBytes(StandardCharsets.UTF_8));
        noAbiInfo = compile("no-abi-info", NO_ABI_INFO_C);
        wrongAbi = compile("wrong-abi", WRONG_ABI_C);
        wrongLayout = compile("wrong-layout", WRONG_LAYOUT_C);
        wrongValues = compile("wrong-values", WRONG_VALUES_C);
    }

    @AfterAll
    static void stopForks() {
        FORKS.shutdownNow();
    }

    // ---------------------------------------------------------------- the faulty libraries

    @Test
    void missingLibrary() throws Exception {
        expectFault(missing, "does not exist", missing.toString());
    }

    @Test
    void truncatedLibrary() throws Exception {
        expectFault(truncated, "is truncated", "4096 bytes");
    }

    @Test
    void nonElfLibrary() throws Exception {
        expectFault(notElf, "is not an ELF shared library");
    }

    @Test
    void libraryWithoutTheAbiInfoSymbol() throws Exception {
        expectFault(
                noAbiInfo,
                "is not a matching libffi_bridge: the library does not export FFI_BRIDGE_ABI_INFO (",
                "libffi_bridge.so");
    }

    @Test
    void wrongAbiLibrary() throws Exception {
        expectFault(wrongAbi, "the library has ABI version 999 but this jar binds ABI version 2");
    }

    @Test
    void wrongLayoutLibrary() throws Exception {
        expectFault(
                wrongLayout,
                "the library's struct layouts differ from the Java bindings' (person_size: library 24, Java 16)");
    }

    @Test
    void libraryThatPassesTheHandshakeButComputesWrongValues() throws Exception {
        expectFault(wrongValues, "self-test failed: wrong answers from create_person");
    }

    /** auto: java runs, the WARNING and the diagnostics name the fault; native required: a clear failure. */
    private static void expectFault(Path library, String... fault) throws Exception {
        CompletableFuture<Run> auto = fork(List.of("-Dffibridge.library.path=" + library));
        CompletableFuture<Run> required =
                fork(List.of("-Dffibridge.library.path=" + library, "-Dffibridge.provider=native"));

        Run a = auto.get();
        assertThat(a.exit()).as("auto with %s:%n%s", library, a.output()).isZero();
        assertThat(a.output()).contains("provider=java", "addNumbers(2, 3)=5");
        assertThat(a.warning())
                .as("the WARNING line:%n%s", a.output())
                .contains(fault)
                .contains("native");
        String diagnostics = a.output().substring(a.output().indexOf("--- diagnostics"));
        assertThat(diagnostics).contains("selected: java").contains(fault);

        Run r = required.get();
        assertThat(r.exit())
                .as("-Dffibridge.provider=native with %s:%n%s", library, r.output())
                .isNotZero();
        assertThat(r.output().lines().filter(l -> l.startsWith("provider=")))
                .as("no provider ran")
                .isEmpty();
        assertThat(r.line("error="))
                .as("%s", r.output())
                .contains("ProviderUnavailableException", "ffibridge.provider=native")
                .contains(fault);
    }

    // ---------------------------------------------------------------- tmpdir

    @Test
    void unwritableTmpdirIsNamed() throws Exception {
        // root ignores permission bits, so "unwritable" is a path below a regular file
        Path file = write("tmpdir-is-a-file/file.txt", "a regular file".getBytes(StandardCharsets.UTF_8));
        Path tmpdir = file.resolve("sub");
        CompletableFuture<Run> auto = fork(List.of("-Dffibridge.tmpdir=" + tmpdir));
        CompletableFuture<Run> required = fork(List.of("-Dffibridge.tmpdir=" + tmpdir, "-Dffibridge.provider=native"));
        Run a = auto.get();
        assertThat(a.exit()).as(a.output()).isZero();
        assertThat(a.output()).contains("provider=java");
        assertThat(a.warning()).as(a.output()).contains("ffibridge.tmpdir", tmpdir.toString());
        Run r = required.get();
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.line("error=")).as(r.output()).contains("ffibridge.tmpdir", tmpdir.toString());
    }

    @Test
    void twoJvmsExtractingAtTheSameMomentBothLoadNative() throws Exception {
        Path tmpdir = ROOT.resolve("shared-extraction");
        Files.createDirectories(tmpdir);
        String startAt = Long.toString(System.currentTimeMillis() + 1500);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Run>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(
                        () -> run(List.of("-Dffibridge.tmpdir=" + tmpdir), startAt), both));
            }
            for (CompletableFuture<Run> run : runs) {
                Run r = run.get();
                assertThat(r.exit()).as(r.output()).isZero();
                assertThat(r.output()).as(r.output()).contains("provider=native", "addNumbers(2, 3)=5");
                assertThat(r.output()).contains(tmpdir.toString());
            }
        } finally {
            both.shutdownNow();
        }
        try (Stream<Path> files = Files.list(tmpdir)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names)
                    .as("one shared library file, no temporary left behind")
                    .hasSize(1);
            assertThat(names.getFirst()).matches("libffi_bridge-[0-9a-f]+\\.so");
        }
    }

    // ---------------------------------------------------------------- forking

    private static CompletableFuture<Run> fork(List<String> properties) {
        return CompletableFuture.supplyAsync(() -> run(properties, null), FORKS);
    }

    /** Runs ProbeMain in a new JVM with this JVM's java and class path, plus {@code properties}. */
    static Run run(List<String> properties, String startAt) {
        List<String> jvmArgs = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        jvmArgs.addAll(properties);
        return ForkedJvm.run(ProbeMain.class, jvmArgs, startAt == null ? List.of() : List.of(startAt), 60);
    }

    // ---------------------------------------------------------------- files

    private static Path write(String relative, byte[] content) throws IOException {
        Path path = ROOT.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        return path;
    }

    /** {@code source} compiled by gcc into {@code <name>/libffi_bridge.so}. */
    private static Path compile(String name, String source) throws Exception {
        Path file = write(name + "/" + name + ".c", source.getBytes(StandardCharsets.UTF_8));
        Path library = file.resolveSibling("libffi_bridge.so");
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", "-o", library.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as("gcc: %s", output).isZero();
        return library;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }

    /** The functions neither fake library's test calls: stubs that fail or do nothing, the same in both. */
    private static final String UNUSED_STUBS = """
            void *get_data(void) { return NULL; }
            void free_data(void *d) { (void) d; }
            void fill_buffer(double *b, size_t n) { for (size_t i = 0; b && i < n; i++) b[i] = (double) i; }
            int32_t ffi_bridge_fill_buffer(double *b, size_t n) { fill_buffer(b, n); return 0; }
            int32_t ffi_bridge_person_new(const char *n, uint32_t a, float h, void **o) { (void) n; (void) a; (void) h; (void) o; return WRONG; }
            int32_t ffi_bridge_data_fill(void *o) { (void) o; return WRONG; }
            int32_t ffi_bridge_sum_buffer(const double *b, size_t n, double *o) { (void) b; (void) n; (void) o; return WRONG; }
            int32_t ffi_bridge_fill_piece(double *b, size_t n, uint64_t s, size_t t) { (void) b; (void) n; (void) s; (void) t; return WRONG; }
            int32_t ffi_bridge_sum_blocks(const double *b, size_t n, double *t) { (void) b; (void) n; (void) t; return WRONG; }
            int32_t ffi_bridge_buffer_new_filled(size_t n, void **o) { (void) n; (void) o; return WRONG; }
            void ffi_bridge_buffer_free(void *b) { (void) b; }
            int32_t ffi_bridge_encode_person(const void *p, void **o) { (void) p; (void) o; return WRONG; }
            int32_t ffi_bridge_encode_person_into(const uint8_t *n, size_t l, uint32_t a, float h, uint8_t *o, size_t m) { (void) n; (void) l; (void) a; (void) h; (void) o; (void) m; return WRONG; }
            int32_t ffi_bridge_encode_data(const void *d, void **o) { (void) d; (void) o; return WRONG; }
            int32_t ffi_bridge_encode_sequence(const double *v, size_t n, void **o) { (void) v; (void) n; (void) o; return WRONG; }
            int32_t ffi_bridge_encode_sequence_into(const double *v, size_t n, uint8_t *o, size_t m) { (void) v; (void) n; (void) o; (void) m; return WRONG; }
            int32_t ffi_bridge_fill_serialized(size_t n, void **o) { (void) n; (void) o; return WRONG; }
            void ffi_bridge_bytes_free(void *b) { (void) b; }
            int32_t ffi_bridge_decode_person(const uint8_t *b, size_t n, void **o) { (void) b; (void) n; (void) o; return WRONG; }
            int32_t ffi_bridge_decode_data(const uint8_t *b, size_t n, void *o) { (void) b; (void) n; (void) o; return WRONG; }
            int32_t ffi_bridge_decode_sequence(const uint8_t *b, size_t n, void **o) { (void) b; (void) n; (void) o; return WRONG; }
            int32_t ffi_bridge_decode_sequence_into(const uint8_t *b, size_t n, double *o, size_t m) { (void) b; (void) n; (void) o; (void) m; return WRONG; }
            int32_t ffi_bridge_live_counts(uint64_t *o) { if (!o) return -1; memset(o, 0, 4 * sizeof(uint64_t)); return 0; }
            """;

    /** The start of every fake library: the documented layout, and functions that report it. */
    private static final String PROLOGUE = """
            #include <stddef.h>
            #include <stdint.h>
            #include <string.h>

            #define WRONG (-7)
            #define DOCUMENTED_LAYOUT { 2, 16, 8, 0, 4, 8, 40, 8, 0, 16, 8, 0, 8, 16, 8, 0, 8 }

            static const uint32_t documented_layout[17] = DOCUMENTED_LAYOUT;

            uint32_t ffi_bridge_abi_version(void) { return 2; }
            int32_t ffi_bridge_layout(uint32_t *o) { if (!o) return -1; memcpy(o, documented_layout, sizeof documented_layout); return 0; }
            """;

    /**
     * The functions the self-test checks, computing the right answers but for the person, and the library's
     * self-test, which checks them as the real one does, and so finds the wrong person.
     */
    private static final String SELF_TEST_FUNCTIONS = """
            typedef struct { uint32_t age; float height; const char *name; } Person;
            static Person mallory = { 30, 5.8f, "Mallory" };

            int32_t add_numbers(int32_t a, int32_t b) { return (int32_t) ((uint32_t) a + (uint32_t) b); }
            void *create_person(void) { return &mallory; }
            void free_person(void *p) { (void) p; }
            double ffi_bridge_sum(const double *b, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += b[i]; return s; }
            const char *ffi_bridge_status_message(int32_t s) { (void) s; return "fake test library"; }
            void fill_buffer(double *b, size_t n);

            int32_t ffi_bridge_self_test(void) {
                int32_t wrong = add_numbers(2, 3) == 5 ? 0 : 1;
                double v[20];
                fill_buffer(v, 20);
                for (int i = 0; i < 20; i++) wrong |= v[i] == i ? 0 : 2;
                wrong |= ffi_bridge_sum(v, 20) == 190 ? 0 : 4;
                const Person *p = create_person();
                wrong |= p && p->age == 30 && p->height == 5.8f && strcmp(p->name, "Alice") == 0 ? 0 : 8;
                free_person((void *) p);
                return wrong;
            }
            """;

    private static final String NO_ABI_INFO_C = """
            /* Every function of docs/abi.md, reporting ABI version 2 and the documented layouts, but no
               FFI_BRIDGE_ABI_INFO: refused, naming the symbol. */
            """ + PROLOGUE + SELF_TEST_FUNCTIONS + UNUSED_STUBS;

    private static final String WRONG_ABI_C = """
            /* FFI_BRIDGE_ABI_INFO says ABI version 999 (its layout differs too); the functions say 2. */
            """ + PROLOGUE + """
            const uint32_t FFI_BRIDGE_ABI_INFO[17] = { 999, 24 };
            """ + SELF_TEST_FUNCTIONS + UNUSED_STUBS;

    private static final String WRONG_LAYOUT_C = """
            /* FFI_BRIDGE_ABI_INFO says ABI version 2 but a 24-byte Person; ffi_bridge_layout says 16. */
            """ + PROLOGUE + """
            const uint32_t FFI_BRIDGE_ABI_INFO[17] = { 2, 24, 8, 0, 4, 8, 40, 8, 0, 16, 8, 0, 8, 16, 8, 0, 8 };
            """ + SELF_TEST_FUNCTIONS + UNUSED_STUBS;

    private static final String WRONG_VALUES_C = """
            /* ABI version 2 and the documented layouts everywhere, but create_person returns the wrong
               person: the handshake passes, the self-test must not. */
            """ + PROLOGUE + """
            const uint32_t FFI_BRIDGE_ABI_INFO[17] = DOCUMENTED_LAYOUT;
            """ + SELF_TEST_FUNCTIONS + UNUSED_STUBS;
}
