package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The floor: the benchmarks' own FFM binding of {@link NativeLib#path()}, one {@code static final}
 * downcall handle per symbol, {@link Linker.Option#critical critical} (no thread-state transition;
 * heap segments allowed where an array is passed). No validation, no wrapping: the least a Java
 * caller can do to call the same Rust function.
 */
final class Raw {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBRARY = SymbolLookup.libraryLookup(NativeLib.path(), Arena.global());
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);
    private static final Linker.Option CRITICAL_HEAP = Linker.Option.critical(true);

    /** {@code int32_t add_numbers(int32_t, int32_t)}, critical. */
    static final MethodHandle ADD_NUMBERS =
            handle("add_numbers", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CRITICAL);

    /** {@code add_numbers} as an ordinary (non-critical) downcall, as a plain binding would make it. */
    static final MethodHandle ADD_NUMBERS_PLAIN =
            handle("add_numbers", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

    /** {@code Person *create_person(void)}. */
    static final MethodHandle CREATE_PERSON = handle("create_person", FunctionDescriptor.of(ADDRESS), CRITICAL);

    /** {@code void free_person(Person *)}. */
    static final MethodHandle FREE_PERSON = handle("free_person", FunctionDescriptor.ofVoid(ADDRESS), CRITICAL);

    /** {@code int32_t ffi_bridge_person_new(const char *, uint32_t, float, Person **)}. */
    static final MethodHandle PERSON_NEW = handle(
            "ffi_bridge_person_new",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS),
            CRITICAL_HEAP);

    /** {@code Data *get_data(void)}. */
    static final MethodHandle GET_DATA = handle("get_data", FunctionDescriptor.of(ADDRESS), CRITICAL);

    /** {@code void free_data(Data *)}. */
    static final MethodHandle FREE_DATA = handle("free_data", FunctionDescriptor.ofVoid(ADDRESS), CRITICAL);

    /** {@code int32_t ffi_bridge_data_fill(Data *)}. */
    static final MethodHandle DATA_FILL =
            handle("ffi_bridge_data_fill", FunctionDescriptor.of(JAVA_INT, ADDRESS), CRITICAL_HEAP);

    /** {@code void fill_buffer(double *, size_t)} (the guide's function), heap segments allowed. */
    static final MethodHandle FILL_BUFFER =
            handle("fill_buffer", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG), CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_sum_buffer(const double *, size_t, double *)}, heap segments allowed. */
    static final MethodHandle SUM_BUFFER = handle(
            "ffi_bridge_sum_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS), CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_buffer_new_filled(size_t, FfiBridgeBuffer **)}. */
    static final MethodHandle BUFFER_NEW_FILLED =
            handle("ffi_bridge_buffer_new_filled", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), CRITICAL_HEAP);

    /** {@code void ffi_bridge_buffer_free(FfiBridgeBuffer *)}. */
    static final MethodHandle BUFFER_FREE =
            handle("ffi_bridge_buffer_free", FunctionDescriptor.ofVoid(ADDRESS), CRITICAL);

    /** {@code int32_t ffi_bridge_fill_serialized(size_t, FfiBridgeBytes **)}. */
    static final MethodHandle FILL_SERIALIZED =
            handle("ffi_bridge_fill_serialized", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS), CRITICAL_HEAP);

    /** {@code void ffi_bridge_bytes_free(FfiBridgeBytes *)}. */
    static final MethodHandle BYTES_FREE =
            handle("ffi_bridge_bytes_free", FunctionDescriptor.ofVoid(ADDRESS), CRITICAL);

    /** {@code int32_t ffi_bridge_encode_person(const Person *, FfiBridgeBytes **)}. */
    static final MethodHandle ENCODE_PERSON =
            handle("ffi_bridge_encode_person", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_encode_person_into(const uint8_t *, size_t, uint32_t, float, uint8_t *, size_t)}. */
    static final MethodHandle ENCODE_PERSON_INTO = handle(
            "ffi_bridge_encode_person_into",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_LONG),
            CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_decode_person(const uint8_t *, size_t, Person **)}. */
    static final MethodHandle DECODE_PERSON = handle(
            "ffi_bridge_decode_person", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS), CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_encode_data(const Data *, FfiBridgeBytes **)}. */
    static final MethodHandle ENCODE_DATA =
            handle("ffi_bridge_encode_data", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_decode_data(const uint8_t *, size_t, Data *)}. */
    static final MethodHandle DECODE_DATA = handle(
            "ffi_bridge_decode_data", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS), CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_encode_sequence_into(const double *, size_t, uint8_t *, size_t)}. */
    static final MethodHandle ENCODE_SEQUENCE_INTO = handle(
            "ffi_bridge_encode_sequence_into",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG),
            CRITICAL_HEAP);

    /** {@code int32_t ffi_bridge_decode_sequence_into(const uint8_t *, size_t, double *, size_t)}. */
    static final MethodHandle DECODE_SEQUENCE_INTO = handle(
            "ffi_bridge_decode_sequence_into",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG),
            CRITICAL_HEAP);

    /** Person: {@code {uint32_t age; float height; char *name;}}, 16 bytes. */
    static final long PERSON_SIZE = 16;

    static final long PERSON_AGE = 0;
    static final long PERSON_HEIGHT = 4;
    static final long PERSON_NAME = 8;

    /** Data: {@code {double values[5];}}, 40 bytes. */
    static final long DATA_SIZE = 40;

    /** FfiBridgeBuffer / FfiBridgeBytes: {@code {T *data; size_t length;}}, 16 bytes. */
    static final long OWNED_SIZE = 16;

    static final long OWNED_DATA = 0;
    static final long OWNED_LENGTH = 8;

    private Raw() {}

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIBRARY.find(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not exported by " + NativeLib.path()));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** Throws unless {@code status} is 0 (FFI_BRIDGE_OK). */
    static void check(int status) {
        if (status != 0) {
            throw new IllegalStateException("ffi_bridge status " + status);
        }
    }
}
