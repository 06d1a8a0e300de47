package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Bindings of the header's section "guide functions": the functions, names and layouts exactly as in
 * the guide. Each handle is linked on first use by a holder class of {@link Handles}; the
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

    /** {@code a + b}, wrapping on overflow. */
    public static int addNumbers(int a, int b) {
        return Calls.toInt(Handles.AddNumbers.Critical.HANDLE, a, b);
    }

    /** {@link #addNumbers(int, int)} on {@code library}, through a critical handle linked for this call. */
    public static int addNumbers(FfiBridgeLibrary library, int a, int b) {
        return Calls.toInt(library.critical(ADD_NUMBERS), a, b);
    }

    /** A new {@code Person}, or NULL; free it with {@link #freePerson(MemorySegment)}. */
    public static MemorySegment createPerson() {
        return Calls.toPointer(Handles.CreatePerson.Critical.HANDLE);
    }

    /** {@link #createPerson()} on {@code library}, through a critical handle linked for this call. */
    public static MemorySegment createPerson(FfiBridgeLibrary library) {
        return Calls.toPointer(library.critical(CREATE_PERSON));
    }

    /** Frees a {@code Person} the library allocated, and its name; NULL is a no-op. */
    public static void freePerson(MemorySegment person) {
        Calls.toVoid(Handles.FreePerson.Critical.HANDLE, person);
    }

    /** {@link #freePerson(MemorySegment)} on {@code library}, through a critical handle linked for this call. */
    public static void freePerson(FfiBridgeLibrary library, MemorySegment person) {
        Calls.toVoid(library.critical(FREE_PERSON), person);
    }

    /** A new {@code Data}, or NULL; free it with {@link #freeData(MemorySegment)}. */
    public static MemorySegment getData() {
        return Calls.toPointer(Handles.GetData.Critical.HANDLE);
    }

    /** Frees a {@code Data} of {@link #getData()}; NULL is a no-op. */
    public static void freeData(MemorySegment data) {
        Calls.toVoid(Handles.FreeData.Critical.HANDLE, data);
    }

    /** Fills the {@code length} doubles at {@code buffer}, heap or native. */
    public static void fillBuffer(MemorySegment buffer, long length) {
        if (FfiBridgeLibrary.needsRegularCall(buffer)) {
            Calls.toVoid(Handles.FillBuffer.Regular.HANDLE, buffer, length);
        } else {
            Calls.toVoid(Handles.FillBuffer.Critical.HANDLE, buffer, length);
        }
    }

    /** {@link #fillBuffer} on {@code library}, through a critical handle linked for this call. */
    public static void fillBuffer(FfiBridgeLibrary library, MemorySegment buffer, long length) {
        Calls.toVoid(library.critical(FILL_BUFFER), buffer, length);
    }
}
