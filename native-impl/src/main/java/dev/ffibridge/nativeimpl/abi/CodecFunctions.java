package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Bindings of the header's section "owned memory and codec": the Rust-owned buffer and bytes, and the
 * encoders and decoders of the byte layout. Critical handles take heap arrays; {@code
 * ffi_bridge_buffer_new_filled} and {@code ffi_bridge_fill_serialized} (whose work may be long) are regular
 * and take native memory, and the person functions have both, the regular one for long names. Handles:
 * {@link Handles}; calls: {@link Calls}.
 */
public final class CodecFunctions {

    private static final NativeFunction.Group GROUP = new NativeFunction.Group();

    /** {@code int32_t ffi_bridge_buffer_new_filled(size_t length, FfiBridgeBuffer **out)}. */
    public static final NativeFunction BUFFER_NEW_FILLED =
            GROUP.declare("ffi_bridge_buffer_new_filled", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));

    /** {@code void ffi_bridge_buffer_free(FfiBridgeBuffer *buffer)}. */
    public static final NativeFunction BUFFER_FREE =
            GROUP.declare("ffi_bridge_buffer_free", FunctionDescriptor.ofVoid(ADDRESS));

    /** {@code int32_t ffi_bridge_encode_person(const Person *person, FfiBridgeBytes **out)}. */
    public static final NativeFunction ENCODE_PERSON =
            GROUP.declare("ffi_bridge_encode_person", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    /**
     * {@code int32_t ffi_bridge_encode_person_into(const uint8_t *name, size_t name_length, uint32_t age, float
     * height, uint8_t *out, size_t out_length)}.
     */
    public static final NativeFunction ENCODE_PERSON_INTO = GROUP.declare(
            "ffi_bridge_encode_person_into",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_LONG));

    /** {@code int32_t ffi_bridge_encode_data(const Data *data, FfiBridgeBytes **out)}. */
    public static final NativeFunction ENCODE_DATA =
            GROUP.declare("ffi_bridge_encode_data", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    /**
     * {@code int32_t ffi_bridge_encode_sequence_into(const double *values, size_t length, uint8_t *out,
     * size_t out_length)}.
     */
    public static final NativeFunction ENCODE_SEQUENCE_INTO = GROUP.declare(
            "ffi_bridge_encode_sequence_into", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));

    /** {@code int32_t ffi_bridge_fill_serialized(size_t length, FfiBridgeBytes **out)}. */
    public static final NativeFunction FILL_SERIALIZED =
            GROUP.declare("ffi_bridge_fill_serialized", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));

    /** {@code void ffi_bridge_bytes_free(FfiBridgeBytes *bytes)}. */
    public static final NativeFunction BYTES_FREE =
            GROUP.declare("ffi_bridge_bytes_free", FunctionDescriptor.ofVoid(ADDRESS));

    /** {@code int32_t ffi_bridge_decode_person(const uint8_t *bytes, size_t length, Person **out)}. */
    public static final NativeFunction DECODE_PERSON =
            GROUP.declare("ffi_bridge_decode_person", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));

    /** {@code int32_t ffi_bridge_decode_data(const uint8_t *bytes, size_t length, Data *out)}. */
    public static final NativeFunction DECODE_DATA =
            GROUP.declare("ffi_bridge_decode_data", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));

    /**
     * {@code int32_t ffi_bridge_decode_sequence_into(const uint8_t *bytes, size_t length, double *out,
     * size_t out_length)}.
     */
    public static final NativeFunction DECODE_SEQUENCE_INTO = GROUP.declare(
            "ffi_bridge_decode_sequence_into", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));

    /** This section's functions, in declaration order. */
    public static final List<NativeFunction> FUNCTIONS = GROUP.functions();

    private CodecFunctions() {}

    /** A new filled buffer into {@code *out}, through the regular handle (the fill may be long): native {@code out}. */
    public static int bufferNewFilled(long length, MemorySegment out) {
        return Calls.toInt(Handles.BufferNewFilled.Regular.HANDLE, length, out);
    }

    /** Frees a buffer of {@link #bufferNewFilled}; NULL is a no-op. */
    public static void bufferFree(MemorySegment buffer) {
        Calls.toVoid(Handles.BufferFree.Critical.HANDLE, buffer);
    }

    /** Encodes the {@code Person} struct at {@code person} into new bytes at {@code *out}; both native. */
    public static int encodePerson(MemorySegment person, MemorySegment out) {
        return Calls.toInt(Handles.EncodePerson.Regular.HANDLE, person, out);
    }

    /**
     * Encodes a person given by its fields into the caller's {@code out}, of exactly {@code 16 + nameLength} bytes:
     * {@code name} (UTF-8) and {@code out} are heap arrays.
     */
    public static int encodePersonInto(
            MemorySegment name, long nameLength, int age, float height, MemorySegment out, long outLength) {
        return Calls.toInt(Handles.EncodePersonInto.Critical.HANDLE, name, nameLength, age, height, out, outLength);
    }

    /** Encodes the {@code Data} at {@code data} into new bytes at {@code *out}; both may be on the heap. */
    public static int encodeData(MemorySegment data, MemorySegment out) {
        return Calls.toInt(Handles.EncodeData.Critical.HANDLE, data, out);
    }

    /** Encodes {@code values} into the caller's {@code out}; both are heap arrays. */
    public static int encodeSequenceInto(MemorySegment values, long length, MemorySegment out, long outLength) {
        return Calls.toInt(Handles.EncodeSequenceInto.Critical.HANDLE, values, length, out, outLength);
    }

    /** The encoded sequence of the first {@code length} fill values into {@code *out}, which must be native. */
    public static int fillSerialized(long length, MemorySegment out) {
        return Calls.toInt(Handles.FillSerialized.Regular.HANDLE, length, out);
    }

    /** Frees bytes of an encoder or {@link #fillSerialized}; NULL is a no-op. */
    public static void bytesFree(MemorySegment bytes) {
        Calls.toVoid(Handles.BytesFree.Critical.HANDLE, bytes);
    }

    /** {@link #bytesFree} through the regular handle, for large bytes, whose release may take long. */
    public static void bytesFreeRegular(MemorySegment bytes) {
        Calls.toVoid(Handles.BytesFree.Regular.HANDLE, bytes);
    }

    /** Decodes one {@code Person} into a new one at {@code *out}; the arguments may be heap arrays. */
    public static int decodePerson(MemorySegment bytes, long length, MemorySegment out) {
        return Calls.toInt(Handles.DecodePerson.Critical.HANDLE, bytes, length, out);
    }

    /** {@link #decodePerson} through the regular handle, for long bytes: {@code bytes} and {@code out} native. */
    public static int decodePersonRegular(MemorySegment bytes, long length, MemorySegment out) {
        return Calls.toInt(Handles.DecodePerson.Regular.HANDLE, bytes, length, out);
    }

    /** Decodes one {@code Data} into the caller's {@code out}; the arguments may be heap arrays. */
    public static int decodeData(MemorySegment bytes, long length, MemorySegment out) {
        return Calls.toInt(Handles.DecodeData.Critical.HANDLE, bytes, length, out);
    }

    /** Decodes one sequence into the caller's {@code out}; {@code bytes} and {@code out} are heap arrays. */
    public static int decodeSequenceInto(MemorySegment bytes, long length, MemorySegment out, long outLength) {
        return Calls.toInt(Handles.DecodeSequenceInto.Critical.HANDLE, bytes, length, out, outLength);
    }
}
