/**
 * Behaviour the two providers share so that they give the same results and the same messages: the
 * descriptions of malformed encoded bytes ({@link dev.ffibridge.api.internal.WireErrors}) and the
 * checks of a caller's arena allocation ({@link dev.ffibridge.api.internal.ArenaMemory}).
 *
 * <p>Not an API: public only so that the provider modules can use it; the module exports it to them
 * alone.
 */
package dev.ffibridge.api.internal;
