package dev.ffibridge.it;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every kind of container the API takes doubles in, built around a given content, with guard elements around
 * the operand where the kind allows it, so that a fill that writes outside its range is seen.
 */
final class Containers {

    /** The value of the guard elements and of the initial contents of a container to be filled. */
    static final double SENTINEL = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);

    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /**
     * A global segment is never freed: one block of two windows, used alternately (so that the two containers of
     * a java-versus-native comparison do not share memory), serves every GLOBAL container.
     */
    private static final int GLOBAL_DOUBLES = 1_048_577 + 64;

    private static final MemorySegment GLOBAL = Arena.global().allocate(2L * GLOBAL_DOUBLES * Double.BYTES, 8);

    private static final java.util.concurrent.atomic.AtomicInteger GLOBAL_WINDOW =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The owner thread of OTHER_THREAD segments. */
    private static final ExecutorService OTHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "foreign-arena-owner");
        t.setDaemon(true);
        return t;
    });

    private Containers() {}

    /** The DoubleBuffer kinds. */
    enum BufferKind {
        HEAP,
        HEAP_POSITIONED,
        HEAP_SLICED,
        HEAP_READ_ONLY,
        DIRECT_NATIVE_ORDER,
        DIRECT_BIG_ENDIAN,
        DIRECT_LITTLE_ENDIAN,
        DIRECT_POSITIONED,
        DIRECT_MISALIGNED,
        DIRECT_READ_ONLY,
        BYTE_HEAP_VIEW_NATIVE_ORDER,
        BYTE_HEAP_VIEW_BIG_ENDIAN,
        DIRECT_SLICED_BIG_ENDIAN_READ_ONLY;

        boolean readOnly() {
            return this == HEAP_READ_ONLY || this == DIRECT_READ_ONLY || this == DIRECT_SLICED_BIG_ENDIAN_READ_ONLY;
        }
    }

    /** The MemorySegment kinds. */
    enum SegmentKind {
        GLOBAL,
        AUTO,
        CONFINED,
        SHARED,
        HEAP_DOUBLES,
        HEAP_DOUBLES_OFFSET,
        HEAP_DOUBLES_MISALIGNED,
        HEAP_BYTES,
        HEAP_BYTES_MISALIGNED,
        HEAP_LONGS,
        NATIVE_MISALIGNED,
        READ_ONLY_SHARED,
        READ_ONLY_HEAP_DOUBLES,
        CLOSED_ARENA,
        ODD_LENGTH,
        OTHER_THREAD;

        /** Whether a fill must be refused (and a sum too, for the last three). */
        boolean readOnly() {
            return this == READ_ONLY_SHARED || this == READ_ONLY_HEAP_DOUBLES;
        }
    }

    /** A DoubleBuffer operand and a view of its whole backing store (guards included). */
    static final class Buffer {
        final DoubleBuffer operand;
        private final DoubleBuffer whole;
        private final int position;
        private final int limit;

        private Buffer(DoubleBuffer operand, DoubleBuffer whole) {
            this.operand = operand;
            this.whole = whole;
            this.position = operand.position();
            this.limit = operand.limit();
        }

        /** Every double of the backing store, guards included. */
        double[] snapshot() {
            double[] out = new double[whole.capacity()];
            whole.get(0, out);
            return out;
        }

        /** Whether the operand's position and limit are what they were. */
        boolean positionUnchanged() {
            return operand.position() == position && operand.limit() == limit;
        }
    }

    /** A buffer of the given kind whose operand (position to limit) holds {@code values}. */
    static Buffer buffer(BufferKind kind, double[] values) {
        int n = values.length;
        switch (kind) {
            case HEAP -> {
                double[] array = values.clone();
                return new Buffer(DoubleBuffer.wrap(array), DoubleBuffer.wrap(array));
            }
            case HEAP_POSITIONED -> {
                double[] array = guarded(values, 3, 2);
                DoubleBuffer operand = DoubleBuffer.wrap(array).position(3).limit(3 + n);
                return new Buffer(operand, DoubleBuffer.wrap(array));
            }
            case HEAP_SLICED -> {
                double[] array = guarded(values, 4, 3);
                DoubleBuffer operand =
                        DoubleBuffer.wrap(array).position(4).slice().limit(n).position(0);
                return new Buffer(operand, DoubleBuffer.wrap(array));
            }
            case HEAP_READ_ONLY -> {
                double[] array = guarded(values, 1, 1);
                DoubleBuffer operand =
                        DoubleBuffer.wrap(array).position(1).limit(1 + n).asReadOnlyBuffer();
                return new Buffer(operand, DoubleBuffer.wrap(array));
            }
            case DIRECT_NATIVE_ORDER, DIRECT_BIG_ENDIAN, DIRECT_LITTLE_ENDIAN -> {
                ByteOrder order = kind == BufferKind.DIRECT_NATIVE_ORDER
                        ? ByteOrder.nativeOrder()
                        : kind == BufferKind.DIRECT_BIG_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                DoubleBuffer whole = directDoubles(n, order);
                whole.put(0, values);
                return new Buffer(whole.duplicate(), whole);
            }
            case DIRECT_POSITIONED -> {
                DoubleBuffer whole = directDoubles(n + 5, ByteOrder.nativeOrder());
                whole.put(0, guarded(values, 2, 3));
                return new Buffer(whole.duplicate().position(2).limit(2 + n), whole);
            }
            case DIRECT_MISALIGNED -> {
                ByteBuffer bytes =
                        ByteBuffer.allocateDirect(8 * (n + 2) + 1).position(1).slice();
                DoubleBuffer whole = bytes.order(ByteOrder.nativeOrder()).asDoubleBuffer();
                whole.put(0, guarded(values, 1, 1));
                return new Buffer(whole.duplicate().position(1).limit(1 + n), whole);
            }
            case DIRECT_READ_ONLY -> {
                DoubleBuffer whole = directDoubles(n + 2, ByteOrder.nativeOrder());
                whole.put(0, guarded(values, 1, 1));
                return new Buffer(whole.asReadOnlyBuffer().position(1).limit(1 + n), whole);
            }
            case BYTE_HEAP_VIEW_NATIVE_ORDER, BYTE_HEAP_VIEW_BIG_ENDIAN -> {
                ByteOrder order =
                        kind == BufferKind.BYTE_HEAP_VIEW_NATIVE_ORDER ? ByteOrder.nativeOrder() : ByteOrder.BIG_ENDIAN;
                DoubleBuffer whole =
                        ByteBuffer.allocate(8 * (n + 2)).order(order).asDoubleBuffer();
                whole.put(0, guarded(values, 1, 1));
                return new Buffer(whole.duplicate().position(1).limit(1 + n), whole);
            }
            case DIRECT_SLICED_BIG_ENDIAN_READ_ONLY -> {
                DoubleBuffer whole = directDoubles(n + 3, ByteOrder.BIG_ENDIAN);
                whole.put(0, guarded(values, 2, 1));
                DoubleBuffer operand = whole.position(2).slice().limit(n).asReadOnlyBuffer();
                whole.position(0);
                return new Buffer(operand, whole);
            }
        }
        throw new AssertionError(kind);
    }

    /** {@return a direct buffer of {@code length} doubles in {@code order}} */
    private static DoubleBuffer directDoubles(int length, ByteOrder order) {
        return ByteBuffer.allocateDirect(8 * length).order(order).asDoubleBuffer();
    }

    /** A segment operand of the given kind holding {@code values}; close it to free its arena. */
    static final class Segment implements AutoCloseable {
        final SegmentKind kind;
        final MemorySegment operand;
        private final MemorySegment whole;
        private final Arena arena;
        private final boolean foreign;

        private Segment(SegmentKind kind, MemorySegment operand, MemorySegment whole, Arena arena, boolean foreign) {
            this.kind = kind;
            this.operand = operand;
            this.whole = whole;
            this.arena = arena;
            this.foreign = foreign;
        }

        /**
         * Every byte of the backing memory, guards included, as doubles (a trailing partial double is read as a
         * long of the remaining bytes); null once the memory is gone.
         */
        long[] snapshot() {
            if (!whole.scope().isAlive() || !whole.isAccessibleBy(Thread.currentThread())) {
                return null;
            }
            long size = whole.byteSize();
            long[] out = new long[(int) ((size + 7) / 8)];
            for (int i = 0; i < out.length; i++) {
                long offset = 8L * i;
                if (offset + 8 <= size) {
                    out[i] = whole.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
                } else {
                    long tail = 0;
                    for (long b = offset; b < size; b++) {
                        tail = (tail << 8) | (whole.get(ValueLayout.JAVA_BYTE, b) & 0xff);
                    }
                    out[i] = tail;
                }
            }
            return out;
        }

        @Override
        public void close() {
            if (arena == null || !arena.scope().isAlive()) {
                return;
            }
            if (foreign) {
                await(OTHER.submit(arena::close));
            } else {
                arena.close();
            }
        }
    }

    /** A segment of the given kind holding {@code values} (for ODD_LENGTH: those values plus 3 stray bytes). */
    static Segment segment(SegmentKind kind, double[] values) {
        int n = values.length;
        long bytes = 8L * n;
        switch (kind) {
            case GLOBAL -> {
                if (n + 2 > GLOBAL_DOUBLES) {
                    throw new IllegalArgumentException("too long for the global block: " + n);
                }
                long window = (GLOBAL_WINDOW.getAndIncrement() & 1) * (long) GLOBAL_DOUBLES * Double.BYTES;
                MemorySegment whole = GLOBAL.asSlice(window, bytes + 16);
                write(whole, guarded(values, 1, 1));
                return new Segment(kind, whole.asSlice(8, bytes), whole, null, false);
            }
            case AUTO -> {
                MemorySegment whole = Arena.ofAuto().allocate(bytes + 16, 8);
                write(whole, guarded(values, 1, 1));
                return new Segment(kind, whole.asSlice(8, bytes), whole, null, false);
            }
            case CONFINED, SHARED, CLOSED_ARENA -> {
                Arena arena = kind == SegmentKind.SHARED ? Arena.ofShared() : Arena.ofConfined();
                MemorySegment whole = arena.allocate(bytes + 16, 8);
                write(whole, guarded(values, 1, 1));
                if (kind == SegmentKind.CLOSED_ARENA) {
                    arena.close();
                }
                return new Segment(kind, whole.asSlice(8, bytes), whole, arena, false);
            }
            case HEAP_DOUBLES -> {
                MemorySegment whole = MemorySegment.ofArray(values.clone());
                return new Segment(kind, whole, whole, null, false);
            }
            case HEAP_DOUBLES_OFFSET -> {
                MemorySegment whole = MemorySegment.ofArray(guarded(values, 1, 1));
                return new Segment(kind, whole.asSlice(8, bytes), whole, null, false);
            }
            case HEAP_DOUBLES_MISALIGNED -> {
                // a double[] viewed from byte 4: heap base double[], but not at a whole element
                MemorySegment whole = MemorySegment.ofArray(new double[n + 1]);
                whole.fill((byte) 0x5a);
                MemorySegment operand = whole.asSlice(4, bytes);
                write(operand, values);
                return new Segment(kind, operand, whole, null, false);
            }
            case HEAP_BYTES -> {
                MemorySegment whole = MemorySegment.ofArray(new byte[(int) bytes]);
                write(whole, values);
                return new Segment(kind, whole, whole, null, false);
            }
            case HEAP_BYTES_MISALIGNED -> {
                MemorySegment whole = MemorySegment.ofArray(new byte[(int) bytes + 9]);
                whole.fill((byte) 0x5a);
                MemorySegment operand = whole.asSlice(1, bytes);
                write(operand, values);
                return new Segment(kind, operand, whole, null, false);
            }
            case HEAP_LONGS -> {
                MemorySegment whole = MemorySegment.ofArray(new long[n]);
                write(whole, values);
                return new Segment(kind, whole, whole, null, false);
            }
            case NATIVE_MISALIGNED -> {
                Arena arena = Arena.ofConfined();
                MemorySegment whole = arena.allocate(bytes + 9, 8);
                whole.fill((byte) 0x5a);
                MemorySegment operand = whole.asSlice(1, bytes);
                write(operand, values);
                return new Segment(kind, operand, whole, arena, false);
            }
            case READ_ONLY_SHARED -> {
                Arena arena = Arena.ofShared();
                MemorySegment whole = arena.allocate(bytes + 16, 8);
                write(whole, guarded(values, 1, 1));
                return new Segment(kind, whole.asSlice(8, bytes).asReadOnly(), whole, arena, false);
            }
            case READ_ONLY_HEAP_DOUBLES -> {
                MemorySegment whole = MemorySegment.ofArray(values.clone());
                return new Segment(kind, whole.asReadOnly(), whole, null, false);
            }
            case ODD_LENGTH -> {
                Arena arena = Arena.ofConfined();
                MemorySegment whole = arena.allocate(bytes + 3, 8);
                whole.fill((byte) 0x5a);
                write(whole, values);
                return new Segment(kind, whole, whole, arena, false);
            }
            case OTHER_THREAD -> {
                Arena arena = await(OTHER.submit(Arena::ofConfined));
                MemorySegment whole = await(OTHER.submit(() -> {
                    MemorySegment s = arena.allocate(bytes + 16, 8);
                    write(s, guarded(values, 1, 1));
                    return s;
                }));
                return new Segment(kind, whole.asSlice(8, bytes), whole, arena, true);
            }
        }
        throw new AssertionError(kind);
    }

    /** The exception a fill (or, with {@code fill} false, a sum) of this kind must throw, or null. */
    static Class<? extends RuntimeException> expectedError(SegmentKind kind, boolean fill) {
        return switch (kind) {
            case CLOSED_ARENA -> IllegalStateException.class;
            case ODD_LENGTH -> IllegalArgumentException.class;
            case OTHER_THREAD -> WrongThreadException.class;
            case READ_ONLY_SHARED, READ_ONLY_HEAP_DOUBLES -> fill ? IllegalArgumentException.class : null;
            default -> null;
        };
    }

    /** {@code values} with {@code before} and {@code after} sentinel elements around them. */
    static double[] guarded(double[] values, int before, int after) {
        double[] out = new double[before + values.length + after];
        java.util.Arrays.fill(out, SENTINEL);
        System.arraycopy(values, 0, out, before, values.length);
        return out;
    }

    /** {@code n} sentinel values: the initial contents of a container to be filled. */
    static double[] sentinels(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, SENTINEL);
        return out;
    }

    private static void write(MemorySegment segment, double[] values) {
        for (int i = 0; i < values.length; i++) {
            segment.setAtIndex(DOUBLE, i, values[i]);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
