package dev.ffibridge.nativeimpl.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.Optional;

/**
 * The byte offset of a struct member, found by adding up the sizes of the members before it: a
 * {@link StructLayout} has no implicit padding, so this is what {@link MemoryLayout#byteOffset}
 * answers. That method goes through the JDK's layout paths, whose first use spins lambda and method
 * handle classes (about 3 ms of a cold {@code FfiBridge.load()}, whose ABI handshake needs the
 * offsets of every struct).
 */
public final class StructOffsets {

    private StructOffsets() {}

    /**
     * The offset of the member named {@code member} in {@code struct}.
     *
     * @throws IllegalArgumentException if {@code struct} has no member of that name
     */
    public static long of(StructLayout struct, String member) {
        long offset = 0;
        for (MemoryLayout layout : struct.memberLayouts()) {
            Optional<String> name = layout.name();
            if (name.isPresent() && name.get().equals(member)) {
                return offset;
            }
            offset += layout.byteSize();
        }
        throw new IllegalArgumentException("no member " + member + " in " + struct);
    }
}
