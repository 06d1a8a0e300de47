package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import dev.ffibridge.api.Data;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;

/**
 * The C struct {@code Data { double values[5]; }}: its layout and a copy of its values.
 *
 * @param values the five values
 */
record DataStruct(Data values) {

    static final StructLayout LAYOUT = MemoryLayout.structLayout(
                    MemoryLayout.sequenceLayout(Data.LENGTH, JAVA_DOUBLE).withName("values"))
            .withName("Data");

    static final long VALUES_OFFSET = StructOffsets.of(LAYOUT, "values");

    /** Reads the struct at {@code struct}, a segment of at least {@link #LAYOUT}'s size. */
    static DataStruct from(MemorySegment struct) {
        double[] values = new double[Data.LENGTH];
        MemorySegment.copy(struct, JAVA_DOUBLE, VALUES_OFFSET, values, 0, Data.LENGTH);
        return new DataStruct(Data.of(values));
    }

    /** Writes the struct into memory from {@code allocator} and returns that memory. */
    MemorySegment into(SegmentAllocator allocator) {
        MemorySegment struct = allocator.allocate(LAYOUT);
        MemorySegment.copy(values.toArray(), 0, struct, JAVA_DOUBLE, VALUES_OFFSET, Data.LENGTH);
        return struct;
    }
}
