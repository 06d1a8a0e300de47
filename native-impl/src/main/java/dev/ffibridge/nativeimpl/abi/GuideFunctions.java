package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Bindings of the header's section "guide functions": the functions, names and layouts exactly as in
 * the guide. Each handle is linked on first use by a holder class (see {@link FfiBridgeLibrary}); the
 * {@code (FfiBridgeLibrary, ...)} overloads are the self-test's, linked on the library being loaded.
 */
public final class GuideFunctions {

    private static final NativeFunction.Group GROUP = new NativeFunction.Group();

    /** {@code int32_t add_numbers(int32_t a, int32_t b)}. */
    public static final NativeFunction ADD_NUMBERS =
            GROUP.declare("add_numbers", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

    /** {@code Person *create_person(void)}. */
    public static final NativeFunction CREATE_PERSON = GROUP.declare("create_person", FunctionDescriptor.of(ADDRESS));

    /** {@code void free_person(Person *ptr)}. */
    public static final NativeFunction FREE_PERSON = GROUP.declare("free_person", FunctionDescriptor.ofVoid(ADDRESS));

    /** {@code Data *get_data(void)}. */
    public static final NativeFunction GET_DATA = GROUP.declare("get_data", FunctionDescriptor.of(ADDRESS));

    /** {@code void free_data(Data *ptr)}. */
    public static final NativeFunction FREE_DATA = GROUP.declare("free_data", FunctionDescriptor.ofVoid(ADDRESS));

    /** {@code void fill_buffer(double *buffer, size_t length)}. */
    public static final NativeFunction FILL_BUFFER =
            GROUP.declare("fill_buffer", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG));

    /** This section's functions, in declaration order. */
    public static final List<NativeFunction> FUNCTIONS = GROUP.functions();

    private GuideFunctions() {}

    // Per function: its holder classes, each initialised on first use, then its calls.

    private static final class AddNumbers {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(ADD_NUMBERS);
        }
    }

    /** {@code a + b}, wrapping on overflow. */
    public static int addNumbers(int a, int b) {
        try {
            return (int) AddNumbers.Critical.HANDLE.invokeExact(a, b);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@link #addNumbers(int, int)} on {@code library}, through a critical handle linked for this call. */
    public static int addNumbers(FfiBridgeLibrary library, int a, int b) {
        MethodHandle handle = library.critical(ADD_NUMBERS);
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class CreatePerson {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(CREATE_PERSON);
        }
    }

    /** A new {@code Person}, or NULL; free it with {@link #freePerson(MemorySegment)}. */
    public static MemorySegment createPerson() {
        try {
            return (MemorySegment) CreatePerson.Critical.HANDLE.invokeExact();
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@link #createPerson()} on {@code library}, through a critical handle linked for this call. */
    public static MemorySegment createPerson(FfiBridgeLibrary library) {
        MethodHandle handle = library.critical(CREATE_PERSON);
        try {
            return (MemorySegment) handle.invokeExact();
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class FreePerson {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(FREE_PERSON);
        }
    }

    /** Frees a {@code Person} the library allocated, and its name; NULL is a no-op. */
    public static void freePerson(MemorySegment person) {
        try {
            FreePerson.Critical.HANDLE.invokeExact(person);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@link #freePerson(MemorySegment)} on {@code library}, through a critical handle linked for this call. */
    public static void freePerson(FfiBridgeLibrary library, MemorySegment person) {
        MethodHandle handle = library.critical(FREE_PERSON);
        try {
            handle.invokeExact(person);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class GetData {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(GET_DATA);
        }
    }

    /** A new {@code Data}, or NULL; free it with {@link #freeData(MemorySegment)}. */
    public static MemorySegment getData() {
        try {
            return (MemorySegment) GetData.Critical.HANDLE.invokeExact();
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class FreeData {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(FREE_DATA);
        }
    }

    /** Frees a {@code Data} of {@link #getData()}; NULL is a no-op. */
    public static void freeData(MemorySegment data) {
        try {
            FreeData.Critical.HANDLE.invokeExact(data);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class FillBuffer {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(FILL_BUFFER);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(FILL_BUFFER);
        }
    }

    /** Fills the {@code length} doubles at {@code buffer}, heap or native. */
    public static void fillBuffer(MemorySegment buffer, long length) {
        try {
            if (FfiBridgeLibrary.needsRegularCall(buffer)) {
                FillBuffer.Regular.HANDLE.invokeExact(buffer, length);
            } else {
                FillBuffer.Critical.HANDLE.invokeExact(buffer, length);
            }
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@link #fillBuffer} on {@code library}, through a critical handle linked for this call. */
    public static void fillBuffer(FfiBridgeLibrary library, MemorySegment buffer, long length) {
        MethodHandle handle = library.critical(FILL_BUFFER);
        try {
            handle.invokeExact(buffer, length);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
