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
 */
package dev.ffibridge.api;
