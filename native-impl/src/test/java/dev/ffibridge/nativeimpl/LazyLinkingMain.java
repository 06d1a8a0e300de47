package dev.ffibridge.nativeimpl;

import dev.ffibridge.api.FfiBridge;

/**
 * Run by {@link FfiBridgeLibraryTest} in a fresh JVM with {@code -Xlog:class+load}: loads the native
 * provider, then calls {@code addNumbers}, printing a marker line after each step, so that the
 * classes loaded in between show which functions each step linked.
 */
public final class LazyLinkingMain {

    private LazyLinkingMain() {}

    public static void main(String[] args) {
        FfiBridge bridge = FfiBridge.load("native");
        System.out.println("MARK loaded " + bridge.providerName());
        System.out.println("MARK addNumbers " + bridge.addNumbers(2, 3));
    }
}
