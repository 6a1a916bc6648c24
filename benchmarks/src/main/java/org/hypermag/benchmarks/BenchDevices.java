package org.hypermag.benchmarks;

import com.aparapi.device.Device;
import org.hypermag.solver.gpu.GpuDevices;

/** The device a GPU benchmark parameter names, printed once per trial so that every result says where it ran. */
final class BenchDevices {
    private BenchDevices() {
    }

    /**
     * @param name {@code gpu} (the first OpenCL GPU) or {@code opencl-cpu} (PoCL)
     * @return the device
     * @throws IllegalStateException if there is none
     */
    static Device device(String name) {
        Device d = name.equals("gpu") ? GpuDevices.firstGpu() : name.equals("opencl-cpu") ? GpuDevices.openClCpu()
                : null;
        if (d == null) {
            throw new IllegalStateException("no " + name + " OpenCL device: " + GpuDevices.openClDevices()
                    + " (see docs/gpu.md)");
        }
        System.out.println("# device: " + GpuDevices.describe(d));
        return d;
    }
}
