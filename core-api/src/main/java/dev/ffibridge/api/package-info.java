/**
 * The API: {@link dev.ffibridge.api.FfiBridge} and its values ({@link dev.ffibridge.api.Person},
 * {@link dev.ffibridge.api.Data}, {@link dev.ffibridge.api.OwnedBuffer}), the exceptions, and
 * {@link dev.ffibridge.api.Diagnostics}, which says which provider runs and why.
 *
 * <pre>{@code
 * FfiBridge bridge = FfiBridge.load(); // native when its library loads, else pure Java
 * int twelve = bridge.addNumbers(5, 7);
 * System.out.println(FfiBridge.diagnostics());
 * }</pre>
 *
 * <p>Buffers: {@code fillBuffer} writes {@code (double) i} into element {@code i}; {@code
 * sumBuffer} adds the elements in this exact order, so both providers agree bit for bit: the
 * elements are cut into blocks of 8192; in each block sixteen lanes start at {@code +0.0} and
 * element {@code j} of the block is added to lane {@code j % 16} in increasing {@code j}; the
 * blocks' lanes are added to sixteen totals {@code acc[k]} (from {@code +0.0}) in block order; then
 * {@code s8[k] = acc[k] + acc[k+8]}, {@code s4[k] = s8[k] + s8[k+4]}, {@code s2[k] = s4[k] +
 * s4[k+2]}, and the sum is {@code s2[0] + s2[1]}. When the process may run on two CPUs or more,
 * the native provider sums the blocks of buffers of 4 MiB or more on two threads, with the same
 * result ({@code FFI_BRIDGE_THREADS=1} in the environment keeps them on one). When the sum is NaN, only
 * its NaN-ness is specified: IEEE 754 leaves the payload of a NaN made from several NaNs open, and
 * compilers may swap the operands of an addition. A {@link java.nio.DoubleBuffer} is used from its
 * position to its limit, which are left unchanged. A {@link java.lang.foreign.MemorySegment} must be a
 * whole number of doubles long, in native byte order; it may be on the heap or off it and need not be
 * aligned.
 *
 * <p>Bytes: the layouts are little-endian and bincode-compatible: a person is {@code u32} age,
 * {@code f32} height, {@code u64} length and the UTF-8 name; data is five {@code f64}; a sequence is
 * a {@code u64} count and the {@code f64} values. Decoding is strict: malformed, truncated or
 * trailing bytes give {@link IllegalArgumentException}.
 */
package dev.ffibridge.api;
