package org.hypermag.solver.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.Kernel;
import com.aparapi.device.OpenCLDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The fallback check, device choice and option parsing. */
class KernelPlacementTest {

    /** Reads an object field inside run(): Aparapi cannot translate it and falls back to Java threads. */
    static final class Untranslatable extends Kernel {
        final float[] out = new float[3];
        final StringBuilder notPrimitive = new StringBuilder("x");

        @Override
        public void run() {
            int i = getGlobalId();
            out[i] = notPrimitive.length() + i;
        }
    }

    @Test
    void fallbackToJavaThreadsIsDetectedAndReportedOnce() {
        OpenCLDevice cpu = OpenClForTests.cpuDevice();
        Untranslatable k = new Untranslatable();
        List<String> reports = new ArrayList<>();
        KernelPlacement p = KernelPlacement.bind(k, cpu, reports::add);
        Logger aparapi = Logger.getLogger(com.aparapi.Config.getLoggerName());
        Level old = aparapi.getLevel();
        aparapi.setLevel(Level.OFF); // the expected translation warning would clutter the test output
        try {
            for (int step = 0; step < 3; step++) {
                k.execute(3);
                assertFalse(p.check(), "a fallback is seen after every execution");
            }
        } finally {
            aparapi.setLevel(old);
        }
        assertTrue(p.fellBack());
        assertEquals(1, reports.size(), "reported once, not per step");
        assertTrue(reports.get(0).contains("Untranslatable") && reports.get(0).contains("Java thread pool"),
                reports.get(0));
        k.get(k.out);
        assertEquals(2f, k.out[1], "the fallback still computes the right values");
        k.dispose();
    }

    @Test
    void gpuOnFailsWithAClearMessageWhenThereIsNoGpuAndAutoSaysWhy() {
        if (GpuDevices.firstGpu() == null) {
            GpuUnavailableException e = assertThrows(GpuUnavailableException.class,
                    () -> GpuDevices.choose(GpuMode.ON));
            assertTrue(e.getMessage().contains("needs an OpenCL GPU and there is none"), e.getMessage());
            GpuDevices.Choice auto = GpuDevices.choose(GpuMode.AUTO);
            assertFalse(auto.isGpu());
            assertTrue(auto.reason().contains("no OpenCL GPU"), auto.reason());
        } else {
            assertTrue(GpuDevices.choose(GpuMode.ON).isGpu());
            assertTrue(GpuDevices.choose(GpuMode.AUTO).reason().contains("using"));
        }
        assertFalse(GpuDevices.choose(GpuMode.OFF).isGpu());
    }

    @Test
    void modesAndPrecisionsParseAndRejectOtherValues() {
        assertEquals(GpuMode.AUTO, GpuMode.parse("Auto"));
        assertEquals(GpuMode.OFF, GpuMode.parse("off"));
        assertEquals(Precision.DOUBLE, Precision.parse("double"));
        assertEquals(Precision.SINGLE, Precision.parse("float"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuMode.parse("yes"));
        assertTrue(e.getMessage().contains("'auto', 'on' or 'off'"));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("half"));
    }
}
