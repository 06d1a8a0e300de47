package dev.ffibridge.it;

import dev.ffibridge.api.FfiBridge;

/**
 * The tiny program {@link NativeFaultIT} runs in forked JVMs: loads the library the way an application does
 * ({@link FfiBridge#load()}, honouring {@code -Dffibridge.*}), and prints which provider runs and the
 * diagnostics, or the exception with its causes and exits with 1.
 *
 * <p>An optional argument is an instant in epoch milliseconds to wait for before loading, so that several JVMs
 * load at the same moment. With {@code -Dprobe.interrupt=true} the main thread interrupts itself before loading,
 * and prints whether its interrupt flag is still set afterwards.
 */
public final class ProbeMain {

    private ProbeMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            long wait = Long.parseLong(args[0]) - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        boolean interrupt = Boolean.getBoolean("probe.interrupt");
        if (interrupt) {
            Thread.currentThread().interrupt();
        }
        int exit = 0;
        try {
            FfiBridge bridge = FfiBridge.load();
            if (interrupt) {
                System.out.println("interrupted after load=" + Thread.interrupted());
            }
            System.out.println("provider=" + bridge.providerName());
            System.out.println("addNumbers(2, 3)=" + bridge.addNumbers(2, 3));
        } catch (RuntimeException e) {
            System.out.println("error=" + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.out.println("cause=" + cause);
            }
            exit = 1;
        }
        System.out.println("--- diagnostics");
        System.out.println(FfiBridge.diagnostics());
        System.out.flush();
        System.exit(exit);
    }
}
