package org.hypermag.solver.gpu;

import com.aparapi.device.Device;
import java.util.function.Consumer;
import org.hypermag.solver.geometry.Prisms;

/**
 * The exact direct sum on an OpenCL device (or, for tests and comparison, Aparapi's Java thread pool): the same field
 * as {@link org.hypermag.solver.demag.DirectDemag#forPrisms} (among domains, reciprocal between sizes) or
 * {@link org.hypermag.solver.demag.DirectSum} with the point tensor at arbitrary targets, the tensors evaluated on
 * the fly at every call, O(N·M) per evaluation with nothing stored per pair.
 *
 * <p>Device buffers persist across calls: geometry is uploaded once; per {@link #addField} only M goes in and H
 * comes out ({@link DeviceDemag}). Precision: see {@link DirectSumKernelF}. Not thread-safe.
 */
public final class GpuDirectSum extends DeviceDemag {
    private final boolean amongDomains;

    private GpuDirectSum(LlgDevice kernel, int sources, int targets, Device target, Precision precision, String what,
                         Consumer<String> report, boolean amongDomains) {
        super(kernel, sources, targets, target, "exact direct sum on " + GpuDevices.describe(target) + ", " + what
                + ", " + precision.key() + " precision, tensors evaluated on the fly, N=" + targets + ", M=" + sources,
                report);
        this.amongDomains = amongDomains;
    }

    /**
     * The domains acting on each other, coupled like {@link org.hypermag.solver.demag.DirectDemag#forPrisms}.
     *
     * @param prisms the domains
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param precision float or double on the device
     * @param report receives the one fallback warning (e.g. {@code System.err::println})
     * @return the field
     */
    public static GpuDirectSum amongDomains(Prisms prisms, Device target, Precision precision,
                                            Consumer<String> report) {
        LlgDevice k = precision == Precision.DOUBLE ? new DirectSumKernelD(prisms, null, null, null)
                : new DirectSumKernelF(prisms, null, null, null);
        return new GpuDirectSum(k, prisms.size(), prisms.size(), target, precision, prisms.allSameSize()
                ? "point tensor at centres" : "point tensor at centres, reciprocal between prisms of different sizes",
                report, true);
    }

    /**
     * The field of prisms at points, H(r) = −Σ_j N(r − c_j; s_j)·M_j (the {@code field} command's definition).
     *
     * @param sources the prisms
     * @param x points x (m)
     * @param y points y (m)
     * @param z points z (m)
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param precision float or double on the device
     * @param report receives the one fallback warning
     * @return the field; {@link #addField} takes M of the sources and adds H over the points
     */
    public static GpuDirectSum atPoints(Prisms sources, double[] x, double[] y, double[] z, Device target,
                                        Precision precision, Consumer<String> report) {
        if (y.length != x.length || z.length != x.length) {
            throw new IllegalArgumentException("point coordinate arrays differ in length: " + x.length + ", "
                    + y.length + ", " + z.length);
        }
        LlgDevice k = precision == Precision.DOUBLE ? new DirectSumKernelD(sources, x, y, z)
                : new DirectSumKernelF(sources, x, y, z);
        return new GpuDirectSum(k, sources.size(), x.length, target, precision, "point tensor at " + x.length
                + " points", report, false);
    }

    /** @return whether the targets are the sources themselves (built by {@link #amongDomains}) */
    public boolean amongTheDomains() {
        return amongDomains;
    }
}
