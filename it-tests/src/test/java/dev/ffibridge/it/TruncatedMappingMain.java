package dev.ffibridge.it;

import dev.ffibridge.api.FfiBridge;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The program {@link MappedSegmentIT} runs in a forked JVM: maps a file of {@code bytes} bytes, has another
 * process truncate it to zero, then calls {@code sumBuffer} and {@code fillBuffer} on the mapped segment with the
 * provider named in {@code args[0]}, and prints one line per call: {@code sum=<exception class>} or {@code
 * sum=returned}. A fault that killed the JVM prints nothing after {@code mapped}, and the exit code is not 0.
 */
public final class TruncatedMappingMain {

    private TruncatedMappingMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        FfiBridge bridge = FfiBridge.load(args[0]);
        long bytes = Long.parseLong(args[1]);
        Path file = Files.createTempFile("ffibridge-mapped", ".bin");
        try (Arena arena = Arena.ofConfined();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(1), bytes - 1);
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
            System.out.println("mapped=" + mapped.isMapped());
            Process truncate = new ProcessBuilder("truncate", "-s", "0", file.toString())
                    .inheritIO()
                    .start();
            System.out.println("truncated=" + (truncate.waitFor() == 0 && Files.size(file) == 0));
            System.out.println("sum=" + outcome(() -> bridge.sumBuffer(mapped)));
            System.out.println("fill=" + outcome(() -> bridge.fillBuffer(mapped)));
        } finally {
            Files.delete(file);
        }
        System.out.println("alive=true");
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "returned";
        } catch (RuntimeException | Error e) {
            return e.getClass().getName();
        }
    }
}
