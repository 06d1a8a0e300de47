package dev.ffibridge.nativeimpl.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.nativeimpl.abi.BoundFunctions;
import dev.ffibridge.nativeimpl.abi.DiagnosticFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.loading.RecordingLookup;
import dev.ffibridge.nativeimpl.loading.TestLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-test passes the real library and refuses one whose {@code ffi_bridge_self_test} reports wrong
 * answers: here the real library with that function replaced by one of the same signature that returns
 * a bit set. (A whole library that computes a wrong person, and whose self-test finds it, is {@code
 * NativeFaultIT}'s.)
 */
class SelfTestTest {

    @TempDir
    Path dir;

    private SymbolLookup real;

    @BeforeEach
    void openACopyOfTheLibrary() {
        real = libraryLookup(TestLibrary.write(dir.resolve("copy.so"), TestLibrary.bytes()));
    }

    @SuppressWarnings("restricted")
    private static SymbolLookup libraryLookup(Path path) {
        return SymbolLookup.libraryLookup(path, Arena.ofAuto());
    }

    @Test
    void theRealLibraryPasses() {
        assertThatCode(() -> SelfTest.run(FfiBridgeLibrary.open(real, "the real library")))
                .doesNotThrowAnyException();
    }

    @Test
    void aLibraryReportingWrongAnswersIsRefusedNamingThem() {
        // ffi_bridge_abi_version() returns 2: the bit of fill_buffer
        MemorySegment two = real.find(DiagnosticFunctions.ABI_VERSION.name()).orElseThrow();
        assertThatThrownBy(() -> SelfTest.run(with(SelfTest.FUNCTION.name(), two)))
                .isInstanceOf(LinkageError.class)
                .hasMessage("self-test failed: wrong answers from fill_buffer");
    }

    @Test
    void everyBitNamesItsFunctionInTheDocumentedOrder() {
        assertThat(SelfTest.describe(0b1)).isEqualTo("wrong answers from add_numbers");
        assertThat(SelfTest.describe(0b1110))
                .isEqualTo("wrong answers from fill_buffer, ffi_bridge_sum, create_person");
        assertThat(SelfTest.describe(0b1_0001)).isEqualTo("wrong answers from add_numbers, unknown checks (bits 0x10)");
        assertThat(SelfTest.describe(Integer.MAX_VALUE))
                .isEqualTo("wrong answers from add_numbers, fill_buffer, ffi_bridge_sum, create_person, "
                        + "unknown checks (bits 0x7ffffff0)");
    }

    @Test
    void aNegativeResultIsTheStatusOfTheCall() {
        assertThat(SelfTest.describe(-7)).isEqualTo("ffi_bridge_self_test returned FFI_BRIDGE_PANIC -7");
        assertThat(SelfTest.describe(-100)).isEqualTo("ffi_bridge_self_test returned status -100");
    }

    @Test
    void theCheckedFunctionsAreTheBoundOnes() {
        assertThat(BoundFunctions.ALL.stream().map(NativeFunction::name)).containsAll(SelfTest.CHECKED);
    }

    private FfiBridgeLibrary with(String name, MemorySegment function) {
        return FfiBridgeLibrary.open(new RecordingLookup(real, Map.of(name, function), Set.of()), "test");
    }
}
