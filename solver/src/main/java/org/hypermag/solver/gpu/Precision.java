package org.hypermag.solver.gpu;

import java.util.Locale;

/**
 * The arithmetic of the device kernels: the {@code --gpu-precision} option and the scenario key
 * {@code gpu_precision}.
 *
 * <p>{@link #SINGLE} (the default) stores M, H, geometry and coefficients in 32-bit floats and computes in them,
 * with the sums that need more held more accurately (compensated or in double, see docs/gpu.md); {@link #DOUBLE}
 * does everything in 64-bit doubles (the device must support fp64; NVIDIA data-centre GPUs and PoCL do).
 */
public enum Precision {
    /** 32-bit floats on the device (the default). */
    SINGLE,
    /** 64-bit doubles on the device. */
    DOUBLE;

    /**
     * @param text {@code single} (or {@code float}) or {@code double} (case-insensitive)
     * @return the precision
     * @throws IllegalArgumentException naming the value and what is expected
     */
    public static Precision parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("single") || t.equals("float")) {
            return SINGLE;
        }
        if (t.equals("double")) {
            return DOUBLE;
        }
        throw new IllegalArgumentException("gpu precision must be 'single' or 'double', got '" + text + "'");
    }

    /** @return the lower-case name used on the command line and in scenario files */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
