package org.hypermag.surrogate.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.IslandArray;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.SurrogateParts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The surrogate kernel against the CPU surrogate it is built from ({@link FarFieldSurrogate}), on fresh random
 * magnetisations, in OpenCL on the CPU (PoCL) and in the Java thread pool: one layer of grid cells (one coefficient
 * set, shared near blocks), a granular film (moment features: both source sums), an island array (two size
 * classes), and points (with no near pairs at all, and one source at one point).
 *
 * <p>Tolerances, as the largest error over all targets relative to the largest |H|. Float at the domains: 4e-6;
 * measured 1.9e-7 to 4.3e-7 (PoCL, 2026-11-23), float rounding (6e-8) of inputs, phases and the compensated sums,
 * times the cancellation between the far sum and the near correction. Float at points beyond the near radius of
 * every source: 3e-4; measured 1.9e-5 to 3.5e-5: there |H| is about 100× smaller than at the domains while the
 * harmonic terms that cancel to it are not, so the same absolute rounding is 100× larger relative to |H|.
 * Double: 1e-12 (measured 2e-16).
 */
class GpuFarFieldSurrogateTest {
    private static final WorkerPool POOL = new WorkerPool(2);
    private static final double FLOAT_TOL = 4e-6;
    private static final double FAR_POINTS_TOL = 3e-4;
    private static final double DOUBLE_TOL = 1e-12;
    private static final FarFieldSettings FAST = new FarFieldSettings(6, 6, 4);

    static FarFieldSettings fitSettings() {
        return FAST;
    }

    @AfterAll
    static void close() {
        POOL.close();
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

    static VectorField randomM(int n, long seed) {
        Random rnd = new Random(seed);
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            m.set(i, 8e5 * (2 * rnd.nextDouble() - 1), 8e5 * (2 * rnd.nextDouble() - 1),
                    8e5 * (2 * rnd.nextDouble() - 1));
        }
        return m;
    }

    /** @return max |a − b| over all components / max |b| */
    static double relativeError(VectorField a, VectorField b) {
        double err = 0, scale = 0;
        for (int i = 0; i < a.size(); i++) {
            err = Math.max(err, Math.max(Math.abs(a.x[i] - b.x[i]), Math.max(Math.abs(a.y[i] - b.y[i]),
                    Math.abs(a.z[i] - b.z[i]))));
            scale = Math.max(scale, Math.max(Math.abs(b.x[i]), Math.max(Math.abs(b.y[i]), Math.abs(b.z[i]))));
        }
        return err / scale;
    }

    static FarFieldModel fitCovering(Prisms p, double extra) {
        double[] b = p.centreBounds();
        return FarFieldModel.fitPrisms(p, b[1] - b[0] + extra, b[3] - b[2] + extra, FAST, POOL,
                FarFieldModel.Progress.NONE);
    }

    /** Evaluates both with two fresh random magnetisations; asserts placement, tolerance and no fallback. */
    static void assertMatchesCpu(String what, FarFieldSurrogate cpu, int targets, Device d, Precision precision,
                                 double tol) {
        List<String> reports = new ArrayList<>();
        GpuFarFieldSurrogate gpu = new GpuFarFieldSurrogate(cpu, d, precision, reports::add);
        for (long seed = 1; seed <= 2; seed++) {
            VectorField m = randomM(cpu.sources(), 31 * seed + targets);
            VectorField h = new VectorField(targets), ref = new VectorField(targets);
            gpu.addField(m, h);
            cpu.addField(m, ref);
            double e = relativeError(h, ref);
            assertTrue(gpu.placement().onIntendedDevice(), what + ": ran on " + gpu.placement().actual());
            assertEquals(d != JavaDevice.THREAD_POOL, gpu.placement().kernel().isRunningCL(), what);
            assertTrue(e <= tol, what + ", " + precision + ": relative error " + e + " > " + tol);
        }
        assertTrue(reports.isEmpty(), reports.toString());
    }

    static FarFieldSurrogate gridSurrogate() {
        RegularGrid g = new RegularGrid(21, 9, 1, 4e-9, 4e-9, 3e-9);
        return FarFieldSurrogate.forGrid(g, null, FarFieldModel.fitGrid(g, FAST, FarFieldModel.Progress.NONE), POOL);
    }

    @Test
    void gridCellsWithOneCoefficientSetMatchTheCpuSurrogateInOpenCl() {
        FarFieldSurrogate cpu = gridSurrogate();
        assertMatchesCpu("21 x 9 grid", cpu, cpu.sources(), cpuDevice(), Precision.SINGLE, FLOAT_TOL);
    }

    @Test
    void granularFilmWithMomentFeaturesMatchesInSingleAndDouble() {
        Prisms p = new GranularFilm(160e-9, 120e-9, 3e-9, 12e-9, 0.15, 1.5e-9, 51, 7).generate();
        FarFieldModel model = fitCovering(p, 0);
        assertTrue(model.exactSizeMap(), "the smeared model of many sizes carries its line kernel");
        // the device evaluates the moment features: against the CPU's moment form, to rounding
        FarFieldSurrogate moments = FarFieldSurrogate.forPrisms(p, model.withMomentMap(), POOL);
        Device d = cpuDevice();
        assertMatchesCpu("granular film", moments, moments.sources(), d, Precision.SINGLE, FLOAT_TOL);
        assertMatchesCpu("granular film", moments, moments.sources(), d, Precision.DOUBLE, DOUBLE_TOL);
        // against the CPU's exact size map (its near blocks subtract the exact map): the moment features' error,
        // 8.9e-11 of the largest field measured here
        FarFieldSurrogate exact = FarFieldSurrogate.forPrisms(p, model, POOL);
        assertMatchesCpu("granular film, exact size map on the CPU", exact, exact.sources(), d, Precision.DOUBLE,
                1e-9);
    }

    @Test
    void islandArrayWithTwoSizeClassesMatchesInOpenClAndInTheJavaThreadPool() {
        Prisms p = new IslandArray(IslandArray.Lattice.SQUARE, 2, 2, 400e-9, 250e-9, 80e-9, 15e-9, 10, 3).generate()
                .prisms();
        FarFieldSurrogate cpu = FarFieldSurrogate.forPrisms(p, fitCovering(p, 0), POOL);
        assertMatchesCpu("islands", cpu, cpu.sources(), cpuDevice(), Precision.SINGLE, FLOAT_TOL);
        assertMatchesCpu("islands", cpu, cpu.sources(), JavaDevice.THREAD_POOL, Precision.SINGLE, FLOAT_TOL);
    }

    @Test
    void pointsWithEmptyNearListsAndOneSourceAtOnePointMatch() {
        Device d = cpuDevice();
        Prisms p = new GranularFilm(100e-9, 100e-9, 3e-9, 12e-9, 0.15, 1.5e-9, 27, 5).generate();
        FarFieldModel model = fitCovering(p, 115e-9);
        double[] b = p.centreBounds();
        int nt = 37;
        double[] x = new double[nt], y = new double[nt], z = new double[nt];
        Random rnd = new Random(3);
        for (int i = 0; i < nt; i++) {
            // beyond the near radius (6 sizes of 12 nm) from every source: no near pairs
            x[i] = b[1] + 95e-9 + rnd.nextDouble() * 15e-9;
            y[i] = b[2] + rnd.nextDouble() * (b[3] - b[2]);
            z[i] = p.cz(0);
        }
        FarFieldSurrogate far = FarFieldSurrogate.atPoints(p, x, y, z, model, POOL);
        assertEquals(0, far.nearPairs(), "no near pairs");
        assertMatchesCpu("points without near pairs", far, nt, d, Precision.SINGLE, FAR_POINTS_TOL);

        Prisms one = Prisms.of(new double[] {50e-9}, new double[] {40e-9}, new double[] {1.5e-9},
                new double[] {12e-9}, new double[] {10e-9}, new double[] {3e-9});
        FarFieldModel m1 = FarFieldModel.fitPrisms(one, 120e-9, 120e-9, FAST, POOL, FarFieldModel.Progress.NONE);
        FarFieldSurrogate single = FarFieldSurrogate.atPoints(one, new double[] {80e-9}, new double[] {55e-9},
                new double[] {1.5e-9}, m1, POOL);
        assertMatchesCpu("one source at one point", single, 1, d, Precision.SINGLE, FLOAT_TOL);
    }

    @Test
    void summedSourceCoefficientsMatchADoubleSumOverAllSources() {
        Prisms p = new IslandArray(IslandArray.Lattice.SQUARE, 2, 2, 400e-9, 250e-9, 80e-9, 15e-9, 10, 3).generate()
                .prisms();
        FarFieldSurrogate cpu = FarFieldSurrogate.forPrisms(p, fitCovering(p, 0), POOL);
        SurrogateParts parts = SurrogateParts.of(cpu);
        assertTrue(parts.usesA() && parts.usesB(), "two size classes among domains use both sums");
        GpuFarFieldSurrogate gpu = new GpuFarFieldSurrogate(cpu, cpuDevice(), Precision.SINGLE, s -> { });
        VectorField m = randomM(p.size(), 77);
        gpu.addField(m, new VectorField(p.size()));
        int size = parts.modesX() * parts.modesY();
        double[] b = new double[12 * size], a = new double[20 * size];
        gpu.kernelDevice().downloadSums(b, a);
        double[][] ref = referenceSums(parts, m);
        assertTrue(gpu.kernelDevice().chunks() > 1, "several chunks are reduced");
        assertTrue(maxRelative(b, ref[0]) <= 1e-5, "B: " + maxRelative(b, ref[0]));
        assertTrue(maxRelative(a, ref[1]) <= 1e-5, "A: " + maxRelative(a, ref[1]));
        assertFalse(gpu.placement().fellBack());
    }

    private static double maxRelative(double[] got, double[] want) {
        double err = 0, scale = 0;
        for (int k = 0; k < want.length; k++) {
            err = Math.max(err, Math.abs(got[k] - want[k]));
            scale = Math.max(scale, Math.abs(want[k]));
        }
        return err / scale;
    }

    /**
     * B and A summed in double straight from their definitions: B, V_j M_j times the four phases per component; A,
     * the products a^xx M_x, a^xy M_y, a^xy M_x, a^yy M_y, a^zz M_z of each source's coefficients, times V_j and the
     * phases.
     */
    private static double[][] referenceSums(SurrogateParts p, VectorField m) {
        int kx1 = p.modesX(), ky1 = p.modesY(), size = kx1 * ky1, f = p.features();
        double[] b = new double[12 * size], a = new double[20 * size];
        double[] cx = new double[kx1], sx = new double[kx1], cy = new double[ky1], sy = new double[ky1];
        double[] px = p.sourceX(), py = p.sourceY(), v = p.volumes(), w = new double[f];
        double[][][] sets = new double[f][SurrogateParts.COMPONENTS][];
        for (int k = 0; k < f; k++) {
            for (int c = 0; c < SurrogateParts.COMPONENTS; c++) {
                sets[k][c] = p.coefficients(k, c);
            }
        }
        // which coefficient (xx 0, yy 1, xy 2, zz 3) and which M component each of A's five products takes
        int[][] products = {{0, 0}, {2, 1}, {2, 0}, {1, 1}, {3, 2}};
        for (int j = 0; j < p.sources(); j++) {
            p.trigX(px[j], cx, sx);
            p.trigY(py[j], cy, sy);
            double[] q = {v[j] * m.x[j], v[j] * m.y[j], v[j] * m.z[j]};
            int cls = p.sourceClass(j);
            if (cls < 0) {
                p.featureWeights(j, w);
            }
            for (int l = 0; l < size; l++) {
                int mm = l / ky1, nn = l % ky1;
                double[] ph = {cx[mm] * cy[nn], cx[mm] * sy[nn], sx[mm] * cy[nn], sx[mm] * sy[nn]};
                double[] g = new double[SurrogateParts.COMPONENTS];
                for (int c = 0; c < g.length; c++) {
                    if (cls >= 0) {
                        g[c] = sets[cls][c][l];
                    } else {
                        for (int k = 0; k < f; k++) {
                            g[c] += w[k] * sets[k][c][l];
                        }
                    }
                }
                for (int t = 0; t < 4; t++) {
                    for (int c = 0; c < 3; c++) {
                        b[12 * l + 4 * c + t] += q[c] * ph[t];
                    }
                    for (int r = 0; r < products.length; r++) {
                        a[20 * l + 4 * r + t] += g[products[r][0]] * q[products[r][1]] * ph[t];
                    }
                }
            }
        }
        return new double[][] {b, a};
    }
}
