package dev.ffibridge.nativeimpl;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridgeException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of the load-time checks and what they link: the ABI version comes first, with nothing
 * else linked; then every function must be exported; then only the functions of the handshake and
 * the self-test are linked. Each library here is the real one behind a {@link SymbolLookup} that
 * records every name asked for, and may hide or replace some.
 */
class LazyLinkingTest {

    /** The functions the handshake and the self-test link, nothing else. */
    static final Set<String> LINKED_AT_LOAD = Set.of(
            FfiBridgeLibrary.Layout.NAME,
            FfiBridgeLibrary.AddNumbers.NAME,
            FfiBridgeLibrary.FillBuffer.NAME,
            FfiBridgeLibrary.Sum.NAME,
            FfiBridgeLibrary.CreatePerson.NAME,
            FfiBridgeLibrary.FreePerson.NAME);

    @TempDir
    Path dir;

    private SymbolLookup real;
    private LibraryLocator.Located located;

    @BeforeEach
    void openACopyOfTheLibrary() {
        Path copy = TestLibrary.write(dir.resolve("copy.so"), TestLibrary.bytes());
        real = libraryLookup(copy);
        located = new LibraryLocator.Located(copy, true, false);
    }

    @SuppressWarnings("restricted")
    private static SymbolLookup libraryLookup(Path path) {
        return SymbolLookup.libraryLookup(path, Arena.ofAuto());
    }

    @Test
    void aGoodLibraryIsCheckedInOrderAndOnlyTheChecksAreLinked() {
        RecordingLookup lookup = new RecordingLookup(real, Map.of(), Set.of());
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, located.describe());
        assertThat(NativeLoader.check(located, library)).isEqualTo(FfiBridgeLibrary.ABI_VERSION);

        List<String> names = lookup.names();
        int existence = names.indexOf(FfiBridgeLibrary.FUNCTIONS.getFirst());
        assertThat(names.subList(0, existence))
                .as("before anything else: the version, found and linked")
                .containsOnly(FfiBridgeLibrary.AbiVersion.NAME)
                .isNotEmpty();
        assertThat(names.subList(existence, existence + FfiBridgeLibrary.FUNCTIONS.size()))
                .as("then every function is looked up, none linked")
                .isEqualTo(FfiBridgeLibrary.FUNCTIONS);
        assertThat(new LinkedHashSet<>(names.subList(existence + FfiBridgeLibrary.FUNCTIONS.size(), names.size())))
                .as("then only the handshake's and the self-test's functions are linked")
                .isEqualTo(LINKED_AT_LOAD);
    }

    @Test
    void aLibraryOfAnotherVersionIsRefusedBeforeAnythingElseIsLinked() {
        // getpagesize(): an int (void) function that does not return 1
        MemorySegment otherVersion =
                Linker.nativeLinker().defaultLookup().find("getpagesize").orElseThrow();
        RecordingLookup lookup =
                new RecordingLookup(real, Map.of(FfiBridgeLibrary.AbiVersion.NAME, otherVersion), Set.of());
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, located.describe());
        assertThatThrownBy(() -> NativeLoader.check(located, library))
                .isInstanceOf(LinkageError.class)
                .hasMessageContaining("the library has ABI version ")
                .hasMessageContaining("but this jar binds ABI version 2")
                .hasMessageContaining(located.describe());
        assertThat(lookup.names()).containsOnly(FfiBridgeLibrary.AbiVersion.NAME);
    }

    @Test
    void aLibraryWithoutAFunctionIsRefusedAtLoadNotAtItsFirstCall() {
        RecordingLookup lookup = new RecordingLookup(real, Map.of(), Set.of(FfiBridgeLibrary.EncodeData.NAME));
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, located.describe());
        assertThatThrownBy(() -> NativeLoader.check(located, library))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining(located.describe() + " is not a matching libffi_bridge")
                .hasMessageContaining(
                        "does not export ffi_bridge_encode_data (1 of the 25 functions of ABI version 2)");
        List<String> names = lookup.names();
        assertThat(names.subList(names.size() - FfiBridgeLibrary.FUNCTIONS.size(), names.size()))
                .as("nothing linked after the version but the lookups")
                .isEqualTo(FfiBridgeLibrary.FUNCTIONS);
    }

    @Test
    void linkingAMissingFunctionSaysWhichAndWhere() {
        RecordingLookup lookup = new RecordingLookup(real, Map.of(), Set.of(FfiBridgeLibrary.GetData.NAME));
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, "the test library");
        assertThatThrownBy(() -> library.critical(FfiBridgeLibrary.GetData.NAME, FfiBridgeLibrary.GetData.DESCRIPTOR))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessage("the test library does not export get_data");
    }

    @Test
    void aFunctionThatCannotBeLinkedThrowsAtEveryCallInsteadOfCrashing() throws Throwable {
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("x.so does not export add_numbers");
        MethodHandle failing = FfiBridgeLibrary.failing(
                FfiBridgeLibrary.AddNumbers.NAME, FfiBridgeLibrary.AddNumbers.DESCRIPTOR, cause);
        assertThat(failing.type()).isEqualTo(MethodType.methodType(int.class, int.class, int.class));
        List<Throwable> thrown = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try {
                int ignored = (int) failing.invokeExact(2, 3);
            } catch (FfiBridgeException e) {
                thrown.add(e);
            }
        }
        assertThat(thrown).hasSize(2).doesNotHaveDuplicates();
        assertThat(thrown.getFirst())
                .hasMessageContaining("cannot call add_numbers: x.so does not export add_numbers")
                .hasMessageContaining("-Dffibridge.provider=java")
                .hasCause(cause);

        MethodHandle failingVoid =
                FfiBridgeLibrary.failing("f", FunctionDescriptor.ofVoid(JAVA_INT), new IllegalStateException("no"));
        assertThatThrownBy(() -> {
                    failingVoid.invokeExact(1);
                })
                .isInstanceOf(FfiBridgeException.class)
                .hasRootCauseMessage("no");
    }
}
