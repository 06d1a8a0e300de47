package consumer.app;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.Person;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/** Every operation of the API with its expected result. */
public final class Checks {

    private static int checked;

    private Checks() {}

    /** {@return "provider=<name> checked=<count>"}, or throws {@link AssertionError} on a wrong result. */
    public static String run() {
        checked = 0;
        FfiBridge bridge = FfiBridge.load();
        expect("addNumbers", bridge.addNumbers(5, 7), 12);
        expect("addNumbers wraps", bridge.addNumbers(Integer.MAX_VALUE, 1), Integer.MIN_VALUE);
        expect("createPerson()", bridge.createPerson(), new Person("Alice", 30, 5.8f));
        expect("createPerson(...)", bridge.createPerson("Bob", 42, 6.1f), new Person("Bob", 42, 6.1f));
        expect("getData", bridge.getData(), Data.of(1.1, 2.2, 3.3, 4.4, 5.5));

        double[] array = new double[10];
        bridge.fillBuffer(array);
        expect("fillBuffer(double[])", Arrays.toString(array), Arrays.toString(iota(10)));
        expect("sumBuffer(double[])", bridge.sumBuffer(array), 45.0);
        double[] slice = new double[6];
        bridge.fillBuffer(slice, 2, 3);
        expect("fillBuffer(double[], 2, 3)", Arrays.toString(slice), "[0.0, 0.0, 0.0, 1.0, 2.0, 0.0]");
        expect("sumBuffer(double[], 2, 3)", bridge.sumBuffer(slice, 2, 3), 3.0);
        DoubleBuffer direct = ByteBuffer.allocateDirect(8 * 100).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        bridge.fillBuffer(direct);
        expect("fillBuffer(DoubleBuffer)", direct.get(99), 99.0);
        expect("sumBuffer(DoubleBuffer)", bridge.sumBuffer(direct), 4950.0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(ValueLayout.JAVA_DOUBLE, 1000);
            bridge.fillBuffer(segment);
            expect("fillBuffer(MemorySegment)", segment.getAtIndex(ValueLayout.JAVA_DOUBLE, 999), 999.0);
            expect("sumBuffer(MemorySegment)", bridge.sumBuffer(segment), 499500.0);
            MemorySegment owned = bridge.filledBuffer(2000, arena);
            expect("filledBuffer(n, arena)", owned.getAtIndex(ValueLayout.JAVA_DOUBLE, 1999), 1999.0);
        }
        try (OwnedBuffer owned = bridge.filledBuffer(1 << 20)) {
            expect("filledBuffer(n)", owned.length(), (long) (1 << 20));
            expect("sumBuffer(filledBuffer)", bridge.sumBuffer(owned.segment()), 549755289600.0);
        }

        Person alice = bridge.createPerson();
        byte[] person = bridge.encodePerson(alice);
        expect("encodePerson", HexFormat.of().formatHex(person), "1e0000009a99b9400500000000000000416c696365");
        expect("decodePerson", bridge.decodePerson(person), alice);
        byte[] data = bridge.encodeData(bridge.getData());
        expect("encodeData", data.length, 40);
        expect("decodeData", bridge.decodeData(data), bridge.getData());
        byte[] sequence = bridge.encodeSequence(new double[] {0.5, -2.0});
        expect("encodeSequence", HexFormat.of().formatHex(sequence), "0200000000000000000000000000e03f00000000000000c0");
        expect("decodeSequence", Arrays.toString(bridge.decodeSequence(sequence)), "[0.5, -2.0]");
        try {
            bridge.decodeData(new byte[39]);
            throw new AssertionError("decodeData(39 bytes) did not throw");
        } catch (IllegalArgumentException expected) {
            checked++;
        }
        return "provider=" + bridge.providerName() + " checked=" + checked;
    }

    private static double[] iota(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    private static void expect(String what, Object actual, Object expected) {
        if (!actual.equals(expected)) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
        checked++;
    }
}
