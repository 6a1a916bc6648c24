/**
 * Prints the round trip (ns) of a value bounced between two threads through volatile fields, a million times: on the
 * project's 2-vCPU machine 46–83 ns when the host keeps the two vCPUs close and 318–464 ns when it places them far
 * apart, which makes two-thread runs of hypermag about 1.4 times slower (docs/benchmarks.md, "the machine's two
 * speeds"). Run with {@code java benchmarks/peers/CoreRoundTrip.java}; compare-sp4 prints it beside each run.
 */
public final class CoreRoundTrip {
    private static volatile long ping;
    private static volatile long pong;

    public static void main(String[] args) throws InterruptedException {
        int n = 1_000_000;
        Thread other = new Thread(() -> {
            for (long i = 1; i <= n; i++) {
                while (ping != i) {
                    Thread.onSpinWait();
                }
                pong = i;
            }
        });
        other.start();
        long t0 = System.nanoTime();
        for (long i = 1; i <= n; i++) {
            ping = i;
            while (pong != i) {
                Thread.onSpinWait();
            }
        }
        long dt = System.nanoTime() - t0;
        other.join();
        System.out.printf("core-to-core round trip: %.0f ns%n", dt / (double) n);
    }
}
