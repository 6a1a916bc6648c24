package org.hypermag.surrogate.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.CubicAnisotropyField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.InterfacialDmiField;
import org.hypermag.solver.field.SecondOrderAnisotropyField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.FarFieldSurrogate.Evaluation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Whole LLG steps on the device ({@link DeviceLlgStepper}) against the CPU's Dormand–Prince stepper with the same
 * terms (its reference): a 24 × 12 grid of permalloy cells with exchange, interfacial DMI, uniaxial anisotropy of
 * first and second order, cubic anisotropy, a rotating applied
 * field and the far-field surrogate demag, from a non-uniform state, 39 steps. In double precision the device takes
 * the same steps (each within 1e-9 relative) and ends within 1e-9 of the CPU's m; in float, stepping to the
 * CPU's step ends, a float proposal a little below the CPU's step adds a short catch-up step now and then (free
 * running, the float device takes 119 steps over 0.2 ns to the CPU's 118, measured), so the two trajectories differ
 * by the integrators' own error, at most the 1e-5 rad allowed per step times the 39
 * steps (3.9e-4): asserted 1e-4, measured 1.5e-7 (PoCL, 2026-12-05). The exact direct sum among the grains of a
 * granular film (sizes differ: reciprocal coupling) and the exact FFT convolution of the film step on the device as
 * well: the same steps, m within 1e-9 in double; inside a step the continuous extension (evaluated on the device)
 * equals the CPU's within 1e-9. Also: the step runs in OpenCL (PoCL) and in the Java thread pool, a term without a
 * kernel is named and refused.
 */
class DeviceLlgStepperTest {
    private static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    private static Magnet magnet(RegularGrid g, double k2) {
        Material mat = Material.of(8e5).with(LlgEquation.ALPHA, 0.3).with(ExchangeField.A, 1.3e-11)
                .with(UniaxialAnisotropyField.K1, 5e3).with(UniaxialAnisotropyField.AXIS, 1, 0.2, 0)
                .with(CubicAnisotropyField.KC1, -2e3).with(CubicAnisotropyField.KC2, 1e3)
                .with(CubicAnisotropyField.AXES, 0.8, 0.6, 0, -0.6, 0.8, 0)
                .with(InterfacialDmiField.DIND, 1.5e-3).with(SecondOrderAnisotropyField.K2, k2);
        return Magnet.onGrid(g, mat);
    }

    private static EffectiveField field(Magnet magnet, org.hypermag.solver.demag.DemagField demag, boolean thermal) {
        List<FieldTerm> terms = new ArrayList<>();
        terms.add(new DemagTerm(magnet, demag));
        terms.add(ExchangeField.of(magnet));
        terms.add(UniaxialAnisotropyField.of(magnet));
        terms.add(CubicAnisotropyField.of(magnet));
        terms.add(new ZeemanField(magnet, AppliedField.sinusoid(new double[] {2e4, 0, 1e4},
                new double[] {0, 3e4, 0}, 5e9, 0.3)));
        terms.add(InterfacialDmiField.of(magnet));
        terms.add(SecondOrderAnisotropyField.of(magnet));
        if (thermal) {
            StageDrive drive = new StageDrive();
            drive.enableThermal(7);
            terms.add(new ThermalField(magnet, drive));
        }
        return new EffectiveField(magnet.size(), terms.toArray(new FieldTerm[0]));
    }

    private static VectorField initial(int n, int nx) {
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double a = 0.4 * (i % nx) + 0.25 * (i / nx), b = 0.3 + 0.1 * Math.sin(i);
            m.set(i, Math.cos(a) * Math.cos(b), Math.sin(a) * Math.cos(b), Math.sin(b));
        }
        return m;
    }

    private static double maxDiff(VectorField a, VectorField b) {
        double d = 0;
        for (int i = 0; i < a.size(); i++) {
            d = Math.max(d, Math.max(Math.abs(a.x[i] - b.x[i]), Math.max(Math.abs(a.y[i] - b.y[i]),
                    Math.abs(a.z[i] - b.z[i]))));
        }
        return d;
    }

    private static void compare(Device d, Precision precision) {
        RegularGrid g = new RegularGrid(24, 12, 1, 5e-9, 5e-9, 3e-9);
        Magnet magnet = magnet(g, 2e3);
        FarFieldSurrogate demag = FarFieldSurrogate.forGrid(g, null, FarFieldModel.fitGrid(g,
                GpuFarFieldSurrogateTest.fitSettings(), FarFieldModel.Progress.NONE), POOL, Evaluation.TRANSFORMS);
        compare("24 x 12 film, surrogate", magnet, field(magnet, demag, false), 24, 5e-11, d, precision);
    }

    private static void compare(String what, Magnet magnet, EffectiveField field, int nx, double end, Device d,
                                Precision precision) {
        assertTrue(DeviceLlgStepper.unsupported(field).isEmpty(), DeviceLlgStepper.unsupported(field).toString());
        VectorField cpuM = initial(magnet.size(), nx), devM = new VectorField(magnet.size());
        List<String> reports = new ArrayList<>();
        DeviceLlgStepper device = new DeviceLlgStepper(magnet, field, 1e-5, Double.POSITIVE_INFINITY, d, precision,
                reports::add);
        device.upload(cpuM);
        RungeKuttaStepper cpu = RungeKuttaStepper.dormandPrince(new LlgEquation(magnet, field), cpuM);
        double t = 0, worstStep = 0;
        int steps = 0;
        while (t < end - 1e-21) {
            double dtCpu = cpu.step(t, end - t);
            // the device steps to the CPU's time: the same step when its controller proposes at least as much
            double dtDev = device.step(t, dtCpu), td = t + dtDev;
            worstStep = Math.max(worstStep, Math.abs(dtDev - dtCpu) / dtCpu);
            while (td < t + dtCpu - 1e-9 * dtCpu) {
                td += device.step(td, t + dtCpu - td);
            }
            t += dtCpu;
            steps++;
        }
        device.download(devM);
        double diff = maxDiff(devM, cpuM);
        if (precision == Precision.DOUBLE) {
            // one more step each, and the state inside it by the continuous extension (the device's on the device)
            double dtCpu = cpu.step(t, 1e-11);
            assertEquals(dtCpu, device.step(t, dtCpu), 1e-9 * dtCpu);
            VectorField a = new VectorField(magnet.size()), b = new VectorField(magnet.size());
            cpu.interpolate(0.37, a);
            device.interpolate(0.37, b);
            double dense = maxDiff(a, b), moved = maxDiff(a, cpuM);
            System.out.printf("%s: continuous extension at 0.37 of a step, device vs CPU %.2e%n", what, dense);
            assertTrue(dense <= 1e-9 && moved > 1e-4, what + ": interpolated states differ by " + dense
                    + " (moved " + moved + ")");
        }
        System.out.printf("device LLG step, %s (%s, %s): %d steps to %.3g s, largest step difference %.2e, largest "
                + "|m_dev - m_cpu| %.2e, %d evaluations, %d rejected%n", what, precision.key(),
                GpuDevices.describe(device.placement().actual()), steps, t, worstStep, diff, device.evaluations(),
                device.rejectedSteps());
        assertTrue(steps >= 10, "enough steps: " + steps);
        assertTrue(device.placement().onIntendedDevice(), "ran on " + device.placement().actual());
        assertEquals(d != JavaDevice.THREAD_POOL, device.placement().kernel().isRunningCL());
        assertTrue(reports.isEmpty(), reports.toString());
        if (precision == Precision.DOUBLE) {
            assertTrue(worstStep <= 1e-9, "steps differ by " + worstStep);
            assertTrue(diff <= 1e-9, "states differ by " + diff);
        } else {
            assertTrue(diff <= 1e-4, "states differ by " + diff);
        }
        assertTrue(device.lastMaxTorque() > 0, "the largest torque is reported");
        device.placement().kernel().dispose();
    }

    @Test
    void doubleStepsEqualTheCpuDormandPrinceInOpenCl() {
        compare(GpuFarFieldSurrogateTest.cpuDevice(), Precision.DOUBLE);
    }

    @Test
    void floatStepsFollowTheCpuTrajectoryInOpenCl() {
        compare(GpuFarFieldSurrogateTest.cpuDevice(), Precision.SINGLE);
    }

    @Test
    void theSameKernelRunsInTheJavaThreadPool() {
        compare(JavaDevice.THREAD_POOL, Precision.DOUBLE);
    }

    @Test
    void theExactConvolutionOfAFilmStepsOnTheDeviceToo() {
        RegularGrid g = new RegularGrid(24, 12, 1, 5e-9, 5e-9, 3e-9);
        Magnet magnet = magnet(g, 2e3);
        compare("24 x 12 film, exact FFT convolution", magnet, field(magnet, new FftDemag(g, POOL), false), 24,
                5e-11, GpuFarFieldSurrogateTest.cpuDevice(), Precision.DOUBLE);
    }

    @Test
    void theExactDirectSumAmongPrismsOfManySizesStepsOnTheDeviceToo() {
        Prisms p = new GranularFilm(160e-9, 120e-9, 3e-9, 12e-9, 0.15, 1.5e-9, 40, 11).generate();
        Material mat = Material.of(8e5).with(LlgEquation.ALPHA, 0.3).with(UniaxialAnisotropyField.K1, 3e4)
                .with(UniaxialAnisotropyField.AXIS, 0.3, 0, 1);
        Magnet magnet = Magnet.ofPrisms(p, new int[p.size()], List.of(mat));
        DirectDemag exact = DirectDemag.forPrisms(p, 1L << 28, POOL);
        EffectiveField field = new EffectiveField(magnet.size(), new DemagTerm(magnet, exact),
                UniaxialAnisotropyField.of(magnet), new ZeemanField(magnet, AppliedField.sinusoid(
                        new double[] {0, 0, -3e4}, new double[] {4e4, 0, 0}, 3e9, 0)));
        assertTrue(!p.allSameSize(), "reciprocal coupling between sizes");
        compare("granular film, exact direct sum", magnet, field, 7, 2e-10, GpuFarFieldSurrogateTest.cpuDevice(),
                Precision.DOUBLE);
    }

    @Test
    void aTermWithoutAKernelIsNamedAndRefused() {
        RegularGrid g = new RegularGrid(24, 12, 1, 5e-9, 5e-9, 3e-9);
        Magnet magnet = magnet(g, 2e3);
        FarFieldSurrogate demag = FarFieldSurrogate.forGrid(g, null, FarFieldModel.fitGrid(g,
                GpuFarFieldSurrogateTest.fitSettings(), FarFieldModel.Progress.NONE), POOL, Evaluation.TRANSFORMS);
        EffectiveField field = field(magnet, demag, true);
        assertEquals(List.of(ThermalField.TYPE.name()), DeviceLlgStepper.unsupported(field));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeviceLlgStepper(
                magnet, field, 1e-5, 1, JavaDevice.THREAD_POOL, Precision.DOUBLE, s -> { }));
        assertTrue(e.getMessage().contains(ThermalField.TYPE.name()), e.getMessage());
    }
}
