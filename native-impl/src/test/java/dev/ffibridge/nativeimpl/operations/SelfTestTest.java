package dev.ffibridge.nativeimpl.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.Person;
import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import dev.ffibridge.nativeimpl.abi.DiagnosticFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.abi.GuideFunctions;
import dev.ffibridge.nativeimpl.abi.PersonStruct;
import dev.ffibridge.nativeimpl.loading.RecordingLookup;
import dev.ffibridge.nativeimpl.loading.TestLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-test passes the real library and refuses one that links but computes wrong values: here
 * the real library with one function replaced by a C library function of a compatible signature
 * that gives another answer. (A whole library with wrong values, person included, is {@code
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
    void aWrongAddIsRefused() {
        // ffi_bridge_abi_version() returns 2 whatever its (ignored, register-passed) arguments
        MemorySegment one = real.find(DiagnosticFunctions.ABI_VERSION.name()).orElseThrow();
        assertThatThrownBy(() -> SelfTest.run(with(GuideFunctions.ADD_NUMBERS.name(), one)))
                .isInstanceOf(LinkageError.class)
                .hasMessage("self-test failed: add_numbers(2, 3) returned 2");
    }

    @Test
    void aWrongFillIsRefused() {
        // bzero(buffer, length): zeroes the first length bytes instead of writing 0.0, 1.0, ...
        assertThatThrownBy(() -> SelfTest.run(with(GuideFunctions.FILL_BUFFER.name(), libc("bzero"))))
                .isInstanceOf(LinkageError.class)
                .hasMessage("self-test failed: fill_buffer wrote 0.0 at index 1");
    }

    @Test
    void aWrongSumIsRefused() {
        // atof(buffer): the buffer starts with 0.0, an empty string, so 0.0
        assertThatThrownBy(() -> SelfTest.run(with(BufferFunctions.SUM.name(), libc("atof"))))
                .isInstanceOf(LinkageError.class)
                .hasMessage("self-test failed: ffi_bridge_sum(0..19) returned 0.0");
    }

    @Test
    void readsAPersonAsTheHotPathDoes() {
        byte[] name = "Zoë Ødegård\0".getBytes(StandardCharsets.UTF_8);
        long[] out = new long[1];
        assertThat(BufferFunctions.personNew(MemorySegment.ofArray(name), -1, 1.75f, MemorySegment.ofArray(out)))
                .isZero();
        MemorySegment pointer = MemorySegment.ofAddress(out[0]);
        Person selfTestRead;
        try {
            selfTestRead = SelfTest.readPerson(pointer);
        } finally {
            // take() reads and frees, like the hot path
            assertThat(PersonStruct.take(pointer)).isEqualTo(new Person("Zoë Ødegård", Person.MAX_AGE, 1.75f));
        }
        assertThat(selfTestRead).isEqualTo(new Person("Zoë Ødegård", Person.MAX_AGE, 1.75f));
        assertThat(NativeDiagnostics.liveCounts()).isEqualTo(LiveCounts.NONE);
    }

    private FfiBridgeLibrary with(String name, MemorySegment function) {
        return FfiBridgeLibrary.open(new RecordingLookup(real, Map.of(name, function), Set.of()), "test");
    }

    private static MemorySegment libc(String name) {
        return Linker.nativeLinker().defaultLookup().find(name).orElseThrow();
    }
}
