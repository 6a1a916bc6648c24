package org.hypermag.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.scenarios.spec.DemagMethods;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * A run stage stepped wholly on a device (PoCL standing in for a GPU: {@link Simulation#enableDeviceStep}) against
 * the same stage on the CPU: a permalloy film in the field of standard problem 4 (exchange, Zeeman and the
 * surrogate demag, or the exact FFT convolution), 20 ps from a tilted uniform state, table rows every ps. In double precision the device takes the
 * CPU's steps (outputs by the continuous extension, on the device there) and the rows' ⟨m⟩ agree within 1e-9 (measured 1.3e-12, PoCL, 2026-12-05; the
 * CPU's surrogate may evaluate its far field by phase sums, the device by transforms, 1e-8 apart in the field). A field term without a device kernel (the thermal field)
 * keeps the step on the CPU and says so in one line. Relaxations minimise with the demag's CPU reference: with the
 * device's single-precision convolution built, a relaxation ends in exactly the CPU's state (the float field's
 * rounding, about 1e-7 of |H|, lies near the 0.1 A/m stopping torque: on PoCL the float surrogate stalled at 0.3–0.7
 * A/m in standard problem 4).
 */
class DeviceStepScenarioTest {
    private static final String FILM = """
            name: device-step
            geometry:
              grid: {cells: [40, 12, 1], cell_size: [5.0e-9, 5.0e-9, 3.0e-9]}
            materials:
              - {region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.02, gamma: 2.211e5%s}
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - run: {duration: 2.0e-11, field: {mT: [-24.6, 4.3, 0.0]}}
            demag: {method: surrogate}
            output: {table_interval: 1.0e-12}
            """;

    private static List<double[]> rows(Simulation sim, Scenario s) {
        Scenario.Run r = (Scenario.Run) s.stages().get(0);
        sim.enterStage(r.field().field(), null, 0);
        List<double[]> out = new ArrayList<>();
        sim.runDense(0, 0, r.duration(), 1e-12, Integration.DEFAULT, Double.NaN, Double.NaN, true,
                1, (t, dt, llg, proposed, memory) -> {
                    double[] a = sim.average();
                    out.add(new double[] {t, a[0], a[1], a[2]});
                }, (t, steps, atOutput) -> false);
        return out;
    }

    @Test
    void aRunStageSteppedOnTheDeviceFollowsTheCpuStage() {
        compareStages("surrogate");
    }

    @Test
    void aRunStageWithTheExactConvolutionSteppedOnTheDeviceFollowsTheCpuStage() {
        compareStages("exact");
    }

    private static void compareStages(String demag) {
        GpuDevices.Choice device = new GpuDevices.Choice(GpuScenarioTest.cpuDevice(), "test: PoCL");
        Scenario s = ScenarioParser.parse(String.format(FILM, ", K1: 1.0e4, K2: 2.0e3").replace("method: surrogate",
                "method: " + demag),
                "film.yaml", Path.of("."), "film");
        Magnet magnet = ScenarioSystem.magnet(s);
        List<String> log = new ArrayList<>();
        try (WorkerPool pool = new WorkerPool(2)) {
            DemagField onDevice = DemagMethods.build(s, magnet, device, pool, log::add);
            DemagField cpu = DemagMethods.build(s, magnet, new GpuDevices.Choice(null, "cpu"), pool, line -> { });
            Simulation a = new Simulation(magnet, onDevice, ScenarioSystem.initial(s), null);
            assertTrue(a.enableDeviceStep(device.device(), Precision.DOUBLE, log::add), log.toString());
            assertTrue(a.stepsOnDevice(Integration.DEFAULT));
            Simulation b = new Simulation(magnet, cpu, ScenarioSystem.initial(s), null);
            List<double[]> ra = rows(a, s), rb = rows(b, s);
            assertEquals(rb.size(), ra.size(), "the same rows");
            assertEquals(21, ra.size());
            double worst = 0;
            for (int k = 0; k < ra.size(); k++) {
                assertEquals(rb.get(k)[0], ra.get(k)[0], 1e-20, "row times");
                for (int c = 1; c <= 3; c++) {
                    worst = Math.max(worst, Math.abs(ra.get(k)[c] - rb.get(k)[c]));
                }
            }
            System.out.printf("device step vs CPU, %s demag, 20 ps of sp4's field on a 40 x 12 film: largest <m> "
                    + "difference %.2e; counts device %s, cpu %s%n", demag, worst, java.util.Arrays.toString(a.stepCounts()),
                    java.util.Arrays.toString(b.stepCounts()));
            assertTrue(worst <= 1e-9, "rows differ by " + worst);
            assertTrue(Math.abs(ra.get(20)[1] - ra.get(0)[1]) > 1e-3, "m moved");
            assertEquals(b.stepCounts()[1], a.stepCounts()[1], "the same evaluations");
        }
    }

    @Test
    void relaxationsMinimiseWithTheCpuReferenceOfTheDeviceDemag() {
        GpuDevices.Choice device = new GpuDevices.Choice(GpuScenarioTest.cpuDevice(), "test: PoCL");
        Scenario s = ScenarioParser.parse(String.format(FILM, "").replace("method: surrogate", "method: exact"),
                "relax.yaml", Path.of("."), "relax");
        Magnet magnet = ScenarioSystem.magnet(s);
        try (WorkerPool pool = new WorkerPool(2)) {
            // single precision on the device (the default): its rounding lies near the stopping torque
            Simulation a = new Simulation(magnet, DemagMethods.build(s, magnet, device, pool, line -> { }),
                    ScenarioSystem.initial(s), null);
            Simulation b = new Simulation(magnet, DemagMethods.build(s, magnet, new GpuDevices.Choice(null, "cpu"),
                    pool, line -> { }), ScenarioSystem.initial(s), null);
            assertTrue(a.relaxesOnTheCpu());
            assertFalse(b.relaxesOnTheCpu());
            var ra = a.relax(0, 0.1, 100_000, null, () -> false);
            var rb = b.relax(0, 0.1, 100_000, null, () -> false);
            assertEquals(rb.iterations(), ra.iterations(), "the same minimisation");
            for (int i = 0; i < magnet.size(); i++) {
                assertEquals(b.magnetisation().x[i], a.magnetisation().x[i], 0.0, "domain " + i);
                assertEquals(b.magnetisation().y[i], a.magnetisation().y[i], 0.0, "domain " + i);
            }
        }
    }

    @Test
    void aTermWithoutADeviceKernelKeepsTheStepOnTheCpuAndSaysSo() {
        GpuDevices.Choice device = new GpuDevices.Choice(GpuScenarioTest.cpuDevice(), "test: PoCL");
        Scenario s = ScenarioParser.parse(String.format(FILM, ""), "warm.yaml", Path.of("."), "warm");
        Magnet magnet = ScenarioSystem.magnet(s);
        List<String> log = new ArrayList<>();
        try (WorkerPool pool = new WorkerPool(2)) {
            DemagField onDevice = DemagMethods.build(s, magnet, device, pool, line -> { });
            // a run that may be above 0 K: the thermal field has no device kernel
            Simulation a = new Simulation(magnet, onDevice, ScenarioSystem.initial(s), 5L);
            assertFalse(a.enableDeviceStep(device.device(), Precision.DOUBLE, log::add));
            assertFalse(a.stepsOnDevice(Integration.DEFAULT));
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).contains("runs on the CPU") && log.get(0).contains(ThermalField.TYPE.name()),
                    log.get(0));
        }
    }
}
