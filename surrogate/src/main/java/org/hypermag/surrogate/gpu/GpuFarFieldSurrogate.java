package org.hypermag.surrogate.gpu;

import com.aparapi.device.Device;
import java.util.function.Consumer;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.KernelPlacement;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.SurrogateParts;

/**
 * The far-field surrogate evaluated on an OpenCL device (or, for tests and comparison, Aparapi's Java thread pool):
 * the same field as the {@link FarFieldSurrogate} it is built from (the CPU reference), computed by
 * {@link SurrogateKernelF} (or {@link SurrogateKernelD} in double precision).
 *
 * <p>Device buffers persist across calls: geometry, phases, coefficients and near blocks are uploaded once; per
 * {@link #addField} only M goes in and H comes out, and nothing is allocated. After every execution the kernel's
 * placement is checked ({@link KernelPlacement}); a fallback to Java threads is reported once.
 *
 * <p>Not thread-safe.
 */
public final class GpuFarFieldSurrogate implements DemagField {
    private final SurrogateDevice device;
    private final KernelPlacement placement;
    private final int n;
    private final int nt;
    private final String description;

    /**
     * @param cpu the CPU surrogate (its geometry, model and near blocks are copied; it stays usable)
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param precision float or double on the device
     * @param report receives the one fallback warning (e.g. {@code System.err::println})
     */
    public GpuFarFieldSurrogate(FarFieldSurrogate cpu, Device target, Precision precision, Consumer<String> report) {
        SurrogateParts p = SurrogateParts.of(cpu);
        n = p.sources();
        nt = p.targets();
        int chunks = SurrogateDevice.chunksFor(n, p.modesX() * p.modesY());
        device = precision == Precision.DOUBLE ? new SurrogateKernelD(p, chunks) : new SurrogateKernelF(p, chunks);
        placement = KernelPlacement.bind(device.kernel(), target, report);
        device.uploadAll();
        description = cpu.describe() + "; on " + GpuDevices.describe(target) + ", " + precision.key()
                + " precision, " + chunks + " source chunks";
    }

    @Override
    public int sources() {
        return n;
    }

    @Override
    public int targets() {
        return nt;
    }

    @Override
    public String device() {
        return placement.where();
    }

    @Override
    public String describe() {
        return description;
    }

    /** @return where the kernel is meant to run and where it ran */
    public KernelPlacement placement() {
        return placement;
    }

    /** @return the kernel (tests) */
    SurrogateDevice kernelDevice() {
        return device;
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != n || h.size() != nt) {
            throw new IllegalArgumentException("surrogate has " + n + " sources and " + nt + " targets; got "
                    + "magnetisation of size " + magnetisation.size() + " and field of size " + h.size());
        }
        if (n == 0 || nt == 0) {
            return;
        }
        device.upload(magnetisation.x, magnetisation.y, magnetisation.z);
        device.launch(SurrogateKernelF.ACCUMULATE);
        device.launch(SurrogateKernelF.REDUCE);
        device.launch(SurrogateKernelF.EVALUATE);
        if (device.hasNear()) {
            device.launch(SurrogateKernelF.NEAR);
        }
        placement.check();
        device.download(h.x, h.y, h.z);
    }
}
