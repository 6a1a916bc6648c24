package org.hypermag.solver.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.DirectSum;
import org.hypermag.solver.demag.TensorKind;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The direct-sum kernel against the CPU direct sum ({@link DirectDemag#forPrisms}, {@link DirectSum}) on fresh
 * random inputs, in OpenCL on the CPU (PoCL) and in the Java thread pool.
 *
 * <p>Tolerances, as the largest error over all targets relative to the largest |H|. Float: 2e-6. Each pair's tensor
 * carries float rounding (6e-8 relative), amplified by the closed form's cancellation near 4 sizes; the compensated
 * sum over sources adds nothing that grows with N; measured 1.7e-7 to 2.6e-7 (PoCL and Java threads, 2026-11-23).
 * Double: 1e-12 (measured 6e-16).
 */
class GpuDirectSumTest {
    private static final WorkerPool POOL = new WorkerPool(2);
    private static final double FLOAT_TOL = 2e-6;
    private static final double DOUBLE_TOL = 1e-12;

    @AfterAll
    static void close() {
        POOL.close();
    }

    /** Prisms scattered in a box far from the origin (so float positions alone would lose digits), some close. */
    static Prisms scattered(int n, boolean mixedSizes, long seed) {
        Random rnd = new Random(seed);
        double[] cx = new double[n], cy = new double[n], cz = new double[n];
        double[] sx = new double[n], sy = new double[n], sz = new double[n];
        double a = 5e-9;
        for (int i = 0; i < n; i++) {
            // on a jittered lattice of pitch 1.3 a: neighbours within the closed form, far ones in every cubature band
            cx[i] = 3e-4 + a * (1.3 * (i % 7) + 40 * (i / 49) + 0.2 * rnd.nextDouble());
            cy[i] = -2e-4 + a * (1.3 * ((i / 7) % 7) + 0.2 * rnd.nextDouble());
            cz[i] = 5e-5 + a * 0.3 * rnd.nextDouble();
            double f = mixedSizes ? 0.6 + 0.5 * rnd.nextDouble() : 1;
            sx[i] = a * f;
            sy[i] = a * (mixedSizes ? 0.6 + 0.5 * rnd.nextDouble() : 0.8);
            sz[i] = a * 0.6;
        }
        if (n > 1) {
            cx[n - 1] = cx[0] + 900 * a; // one source beyond 512 sizes: the 2-point cubature
        }
        return Prisms.of(cx, cy, cz, sx, sy, sz);
    }

    static VectorField randomM(int n, long seed) {
        Random rnd = new Random(seed);
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            m.set(i, 8e5 * (2 * rnd.nextDouble() - 1), 8e5 * (2 * rnd.nextDouble() - 1), 8e5 * (2 * rnd.nextDouble()
                    - 1));
        }
        return m;
    }

    static VectorField field(DemagField f, VectorField m, int targets) {
        VectorField h = new VectorField(targets);
        f.addField(m, h);
        return h;
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

    private static void assertRanOn(GpuDirectSum g, Device d) {
        assertTrue(g.placement().onIntendedDevice(), "ran on " + g.placement().actual());
        assertEquals(d != JavaDevice.THREAD_POOL, g.placement().actual() != JavaDevice.THREAD_POOL);
    }

    private static void amongDomainsMatchesCpu(int n, boolean mixed, Device d, Precision precision, double tol) {
        Prisms p = scattered(n, mixed, n);
        List<String> reports = new ArrayList<>();
        GpuDirectSum g = GpuDirectSum.amongDomains(p, d, precision, reports::add);
        DirectDemag cpu = DirectDemag.forPrisms(p, 0, POOL);
        for (long seed = 1; seed <= 2; seed++) {
            VectorField m = randomM(n, 100 * n + seed);
            double e = relativeError(field(g, m, n), field(cpu, m, n));
            assertRanOn(g, d);
            assertTrue(g.placement().kernel().isRunningCL() == (d != JavaDevice.THREAD_POOL));
            assertTrue(e <= tol, "N=" + n + (mixed ? " mixed sizes" : " equal sizes") + ", " + precision
                    + ": relative error " + e + " > " + tol);
        }
        assertTrue(reports.isEmpty(), reports.toString());
    }

    @Test
    void floatKernelInOpenClMatchesTheCpuSumAmongEqualPrismsForAnOddCount() {
        amongDomainsMatchesCpu(101, false, OpenClForTests.cpuDevice(), Precision.SINGLE, FLOAT_TOL);
    }

    @Test
    void floatKernelInOpenClCouplesPrismsOfDifferentSizesReciprocally() {
        amongDomainsMatchesCpu(67, true, OpenClForTests.cpuDevice(), Precision.SINGLE, FLOAT_TOL);
    }

    @Test
    void doubleKernelInOpenClMatchesTheCpuSumToRoundoff() {
        amongDomainsMatchesCpu(67, true, OpenClForTests.cpuDevice(), Precision.DOUBLE, DOUBLE_TOL);
    }

    @Test
    void sameKernelClassRunsInTheJavaThreadPool() {
        amongDomainsMatchesCpu(67, true, JavaDevice.THREAD_POOL, Precision.SINGLE, FLOAT_TOL);
    }

    @Test
    void oneSourceAtOnePointAndRandomPointsMatchThePointTensorSum() {
        Device d = OpenClForTests.cpuDevice();
        Prisms one = scattered(1, false, 1);
        double[] x = {one.cx(0) + 7e-9}, y = {one.cy(0) - 3e-9}, z = {one.cz(0) + 1e-9};
        VectorField m = randomM(1, 5);
        GpuDirectSum g = GpuDirectSum.atPoints(one, x, y, z, d, Precision.SINGLE, s -> { });
        VectorField ref = new VectorField(1);
        new DirectSum(one, x, y, z, TensorKind.POINT, 0, POOL).addField(m, ref);
        assertTrue(relativeError(field(g, m, 1), ref) <= FLOAT_TOL);
        assertRanOn(g, d);

        Prisms p = scattered(49, true, 3);
        Random rnd = new Random(11);
        int nt = 77;
        double[] px = new double[nt], py = new double[nt], pz = new double[nt];
        for (int i = 0; i < nt; i++) {
            px[i] = p.cx(0) + (rnd.nextDouble() - 0.3) * 60e-9;
            py[i] = p.cy(0) + (rnd.nextDouble() - 0.3) * 60e-9;
            pz[i] = p.cz(0) + (rnd.nextDouble() - 0.5) * 10e-9;
        }
        VectorField mp = randomM(49, 6);
        GpuDirectSum gp = GpuDirectSum.atPoints(p, px, py, pz, d, Precision.SINGLE, s -> { });
        VectorField refp = new VectorField(nt);
        new DirectSum(p, px, py, pz, TensorKind.POINT, 0, POOL).addField(mp, refp);
        double e = relativeError(field(gp, mp, nt), refp);
        assertTrue(e <= FLOAT_TOL, "relative error " + e);
        assertRanOn(gp, d);
    }

    @Test
    void fieldIsAddedToWhatIsThereAndRepeatedCallsAgree() {
        Device d = OpenClForTests.cpuDevice();
        Prisms p = scattered(33, false, 4);
        GpuDirectSum g = GpuDirectSum.amongDomains(p, d, Precision.SINGLE, s -> { });
        VectorField m1 = randomM(33, 1), m2 = randomM(33, 2);
        VectorField a = field(g, m1, 33);
        VectorField b = field(g, m2, 33);
        VectorField twice = new VectorField(33);
        g.addField(m2, twice);
        g.addField(m1, twice);
        for (int i = 0; i < 33; i++) {
            assertEquals(a.x[i] + b.x[i], twice.x[i], 1e-6 * (Math.abs(a.x[i]) + Math.abs(b.x[i])));
            assertEquals(a.z[i] + b.z[i], twice.z[i], 1e-6 * (Math.abs(a.z[i]) + Math.abs(b.z[i])));
        }
        assertFalse(g.placement().fellBack());
    }
}
