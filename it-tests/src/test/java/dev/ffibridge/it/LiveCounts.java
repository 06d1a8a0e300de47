package dev.ffibridge.it;

import dev.ffibridge.api.FfiBridge;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The native library's live-allocation counters (persons, data, buffers, byte arrays handed out and not yet
 * freed), read through the native provider's diagnostics, and the process's resident memory.
 */
final class LiveCounts {

    private LiveCounts() {}

    /** The counters by name; loads the native provider first (it fails if native cannot load). */
    static Map<String, Long> now() {
        FfiBridge.load("native");
        dev.ffibridge.nativeimpl.operations.LiveCounts counts =
                dev.ffibridge.nativeimpl.operations.NativeDiagnostics.liveCounts();
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("persons", counts.persons());
        out.put("data", counts.data());
        out.put("buffers", counts.buffers());
        out.put("byteArrays", counts.byteArrays());
        return out;
    }

    /** Whether every counter is 0. */
    static boolean allZero(Map<String, Long> counts) {
        return counts.values().stream().allMatch(v -> v == 0);
    }

    /**
     * The counters after the Cleaner had a chance to run: waits (with GCs) up to 5 s for them to reach {@code
     * expected}, then returns what they are.
     */
    static Map<String, Long> settle(Map<String, Long> expected) {
        Map<String, Long> counts = now();
        for (int i = 0; i < 50 && !counts.equals(expected); i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            counts = now();
        }
        return counts;
    }

    /** The process's resident set size in bytes, from /proc/self/status (VmRSS). */
    static long residentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }
}
