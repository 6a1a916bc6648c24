package org.hypermag.solver.gpu;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.aparapi.device.OpenCLDevice;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL CPU device (PoCL) the kernel tests run on. Without one the tests are skipped, unless
 * {@code HYPERMAG_REQUIRE_OPENCL} is set (as {@code .ci/run} does), when they fail.
 */
final class OpenClForTests {
    private OpenClForTests() {
    }

    static OpenCLDevice cpuDevice() {
        OpenCLDevice d = GpuDevices.openClCpu();
        if (System.getenv("HYPERMAG_REQUIRE_OPENCL") != null) {
            assertNotNull(d, "an OpenCL CPU device is required (HYPERMAG_REQUIRE_OPENCL is set) but none was found: "
                    + "install Debian's ocl-icd-libopencl1 and pocl-opencl-icd");
        }
        Assumptions.assumeTrue(d != null, "no OpenCL CPU device (Debian packages ocl-icd-libopencl1, "
                + "pocl-opencl-icd; .ci/run installs them)");
        return d;
    }
}
