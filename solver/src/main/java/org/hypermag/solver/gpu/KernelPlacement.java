package org.hypermag.solver.gpu;

import com.aparapi.Kernel;
import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.internal.kernel.KernelManager;
import java.util.LinkedHashSet;
import java.util.function.Consumer;

/**
 * Binds a kernel to the device it is meant to run on and checks, after each execution, that it really ran there.
 *
 * <p>Aparapi falls back silently (a logged warning) to the Java thread pool when a kernel does not translate to
 * OpenCL, does not compile, or the device fails. The results are still correct, but slow; this class notices it and
 * reports it <em>once</em> per placement, loudly, through the given reporter (stderr by default), naming the kernel,
 * the intended device and where it ran instead.
 *
 * <p>Aparapi keeps device preferences per kernel <em>class</em>: binding an instance rebinds every instance of
 * its class. hypermag creates one instance per kernel class per demag field, so this is what is wanted; tests that
 * run one class on two devices bind it again before each.
 */
public final class KernelPlacement {
    private final Kernel kernel;
    private final Device intended;
    private final Consumer<String> report;
    private boolean reported;
    private boolean fellBack;

    private KernelPlacement(Kernel kernel, Device intended, Consumer<String> report) {
        this.kernel = kernel;
        this.intended = intended;
        this.report = report;
    }

    /**
     * Prefers the device for the kernel's class, with the Java thread pool as the only fallback, and switches the
     * kernel to explicit buffer management (arrays move only on {@code put}/{@code get}).
     *
     * @param kernel the kernel
     * @param device an OpenCL device, or {@link JavaDevice#THREAD_POOL}
     * @param report receives the one fallback message
     * @return the placement
     */
    public static KernelPlacement bind(Kernel kernel, Device device, Consumer<String> report) {
        LinkedHashSet<Device> devices = new LinkedHashSet<>();
        devices.add(device);
        devices.add(JavaDevice.THREAD_POOL);
        KernelManager.instance().setPreferredDevices(kernel, devices);
        kernel.setExplicit(true);
        return new KernelPlacement(kernel, device, report);
    }

    /** @return the kernel */
    public Kernel kernel() {
        return kernel;
    }

    /** @return the device the kernel is meant to run on */
    public Device intended() {
        return intended;
    }

    /** @return the device the kernel runs on now (after a fallback: the Java thread pool) */
    public Device actual() {
        return kernel.getTargetDevice();
    }

    /** @return true if the kernel is (still) placed on the intended device */
    public boolean onIntendedDevice() {
        Device now = actual();
        boolean cl = intended.getType() != Device.TYPE.JTP;
        return now == intended && kernel.isRunningCL() == cl;
    }

    /**
     * Call after each execution: reports a fallback the first time it is seen.
     *
     * @return true if the kernel ran on the intended device
     */
    public boolean check() {
        if (onIntendedDevice()) {
            return true;
        }
        fellBack = true;
        if (!reported) {
            reported = true;
            report.accept("WARNING: hypermag GPU: kernel " + kernel.getClass().getSimpleName() + " was meant to run on "
                    + GpuDevices.describe(intended) + " but ran on " + describeActual() + ". Aparapi fell back, "
                    + "usually because the kernel did not translate or compile for OpenCL (see Aparapi's log lines "
                    + "above). The results are correct but computed by Java threads, slowly. Reported once.");
        }
        return false;
    }

    /** @return true if a fallback has been seen */
    public boolean fellBack() {
        return fellBack;
    }

    /**
     * @return where the kernel computes, for a demag field's {@code device()}: the intended device, or the Java
     *     threads once the kernel fell back
     */
    public String where() {
        return fellBack ? "cpu (Java threads: the OpenCL kernel fell back)" : GpuDevices.describe(intended());
    }

    private String describeActual() {
        Device now = actual();
        return now == null || now.getType() == Device.TYPE.JTP ? "the Java thread pool" : GpuDevices.describe(now);
    }
}
