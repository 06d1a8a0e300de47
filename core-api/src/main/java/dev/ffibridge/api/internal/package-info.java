/**
 * Behaviour the two providers share so that they give the same results and the same messages: the
 * descriptions of malformed encoded bytes ({@link dev.ffibridge.api.internal.WireErrors}), the
 * checks of a caller's arena allocation ({@link dev.ffibridge.api.internal.ArenaMemory}), and the
 * Java kernels of fill, sum and the codecs ({@link dev.ffibridge.api.internal.Fill}, {@link
 * dev.ffibridge.api.internal.Sum}, {@link dev.ffibridge.api.internal.SequenceCodec}, {@link
 * dev.ffibridge.api.internal.PersonCodec}): the java provider's, and the native provider's for sizes
 * where a call into the library costs more than the work.
 *
 * <p>Not an API: public only so that the provider modules can use it; the module exports it to them
 * alone.
 */
package dev.ffibridge.api.internal;
