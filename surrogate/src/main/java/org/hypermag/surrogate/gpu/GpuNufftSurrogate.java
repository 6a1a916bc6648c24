package org.hypermag.surrogate.gpu;

import com.aparapi.device.Device;
import java.util.Locale;
import java.util.function.Consumer;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.KernelPlacement;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.SurrogateParts;

/**
 * The far-field surrogate evaluated on an OpenCL device by non-uniform FFTs ({@link NufftKernelF}, or
 * {@link NufftKernelD} in double precision): the same transforms as the {@link FarFieldSurrogate} it is built from
 * (the CPU reference), with the same point weights, multipliers and near blocks, so the two agree to rounding.
 * Built for surrogates whose CPU path evaluates its far field by transforms ({@link #supports}); the others use
 * {@link GpuFarFieldSurrogate} (phase sums).
 *
 * <p>Device buffers persist across calls: per {@link #addField} only M goes in and H comes out; nothing is allocated.
 * After every evaluation the kernel's placement is checked ({@link KernelPlacement}). Not thread-safe.
 */
public final class GpuNufftSurrogate implements DemagField {
    private final NufftKernelF single;
    private final NufftKernelD twin;
    private final KernelPlacement placement;
    private final int n, nt;
    private final String description;
    private final FarFieldSurrogate cpu;

    /**
     * @param cpu the CPU surrogate, evaluating its far field by transforms ({@link #supports})
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param precision float or double on the device
     * @param report receives the one fallback warning
     */
    public GpuNufftSurrogate(FarFieldSurrogate cpu, Device target, Precision precision, Consumer<String> report) {
        this.cpu = cpu;
        SurrogateParts p = SurrogateParts.of(cpu);
        NufftLayout layout = new NufftLayout(p);
        n = layout.n;
        nt = layout.nt;
        if (precision == Precision.DOUBLE) {
            twin = new NufftKernelD(layout);
            single = null;
            placement = KernelPlacement.bind(twin, target, report);
            twin.uploadAll();
        } else {
            single = new NufftKernelF(layout);
            twin = null;
            placement = KernelPlacement.bind(single, target, report);
            single.uploadAll();
        }
        description = String.format(Locale.ROOT, "%s; on %s, %s precision, non-uniform FFTs on the device (%d + %d "
                + "grids of %d x %d, %.1f MB)", cpu.describe(), GpuDevices.describe(target), precision.key(),
                layout.inputs, layout.outputs, layout.nfx, layout.nfy,
                layout.numbers() * (precision == Precision.DOUBLE ? 8 : 4) / 1e6);
    }

    /**
     * @param cpu a CPU surrogate
     * @return whether its far field is evaluated by transforms, which this class evaluates on the device
     */
    public static boolean supports(FarFieldSurrogate cpu) {
        return SurrogateParts.of(cpu).transformPlan() != null;
    }

    /** @return the CPU surrogate this evaluates (its reference; {@link DeviceLlgStepper} builds from it) */
    public FarFieldSurrogate cpu() {
        return cpu;
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
        return placement.fellBack() ? "cpu (Java threads: the OpenCL kernel fell back)"
                : GpuDevices.describe(placement.intended());
    }

    @Override
    public String describe() {
        return description;
    }

    /** @return where the kernel is meant to run and where it ran */
    public KernelPlacement placement() {
        return placement;
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != n || h.size() != nt) {
            throw new IllegalArgumentException("surrogate has " + n + " sources and " + nt + " targets; got "
                    + "magnetisation of size " + magnetisation.size() + " and field of size " + h.size());
        }
        if (single != null) {
            single.upload(magnetisation.x, magnetisation.y, magnetisation.z);
            single.evaluate();
            placement.check();
            single.download(h.x, h.y, h.z);
        } else {
            twin.upload(magnetisation.x, magnetisation.y, magnetisation.z);
            twin.evaluate();
            placement.check();
            twin.download(h.x, h.y, h.z);
        }
    }
}
