package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The C struct {@code FfiBridgeLayout}: seventeen {@code uint32_t} describing the sizes, alignments
 * and field offsets of every struct of the ABI. The library reports its own through {@code
 * ffi_bridge_layout}; {@link #expected()} computes the Java side's from the {@link MemoryLayout}s
 * this package binds with, and {@link #differences} compares the two.
 *
 * @param values the seventeen values, in the order of {@link #FIELDS}
 */
public record AbiLayout(List<Integer> values) {

    /** The C field names, in struct order. */
    public static final List<String> FIELDS = List.of(
            "abi_version",
            "person_size",
            "person_align",
            "person_age_offset",
            "person_height_offset",
            "person_name_offset",
            "data_size",
            "data_align",
            "data_values_offset",
            "buffer_size",
            "buffer_align",
            "buffer_data_offset",
            "buffer_length_offset",
            "bytes_size",
            "bytes_align",
            "bytes_data_offset",
            "bytes_length_offset");

    public static final StructLayout LAYOUT =
            MemoryLayout.structLayout(fields()).withName("FfiBridgeLayout");

    /** Copies the list and checks that there is one value per field. */
    public AbiLayout {
        values = List.copyOf(values);
        if (values.size() != FIELDS.size()) {
            throw new IllegalArgumentException("expected " + FIELDS.size() + " values, got " + values.size());
        }
    }

    /** What the Java bindings assume for ABI version {@code abiVersion}. */
    public static AbiLayout expected(int abiVersion) {
        return new AbiLayout(List.of(
                abiVersion,
                size(PersonStruct.LAYOUT),
                align(PersonStruct.LAYOUT),
                offset(PersonStruct.LAYOUT, "age"),
                offset(PersonStruct.LAYOUT, "height"),
                offset(PersonStruct.LAYOUT, "name"),
                size(DataStruct.LAYOUT),
                align(DataStruct.LAYOUT),
                offset(DataStruct.LAYOUT, "values"),
                size(BufferStruct.LAYOUT),
                align(BufferStruct.LAYOUT),
                offset(BufferStruct.LAYOUT, "data"),
                offset(BufferStruct.LAYOUT, "length"),
                size(BytesStruct.LAYOUT),
                align(BytesStruct.LAYOUT),
                offset(BytesStruct.LAYOUT, "data"),
                offset(BytesStruct.LAYOUT, "length")));
    }

    /** What the Java bindings of this version assume. */
    public static AbiLayout expected() {
        return expected(FfiBridgeLibrary.ABI_VERSION);
    }

    /** {@link #FIELDS} as {@code uint32_t} members, in order, without padding. */
    private static MemoryLayout[] fields() {
        MemoryLayout[] fields = new MemoryLayout[FIELDS.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = JAVA_INT.withName(FIELDS.get(i));
        }
        return fields;
    }

    /**
     * The values {@code ffi_bridge_layout} wrote into {@code struct}, an {@code int[]} of {@link
     * #FIELDS}' size (field {@code i} is the {@code i}-th {@code uint32_t}: the layout has no padding).
     * Read from the array, not through a segment's {@code VarHandle}, whose first use costs
     * milliseconds in a cold JVM.
     */
    public static AbiLayout of(int[] struct) {
        List<Integer> values = new ArrayList<>(FIELDS.size());
        for (int i = 0; i < FIELDS.size(); i++) {
            values.add(struct[i]);
        }
        return new AbiLayout(values);
    }

    /** The value of the C field {@code field}. */
    public int get(String field) {
        int index = FIELDS.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException("no field " + field);
        }
        return values.get(index);
    }

    /** This layout with {@code field} set to {@code value}: for tests and doctored expectations. */
    public AbiLayout with(String field, int value) {
        List<Integer> copy = new ArrayList<>(values);
        copy.set(FIELDS.indexOf(field), value);
        return new AbiLayout(copy);
    }

    /**
     * Every field whose value differs, as {@code "name: library X, Java Y"}; empty when the layouts
     * agree. Values are shown unsigned, as the C struct holds them.
     */
    public static List<String> differences(AbiLayout expected, AbiLayout actual) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            int java = expected.values.get(i);
            int library = actual.values.get(i);
            if (java != library) {
                differences.add(FIELDS.get(i) + ": library " + Integer.toUnsignedString(library) + ", Java "
                        + Integer.toUnsignedString(java));
            }
        }
        return differences;
    }

    private static int size(MemoryLayout layout) {
        return Math.toIntExact(layout.byteSize());
    }

    private static int align(MemoryLayout layout) {
        return Math.toIntExact(layout.byteAlignment());
    }

    private static int offset(StructLayout layout, String field) {
        return Math.toIntExact(StructOffsets.of(layout, field));
    }
}
