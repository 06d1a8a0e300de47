package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import dev.ffibridge.nativeimpl.loading.ClassLoadLog;
import dev.ffibridge.nativeimpl.loading.NativeRuntime;
import dev.ffibridge.nativeimpl.operations.LiveCounts;
import dev.ffibridge.nativeimpl.operations.NativeDiagnostics;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bindings themselves, including the statuses the public API never lets happen. */
class FfiBridgeLibraryTest {

    private final FfiBridgeLibrary library = NativeRuntime.library();

    @AfterEach
    void everythingCameBack() {
        assertThat(NativeDiagnostics.liveCounts()).isEqualTo(LiveCounts.NONE);
    }

    @Test
    void bindsEveryFunctionOfTheAbi() {
        assertThat(BoundFunctions.ALL)
                .hasSize(CHeader.read().functions().size() - HeaderBindingsTest.UNBOUND.size())
                .doesNotHaveDuplicates();
        library.requireAllFunctions();
        assertThat(DiagnosticFunctions.abiVersion()).isEqualTo(FfiBridgeLibrary.ABI_VERSION);
    }

    /**
     * In a fresh JVM: {@code FfiBridge.load("native")} links no function through the holders (the
     * checks link their own handles), and the first {@code addNumbers} links {@code add_numbers} and
     * nothing else.
     */
    @Test
    void theJvmsLibraryIsLinkedFunctionByFunctionOnFirstUse(@TempDir Path tmpdir) throws Exception {
        ClassLoadLog log = ClassLoadLog.run(tmpdir);
        assertThat(holders(log.load())).as("linked through holders by load()").isEmpty();
        assertThat(holders(log.firstCall()))
                .as("linked by the first addNumbers")
                .containsExactly("AddNumbers$Critical");
    }

    /**
     * The holder classes ({@code Handles$<Function>$Critical} or {@code $Regular}) loaded in
     * {@code log}, as {@code <Function>$Critical} or {@code <Function>$Regular}.
     */
    private static List<String> holders(List<String> log) {
        Pattern holder =
                Pattern.compile("dev\\.ffibridge\\.nativeimpl\\.abi\\.Handles\\$(\\w+\\$(?:Critical|Regular)) ");
        List<String> found = new ArrayList<>();
        for (String line : log) {
            Matcher matcher = holder.matcher(line);
            if (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    @Test
    void theGuidesGetDataAndFreeData() {
        MemorySegment data = GuideFunctions.getData();
        try {
            assertThat(NativeDiagnostics.liveCounts().data()).isEqualTo(1);
            assertThat(DataStruct.from(Pointers.struct(data, DataStruct.LAYOUT)).values())
                    .isEqualTo(Data.of(1.1, 2.2, 3.3, 4.4, 5.5));
        } finally {
            GuideFunctions.freeData(data);
        }
    }

    @Test
    void theGuidesCreatePersonIsCounted() {
        MemorySegment person = GuideFunctions.createPerson();
        assertThat(NativeDiagnostics.liveCounts().persons()).isEqualTo(1);
        GuideFunctions.freePerson(person);
    }

    @Test
    void freeFunctionsIgnoreNull() {
        GuideFunctions.freePerson(MemorySegment.NULL);
        GuideFunctions.freeData(MemorySegment.NULL);
        CodecFunctions.bufferFree(MemorySegment.NULL);
        CodecFunctions.bytesFree(MemorySegment.NULL);
    }

    @Test
    void fillSerializedIsAnEncodedSequence() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            assertThat(CodecFunctions.fillSerialized(4, out)).isZero();
            MemorySegment bytes = out.get(ADDRESS, 0);
            try {
                BytesStruct struct = BytesStruct.at(bytes);
                ByteBuffer expected = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
                expected.putLong(4).putDouble(0).putDouble(1).putDouble(2).putDouble(3);
                assertThat(struct.toArray()).isEqualTo(expected.array());
            } finally {
                CodecFunctions.bytesFree(bytes);
            }
        }
    }

    @Test
    void checkedFillReportsNullAndOverflow() {
        assertThat(BufferFunctions.checkedFillBuffer(MemorySegment.NULL, 3)).isEqualTo(Status.NULL_POINTER.code());
        double[] buffer = new double[3];
        assertThat(BufferFunctions.checkedFillBuffer(MemorySegment.ofArray(buffer), Long.MAX_VALUE / 4))
                .isEqualTo(Status.LENGTH_OVERFLOW.code());
        assertThat(buffer).containsOnly(0);
        assertThat(BufferFunctions.checkedFillBuffer(MemorySegment.ofArray(buffer), 3))
                .isZero();
        assertThat(buffer).containsExactly(0, 1, 2);
    }

    @Test
    void fillPieceReportsNullAndOverflowAndFillsFromItsStartWhateverTheTotal() {
        double[] buffer = new double[3];
        MemorySegment segment = MemorySegment.ofArray(buffer);
        long streamed = 8L << 20;
        assertThat(BufferFunctions.fillPiece(MemorySegment.NULL, 3, 0, 3)).isEqualTo(Status.NULL_POINTER.code());
        assertThat(BufferFunctions.fillPiece(segment, Long.MAX_VALUE / 4, 0, streamed))
                .isEqualTo(Status.LENGTH_OVERFLOW.code());
        assertThat(BufferFunctions.fillPiece(segment, 3, -2L, streamed))
                .as("start + length > 2^64")
                .isEqualTo(Status.LENGTH_OVERFLOW.code());
        assertThat(buffer).containsOnly(0);
        assertThat(BufferFunctions.fillPiece(segment, 3, 10, 3)).isZero();
        assertThat(buffer).containsExactly(10, 11, 12);
        assertThat(BufferFunctions.fillPiece(segment, 3, 20, streamed)).isZero();
        assertThat(buffer).containsExactly(20, 21, 22);
        assertThat(BufferFunctions.fillPiece(segment, 3, 30, 0))
                .as("a total below the length")
                .isZero();
        assertThat(buffer).containsExactly(30, 31, 32);
    }

    @Test
    void sumBlocksReportsNullAndOverflowAndAddsToTheTotals() {
        double[] totals = new double[16];
        totals[0] = 42;
        MemorySegment out = MemorySegment.ofArray(totals);
        double[] values = {1, 2, 3};
        assertThat(BufferFunctions.sumBlocks(MemorySegment.NULL, 3, out)).isEqualTo(Status.NULL_POINTER.code());
        assertThat(BufferFunctions.sumBlocks(MemorySegment.ofArray(values), 3, MemorySegment.NULL))
                .isEqualTo(Status.NULL_POINTER.code());
        assertThat(BufferFunctions.sumBlocks(MemorySegment.ofArray(values), Long.MAX_VALUE / 4, out))
                .isEqualTo(Status.LENGTH_OVERFLOW.code());
        assertThat(totals[0]).as("totals untouched on error").isEqualTo(42);
        assertThat(BufferFunctions.sumBlocks(MemorySegment.ofArray(values), 3, out))
                .isZero();
        assertThat(totals).startsWith(43, 2, 3, 0);
    }

    @Test
    void sumReportsNull() {
        double[] out = {42};
        assertThat(BufferFunctions.sumBufferCritical(MemorySegment.NULL, 2, MemorySegment.ofArray(out)))
                .isEqualTo(Status.NULL_POINTER.code());
        assertThat(out[0]).as("out untouched on error").isEqualTo(42);
    }

    @Test
    void directSumIsNanOnNullAndOverflow() {
        assertThat(BufferFunctions.sum(MemorySegment.NULL, 2)).isNaN();
        assertThat(BufferFunctions.sum(MemorySegment.NULL, 0)).isNaN();
        double[] buffer = {1, 2, 3};
        assertThat(BufferFunctions.sum(MemorySegment.ofArray(buffer), Long.MAX_VALUE / 4))
                .isNaN();
        assertThat(BufferFunctions.sum(MemorySegment.ofArray(buffer), -1)).isNaN();
        assertThat(BufferFunctions.sum(MemorySegment.ofArray(buffer), 3)).isEqualTo(6.0);
        assertThat(Double.doubleToRawLongBits(BufferFunctions.sum(MemorySegment.ofArray(buffer), 0)))
                .isZero();
    }

    @Test
    void bufferNewFilledReportsOverflow() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            assertThat(CodecFunctions.bufferNewFilled(Long.MAX_VALUE / 4, out))
                    .isEqualTo(Status.LENGTH_OVERFLOW.code());
            assertThat(out.get(ADDRESS, 0)).isEqualTo(MemorySegment.NULL);
        }
    }

    @Test
    void personNewRejectsInvalidUtf8AndNull() {
        long[] out = {7};
        byte[] invalid = {(byte) 0xc3, 0x28, 0};
        assertThat(BufferFunctions.personNew(MemorySegment.ofArray(invalid), 1, 1f, MemorySegment.ofArray(out)))
                .isEqualTo(Status.INVALID_UTF8.code());
        assertThat(BufferFunctions.personNew(MemorySegment.NULL, 1, 1f, MemorySegment.ofArray(out)))
                .isEqualTo(Status.NULL_POINTER.code());
        assertThat(out[0]).as("out untouched on error").isEqualTo(7);
    }

    @Test
    void encodePersonRejectsANullOrInvalidName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment nullName = new PersonStruct(1, 1f, MemorySegment.NULL).into(arena);
            assertThat(CodecFunctions.encodePerson(nullName, out)).isEqualTo(Status.NULL_POINTER.code());
            MemorySegment invalid = arena.allocate(3);
            invalid.set(JAVA_BYTE, 0, (byte) 0xff);
            MemorySegment badName = new PersonStruct(1, 1f, invalid).into(arena);
            assertThat(CodecFunctions.encodePerson(badName, out)).isEqualTo(Status.INVALID_UTF8.code());
            assertThat(out.get(ADDRESS, 0)).isEqualTo(MemorySegment.NULL);
        }
    }

    @Test
    void encodePersonIntoRejectsWhatNoPersonHasAndAnOutputOfAnotherLength() {
        byte[] out = new byte[16 + 3];
        assertThat(encodeInto(new byte[] {'B', (byte) 0xff, 'b'}, out)).isEqualTo(Status.INVALID_UTF8.code());
        assertThat(encodeInto(new byte[] {'B', 0, 'b'}, out)).isEqualTo(Status.INTERIOR_NUL.code());
        assertThat(encodeInto(new byte[] {'B', 'o'}, out)).isEqualTo(Status.OUTPUT_LENGTH.code());
        assertThat(CodecFunctions.encodePersonInto(MemorySegment.NULL, 3, 1, 1f, MemorySegment.ofArray(out), 19))
                .isEqualTo(Status.NULL_POINTER.code());
        assertThat(out).as("out untouched on error").containsOnly((byte) 0);
        assertThat(encodeInto(new byte[] {'B', 'o', 'b'}, out)).isEqualTo(Status.OK.code());
        assertThat(out).endsWith((byte) 'B', (byte) 'o', (byte) 'b');
    }

    private static int encodeInto(byte[] name, byte[] out) {
        return CodecFunctions.encodePersonInto(
                MemorySegment.ofArray(name), name.length, 1, 1f, MemorySegment.ofArray(out), out.length);
    }

    @Test
    void personStructsRoundTrip() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment struct = new PersonStruct(-1, 2.5f, arena.allocateFrom("Zoë")).into(arena);
            assertThat(PersonStruct.from(struct).toPerson()).isEqualTo(new Person("Zoë", Person.MAX_AGE, 2.5f));
        }
    }
}
