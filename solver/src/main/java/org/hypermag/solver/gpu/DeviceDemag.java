package org.hypermag.solver.gpu;

import com.aparapi.device.Device;
import java.util.function.Consumer;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;

/**
 * A demag kernel ({@link LlgDevice}: the exact convolution of a film, {@link GridDemagKernelF}; the surrogate's
 * non-uniform FFTs) used as a field: per {@link #addField} M goes to the device and H comes back; everything else stays
 * there between calls, and nothing is allocated. After every evaluation the kernel's placement is checked
 * ({@link KernelPlacement}). Not thread-safe.
 */
public class DeviceDemag implements DemagField {
    private final LlgDevice kernel;
    private final KernelPlacement placement;
    private final int n, nt;
    private final String description;

    /**
     * Binds the kernel to the device and uploads its buffers.
     *
     * @param kernel the kernel (not bound yet)
     * @param sources its sources
     * @param targets its targets
     * @param target an OpenCL device, or {@link com.aparapi.device.JavaDevice#THREAD_POOL}
     * @param description what it evaluates, for {@link #describe}
     * @param report receives the one fallback warning
     */
    protected DeviceDemag(LlgDevice kernel, int sources, int targets, Device target, String description,
                          Consumer<String> report) {
        this.kernel = kernel;
        n = sources;
        nt = targets;
        GpuDevices.requireMemory(target, kernel.deviceBytes(), "the demag kernel");
        placement = KernelPlacement.bind(kernel.kernel(), target, report);
        kernel.uploadAll();
        this.description = description;
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

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != n || h.size() != nt) {
            throw new IllegalArgumentException("the demag has " + n + " sources and " + nt + " targets; got "
                    + "magnetisation of size " + magnetisation.size() + " and field of size " + h.size());
        }
        if (n == 0 || nt == 0) {
            return;
        }
        kernel.upload(magnetisation.x, magnetisation.y, magnetisation.z);
        kernel.evaluate();
        placement.check();
        kernel.download(h.x, h.y, h.z);
    }
}
