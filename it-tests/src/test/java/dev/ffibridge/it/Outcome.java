package dev.ffibridge.it;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What one call produced: a value or a thrown exception. Two outcomes are the same when both threw an exception
 * of the same class, or both returned values that are equal bit for bit ({@link #sameBits}): doubles and floats
 * by their raw bits, so NaN payloads and the sign of zero count.
 */
record Outcome(Object value, Throwable error) {

    static Outcome of(Supplier<?> call) {
        try {
            return new Outcome(call.get(), null);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
                throw e;
            }
            return new Outcome(null, e);
        }
    }

    static Outcome ofRun(Runnable call) {
        return of(() -> {
            call.run();
            return "void";
        });
    }

    boolean failed() {
        return error != null;
    }

    /** Whether the two outcomes are the same, as defined above. */
    boolean sameAs(Outcome other) {
        if (failed() || other.failed()) {
            return failed() && other.failed() && error.getClass() == other.error.getClass();
        }
        return sameBits(value, other.value);
    }

    /** Structural equality with doubles and floats compared by their raw bits. */
    static boolean sameBits(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return switch (a) {
            case Double x when b instanceof Double y -> Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
            case Float x when b instanceof Float y -> Float.floatToRawIntBits(x) == Float.floatToRawIntBits(y);
            case double[] x when b instanceof double[] y -> Arrays.equals(rawBits(x), rawBits(y));
            case long[] x when b instanceof long[] y -> Arrays.equals(x, y);
            case byte[] x when b instanceof byte[] y -> Arrays.equals(x, y);
            case Person x
            when b instanceof Person y ->
                x.name().equals(y.name())
                        && x.age() == y.age()
                        && Float.floatToRawIntBits(x.height()) == Float.floatToRawIntBits(y.height());
            case Data x when b instanceof Data y -> Arrays.equals(rawBits(x.toArray()), rawBits(y.toArray()));
            default -> a.equals(b);
        };
    }

    static long[] rawBits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    @Override
    public String toString() {
        if (failed()) {
            return "threw " + error;
        }
        return "returned " + describe(value);
    }

    static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case Double d -> d + " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
            case Float f -> f + " (bits 0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
            case double[] a ->
                a.length <= 32
                        ? Arrays.toString(a) + " bits " + hexBits(a)
                        : "double[" + a.length + "] starting " + Arrays.toString(Arrays.copyOf(a, 8));
            case byte[] b ->
                b.length <= 128
                        ? "bytes " + java.util.HexFormat.ofDelimiter(" ").formatHex(b)
                        : "byte[" + b.length + "]";
            case Person p ->
                "Person[name=" + quote(p.name()) + ", age=" + p.age() + ", height bits=0x"
                        + Integer.toHexString(Float.floatToRawIntBits(p.height())) + "]";
            case Data d -> d + " bits " + hexBits(d.toArray());
            default -> String.valueOf(value);
        };
    }

    private static String hexBits(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(Long.toHexString(Double.doubleToRawLongBits(values[i])));
        }
        return out.append(']').toString();
    }

    /** The string quoted, shortened, with control characters and surrogates escaped. */
    static String quote(String name) {
        String visible = name.length() <= 40 ? name : name.substring(0, 40) + "...(" + name.length() + " chars)";
        StringBuilder out = new StringBuilder("\"");
        visible.chars()
                .forEach(c -> out.append(
                        c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)
                                ? String.format("\\u%04x", c)
                                : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
