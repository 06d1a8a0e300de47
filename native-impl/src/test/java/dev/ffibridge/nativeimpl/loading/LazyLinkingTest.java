package dev.ffibridge.nativeimpl.loading;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridgeException;
import dev.ffibridge.nativeimpl.abi.AbiLayout;
import dev.ffibridge.nativeimpl.abi.BoundFunctions;
import dev.ffibridge.nativeimpl.abi.CodecFunctions;
import dev.ffibridge.nativeimpl.abi.DiagnosticFunctions;
import dev.ffibridge.nativeimpl.abi.Downcalls;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.abi.GuideFunctions;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
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
 * The order of the load-time checks and what they link: the ABI version comes first, read from the
 * data symbol {@code FFI_BRIDGE_ABI_INFO} with nothing linked; then every function must be exported;
 * then the struct layouts, read from the same symbol; only the self-test links functions. Each
 * library here is the real one behind a {@link SymbolLookup} that records every name asked for, and
 * may hide or replace some.
 */
class LazyLinkingTest {

    /** The function the self-test links, nothing else: the handshake links none. */
    static final Set<String> LINKED_AT_LOAD = Set.of(DiagnosticFunctions.SELF_TEST.name());

    /** The names of every bound function, in the registry's order. */
    private static final List<String> FUNCTIONS =
            BoundFunctions.ALL.stream().map(NativeFunction::name).toList();

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
    void aGoodLibraryIsCheckedInOrderAndOnlyTheSelfTestIsLinked() {
        RecordingLookup lookup = new RecordingLookup(real, Map.of(), Set.of());
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, located.describe());
        assertThat(NativeLoader.check(located, library)).isEqualTo(FfiBridgeLibrary.ABI_VERSION);

        List<String> names = lookup.names();
        int functions = FUNCTIONS.size();
        assertThat(names.getFirst()).as("before anything else: the data symbol").isEqualTo(FfiBridgeLibrary.ABI_INFO);
        assertThat(names.subList(1, 1 + functions))
                .as("then every function is looked up, none linked")
                .isEqualTo(FUNCTIONS);
        assertThat(new LinkedHashSet<>(names.subList(1 + functions, names.size())))
                .as("then only the self-test's functions are linked: not ffi_bridge_abi_version, not ffi_bridge_layout")
                .isEqualTo(LINKED_AT_LOAD);
    }

    @Test
    void aLibraryOfAnotherVersionIsRefusedBeforeAnythingElseIsLookedUp() {
        // version 999, and a layout that differs too: the version is what the message is about
        MemorySegment otherVersion = abiInfo(AbiLayout.expected(999).with("person_size", 24));
        RecordingLookup lookup = new RecordingLookup(real, Map.of(FfiBridgeLibrary.ABI_INFO, otherVersion), Set.of());
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, located.describe());
        assertThatThrownBy(() -> NativeLoader.check(located, library))
                .isInstanceOf(LinkageError.class)
                .hasMessageContaining(
                        located.describe() + ": the library has ABI version 999 but this jar binds " + "ABI version 2")
                .hasMessageNotContaining("person_size");
        assertThat(lookup.names()).containsExactly(FfiBridgeLibrary.ABI_INFO);
    }

    @Test
    void aLibraryWithOtherLayoutsIsRefusedBeforeAnythingIsLinked() {
        MemorySegment otherLayouts =
                abiInfo(AbiLayout.expected().with("person_name_offset", 16).with("data_size", 48));
        RecordingLookup lookup = new RecordingLookup(real, Map.of(FfiBridgeLibrary.ABI_INFO, otherLayouts), Set.of());
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, located.describe());
        assertThatThrownBy(() -> NativeLoader.check(located, library))
                .isInstanceOf(LinkageError.class)
                .hasMessageContaining(located.describe()
                        + ": the library's struct layouts differ from the Java bindings' (person_name_offset: "
                        + "library 16, Java 8; data_size: library 48, Java 40)");
        List<String> names = lookup.names();
        assertThat(names.subList(1, names.size()))
                .as("the functions looked up, none linked")
                .isEqualTo(FUNCTIONS);
    }

    @Test
    void aLibraryWithoutTheDataSymbolIsRefusedNamingIt() {
        RecordingLookup lookup = new RecordingLookup(real, Map.of(), Set.of(FfiBridgeLibrary.ABI_INFO));
        assertThatThrownBy(() -> FfiBridgeLibrary.open(lookup, located.describe()))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessage("the library does not export FFI_BRIDGE_ABI_INFO (the data symbol with the version and "
                        + "struct layouts of ABI version 2)");
        List<String> names = lookup.names();
        assertThat(names.subList(1, names.size()))
                .as("the functions looked up for the message, none linked")
                .isEqualTo(FUNCTIONS);

        RecordingLookup alsoWithoutAFunction =
                new RecordingLookup(real, Map.of(), Set.of(FfiBridgeLibrary.ABI_INFO, GuideFunctions.GET_DATA.name()));
        assertThatThrownBy(() -> FfiBridgeLibrary.open(alsoWithoutAFunction, located.describe()))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageEndingWith("of ABI version 2) nor get_data (1 of the " + FUNCTIONS.size()
                        + " functions of ABI version 2)");
    }

    @Test
    void aLibraryWithoutAFunctionIsRefusedAtLoadNotAtItsFirstCall() {
        RecordingLookup lookup = new RecordingLookup(real, Map.of(), Set.of(CodecFunctions.ENCODE_DATA.name()));
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, located.describe());
        assertThatThrownBy(() -> NativeLoader.check(located, library))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining(located.describe() + " is not a matching libffi_bridge")
                .hasMessageContaining("does not export ffi_bridge_encode_data (1 of the " + FUNCTIONS.size()
                        + " functions of ABI version 2)");
        List<String> names = lookup.names();
        assertThat(names.subList(names.size() - FUNCTIONS.size(), names.size()))
                .as("nothing linked after the version but the lookups")
                .isEqualTo(FUNCTIONS);
    }

    /** An {@code FFI_BRIDGE_ABI_INFO} holding {@code layout}, in native memory that lives as long as the test. */
    private static MemorySegment abiInfo(AbiLayout layout) {
        MemorySegment info = Arena.ofAuto().allocate(AbiLayout.LAYOUT);
        for (int i = 0; i < AbiLayout.FIELDS.size(); i++) {
            info.setAtIndex(JAVA_INT, i, layout.values().get(i));
        }
        return info;
    }

    @Test
    void linkingAMissingFunctionSaysWhichAndWhere() {
        RecordingLookup lookup = new RecordingLookup(real, Map.of(), Set.of(GuideFunctions.GET_DATA.name()));
        FfiBridgeLibrary library = FfiBridgeLibrary.open(lookup, "the test library");
        assertThatThrownBy(() -> library.critical(GuideFunctions.GET_DATA))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessage("the test library does not export get_data");
    }

    @Test
    void aFunctionThatCannotBeLinkedThrowsAtEveryCallInsteadOfCrashing() throws Throwable {
        UnsatisfiedLinkError cause = new UnsatisfiedLinkError("x.so does not export add_numbers");
        MethodHandle failing = Downcalls.failing(GuideFunctions.ADD_NUMBERS, cause);
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

        MethodHandle failingVoid = Downcalls.failing(
                new NativeFunction("f", FunctionDescriptor.ofVoid(JAVA_INT)), new IllegalStateException("no"));
        assertThatThrownBy(() -> {
                    failingVoid.invokeExact(1);
                })
                .isInstanceOf(FfiBridgeException.class)
                .hasRootCauseMessage("no");
    }
}
