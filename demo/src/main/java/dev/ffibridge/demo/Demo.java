package dev.ffibridge.demo;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Diagnostics;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.Person;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Walks through the guide's examples with the public API. Apart from the first lines, which say
 * which provider runs and why, the output is the same with the native (Rust) and the java provider:
 * {@code java -jar ffibridge-demo.jar}, {@code java -Dffibridge.provider=java -jar ffibridge-demo.jar}.
 * {@code --diagnostics} prints only the diagnostics, {@code --help} the usage.
 */
public final class Demo {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private Demo() {}

    static final String USAGE = """
            Usage: java [--enable-native-access=ALL-UNNAMED] [-Dffibridge.provider=auto|native|java]
                        [-Dffibridge.library.path=/path/to/libffi_bridge.so] [-Dffibridge.tmpdir=DIR]
                        -jar ffibridge-demo.jar [--diagnostics | --help]

              (no option)     walk through the guide's examples with the selected provider
              --diagnostics   print only which providers were found, which one is selected and why
              --help          print this text
            """;

    /** Runs the walkthrough, or the option given; exits with 2 on an unknown option. */
    public static void main(String[] args) {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@return the exit status} Runs the walkthrough, {@code --diagnostics} or {@code --help}. */
    static int run(String[] args) {
        if (args.length > 0) {
            switch (args[0]) {
                case "--diagnostics" -> System.out.print(FfiBridge.diagnostics());
                case "--help", "-h" -> System.out.print(USAGE);
                default -> {
                    System.err.print("unknown option: " + args[0] + "\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        }
        // One stream, so that the library's log line (System.Logger -> stderr) stays in order with the walkthrough.
        System.setErr(System.out);
        Diagnostics diagnostics = FfiBridge.diagnostics();
        System.out.println("== Provider");
        if (diagnostics.selected() == null) {
            System.out.println("no provider can run: " + diagnostics.reason());
            System.out.print(diagnostics);
            return 1;
        }
        FfiBridge bridge = FfiBridge.load();
        System.out.println("running: " + bridge.providerName() + " (" + diagnostics.reason() + ")");

        System.out.println();
        System.out.println("== 1. Add numbers");
        System.out.println("addNumbers(5, 7) = " + bridge.addNumbers(5, 7));
        System.out.println("addNumbers(2147483647, 1) = " + bridge.addNumbers(Integer.MAX_VALUE, 1) + " (wraps)");

        System.out.println();
        System.out.println("== 2. A struct: Person");
        Person alice = bridge.createPerson();
        System.out.println("createPerson() = " + describe(alice));
        Person bob = bridge.createPerson("Bob", 42, 6.1f);
        System.out.println("createPerson(\"Bob\", 42, 6.1f) = " + describe(bob));

        System.out.println();
        System.out.println("== 3. A struct with an array: Data");
        Data data = bridge.getData();
        System.out.println("getData() = " + Arrays.toString(data.toArray()));

        System.out.println();
        System.out.println("== 4. A Java buffer filled by the provider");
        double[] buffer = new double[10];
        bridge.fillBuffer(buffer);
        System.out.println("fillBuffer(new double[10]) -> " + Arrays.toString(buffer));
        System.out.println("sumBuffer(...) = " + bridge.sumBuffer(buffer));

        System.out.println();
        System.out.println("== 5. A provider-owned buffer, read in place");
        try (OwnedBuffer owned = bridge.filledBuffer(10)) {
            System.out.println("filledBuffer(10) -> " + Arrays.toString(owned.toArray()));
            System.out.println("element 9 = " + owned.get(9) + ", sum = " + bridge.sumBuffer(owned.segment()));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment inArena = bridge.filledBuffer(10, arena);
            System.out.println("filledBuffer(10, confined arena) -> "
                    + Arrays.toString(inArena.toArray(ValueLayout.JAVA_DOUBLE)) + " (freed when the arena closes)");
        }

        System.out.println();
        System.out.println("== 6. Serialized bytes: encode and decode");
        byte[] personBytes = bridge.encodePerson(alice);
        System.out.println("encodePerson(Alice) = " + HEX.formatHex(personBytes));
        System.out.println("decodePerson(...) = " + describe(bridge.decodePerson(personBytes))
                + roundTrip(alice.equals(bridge.decodePerson(personBytes))));
        byte[] dataBytes = bridge.encodeData(data);
        System.out.println("encodeData(getData()) = " + dataBytes.length + " bytes: " + HEX.formatHex(dataBytes));
        System.out.println("decodeData(...) = "
                + Arrays.toString(bridge.decodeData(dataBytes).toArray())
                + roundTrip(data.equals(bridge.decodeData(dataBytes))));
        byte[] sequenceBytes = bridge.encodeSequence(buffer);
        System.out.println("encodeSequence(buffer) = " + sequenceBytes.length + " bytes");
        double[] decoded = bridge.decodeSequence(sequenceBytes);
        System.out.println(
                "decodeSequence(...) = " + Arrays.toString(decoded) + roundTrip(Arrays.equals(buffer, decoded)));
        return 0;
    }

    private static String describe(Person person) {
        return person.name() + ", age " + person.age() + ", height " + person.height();
    }

    private static String roundTrip(boolean same) {
        return same ? "  (round trip: equal)" : "  (round trip: DIFFERENT)";
    }
}
