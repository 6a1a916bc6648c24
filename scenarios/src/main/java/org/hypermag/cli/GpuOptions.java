package org.hypermag.cli;

import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.GpuMode;
import org.hypermag.solver.gpu.Precision;
import picocli.CommandLine.Option;

/**
 * {@code --gpu auto|on|off} and {@code --gpu-precision single|double}, shared by the commands that evaluate the
 * demagnetising field ({@code run}, {@code validate}, {@code field}). For scenarios they override
 * {@code compute.gpu} and {@code compute.gpu_precision}; see docs/gpu.md.
 */
final class GpuOptions {
    @Option(names = "--gpu", paramLabel = "MODE", description = "Where the demag field runs: auto (an OpenCL GPU if "
            + "there is one, else the CPU; says which and why), on (an OpenCL GPU, else an error), off (the CPU). "
            + "Default: the scenario's compute.gpu (itself auto by default); off for field, whose double-precision "
            + "reference accuracy (1e-9) a float GPU kernel would not keep.")
    String gpu;

    @Option(names = "--gpu-precision", paramLabel = "P", description = "Arithmetic of the GPU kernels: single "
            + "(default) or double.")
    String precision;

    /** @return the mode given, or null */
    GpuMode mode() {
        try {
            return gpu == null ? null : GpuMode.parse(gpu);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--" + e.getMessage());
        }
    }

    /** @return the precision given, or null */
    Precision precisionOrNull() {
        try {
            return precision == null ? null : Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--gpu-precision: " + e.getMessage());
        }
    }

    /**
     * @param s a scenario
     * @return it with the options applied to its compute settings
     */
    Scenario apply(Scenario s) {
        GpuMode m = mode();
        Precision p = precisionOrNull();
        Scenario.Compute c = s.compute();
        if (m != null) {
            c = c.withGpu(m);
        }
        if (p != null) {
            c = c.withGpuPrecision(p);
        }
        return c == s.compute() ? s : s.withCompute(c);
    }

    /**
     * The device for {@code field} (default off: the CPU, in double precision).
     *
     * @return the choice
     * @throws org.hypermag.solver.gpu.GpuUnavailableException for on without an OpenCL GPU
     */
    GpuDevices.Choice choose() {
        GpuMode m = mode();
        return GpuDevices.choose(m == null ? GpuMode.OFF : m);
    }

    /** @return the precision (default single) */
    Precision precision() {
        Precision p = precisionOrNull();
        return p == null ? Precision.SINGLE : p;
    }
}
