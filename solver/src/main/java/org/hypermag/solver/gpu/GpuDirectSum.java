package org.hypermag.solver.gpu;

import com.aparapi.device.Device;
import java.util.function.Consumer;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.geometry.Prisms;

/**
 * The exact direct sum on an OpenCL device (or, for tests and comparison, Aparapi's Java thread pool): the same field
 * as {@link org.hypermag.solver.demag.DirectDemag#forPrisms} (among domains, reciprocal between sizes) or
 * {@link org.hypermag.solver.demag.DirectSum} with the point tensor at arbitrary targets, the tensors evaluated on
 * the fly at every call, O(N·M) per evaluation with nothing stored per pair.
 *
 * <p>Device buffers persist across calls: geometry is uploaded once; per {@link #addField} only M goes in and H
 * comes out. After every execution the kernel's placement is checked ({@link KernelPlacement}); a fallback to Java
 * threads is reported once through the reporter. Precision: see {@link DirectSumKernelF}.
 *
 * <p>Not thread-safe; {@link #addField} allocates nothing on the Java heap.
 */
public final class GpuDirectSum implements DemagField {
    /** Work-group size of the kernel. */
    public static final int GROUP = 64;

    private final DirectSumDevice device;
    private final KernelPlacement placement;
    private final String description;
    private final boolean amongDomains;

    private GpuDirectSum(DirectSumDevice device, Device target, Precision precision, String what,
                         Consumer<String> report, boolean amongDomains) {
        this.device = device;
        this.amongDomains = amongDomains;
        this.placement = KernelPlacement.bind(device.kernel(), target, report);
        device.uploadGeometry();
        this.description = "exact direct sum on " + GpuDevices.describe(target) + ", " + what + ", "
                + precision.key() + " precision, tensors evaluated on the fly, N=" + device.targets() + ", M="
                + device.sources();
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
        DirectSumDevice k = precision == Precision.DOUBLE ? new DirectSumKernelD(prisms, null, null, null)
                : new DirectSumKernelF(prisms, null, null, null);
        return new GpuDirectSum(k, target, precision, prisms.allSameSize() ? "point tensor at centres"
                : "point tensor at centres, reciprocal between prisms of different sizes", report, true);
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
        DirectSumDevice k = precision == Precision.DOUBLE ? new DirectSumKernelD(sources, x, y, z)
                : new DirectSumKernelF(sources, x, y, z);
        return new GpuDirectSum(k, target, precision, "point tensor at " + x.length + " points", report, false);
    }

    /** @return whether the targets are the sources themselves (built by {@link #amongDomains}) */
    public boolean amongTheDomains() {
        return amongDomains;
    }

    @Override
    public int sources() {
        return device.sources();
    }

    @Override
    public int targets() {
        return device.targets();
    }

    @Override
    public String device() {
        return placement.fellBack() ? "cpu (Java threads: the OpenCL kernel fell back)"
                : org.hypermag.solver.gpu.GpuDevices.describe(placement.intended());
    }

    @Override
    public String describe() {
        return description;
    }

    /** @return where the kernel is meant to run and where it ran */
    public KernelPlacement placement() {
        return placement;
    }

    /**
     * Adds the field of the sources at every target.
     *
     * @param magnetisation M of each source (A/m); not modified
     * @param h receives H (A/m) added, one per target
     */
    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != device.sources() || h.size() != device.targets()) {
            throw new IllegalArgumentException("direct sum has " + device.sources() + " sources and "
                    + device.targets() + " targets; got magnetisation of size " + magnetisation.size()
                    + " and field of size " + h.size());
        }
        if (device.sources() == 0 || device.targets() == 0) {
            return;
        }
        device.upload(magnetisation.x, magnetisation.y, magnetisation.z);
        device.launchSum(GROUP);
        placement.check();
        device.download(h.x, h.y, h.z);
    }
}
