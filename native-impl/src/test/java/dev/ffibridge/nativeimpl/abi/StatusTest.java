package dev.ffibridge.nativeimpl.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridgeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status codes and the exception each becomes. */
class StatusTest {

    @ParameterizedTest
    @CsvSource({"-2, INVALID_UTF8", "-3, INTERIOR_NUL", "-4, LENGTH_OVERFLOW", "-6, MALFORMED_BYTES"})
    void badInputIsIllegalArgument(int code, String name) {
        assertThat(Status.failure(code, "f", "library text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library text (f returned FFI_BRIDGE_" + name + " " + code + ")");
    }

    @Test
    void aRefusedAllocationIsOutOfMemory() {
        assertThatThrownBy(() -> Status.failure(-5, "f", "the allocator refused"))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessageContaining("the allocator refused");
    }

    @ParameterizedTest
    @CsvSource({
        "-1, FFI_BRIDGE_NULL_POINTER",
        "-7, FFI_BRIDGE_PANIC",
        "-8, FFI_BRIDGE_OUTPUT_LENGTH",
        "-99, status",
        "5, status"
    })
    void everythingElseIsFfiBridgeException(int code, String name) {
        assertThat(Status.failure(code, "f", "text"))
                .isInstanceOfSatisfying(
                        FfiBridgeException.class, e -> assertThat(e.status()).isEqualTo(code))
                .hasMessage("text (f returned " + name + " " + code + ")");
    }

    @Test
    void codesMatchTheAbi() {
        assertThat(Status.values()).extracting(Status::code).containsExactly(0, -1, -2, -3, -4, -5, -6, -7, -8);
        assertThat(Status.of(-6)).isEqualTo(Status.MALFORMED_BYTES);
        assertThat(Status.of(-9)).isNull();
    }

    @Test
    void theLibraryHasAMessageForEveryStatus() {
        for (Status status : Status.values()) {
            assertThat(DiagnosticFunctions.statusMessage(status.code()))
                    .isNotBlank()
                    .isNotEqualTo("unknown status");
        }
        assertThat(DiagnosticFunctions.statusMessage(-1234)).isEqualTo("unknown status");
    }
}
