package org.hypermag.surrogate.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.IslandArray;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.FarFieldSurrogate.Evaluation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The device's non-uniform FFTs ({@link GpuNufftSurrogate}, {@link NufftKernelF}) against their CPU reference, in
 * OpenCL on the CPU (PoCL) and in the Java thread pool (the device FFT itself: {@code DeviceFftTest}): the CPU
 * surrogate evaluating the same
 * transforms ({@link Evaluation#TRANSFORMS}: the same point weights, multipliers and near blocks), on a grid (one
 * coefficient set), a granular film (the exact size map: rectangles' footprints, channels A and B), two size classes
 * of islands, and points; largest error over all targets relative to the largest |H|: double 1e-11 (rounding of
 * sums in another order; measured 1.2e-16 to 2.8e-16), float 4e-6 (float rounding of the grids, amplified by the
 * cancellation between far field
 * and near correction; measured 8e-8 to 3.6e-7, PoCL, 2026-12-05).
 */
class GpuNufftSurrogateTest {
    private static final WorkerPool POOL = new WorkerPool(2);
    private static final double DOUBLE_TOL = 1e-12;
    private static final double FLOAT_TOL = 4e-6;

    @AfterAll
    static void close() {
        POOL.close();
    }

    /** Both precisions on the device, two fresh random magnetisations each; returns the largest errors {d, f}. */
    private static double[] assertMatchesCpu(String what, FarFieldSurrogate cpu, int targets, Device d) {
        assertTrue(GpuNufftSurrogate.supports(cpu), what + ": evaluated by transforms on the CPU");
        double[] worst = new double[2];
        for (Precision precision : new Precision[] {Precision.DOUBLE, Precision.SINGLE}) {
            List<String> reports = new ArrayList<>();
            GpuNufftSurrogate gpu = new GpuNufftSurrogate(cpu, d, precision, reports::add);
            for (long seed = 1; seed <= 2; seed++) {
                VectorField m = GpuFarFieldSurrogateTest.randomM(cpu.sources(), 17 * seed + targets);
                VectorField h = new VectorField(targets), ref = new VectorField(targets);
                gpu.addField(m, h);
                cpu.addField(m, ref);
                double e = GpuFarFieldSurrogateTest.relativeError(h, ref);
                double tol = precision == Precision.DOUBLE ? DOUBLE_TOL : FLOAT_TOL;
                assertTrue(gpu.placement().onIntendedDevice(), what + ": ran on " + gpu.placement().actual());
                assertEquals(d != JavaDevice.THREAD_POOL, gpu.placement().kernel().isRunningCL(), what);
                assertTrue(e <= tol, what + ", " + precision + ": relative error " + e + " > " + tol);
                int k = precision == Precision.DOUBLE ? 0 : 1;
                worst[k] = Math.max(worst[k], e);
            }
            assertTrue(reports.isEmpty(), reports.toString());
            gpu.placement().kernel().dispose();
        }
        System.out.printf("%s: device NUFFT vs CPU transforms, double %.2e, float %.2e%n", what, worst[0], worst[1]);
        return worst;
    }

    @Test
    void gridCellsMatchTheCpuTransforms() {
        RegularGrid g = new RegularGrid(21, 9, 1, 4e-9, 4e-9, 3e-9);
        FarFieldModel model = FarFieldModel.fitGrid(g, GpuFarFieldSurrogateTest.fitSettings(),
                FarFieldModel.Progress.NONE);
        FarFieldSurrogate cpu = FarFieldSurrogate.forGrid(g, null, model, POOL, Evaluation.TRANSFORMS);
        assertMatchesCpu("21 x 9 grid", cpu, cpu.sources(), GpuFarFieldSurrogateTest.cpuDevice());
    }

    @Test
    void granularFilmWithTheExactSizeMapMatchesTheCpuTransforms() {
        Prisms p = new GranularFilm(160e-9, 120e-9, 3e-9, 12e-9, 0.15, 1.5e-9, 51, 7).generate();
        FarFieldModel model = GpuFarFieldSurrogateTest.fitCovering(p, 0);
        assertTrue(model.exactSizeMap());
        FarFieldSurrogate cpu = FarFieldSurrogate.forPrisms(p, model, POOL, Evaluation.TRANSFORMS);
        assertTrue(cpu.describe().contains("rectangles"), cpu.describe());
        assertMatchesCpu("granular film, exact size map", cpu, cpu.sources(), GpuFarFieldSurrogateTest.cpuDevice());
    }

    @Test
    void islandsOfTwoSizesMatchInOpenClAndInTheJavaThreadPool() {
        Prisms p = new IslandArray(IslandArray.Lattice.SQUARE, 2, 2, 400e-9, 250e-9, 80e-9, 15e-9, 10, 3).generate()
                .prisms();
        FarFieldSurrogate cpu = FarFieldSurrogate.forPrisms(p, GpuFarFieldSurrogateTest.fitCovering(p, 0), POOL,
                Evaluation.TRANSFORMS);
        assertMatchesCpu("islands", cpu, cpu.sources(), GpuFarFieldSurrogateTest.cpuDevice());
        assertMatchesCpu("islands, Java threads", cpu, cpu.sources(), JavaDevice.THREAD_POOL);
    }

    @Test
    void pointsInTheMidPlaneMatchTheCpuTransforms() {
        Prisms p = new GranularFilm(100e-9, 100e-9, 3e-9, 12e-9, 0.15, 1.5e-9, 27, 5).generate();
        FarFieldModel model = GpuFarFieldSurrogateTest.fitCovering(p, 115e-9);
        double[] b = p.centreBounds();
        int nt = 37;
        double[] x = new double[nt], y = new double[nt], z = new double[nt];
        Random rnd = new Random(5);
        for (int i = 0; i < nt; i++) {
            x[i] = b[0] + rnd.nextDouble() * (b[1] - b[0] + 100e-9);
            y[i] = b[2] + rnd.nextDouble() * (b[3] - b[2]);
            z[i] = p.cz(0);
        }
        FarFieldSurrogate cpu = FarFieldSurrogate.atPoints(p, x, y, z, model, POOL, Evaluation.TRANSFORMS);
        assertMatchesCpu("points", cpu, nt, GpuFarFieldSurrogateTest.cpuDevice());
    }

    @Test
    void phaseSumSurrogatesAreNotTakenForTransforms() {
        RegularGrid g = new RegularGrid(8, 8, 1, 4e-9, 4e-9, 3e-9);
        FarFieldModel model = FarFieldModel.fitGrid(g, GpuFarFieldSurrogateTest.fitSettings(),
                FarFieldModel.Progress.NONE);
        FarFieldSurrogate cpu = FarFieldSurrogate.forGrid(g, null, model, POOL, Evaluation.PHASE_SUMS);
        assertTrue(!GpuNufftSurrogate.supports(cpu));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GpuNufftSurrogate(cpu, JavaDevice.THREAD_POOL, Precision.DOUBLE, s -> { }));
        assertTrue(e.getMessage().contains("phase sums"), e.getMessage());
    }
}
