package org.hypermag.surrogate.gpu;

import com.aparapi.device.Device;
import java.util.Locale;
import java.util.function.Consumer;
import org.hypermag.solver.gpu.DeviceDemag;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.SurrogateParts;

/**
 * The far-field surrogate evaluated on an OpenCL device by non-uniform FFTs ({@link NufftKernelF}, or
 * {@link NufftKernelD} in double precision): the same transforms as the {@link FarFieldSurrogate} it is built from
 * (the CPU reference), with the same point weights, multipliers and near blocks, so the two agree to rounding.
 * Built for surrogates whose CPU path evaluates its far field by transforms ({@link #supports}); the others use
 * {@link GpuFarFieldSurrogate} (phase sums). Per {@link #addField} only M goes in and H comes out; nothing is
 * allocated. Not thread-safe.
 */
public final class GpuNufftSurrogate extends DeviceDemag {
    private final FarFieldSurrogate cpu;

    /**
     * @param cpu the CPU surrogate, evaluating its far field by transforms ({@link #supports})
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param precision float or double on the device
     * @param report receives the one fallback warning
     */
    public GpuNufftSurrogate(FarFieldSurrogate cpu, Device target, Precision precision, Consumer<String> report) {
        this(cpu, new NufftLayout(SurrogateParts.of(cpu)), target, precision, report);
    }

    private GpuNufftSurrogate(FarFieldSurrogate cpu, NufftLayout layout, Device target, Precision precision,
                              Consumer<String> report) {
        super(precision == Precision.DOUBLE ? new NufftKernelD(layout) : new NufftKernelF(layout), layout.n,
                layout.nt, target, String.format(Locale.ROOT, "%s; on %s, %s precision, non-uniform FFTs on the "
                        + "device (%d + %d grids of %d x %d, %.1f MB)", cpu.describe(), GpuDevices.describe(target),
                        precision.key(), layout.inputs, layout.outputs, layout.nfx, layout.nfy,
                        layout.numbers() * (precision == Precision.DOUBLE ? 8 : 4) / 1e6), report);
        this.cpu = cpu;
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
    public org.hypermag.solver.demag.DemagField reference() {
        return cpu;
    }
}
