package org.hypermag.scenarios.sim;

import org.hypermag.solver.gpu.GpuMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.OpenCLDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hypermag.scenarios.spec.Problem;
import org.hypermag.scenarios.spec.DemagMethods;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioException;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.GpuDirectSum;
import org.hypermag.solver.gpu.GpuUnavailableException;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.gpu.GpuFarFieldSurrogate;
import org.hypermag.surrogate.gpu.GpuNufftSurrogate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A scenario's demag on an OpenCL device (PoCL standing in for a GPU), the {@code compute.gpu_precision} key, and
 * {@code gpu: on} without a GPU.
 */
class GpuScenarioTest {
    private static final String BASE = "geometry:\n  grid: {cells: [4, 3, 1], cell_size: [2.0e-9, 2.0e-9, 2.0e-9]}\n"
            + "materials:\n  - {region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.02}\n"
            + "initial: {uniform: [1, 0, 0]}\nstages:\n  - relax: {}\n";

    static OpenCLDevice cpuDevice() {
        OpenCLDevice d = GpuDevices.openClCpu();
        if (System.getenv("HYPERMAG_REQUIRE_OPENCL") != null) {
            assertNotNull(d, "an OpenCL CPU device is required (HYPERMAG_REQUIRE_OPENCL is set) but none was found");
        }
        Assumptions.assumeTrue(d != null, "no OpenCL CPU device (pocl-opencl-icd)");
        return d;
    }

    private static double relativeError(VectorField a, VectorField b) {
        double err = 0, scale = 0;
        for (int i = 0; i < a.size(); i++) {
            err = Math.max(err, Math.max(Math.abs(a.x[i] - b.x[i]), Math.max(Math.abs(a.y[i] - b.y[i]),
                    Math.abs(a.z[i] - b.z[i]))));
            scale = Math.max(scale, Math.max(Math.abs(b.x[i]), Math.max(Math.abs(b.y[i]), Math.abs(b.z[i]))));
        }
        return err / scale;
    }

    @Test
    void granularFilmDemagOnAnOpenClDeviceMatchesTheCpuForExactAndSurrogate() {
        GpuDevices.Choice device = new GpuDevices.Choice(cpuDevice(), "test: PoCL");
        Scenario s = ShippedScenarios.parse("granular-film-hysteresis");
        Scenario exact = s.withDemag(Scenario.Demag.of("exact"));
        Scenario surrogate = s.withDemag(Scenario.Demag.of("surrogate"));
        Magnet magnet = ScenarioSystem.magnet(s);
        int n = magnet.size();
        VectorField m = new VectorField(n);
        Random rnd = new Random(42);
        for (int i = 0; i < n; i++) {
            m.set(i, 4e5 * (2 * rnd.nextDouble() - 1), 4e5 * (2 * rnd.nextDouble() - 1),
                    4e5 * (2 * rnd.nextDouble() - 1));
        }
        try (WorkerPool pool = new WorkerPool(2)) {
            for (Scenario sc : List.of(exact, surrogate)) {
                DemagField gpu = DemagMethods.build(sc, magnet, device, pool, line -> { });
                DemagField cpu = DemagMethods.build(sc, magnet, new GpuDevices.Choice(null, "cpu"), pool, line -> { });
                assertEquals(GpuDevices.describe(device.device()), gpu.device(), "run.h5 records the device");
                assertTrue(gpu instanceof GpuDirectSum || gpu instanceof GpuFarFieldSurrogate
                        || gpu instanceof GpuNufftSurrogate, gpu.describe());
                VectorField hg = new VectorField(n), hc = new VectorField(n);
                gpu.addField(m, hg);
                cpu.addField(m, hc);
                double e = relativeError(hg, hc);
                assertTrue(e <= 4e-6, sc.demag().method() + ": relative error " + e);
            }
        }
    }

    @Test
    void gpuPrecisionKeyIsReadAndABadValueIsReportedWithItsPlace() {
        Scenario s = ScenarioParser.parse(BASE + "compute: {gpu: off, gpu_precision: double}\n", "ok.yaml",
                Path.of("."), "ok");
        assertEquals(GpuMode.OFF, s.compute().gpu());
        assertEquals(Precision.DOUBLE, s.compute().gpuPrecision());
        assertEquals(Precision.SINGLE, ScenarioParser.parse(BASE, "ok.yaml", Path.of("."), "ok").compute()
                .gpuPrecision());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(BASE
                + "compute: {gpu_precision: half}\n", "bad.yaml", Path.of("."), "bad"));
        Problem p = e.problems().get(0);
        assertEquals("bad.yaml", p.file());
        assertEquals(8, p.line(), p.toString());
        assertEquals("compute.gpu_precision", p.path(), p.toString());
        assertTrue(p.toString().contains("half") && p.toString().contains("single, double"), p.toString());
    }

    @Test
    void gpuOnWithoutAGpuIsRefusedBeforeAnythingRuns() {
        Assumptions.assumeTrue(GpuDevices.firstGpu() == null, "this machine has an OpenCL GPU");
        Scenario s = ShippedScenarios.parse("granular-film-hysteresis");
        Scenario on = s.withCompute(s.compute().withGpu(GpuMode.ON));
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class,
                () -> DemagMethods.chooseDevice(on, ScenarioSystem.magnet(on)));
        assertTrue(e.getMessage().contains("needs an OpenCL GPU"), e.getMessage());
        assertTrue(DemagMethods.chooseDevice(s.withDemag(Scenario.Demag.of("none")), ScenarioSystem.magnet(s))
                .reason().contains("no demag"));
    }
}
