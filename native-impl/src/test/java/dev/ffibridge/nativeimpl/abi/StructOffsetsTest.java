package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.nativeimpl.operations.LiveCounts;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructOffsetsTest {

    /** Every struct the bindings use, and one with explicit padding. */
    static final List<StructLayout> STRUCTS = List.of(
            PersonStruct.LAYOUT,
            DataStruct.LAYOUT,
            BufferStruct.LAYOUT,
            BytesStruct.LAYOUT,
            AbiLayout.LAYOUT,
            LiveCounts.LAYOUT,
            MemoryLayout.structLayout(
                    JAVA_BYTE.withName("flag"), MemoryLayout.paddingLayout(7), JAVA_LONG.withName("value")));

    @Test
    void everyNamedMemberIsWhereTheJdkSaysItIs() {
        for (StructLayout struct : STRUCTS) {
            for (MemoryLayout member : struct.memberLayouts()) {
                if (member.name().isPresent()) {
                    String name = member.name().get();
                    assertThat(StructOffsets.of(struct, name))
                            .as("%s in %s", name, struct)
                            .isEqualTo(struct.byteOffset(MemoryLayout.PathElement.groupElement(name)));
                }
            }
        }
    }

    @Test
    void aMissingMemberIsRefusedAsTheJdkRefusesIt() {
        assertThatThrownBy(() -> StructOffsets.of(PersonStruct.LAYOUT, "weight"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no member weight in ");
    }
}
