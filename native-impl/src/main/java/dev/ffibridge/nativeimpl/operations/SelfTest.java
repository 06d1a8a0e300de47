package dev.ffibridge.nativeimpl.operations;

import dev.ffibridge.nativeimpl.abi.DiagnosticFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.abi.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The known answers a library must give before the provider calls itself available: one call of
 * {@code ffi_bridge_self_test}, which runs the hot paths' functions through their exports ({@code
 * add_numbers}, {@code fill_buffer} and {@code ffi_bridge_sum} on 20 and 1 000 doubles, a {@code
 * create_person} and {@code free_person} round trip) and returns the set of those that answered wrong.
 * The library checks itself on this CPU, with the kernels it chose; the Java side of every call is
 * checked by the ABI handshake (version and struct layouts) and by the tests of the bindings against
 * the header. One call of one descriptor shape, {@code () -> int32_t}: in a cold JVM each new shape
 * costs milliseconds, which the load no longer pays for the hot paths (see {@code LinkerWarmup}).
 */
public final class SelfTest {

    /** The function the self-test calls, through a critical handle. */
    public static final NativeFunction FUNCTION = DiagnosticFunctions.SELF_TEST;

    /** The functions behind the bits of the result, lowest bit first (docs/abi.md). */
    static final List<String> CHECKED = List.of("add_numbers", "fill_buffer", "ffi_bridge_sum", "create_person");

    private SelfTest() {}

    /**
     * Runs the self-test of {@code library}.
     *
     * @throws LinkageError naming every function that answered wrong, or the status the call returned
     */
    public static void run(FfiBridgeLibrary library) {
        int result = DiagnosticFunctions.selfTest(library);
        if (result != 0) {
            throw new LinkageError("self-test failed: " + describe(result));
        }
    }

    /** What a non-zero result of {@code ffi_bridge_self_test} says, in words. */
    static String describe(int result) {
        if (result < 0) {
            String status = Status.constantName(result);
            return FUNCTION.name() + " returned " + (status == null ? "status " + result : status + " " + result);
        }
        List<String> wrong = new ArrayList<>();
        for (int bit = 0; bit < CHECKED.size(); bit++) {
            if ((result & (1 << bit)) != 0) {
                wrong.add(CHECKED.get(bit));
            }
        }
        int unknown = result & -(1 << CHECKED.size());
        if (unknown != 0) {
            wrong.add("unknown checks (bits 0x" + Integer.toHexString(unknown) + ")");
        }
        return "wrong answers from " + String.join(", ", wrong);
    }
}
