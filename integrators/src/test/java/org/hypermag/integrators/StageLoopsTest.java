package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The stepper's passes over the domains on a pool of threads (StageLoops) give the bits of one thread: each domain
 * is computed by one thread in the serial loop's operations, and the chunks' first bad index and largest error are
 * the whole loop's.
 */
class StageLoopsTest {

    private static VectorField random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        VectorField v = new VectorField(n);
        for (int i = 0; i < n; i++) {
            v.set(i, rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1));
        }
        return v;
    }

    @Test
    void passesOnThreadsGiveTheSerialBitsAndTheFirstBadDomain() {
        int n = 5000; // above WorkerPool.LOCAL_LOOP_MIN: three chunks on three threads
        try (WorkerPool pool = new WorkerPool(3)) {
            StageLoops serial = new StageLoops(null, n), split = new StageLoops(pool, n);
            VectorField[] k = {random(n, 1), random(n, 2), random(n, 3), random(n, 4)};
            VectorField base = random(n, 5);
            double[] w = {0.25, 0, -0.5, 1.0 / 3};
            VectorField a = new VectorField(n), b = new VectorField(n);
            serial.combine(a, base, 1e-12, w, k, 4);
            split.combine(b, base, 1e-12, w, k, 4);
            assertArrayEquals(a.x, b.x);
            assertArrayEquals(a.y, b.y);
            assertArrayEquals(a.z, b.z);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                double ex = 0, ey = 0, ez = 0;
                for (int s = 0; s < 4; s++) {
                    ex += w[s] * k[s].x[i];
                    ey += w[s] * k[s].y[i];
                    ez += w[s] * k[s].z[i];
                }
                expected = Math.max(expected, ex * ex + ey * ey + ez * ez);
            }
            assertEquals(expected, serial.maxWeightedNorm2(w, k), 0);
            assertEquals(expected, split.maxWeightedNorm2(w, k), 0);
            assertEquals(-1, serial.normalise(a));
            assertEquals(-1, split.normalise(b));
            assertArrayEquals(a.x, b.x);
            assertArrayEquals(a.z, b.z);

            // bad domains in the second and third chunks: the first of them, on any number of threads
            b.set(4100, 0, 0, 0);
            b.set(2600, Double.NaN, 0, 0);
            assertEquals(2600, split.firstNonFinite(b));
            assertEquals(2600, serial.firstNonFinite(b));
            assertEquals(2600, split.normalise(b));
            b.set(2600, 1, 0, 0);
            assertEquals(4100, split.normalise(b));
            k[2].x[3000] = Double.NaN;
            assertEquals(Double.NaN, split.maxWeightedNorm2(w, k), 0, "a NaN error is never hidden by a chunk");
        }
    }

    @Test
    void adaptiveStepsOfAFilmOnThreadsFollowTheOneThreadTrajectoryBitForBit() {
        Magnet magnet = Systems.film(64, 40, 1, 0.02); // 2 560 cells: the passes split over the pool
        for (ButcherTableau tableau : new ButcherTableau[] {ButcherTableau.RK4_3, ButcherTableau.DORMAND_PRINCE_54}) {
            VectorField[] m = new VectorField[2];
            double[] t = new double[2];
            long[] evaluations = new long[2];
            try (WorkerPool pool = new WorkerPool(2)) {
                for (int run = 0; run < 2; run++) {
                    EffectiveField field = Systems.fieldOf(magnet, new double[] {-2e4, 3e3, 0});
                    LlgEquation llg = new LlgEquation(magnet, field, List.of(), run == 0 ? null : pool);
                    m[run] = Systems.twisted(magnet);
                    RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(llg, m[run], tableau, 1e-5,
                            Double.POSITIVE_INFINITY);
                    for (int s = 0; s < 40; s++) {
                        t[run] += stepper.step(t[run], Double.POSITIVE_INFINITY);
                    }
                    evaluations[run] = stepper.evaluations();
                }
            }
            assertEquals(t[0], t[1], 0, tableau.name());
            assertEquals(evaluations[0], evaluations[1], tableau.name());
            assertArrayEquals(m[0].x, m[1].x, tableau.name());
            assertArrayEquals(m[0].y, m[1].y, tableau.name());
            assertArrayEquals(m[0].z, m[1].z, tableau.name());
        }
    }
}
