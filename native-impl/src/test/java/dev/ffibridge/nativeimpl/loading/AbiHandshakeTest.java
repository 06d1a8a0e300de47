package dev.ffibridge.nativeimpl.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.nativeimpl.abi.AbiLayout;
import dev.ffibridge.nativeimpl.abi.DiagnosticFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.operations.LiveCounts;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ABI handshake as a pure comparison, and against the real library and its data symbol. */
class AbiHandshakeTest {

    @Test
    void theJavaLayoutsAreTheDocumentedOnes() {
        AbiLayout expected = AbiLayout.expected();
        assertThat(expected.values()).containsExactly(2, 16, 8, 0, 4, 8, 40, 8, 0, 16, 8, 0, 8, 16, 8, 0, 8);
        assertThat(AbiLayout.LAYOUT.byteSize()).isEqualTo(17 * 4);
        // AbiLayout.of reads field i at 4 * i: the layout has no padding
        for (int i = 0; i < AbiLayout.FIELDS.size(); i++) {
            assertThat(AbiLayout.LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(AbiLayout.FIELDS.get(i))))
                    .isEqualTo(4L * i);
        }
        assertThat(LiveCounts.LAYOUT.byteSize()).isEqualTo(32);
    }

    @Test
    void theLibraryAgrees() {
        FfiBridgeLibrary library = NativeRuntime.library();
        AbiHandshake.verifyVersion(library);
        AbiHandshake.verifyLayout(library);
        int[] values = new int[AbiLayout.FIELDS.size()];
        assertThat(DiagnosticFunctions.layout(MemorySegment.ofArray(values))).isZero();
        assertThat(AbiLayout.differences(AbiLayout.expected(), AbiLayout.of(values)))
                .isEmpty();
    }

    @Test
    void theDataSymbolHoldsWhatTheFunctionsReturn() {
        FfiBridgeLibrary library = NativeRuntime.library();
        int[] data = new int[AbiLayout.FIELDS.size()];
        MemorySegment.ofArray(data).copyFrom(library.abiInfo(AbiLayout.LAYOUT.byteSize()));
        int[] written = new int[AbiLayout.FIELDS.size()];
        assertThat(DiagnosticFunctions.layout(MemorySegment.ofArray(written))).isZero();
        assertThat(data).containsExactly(written);
        assertThat(data[0]).isEqualTo(DiagnosticFunctions.abiVersion()).isEqualTo(FfiBridgeLibrary.ABI_VERSION);
        assertThat(library.abiInfo(Integer.BYTES).byteSize()).isEqualTo(Integer.BYTES);
    }

    @Test
    void matchingLayoutsHaveNoProblem() {
        assertThat(AbiHandshake.problem(1, 1, AbiLayout.expected(), AbiLayout.expected()))
                .isEmpty();
    }

    @Test
    void aDifferentVersionIsAProblem() {
        assertThat(AbiHandshake.problem(1, 2, null, null))
                .hasValue("the library has ABI version 2 but this jar binds ABI version 1: the library was built "
                        + "from a different version of ffi-bridge");
        assertThat(AbiHandshake.problem(1, -1, null, null))
                .hasValueSatisfying(p -> assertThat(p).contains("ABI version 4294967295"));
    }

    @Test
    void aDoctoredLayoutListsEveryDifferingField() {
        AbiLayout doctored = AbiLayout.expected()
                .with("person_size", 24)
                .with("person_name_offset", 16)
                .with("bytes_length_offset", 4);
        assertThat(AbiLayout.differences(AbiLayout.expected(), doctored))
                .containsExactly(
                        "person_size: library 24, Java 16",
                        "person_name_offset: library 16, Java 8",
                        "bytes_length_offset: library 4, Java 8");
        assertThat(AbiHandshake.problem(1, 1, AbiLayout.expected(), doctored))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("the library's struct layouts differ from the Java bindings' (")
                        .contains("person_size: library 24, Java 16; person_name_offset: library 16, Java 8"));
    }

    @Test
    void theExpectationCanBeDoctoredToo() {
        AbiLayout doctored = AbiLayout.expected(1).with("data_size", 48);
        assertThat(AbiHandshake.problem(1, 1, doctored, AbiLayout.expected()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("data_size: library 40, Java 48"));
    }

    @Test
    void layoutsHaveSeventeenFields() {
        assertThatThrownBy(() -> new AbiLayout(List.of(1, 2, 3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AbiLayout.expected().get("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AbiLayout.expected().get("data_size")).isEqualTo(40);
    }
}
