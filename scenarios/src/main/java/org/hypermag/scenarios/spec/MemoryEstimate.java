package org.hypermag.scenarios.spec;

import java.util.Locale;

/**
 * The memory a scenario needs, estimated before anything large is allocated, so that a scenario too large for the
 * heap is refused at once, with the estimate, the heap and how to raise it, instead of failing with an
 * OutOfMemoryError after minutes.
 *
 * <p>Per domain a run holds its prism (6 doubles), region and grid cell, Ms and volume, the magnetisation and its
 * copies (checkpoint, saved state), the integrator's stages (Dormand–Prince: 9 vector fields), the effective field and
 * its scratch buffers, the exchange couplings (up to 6 neighbours), the anisotropies' per-domain constants and a frame
 * being written: about {@value #BYTES_PER_DOMAIN} bytes. The demag method adds its own estimate
 * ({@link org.hypermag.solver.demag.DemagProvider#estimateBytes}).
 */
public final class MemoryEstimate {
    /** Bytes a run holds per domain, besides the demag method. */
    public static final long BYTES_PER_DOMAIN = 800;

    private MemoryEstimate() {
    }

    /** @return the largest heap this JVM may use (bytes) */
    public static long heap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * @param bytes what a scenario needs
     * @param what what needs it, for the message
     * @return null if it fits in 90 % of the heap, else a message with the estimate, the heap and how to raise it
     */
    public static String exceeds(double bytes, String what) {
        double heap = heap();
        if (bytes <= 0.9 * heap) {
            return null;
        }
        double suggest = Math.ceil(bytes / 0.8 / (1L << 30));
        return String.format(Locale.ROOT, "%s needs about %s of memory, more than the %s this run may use; raise the "
                + "heap with HYPERMAG_JAVA_OPTS=-Xmx%.0fg (if the machine has it), or make the problem smaller", what,
                bytes(bytes), bytes(heap), suggest);
    }

    /**
     * @param domains a number of domains
     * @return null if a run of that many domains (without demag) fits, else why not
     */
    public static String domains(double domains) {
        return exceeds(domains * BYTES_PER_DOMAIN, String.format(Locale.ROOT, "a run of %.3g domains", domains));
    }

    private static String bytes(double b) {
        return b >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", b / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", b / (1L << 20));
    }
}
