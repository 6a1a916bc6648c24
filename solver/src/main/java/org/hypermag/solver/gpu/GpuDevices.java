package org.hypermag.solver.gpu;

import com.aparapi.Config;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.kernel.KernelManager;
import com.aparapi.internal.opencl.OpenCLLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenCL devices Aparapi sees, and the choice {@code --gpu auto|on|off} makes among them.
 *
 * <p>Only GPUs are chosen automatically: on a machine without one the CPU implementation (Java threads) is used,
 * which is what {@code off} does. An OpenCL CPU device (PoCL) is used by the tests, to run every kernel really in
 * OpenCL without a GPU ({@link #openClCpu()}). Nothing here loads OpenCL unless asked: {@code off} never touches
 * Aparapi.
 */
public final class GpuDevices {
    private GpuDevices() {
    }

    /**
     * The device a mode chose, and why.
     *
     * @param device the OpenCL GPU, or null for the CPU implementation
     * @param reason one line saying which device and why, for the log
     */
    public record Choice(OpenCLDevice device, String reason) {
        /** @return true if an OpenCL GPU was chosen */
        public boolean isGpu() {
            return device != null;
        }
    }

    /**
     * Loads Aparapi's native library and OpenCL on first use. Aparapi logs a SEVERE line when OpenCL is missing; that
     * is the normal case on a machine without a GPU, so the probe is quiet and the choice's reason says it instead.
     *
     * @return true if an OpenCL runtime was loaded (libOpenCL.so.1 with a registered driver)
     */
    public static synchronized boolean openClAvailable() {
        Logger aparapi = Logger.getLogger(Config.getLoggerName());
        Level level = aparapi.getLevel();
        aparapi.setLevel(Level.OFF);
        try {
            return OpenCLLoader.isOpenCLAvailable();
        } catch (LinkageError e) {
            return false;
        } finally {
            aparapi.setLevel(level);
        }
    }

    /** @return every OpenCL device Aparapi sees (empty without OpenCL), GPUs first in Aparapi's order */
    public static List<OpenCLDevice> openClDevices() {
        List<OpenCLDevice> out = new ArrayList<>();
        if (!openClAvailable()) {
            return out;
        }
        for (Device d : KernelManager.instance().getDefaultPreferences().getPreferredDevices(null)) {
            if (d instanceof OpenCLDevice cl) {
                out.add(cl);
            }
        }
        return out;
    }

    /**
     * The Java property that, set to {@value #STAND_IN_CPU}, makes {@link #choose} take the OpenCL CPU device
     * (PoCL) where it finds no GPU: so that the tests run the whole GPU path of a command on a machine without one.
     * Never set by hypermag itself.
     */
    public static final String STAND_IN = "hypermag.gpu.stand-in";
    /** The value of {@link #STAND_IN} that selects the OpenCL CPU device. */
    public static final String STAND_IN_CPU = "opencl-cpu";

    /** @return the first OpenCL GPU, or null */
    public static OpenCLDevice firstGpu() {
        for (OpenCLDevice d : openClDevices()) {
            if (d.getType() == Device.TYPE.GPU) {
                return d;
            }
        }
        return null;
    }

    /** @return the first OpenCL CPU device (PoCL on the project's machines), or null */
    public static OpenCLDevice openClCpu() {
        for (OpenCLDevice d : openClDevices()) {
            if (d.getType() == Device.TYPE.CPU) {
                return d;
            }
        }
        return null;
    }

    /**
     * Refuses a kernel whose buffers would not fit the device's memory, before anything is uploaded.
     *
     * @param d the device (an OpenCL device is checked; the Java thread pool is not)
     * @param bytes the kernel's buffers
     * @param what the kernel, for the message
     * @throws IllegalArgumentException naming both sizes when the buffers exceed 90 % of the device's memory
     */
    public static void requireMemory(Device d, long bytes, String what) {
        if (d instanceof OpenCLDevice cl && bytes > 0.9 * cl.getGlobalMemSize()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs %.2f GB on the device and %s "
                    + "has %.2f GB; use fewer domains, single precision, or the CPU (gpu: off)", what, bytes / 1e9,
                    cl.getName(), cl.getGlobalMemSize() / 1e9));
        }
    }

    /**
     * @param d a device
     * @return its name, type and platform, e.g. "NVIDIA H100 80GB HBM3 (GPU, OpenCL platform NVIDIA CUDA)"
     */
    public static String describe(Device d) {
        if (d instanceof OpenCLDevice cl) {
            String platform = cl.getOpenCLPlatform() == null ? "?" : cl.getOpenCLPlatform().getName();
            return String.format(Locale.ROOT, "%s (%s, OpenCL platform %s, %d compute units, %d MiB)", cl.getName(),
                    cl.getType(), platform, cl.getMaxComputeUnits(), cl.getGlobalMemSize() >> 20);
        }
        return d == null ? "the CPU implementation (Java threads)" : d.getShortDescription();
    }

    /**
     * Chooses where the demagnetising field runs.
     *
     * @param mode the mode
     * @return the choice and its reason
     * @throws GpuUnavailableException for {@link GpuMode#ON} without an OpenCL GPU, naming what was found
     */
    public static Choice choose(GpuMode mode) {
        if (mode == GpuMode.OFF) {
            return new Choice(null, "gpu: off: the demagnetising field runs on the CPU (Java threads)");
        }
        List<OpenCLDevice> all = openClDevices();
        OpenCLDevice gpu = firstGpu();
        if (gpu == null && STAND_IN_CPU.equals(System.getProperty(STAND_IN)) && openClCpu() != null) {
            return new Choice(openClCpu(), "gpu: " + mode.key() + ": using " + describe(openClCpu()) + " as a stand-in "
                    + "for a GPU (Java property " + STAND_IN + "=" + STAND_IN_CPU + ", for tests)");
        }
        if (gpu != null) {
            return new Choice(gpu, "gpu: " + mode.key() + ": using " + describe(gpu)
                    + (mode == GpuMode.AUTO ? ", the first OpenCL GPU found" : ""));
        }
        String found = all.isEmpty() ? (openClAvailable() ? "OpenCL is installed but has no devices"
                : "no OpenCL runtime (libOpenCL.so.1 with a registered driver in /etc/OpenCL/vendors)")
                : "OpenCL devices: " + names(all) + "; none is a GPU";
        if (mode == GpuMode.ON) {
            throw new GpuUnavailableException("gpu: on needs an OpenCL GPU and there is none (" + found + "). "
                    + "Install the GPU's OpenCL driver (NVIDIA: libnvidia-opencl.so.1, registered as "
                    + "/etc/OpenCL/vendors/nvidia.icd), or use gpu auto or off");
        }
        return new Choice(null, "gpu: auto: no OpenCL GPU (" + found
                + "), so the demagnetising field runs on the CPU (Java threads)");
    }

    private static String names(List<OpenCLDevice> all) {
        StringBuilder b = new StringBuilder();
        for (OpenCLDevice d : all) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(d.getName()).append(" (").append(d.getType()).append(')');
        }
        return b.toString();
    }
}
