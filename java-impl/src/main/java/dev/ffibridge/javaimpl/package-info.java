/**
 * The pure-Java provider, {@link dev.ffibridge.javaimpl.JavaProvider} ({@code "java"}): each
 * operation in a small class, bit for bit the same as the Rust library. Not exported: it is found
 * as a service.
 */
package dev.ffibridge.javaimpl;
