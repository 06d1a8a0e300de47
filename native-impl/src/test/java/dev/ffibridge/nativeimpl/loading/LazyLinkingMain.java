package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.api.FfiBridge;

/**
 * Run by {@link ClassLoadLog} in a fresh JVM with {@code -Xlog:class+load}: loads the native
 * provider, then calls {@code addNumbers}, printing a marker line after each step, so that the
 * classes loaded in between show which functions each step linked.
 */
public final class LazyLinkingMain {

    private LazyLinkingMain() {}

    public static void main(String[] args) {
        FfiBridge bridge = FfiBridge.load("native");
        // concat, not +: the marker must not bootstrap string concatenation before it is printed
        System.out.println("MARK loaded ".concat(bridge.providerName()));
        System.out.println("MARK addNumbers " + bridge.addNumbers(2, 3));
    }
}
