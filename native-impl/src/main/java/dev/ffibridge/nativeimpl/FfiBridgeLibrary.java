package dev.ffibridge.nativeimpl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every downcall into {@code libffi_bridge.so} (the C ABI of {@code docs/abi.md}), one nested record
 * per C function holding its name, descriptor, method handle(s) and a typed {@code invoke}.
 *
 * <p>Instances are made by {@link #link(SymbolLookup)} only. Because records' final fields are
 * trusted by the JIT, a {@code FfiBridgeLibrary} reached through a {@code static final} field has
 * constant method handles that inline like {@code static final} ones.
 *
 * <p>Short calls, and every call that takes a pointer into a Java heap array, use a {@linkplain
 * Linker.Option#critical(boolean) critical} handle with heap access, so arrays pass without a copy.
 * A critical call holds off the garbage collector until it returns, so the functions that walk a
 * buffer of arbitrary size also have a regular handle, used for native segments larger than {@link
 * #CRITICAL_NATIVE_BYTES}.
 */
record FfiBridgeLibrary(
        AddNumbers addNumbers,
        CreatePerson createPerson,
        FreePerson freePerson,
        GetData getData,
        FreeData freeData,
        FillBuffer fillBuffer,
        CheckedFillBuffer checkedFillBuffer,
        PersonNew personNew,
        DataFill dataFill,
        SumBuffer sumBuffer,
        Sum sum,
        BufferNewFilled bufferNewFilled,
        BufferFree bufferFree,
        EncodePerson encodePerson,
        EncodeData encodeData,
        EncodeSequence encodeSequence,
        FillSerialized fillSerialized,
        BytesFree bytesFree,
        DecodePerson decodePerson,
        DecodeData decodeData,
        DecodeSequence decodeSequence,
        StatusMessage statusMessage,
        AbiVersion abiVersion,
        Layout layout,
        LiveCountsFunction liveCounts) {

    /** The ABI version these bindings implement; {@code ffi_bridge_abi_version()} must return it. */
    static final int ABI_VERSION = 1;

    /** Native segments up to this many bytes go through critical handles; larger ones through regular handles. */
    static final long CRITICAL_NATIVE_BYTES = 1L << 20;

    /** Status {@code FFI_BRIDGE_OK}. */
    static final int OK = 0;

    private static final Linker.Option[] CRITICAL = {Linker.Option.critical(true)};
    private static final Linker.Option[] REGULAR = {};

    /** Whether a call on {@code segment} must use the regular handle (large native memory). */
    static boolean needsRegularCall(MemorySegment segment) {
        return segment.isNative() && segment.byteSize() > CRITICAL_NATIVE_BYTES;
    }

    /** {@code int32_t add_numbers(int32_t a, int32_t b)}. */
    record AddNumbers(MethodHandle handle) {
        static final String NAME = "add_numbers";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT);

        int invoke(int a, int b) {
            try {
                return (int) handle.invokeExact(a, b);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code Person *create_person(void)}. */
    record CreatePerson(MethodHandle handle) {
        static final String NAME = "create_person";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(ADDRESS);

        MemorySegment invoke() {
            try {
                return (MemorySegment) handle.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void free_person(Person *p)}. */
    record FreePerson(MethodHandle handle) {
        static final String NAME = "free_person";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        void invoke(MemorySegment person) {
            try {
                handle.invokeExact(person);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code Data *get_data(void)}. */
    record GetData(MethodHandle handle) {
        static final String NAME = "get_data";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(ADDRESS);

        MemorySegment invoke() {
            try {
                return (MemorySegment) handle.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void free_data(Data *d)}. */
    record FreeData(MethodHandle handle) {
        static final String NAME = "free_data";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        void invoke(MemorySegment data) {
            try {
                handle.invokeExact(data);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void fill_buffer(double *buffer, size_t length)}. */
    record FillBuffer(MethodHandle critical, MethodHandle regular) {
        static final String NAME = "fill_buffer";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG);

        /** Fills the {@code length} doubles at {@code buffer}, heap or native. */
        void invoke(MemorySegment buffer, long length) {
            try {
                if (needsRegularCall(buffer)) {
                    regular.invokeExact(buffer, length);
                } else {
                    critical.invokeExact(buffer, length);
                }
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_fill_buffer(double *buffer, size_t length)}. */
    record CheckedFillBuffer(MethodHandle critical, MethodHandle regular) {
        static final String NAME = "ffi_bridge_fill_buffer";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG);

        int invoke(MemorySegment buffer, long length) {
            try {
                return needsRegularCall(buffer)
                        ? (int) regular.invokeExact(buffer, length)
                        : (int) critical.invokeExact(buffer, length);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_person_new(const char *name, uint32_t age, float height, Person **out)}. */
    record PersonNew(MethodHandle handle) {
        static final String NAME = "ffi_bridge_person_new";
        static final FunctionDescriptor DESCRIPTOR =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS);

        /** Critical with heap access: {@code name} and {@code out} may be heap arrays. */
        int invoke(MemorySegment name, int age, float height, MemorySegment out) {
            try {
                return (int) handle.invokeExact(name, age, height, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_data_fill(Data *out)}. */
    record DataFill(MethodHandle handle) {
        static final String NAME = "ffi_bridge_data_fill";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS);

        /** Critical with heap access: {@code out} may be a heap {@code double[5]}. */
        int invoke(MemorySegment out) {
            try {
                return (int) handle.invokeExact(out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_sum_buffer(const double *buffer, size_t length, double *out)}. */
    record SumBuffer(MethodHandle critical, MethodHandle regular) {
        static final String NAME = "ffi_bridge_sum_buffer";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        /** Critical with heap access: both may be on the heap. */
        int invokeCritical(MemorySegment buffer, long length, MemorySegment out) {
            try {
                return (int) critical.invokeExact(buffer, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Regular: both must be native. */
        int invokeRegular(MemorySegment buffer, long length, MemorySegment out) {
            try {
                return (int) regular.invokeExact(buffer, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /**
     * {@code double ffi_bridge_sum(const double *buffer, size_t length)}: the sum of {@link SumBuffer},
     * bit for bit, returned directly (no out-parameter, so no allocation); NaN on error or on a
     * NaN sum, which {@link SumBuffer} tells apart.
     */
    record Sum(MethodHandle critical, MethodHandle regular) {
        static final String NAME = "ffi_bridge_sum";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG);

        /** Sums the {@code length} doubles at {@code buffer}, heap or native. */
        double invoke(MemorySegment buffer, long length) {
            try {
                return needsRegularCall(buffer)
                        ? (double) regular.invokeExact(buffer, length)
                        : (double) critical.invokeExact(buffer, length);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_buffer_new_filled(size_t length, FfiBridgeBuffer **out)}. */
    record BufferNewFilled(MethodHandle handle) {
        static final String NAME = "ffi_bridge_buffer_new_filled";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS);

        /** Regular (the fill may be long): {@code out} must be native. */
        int invoke(long length, MemorySegment out) {
            try {
                return (int) handle.invokeExact(length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void ffi_bridge_buffer_free(FfiBridgeBuffer *b)}. */
    record BufferFree(MethodHandle handle) {
        static final String NAME = "ffi_bridge_buffer_free";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        void invoke(MemorySegment buffer) {
            try {
                handle.invokeExact(buffer);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_encode_person(const Person *p, FfiBridgeBytes **out)}. */
    record EncodePerson(MethodHandle handle) {
        static final String NAME = "ffi_bridge_encode_person";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);

        /** Regular (the name may be long): both must be native. */
        int invoke(MemorySegment person, MemorySegment out) {
            try {
                return (int) handle.invokeExact(person, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_encode_data(const Data *d, FfiBridgeBytes **out)}. */
    record EncodeData(MethodHandle handle) {
        static final String NAME = "ffi_bridge_encode_data";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);

        /** Critical with heap access. */
        int invoke(MemorySegment data, MemorySegment out) {
            try {
                return (int) handle.invokeExact(data, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_encode_sequence(const double *values, size_t length, FfiBridgeBytes **out)}. */
    record EncodeSequence(MethodHandle handle) {
        static final String NAME = "ffi_bridge_encode_sequence";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        /** Critical with heap access: {@code values} is a heap array. */
        int invoke(MemorySegment values, long length, MemorySegment out) {
            try {
                return (int) handle.invokeExact(values, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_fill_serialized(size_t length, FfiBridgeBytes **out)}. */
    record FillSerialized(MethodHandle handle) {
        static final String NAME = "ffi_bridge_fill_serialized";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS);

        /** Regular: {@code out} must be native. */
        int invoke(long length, MemorySegment out) {
            try {
                return (int) handle.invokeExact(length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code void ffi_bridge_bytes_free(FfiBridgeBytes *b)}. */
    record BytesFree(MethodHandle handle) {
        static final String NAME = "ffi_bridge_bytes_free";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.ofVoid(ADDRESS);

        void invoke(MemorySegment bytes) {
            try {
                handle.invokeExact(bytes);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_decode_person(const uint8_t *bytes, size_t length, Person **out)}. */
    record DecodePerson(MethodHandle handle) {
        static final String NAME = "ffi_bridge_decode_person";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        /** Critical with heap access. */
        int invoke(MemorySegment bytes, long length, MemorySegment out) {
            try {
                return (int) handle.invokeExact(bytes, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_decode_data(const uint8_t *bytes, size_t length, Data *out)}. */
    record DecodeData(MethodHandle handle) {
        static final String NAME = "ffi_bridge_decode_data";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        /** Critical with heap access. */
        int invoke(MemorySegment bytes, long length, MemorySegment out) {
            try {
                return (int) handle.invokeExact(bytes, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_decode_sequence(const uint8_t *bytes, size_t length, FfiBridgeBuffer **out)}. */
    record DecodeSequence(MethodHandle handle) {
        static final String NAME = "ffi_bridge_decode_sequence";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);

        /** Critical with heap access. */
        int invoke(MemorySegment bytes, long length, MemorySegment out) {
            try {
                return (int) handle.invokeExact(bytes, length, out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code const char *ffi_bridge_status_message(int32_t status)}. */
    record StatusMessage(MethodHandle handle) {
        static final String NAME = "ffi_bridge_status_message";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(ADDRESS, JAVA_INT);

        /** The library's text for {@code status}. */
        String invoke(int status) {
            MemorySegment message;
            try {
                message = (MemorySegment) handle.invokeExact(status);
            } catch (Throwable t) {
                throw rethrow(t);
            }
            return message.equals(MemorySegment.NULL) ? "no message" : Pointers.cString(message, "status message");
        }
    }

    /** {@code uint32_t ffi_bridge_abi_version(void)}. */
    record AbiVersion(MethodHandle handle) {
        static final String NAME = "ffi_bridge_abi_version";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT);

        int invoke() {
            try {
                return (int) handle.invokeExact();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_layout(FfiBridgeLayout *out)}. */
    record Layout(MethodHandle handle) {
        static final String NAME = "ffi_bridge_layout";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS);

        int invoke(MemorySegment out) {
            try {
                return (int) handle.invokeExact(out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** {@code int32_t ffi_bridge_live_counts(FfiBridgeLiveCounts *out)}. */
    record LiveCountsFunction(MethodHandle handle) {
        static final String NAME = "ffi_bridge_live_counts";
        static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(JAVA_INT, ADDRESS);

        /** Critical with heap access: {@code out} may be a heap {@code long[4]}. */
        int invoke(MemorySegment out) {
            try {
                return (int) handle.invokeExact(out);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** The names of every function the bindings need, in declaration order. */
    static final List<String> FUNCTIONS = List.of(
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
            EncodeSequence.NAME,
            FillSerialized.NAME,
            BytesFree.NAME,
            DecodePerson.NAME,
            DecodeData.NAME,
            DecodeSequence.NAME,
            StatusMessage.NAME,
            AbiVersion.NAME,
            Layout.NAME,
            LiveCountsFunction.NAME);

    /**
     * Links every function of the library behind {@code lookup}.
     *
     * @throws UnsatisfiedLinkError naming every function the library does not export
     */
    static FfiBridgeLibrary link(SymbolLookup lookup) {
        Binder binder = new Binder(lookup);
        FfiBridgeLibrary library = new FfiBridgeLibrary(
                new AddNumbers(binder.critical(AddNumbers.NAME, AddNumbers.DESCRIPTOR)),
                new CreatePerson(binder.critical(CreatePerson.NAME, CreatePerson.DESCRIPTOR)),
                new FreePerson(binder.critical(FreePerson.NAME, FreePerson.DESCRIPTOR)),
                new GetData(binder.critical(GetData.NAME, GetData.DESCRIPTOR)),
                new FreeData(binder.critical(FreeData.NAME, FreeData.DESCRIPTOR)),
                new FillBuffer(
                        binder.critical(FillBuffer.NAME, FillBuffer.DESCRIPTOR),
                        binder.regular(FillBuffer.NAME, FillBuffer.DESCRIPTOR)),
                new CheckedFillBuffer(
                        binder.critical(CheckedFillBuffer.NAME, CheckedFillBuffer.DESCRIPTOR),
                        binder.regular(CheckedFillBuffer.NAME, CheckedFillBuffer.DESCRIPTOR)),
                new PersonNew(binder.critical(PersonNew.NAME, PersonNew.DESCRIPTOR)),
                new DataFill(binder.critical(DataFill.NAME, DataFill.DESCRIPTOR)),
                new SumBuffer(
                        binder.critical(SumBuffer.NAME, SumBuffer.DESCRIPTOR),
                        binder.regular(SumBuffer.NAME, SumBuffer.DESCRIPTOR)),
                new Sum(binder.critical(Sum.NAME, Sum.DESCRIPTOR), binder.regular(Sum.NAME, Sum.DESCRIPTOR)),
                new BufferNewFilled(binder.regular(BufferNewFilled.NAME, BufferNewFilled.DESCRIPTOR)),
                new BufferFree(binder.critical(BufferFree.NAME, BufferFree.DESCRIPTOR)),
                new EncodePerson(binder.regular(EncodePerson.NAME, EncodePerson.DESCRIPTOR)),
                new EncodeData(binder.critical(EncodeData.NAME, EncodeData.DESCRIPTOR)),
                new EncodeSequence(binder.critical(EncodeSequence.NAME, EncodeSequence.DESCRIPTOR)),
                new FillSerialized(binder.regular(FillSerialized.NAME, FillSerialized.DESCRIPTOR)),
                new BytesFree(binder.critical(BytesFree.NAME, BytesFree.DESCRIPTOR)),
                new DecodePerson(binder.critical(DecodePerson.NAME, DecodePerson.DESCRIPTOR)),
                new DecodeData(binder.critical(DecodeData.NAME, DecodeData.DESCRIPTOR)),
                new DecodeSequence(binder.critical(DecodeSequence.NAME, DecodeSequence.DESCRIPTOR)),
                new StatusMessage(binder.critical(StatusMessage.NAME, StatusMessage.DESCRIPTOR)),
                new AbiVersion(binder.critical(AbiVersion.NAME, AbiVersion.DESCRIPTOR)),
                new Layout(binder.critical(Layout.NAME, Layout.DESCRIPTOR)),
                new LiveCountsFunction(binder.critical(LiveCountsFunction.NAME, LiveCountsFunction.DESCRIPTOR)));
        binder.throwIfMissing();
        return library;
    }

    /** Links handles against one lookup, collecting the names it cannot find. */
    private static final class Binder {
        private final SymbolLookup lookup;
        private final Linker nativeLinker = Linker.nativeLinker();
        private final List<String> missing = new ArrayList<>();

        Binder(SymbolLookup lookup) {
            this.lookup = lookup;
        }

        MethodHandle critical(String name, FunctionDescriptor descriptor) {
            return downcall(name, descriptor, CRITICAL);
        }

        MethodHandle regular(String name, FunctionDescriptor descriptor) {
            return downcall(name, descriptor, REGULAR);
        }

        @SuppressWarnings("restricted")
        private MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option[] options) {
            Optional<MemorySegment> symbol = lookup.find(name);
            if (symbol.isEmpty()) {
                if (!missing.contains(name)) {
                    missing.add(name);
                }
                return null;
            }
            return nativeLinker.downcallHandle(symbol.get(), descriptor, options);
        }

        void throwIfMissing() {
            if (!missing.isEmpty()) {
                throw new UnsatisfiedLinkError("the library does not export " + String.join(", ", missing) + " ("
                        + missing.size() + " of the " + FUNCTIONS.size() + " functions of ABI version " + ABI_VERSION
                        + ")");
            }
        }
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
