package org.hypermag.solver.gpu;

import java.util.Locale;

/**
 * Where the demagnetising field is evaluated: the {@code --gpu} option and the scenario key {@code gpu}.
 *
 * <ul>
 *   <li>{@link #OFF}: the CPU implementation (Java threads), as without this option.</li>
 *   <li>{@link #AUTO}: an OpenCL GPU when there is one, else the CPU implementation; the choice and its reason are
 *   printed.</li>
 *   <li>{@link #ON}: an OpenCL GPU, or a clear error when there is none.</li>
 * </ul>
 */
public enum GpuMode {
    /** An OpenCL GPU if present, else the CPU implementation. */
    AUTO,
    /** An OpenCL GPU, required. */
    ON,
    /** The CPU implementation. */
    OFF;

    /**
     * @param text {@code auto}, {@code on} or {@code off} (case-insensitive)
     * @return the mode
     * @throws IllegalArgumentException naming the value and what is expected
     */
    public static GpuMode parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "auto":
                    return AUTO;
                case "on":
                    return ON;
                case "off":
                    return OFF;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("gpu must be 'auto', 'on' or 'off', got '" + text + "'");
    }

    /** @return the lower-case name used on the command line and in scenario files */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
