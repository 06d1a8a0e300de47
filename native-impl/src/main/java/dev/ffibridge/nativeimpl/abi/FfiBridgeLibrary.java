package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ffibridge.api.FfiBridgeException;
import dev.ffibridge.nativeimpl.loading.AbiHandshake;
import dev.ffibridge.nativeimpl.loading.LibraryLocator;
import dev.ffibridge.nativeimpl.loading.NativeRuntime;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every downcall into {@code libffi_bridge.so} (the C ABI of {@code docs/abi.md}): one nested class
 * per C function, with its name, its descriptor and a typed static {@code invoke}.
 *
 * <p><b>Linked lazily.</b> The functions of this JVM's library ({@link NativeRuntime#library()}) are
 * linked one by one on first use: each function's method handle is created by the static
 * initialiser of a holder class nested in the function's class ({@code Critical}, and {@code
 * Regular} for the functions that also take large native buffers). A {@code static final} field is
 * a JIT constant, so a linked call inlines as if its handle had been made at start-up, while {@code
 * FfiBridge.load()} pays only for the handles of the self-test (every new descriptor shape costs
 * milliseconds in a cold JVM; the ABI handshake reads data and links none). Linking happens in
 * {@link #downcall} only.
 *
 * <p><b>One opened library file</b> is an instance: {@link #open} looks up the data symbol {@link
 * #ABI_INFO} and links nothing, so that {@link AbiHandshake} refuses a library of another ABI version
 * before any function is touched; {@link #requireAllFunctions()} then
 * checks that the library exports every function of the ABI (symbol lookups, no handles), so a
 * library that lacks one is refused at load, not at its first call. The load-time checks call
 * through handles linked on the instance they check ({@code invoke(FfiBridgeLibrary, ...)}), never
 * through the holders, so a refused library leaves nothing behind. Should linking fail after the
 * load all the same, every call of that function throws an {@link FfiBridgeException} saying why.
 *
 * <p>Short calls, and every call that takes a pointer into a Java heap array, use a {@linkplain
 * Linker.Option#critical(boolean) critical} handle with heap access, so arrays pass without a copy.
 * A critical call holds off the garbage collector until it returns, so the functions that walk a
 * buffer of arbitrary size also have a regular handle, used for native segments larger than {@link
 * #CRITICAL_NATIVE_BYTES}.
 */
public final class FfiBridgeLibrary {

    /** The ABI version these bindings implement; {@code ffi_bridge_abi_version()} must return it. */
    public static final int ABI_VERSION = 2;

    /** Native segments up to this many bytes go through critical handles; larger ones through regular handles. */
    public static final long CRITICAL_NATIVE_BYTES = 1L << 20;

    /** Status {@code FFI_BRIDGE_OK}. */
    public static final int OK = 0;

    private static final Linker.Option[] CRITICAL = {Linker.Option.critical(true)};
    private static final Linker.Option[] REGULAR = {};

    /**
     * The data symbol {@code const FfiBridgeLayout FFI_BRIDGE_ABI_INFO}: what {@code ffi_bridge_layout}
     * writes, so its first {@code uint32_t} is the ABI version. The handshake reads it (no downcall).
     */
    public static final String ABI_INFO = "FFI_BRIDGE_ABI_INFO";

    private final SymbolLookup lookup;
    private final String origin;

    /** {@link #ABI_INFO}'s address, a segment of size 0. */
    private final MemorySegment abiInfo;

    private FfiBridgeLibrary(SymbolLookup lookup, String origin, MemorySegment abiInfo) {
        this.lookup = lookup;
        this.origin = origin;
        this.abiInfo = abiInfo;
    }

    /** Whether a call on {@code segment} must use the regular handle (large native memory). */
    public static boolean needsRegularCall(MemorySegment segment) {
        return segment.isNative() && segment.byteSize() > CRITICAL_NATIVE_BYTES;
    }

    /** {@code int32_t add_numbers(int32_t a, int32_t b)}. */
    public static final class AddNumbers {
        public static final String NAME = "add_numbers";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);

        private AddNumbers() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static int invoke(int a, int b) {
            try {
                return (int) Critical.HANDLE.invokeExact(a, b);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** The same on {@code library}, through a critical handle linked for this call: for the load-time checks. */
        public static int invoke(FfiBridgeLibrary library, int a, int b) {
            MethodHandle handle = library.critical(NAME, DESCRIPTOR);
            try {
                return (int) handle.invokeExact(a, b);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code Person *create_person(void)}. */
    public static final class CreatePerson {
        public static final String NAME = "create_person";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(ADDRESS);

        private CreatePerson() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static MemorySegment invoke() {
            try {
                return (MemorySegment) Critical.HANDLE.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** The same on {@code library}, through a critical handle linked for this call: for the load-time checks. */
        public static MemorySegment invoke(FfiBridgeLibrary library) {
            MethodHandle handle = library.critical(NAME, DESCRIPTOR);
            try {
                return (MemorySegment) handle.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void free_person(Person *p)}. */
    public static final class FreePerson {
        public static final String NAME = "free_person";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        private FreePerson() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static void invoke(MemorySegment person) {
            try {
                Critical.HANDLE.invokeExact(person);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** The same on {@code library}, through a critical handle linked for this call: for the load-time checks. */
        public static void invoke(FfiBridgeLibrary library, MemorySegment person) {
            MethodHandle handle = library.critical(NAME, DESCRIPTOR);
            try {
                handle.invokeExact(person);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code Data *get_data(void)}. */
    public static final class GetData {
        public static final String NAME = "get_data";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(ADDRESS);

        private GetData() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static MemorySegment invoke() {
            try {
                return (MemorySegment) Critical.HANDLE.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void free_data(Data *d)}. */
    public static final class FreeData {
        public static final String NAME = "free_data";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        private FreeData() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static void invoke(MemorySegment data) {
            try {
                Critical.HANDLE.invokeExact(data);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void fill_buffer(double *buffer, size_t length)}. */
    public static final class FillBuffer {
        public static final String NAME = "fill_buffer";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG);

        private FillBuffer() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** The regular handle of this JVM's library, linked on first use. */
        private static final class Regular {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, REGULAR);
        }

        /** Fills the {@code length} doubles at {@code buffer}, heap or native. */
        public static void invoke(MemorySegment buffer, long length) {
            try {
                if (needsRegularCall(buffer)) {
                    Regular.HANDLE.invokeExact(buffer, length);
                } else {
                    Critical.HANDLE.invokeExact(buffer, length);
                }
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** The same on {@code library}, through a critical handle linked for this call: for the load-time checks. */
        public static void invoke(FfiBridgeLibrary library, MemorySegment buffer, long length) {
            MethodHandle handle = library.critical(NAME, DESCRIPTOR);
            try {
                handle.invokeExact(buffer, length);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_fill_buffer(double *buffer, size_t length)}. */
    public static final class CheckedFillBuffer {
        public static final String NAME = "ffi_bridge_fill_buffer";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG);

        private CheckedFillBuffer() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** The regular handle of this JVM's library, linked on first use. */
        private static final class Regular {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, REGULAR);
        }

        public static int invoke(MemorySegment buffer, long length) {
            try {
                return needsRegularCall(buffer)
                        ? (int) Regular.HANDLE.invokeExact(buffer, length)
                        : (int) Critical.HANDLE.invokeExact(buffer, length);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_person_new(const char *name, uint32_t age, float height, Person **out)}. */
    public static final class PersonNew {
        public static final String NAME = "ffi_bridge_person_new";
        public static final FunctionDescriptor DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS);

        private PersonNew() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access: {@code name} and {@code out} may be heap arrays. */
        public static int invoke(MemorySegment name, int age, float height, MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(name, age, height, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_data_fill(Data *out)}. */
    public static final class DataFill {
        public static final String NAME = "ffi_bridge_data_fill";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS);

        private DataFill() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access: {@code out} may be a heap {@code double[5]}. */
        public static int invoke(MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_sum_buffer(const double *buffer, size_t length, double *out)}. */
    public static final class SumBuffer {
        public static final String NAME = "ffi_bridge_sum_buffer";
        public static final FunctionDescriptor DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        private SumBuffer() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** The regular handle of this JVM's library, linked on first use. */
        private static final class Regular {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, REGULAR);
        }

        /** Critical with heap access: both may be on the heap. */
        public static int invokeCritical(MemorySegment buffer, long length, MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(buffer, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Regular: both must be native. */
        public static int invokeRegular(MemorySegment buffer, long length, MemorySegment out) {
            try {
                return (int) Regular.HANDLE.invokeExact(buffer, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code double ffi_bridge_sum(const double *buffer, size_t length)}. */
    public static final class Sum {
        public static final String NAME = "ffi_bridge_sum";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG);

        private Sum() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** The regular handle of this JVM's library, linked on first use. */
        private static final class Regular {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, REGULAR);
        }

        /** Sums the {@code length} doubles at {@code buffer}, heap or native. */
        public static double invoke(MemorySegment buffer, long length) {
            try {
                return needsRegularCall(buffer)
                        ? (double) Regular.HANDLE.invokeExact(buffer, length)
                        : (double) Critical.HANDLE.invokeExact(buffer, length);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** The same on {@code library}, through a critical handle linked for this call: for the load-time checks. */
        public static double invoke(FfiBridgeLibrary library, MemorySegment buffer, long length) {
            MethodHandle handle = library.critical(NAME, DESCRIPTOR);
            try {
                return (double) handle.invokeExact(buffer, length);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_buffer_new_filled(size_t length, FfiBridgeBuffer **out)}. */
    public static final class BufferNewFilled {
        public static final String NAME = "ffi_bridge_buffer_new_filled";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS);

        private BufferNewFilled() {}

        /** The regular handle of this JVM's library, linked on first use. */
        private static final class Regular {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, REGULAR);
        }

        /** Regular (the fill may be long): {@code out} must be native. */
        public static int invoke(long length, MemorySegment out) {
            try {
                return (int) Regular.HANDLE.invokeExact(length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void ffi_bridge_buffer_free(FfiBridgeBuffer *b)}. */
    public static final class BufferFree {
        public static final String NAME = "ffi_bridge_buffer_free";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        private BufferFree() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static void invoke(MemorySegment buffer) {
            try {
                Critical.HANDLE.invokeExact(buffer);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_encode_person(const Person *p, FfiBridgeBytes **out)}. */
    public static final class EncodePerson {
        public static final String NAME = "ffi_bridge_encode_person";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);

        private EncodePerson() {}

        /** The regular handle of this JVM's library, linked on first use. */
        private static final class Regular {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, REGULAR);
        }

        /** Regular (the name may be long): both must be native. */
        public static int invoke(MemorySegment person, MemorySegment out) {
            try {
                return (int) Regular.HANDLE.invokeExact(person, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_encode_data(const Data *d, FfiBridgeBytes **out)}. */
    public static final class EncodeData {
        public static final String NAME = "ffi_bridge_encode_data";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);

        private EncodeData() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access. */
        public static int invoke(MemorySegment data, MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(data, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /**
     * {@code int32_t ffi_bridge_encode_sequence_into(const double *values, size_t length, uint8_t *out,
     * size_t out_length)}.
     */
    public static final class EncodeSequenceInto {
        public static final String NAME = "ffi_bridge_encode_sequence_into";
        public static final FunctionDescriptor DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG);

        private EncodeSequenceInto() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access: {@code values} and {@code out} are heap arrays. */
        public static int invoke(MemorySegment values, long length, MemorySegment out, long outLength) {
            try {
                return (int) Critical.HANDLE.invokeExact(values, length, out, outLength);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_fill_serialized(size_t length, FfiBridgeBytes **out)}. */
    public static final class FillSerialized {
        public static final String NAME = "ffi_bridge_fill_serialized";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS);

        private FillSerialized() {}

        /** The regular handle of this JVM's library, linked on first use. */
        private static final class Regular {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, REGULAR);
        }

        /** Regular: {@code out} must be native. */
        public static int invoke(long length, MemorySegment out) {
            try {
                return (int) Regular.HANDLE.invokeExact(length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void ffi_bridge_bytes_free(FfiBridgeBytes *b)}. */
    public static final class BytesFree {
        public static final String NAME = "ffi_bridge_bytes_free";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        private BytesFree() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static void invoke(MemorySegment bytes) {
            try {
                Critical.HANDLE.invokeExact(bytes);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_decode_person(const uint8_t *bytes, size_t length, Person **out)}. */
    public static final class DecodePerson {
        public static final String NAME = "ffi_bridge_decode_person";
        public static final FunctionDescriptor DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        private DecodePerson() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access. */
        public static int invoke(MemorySegment bytes, long length, MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(bytes, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_decode_data(const uint8_t *bytes, size_t length, Data *out)}. */
    public static final class DecodeData {
        public static final String NAME = "ffi_bridge_decode_data";
        public static final FunctionDescriptor DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        private DecodeData() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access. */
        public static int invoke(MemorySegment bytes, long length, MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(bytes, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /**
     * {@code int32_t ffi_bridge_decode_sequence_into(const uint8_t *bytes, size_t length, double *out,
     * size_t out_length)}.
     */
    public static final class DecodeSequenceInto {
        public static final String NAME = "ffi_bridge_decode_sequence_into";
        public static final FunctionDescriptor DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG);

        private DecodeSequenceInto() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access: {@code bytes} and {@code out} are heap arrays. */
        public static int invoke(MemorySegment bytes, long length, MemorySegment out, long outLength) {
            try {
                return (int) Critical.HANDLE.invokeExact(bytes, length, out, outLength);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code const char *ffi_bridge_status_message(int32_t status)}. */
    public static final class StatusMessage {
        public static final String NAME = "ffi_bridge_status_message";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(ADDRESS, JAVA_INT);

        private StatusMessage() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** The library's text for {@code status}. */
        public static String invoke(int status) {
            MemorySegment message;
            try {
                message = (MemorySegment) Critical.HANDLE.invokeExact(status);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            return text(message);
        }
    }

    /** {@code uint32_t ffi_bridge_abi_version(void)}. */
    public static final class AbiVersion {
        public static final String NAME = "ffi_bridge_abi_version";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT);

        private AbiVersion() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        public static int invoke() {
            try {
                return (int) Critical.HANDLE.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_layout(FfiBridgeLayout *out)}. */
    public static final class Layout {
        public static final String NAME = "ffi_bridge_layout";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS);

        private Layout() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access: {@code out} may be a heap {@code int[17]}. */
        public static int invoke(MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_live_counts(FfiBridgeLiveCounts *out)}. */
    public static final class LiveCountsFunction {
        public static final String NAME = "ffi_bridge_live_counts";
        public static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS);

        private LiveCountsFunction() {}

        /** The critical handle of this JVM's library, linked on first use. */
        private static final class Critical {
            static final MethodHandle HANDLE = linkLazily(NAME, DESCRIPTOR, CRITICAL);
        }

        /** Critical with heap access: {@code out} may be a heap {@code long[4]}. */
        public static int invoke(MemorySegment out) {
            try {
                return (int) Critical.HANDLE.invokeExact(out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** The names of every function the bindings need, in declaration order. */
    public static final List<String> FUNCTIONS = List.of(
            AddNumbers.NAME,
            CreatePerson.NAME,
            FreePerson.NAME,
            GetData.NAME,
            FreeData.NAME,
            FillBuffer.NAME,
            CheckedFillBuffer.NAME,
            PersonNew.NAME,
            DataFill.NAME,
            SumBuffer.NAME,
            Sum.NAME,
            BufferNewFilled.NAME,
            BufferFree.NAME,
            EncodePerson.NAME,
            EncodeData.NAME,
            EncodeSequenceInto.NAME,
            FillSerialized.NAME,
            BytesFree.NAME,
            DecodePerson.NAME,
            DecodeData.NAME,
            DecodeSequenceInto.NAME,
            StatusMessage.NAME,
            AbiVersion.NAME,
            Layout.NAME,
            LiveCountsFunction.NAME);

    /**
     * The library behind {@code lookup}, of which nothing is linked yet. It must export the data
     * symbol {@link #ABI_INFO}, which the handshake reads instead of calling a function.
     *
     * @param lookup the opened library
     * @param origin what the library is, for messages (e.g. its path)
     * @throws UnsatisfiedLinkError if it does not (a library of another ABI, or not a libffi_bridge at
     *     all): the message names it and every function of the ABI the library lacks too
     */
    public static FfiBridgeLibrary open(SymbolLookup lookup, String origin) {
        Optional<MemorySegment> abiInfo = lookup.find(ABI_INFO);
        if (abiInfo.isEmpty()) {
            List<String> missing = missingFunctions(lookup);
            throw new UnsatisfiedLinkError("the library does not export " + ABI_INFO
                    + " (the data symbol with the version and struct layouts of ABI version " + ABI_VERSION + ")"
                    + (missing.isEmpty() ? "" : " nor " + describe(missing)));
        }
        return new FfiBridgeLibrary(lookup, origin, abiInfo.get());
    }

    /**
     * The first {@code byteSize} bytes of this library's {@link #ABI_INFO}: read the version (the
     * first four) before anything else, as another ABI version may describe itself differently.
     */
    public MemorySegment abiInfo(long byteSize) {
        return Pointers.bytes(abiInfo, byteSize, ABI_INFO);
    }

    /**
     * Checks that the library exports every function of {@link #FUNCTIONS}: symbol lookups only, no
     * method handles.
     *
     * @throws UnsatisfiedLinkError naming every function the library does not export
     */
    public void requireAllFunctions() {
        List<String> missing = missingFunctions(lookup);
        if (!missing.isEmpty()) {
            throw new UnsatisfiedLinkError("the library does not export " + describe(missing));
        }
    }

    /** The functions of {@link #FUNCTIONS} that {@code lookup} does not find, in order. */
    private static List<String> missingFunctions(SymbolLookup lookup) {
        List<String> missing = new ArrayList<>();
        for (String name : FUNCTIONS) {
            if (lookup.find(name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static String describe(List<String> missingFunctions) {
        return String.join(", ", missingFunctions) + " (" + missingFunctions.size() + " of the " + FUNCTIONS.size()
                + " functions of ABI version " + ABI_VERSION + ")";
    }

    /** A critical handle (with heap access) of this library's function {@code name}. */
    public MethodHandle critical(String name, FunctionDescriptor descriptor) {
        return downcall(name, descriptor, CRITICAL);
    }

    /** A regular handle of this library's function {@code name}. */
    public MethodHandle regular(String name, FunctionDescriptor descriptor) {
        return downcall(name, descriptor, REGULAR);
    }

    /**
     * Links this library's function {@code name}: the one place that creates downcall handles.
     *
     * @throws UnsatisfiedLinkError if the library does not export it
     */
    @SuppressWarnings("restricted")
    private MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option[] options) {
        Optional<MemorySegment> symbol = lookup.find(name);
        if (symbol.isEmpty()) {
            throw new UnsatisfiedLinkError(origin + " does not export " + name);
        }
        return Linker.nativeLinker().downcallHandle(symbol.get(), descriptor, options);
    }

    /**
     * The handle of {@code name} in this JVM's library, for a holder's static initialiser. Never
     * throws (a failed static initialiser would leave a {@link NoClassDefFoundError} behind): if the
     * function cannot be linked, the handle throws an {@link FfiBridgeException} saying why at every
     * call.
     */
    private static MethodHandle linkLazily(String name, FunctionDescriptor descriptor, Linker.Option[] options) {
        try {
            return NativeRuntime.library().downcall(name, descriptor, options);
        } catch (RuntimeException | LinkageError e) {
            return failing(name, descriptor, e);
        }
    }

    /** A handle of {@code descriptor}'s type that throws a new {@link FfiBridgeException} caused by {@code cause}. */
    public static MethodHandle failing(String name, FunctionDescriptor descriptor, Throwable cause) {
        MethodType type = descriptor.toMethodType();
        try {
            MethodHandle fail = MethodHandles.lookup()
                    .findStatic(
                            FfiBridgeLibrary.class,
                            "failLinked",
                            MethodType.methodType(Object.class, String.class, Throwable.class));
            return MethodHandles.dropArguments(
                            MethodHandles.insertArguments(fail, 0, name, cause), 0, type.parameterList())
                    .asType(type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("failLinked is declared here", e);
        }
    }

    /** What a function that could not be linked does instead of the call. */
    private static Object failLinked(String name, Throwable cause) {
        FfiBridgeException failure = new FfiBridgeException(
                0,
                "cannot call " + name + ": " + cause.getMessage()
                        + " (the library passed the ABI handshake, so it is broken or was replaced; "
                        + LibraryLocator.ALTERNATIVES + ")");
        failure.initCause(cause);
        throw failure;
    }

    /** The Java string of a {@code const char *} returned by the library; "no message" for NULL. */
    private static String text(MemorySegment message) {
        return message.equals(MemorySegment.NULL) ? "no message" : Pointers.cString(message, "status message");
    }

    /** Lets unchecked exceptions and errors through; a checked one cannot come from a downcall. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("unexpected exception from a downcall", t);
    }
}
