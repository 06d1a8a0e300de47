/**
 * The provider SPI: a provider implements {@link dev.ffibridge.api.spi.FfiBridgeProvider} and
 * {@link dev.ffibridge.api.spi.BridgeOperations}, and registers itself with {@code provides} in its
 * module descriptor and in {@code META-INF/services/dev.ffibridge.api.spi.FfiBridgeProvider}.
 * {@link dev.ffibridge.api.spi.AbstractFfiBridgeProvider} holds a provider's fixed name and priority.
 * Applications do not need this package.
 */
package dev.ffibridge.api.spi;
