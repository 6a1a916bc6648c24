package org.hypermag.solver.gpu;

import com.aparapi.device.Device;
import java.util.Locale;
import java.util.function.Consumer;
import org.hypermag.solver.demag.FftDemag;

/**
 * The exact demag of a one-layer grid on an OpenCL device ({@link GridDemagKernelF}, {@link GridDemagKernelD} in
 * double): the FFT convolution of the {@link FftDemag} it is built from (its reference), agreeing with it to rounding.
 */
public final class GpuGridDemag extends DeviceDemag {
    private final FftDemag cpu;

    /**
     * @param cpu the CPU convolution (n_z = 1)
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param precision float or double on the device
     * @param report receives the one fallback warning
     */
    public GpuGridDemag(FftDemag cpu, Device target, Precision precision, Consumer<String> report) {
        super(precision == Precision.DOUBLE ? new GridDemagKernelD(cpu, null) : new GridDemagKernelF(cpu, null),
                cpu.sources(), cpu.targets(), target, String.format(Locale.ROOT, "%s; on %s, %s precision, the "
                        + "convolution on the device (%d x %d padded grid)", cpu.describe(),
                        GpuDevices.describe(target), precision.key(), cpu.paddedSize()[0], cpu.paddedSize()[1]),
                report);
        this.cpu = cpu;
    }

    /**
     * @param cpu a CPU convolution
     * @return whether the device evaluates it (one layer)
     */
    public static boolean supports(FftDemag cpu) {
        return cpu.grid().nz() == 1;
    }

    /** @return the CPU convolution this evaluates */
    public FftDemag cpu() {
        return cpu;
    }

    @Override
    public org.hypermag.solver.demag.DemagField reference() {
        return cpu;
    }
}
