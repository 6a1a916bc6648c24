package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldSurrogate.Evaluation;
import org.junit.jupiter.api.Test;

/** The far field by non-uniform FFTs equals the far field by phase sums (same model) to the transforms' tolerance. */
class FarFieldTransformsTest {
    private static final WorkerPool POOL = WorkerPool.shared();
    /**
     * Bound on max_i |H_transforms − H_sums| / max_i |H_sums|: the transforms' tolerance (1e-8 of the sum of the
     * source strengths) times a margin for the number of channels combined.
     */
    private static final double TOLERANCE = 1e-8;

    private static double difference(FarFieldSurrogate a, FarFieldSurrogate b, VectorField m, int targets) {
        VectorField ha = new VectorField(targets), hb = new VectorField(targets);
        a.addField(m, ha);
        b.addField(m, hb);
        double worst = 0, scale = 0;
        for (int i = 0; i < targets; i++) {
            worst = Math.max(worst, Math.abs(ha.x[i] - hb.x[i]) + Math.abs(ha.y[i] - hb.y[i])
                    + Math.abs(ha.z[i] - hb.z[i]));
            scale = Math.max(scale, Math.abs(hb.x[i]) + Math.abs(hb.y[i]) + Math.abs(hb.z[i]));
        }
        return worst / scale;
    }

    private static void assertSame(String what, FarFieldSurrogate sums, FarFieldSurrogate transforms, Prisms p,
                                   int targets) {
        assertTrue(sums.describe().contains("phase sums"), sums.describe());
        assertTrue(transforms.describe().contains("non-uniform FFTs"), transforms.describe());
        VectorField[] ms = {Patterns.random(p, 11), Patterns.uniform(p, 0, 0, 1), Patterns.vortex(p)};
        for (VectorField m : ms) {
            double d = difference(transforms, sums, m, targets);
            assertTrue(d <= TOLERANCE, what + ": relative difference " + d);
        }
    }

    @Test
    void gridCellsOfOneSizeGiveTheSameFieldEitherWay() {
        RegularGrid g = new RegularGrid(61, 23, 1, 4e-9, 4e-9, 3e-9);
        FarFieldModel model = FarFieldModel.fitGrid(g, FarFieldSettings.DEFAULT, FarFieldModel.Progress.NONE);
        int[] cells = new int[g.cellCount() - 7];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i + 3;
        }
        assertSame("grid", FarFieldSurrogate.forGrid(g, cells, model, POOL, Evaluation.PHASE_SUMS),
                FarFieldSurrogate.forGrid(g, cells, model, POOL, Evaluation.TRANSFORMS), g.toPrisms(cells),
                cells.length);
    }

    @Test
    void prismsOfVariedSizesGiveTheSameFieldEitherWay() {
        Prisms p = FarFieldSurrogateTest.granular();
        FarFieldModel model = FarFieldSurrogateTest.fitCovering(p, FarFieldSettings.DEFAULT);
        assertTrue(model.exactSizeMap());
        FarFieldSurrogate boxes = FarFieldSurrogate.forPrisms(p, model, POOL, Evaluation.TRANSFORMS);
        assertTrue(boxes.describe().contains("rectangles"), boxes.describe());
        assertSame("granular film (exact size map)", FarFieldSurrogate.forPrisms(p, model, POOL,
                Evaluation.PHASE_SUMS), boxes, p, p.size());
        FarFieldModel moments = model.withMomentMap();
        assertSame("granular film (moment features)", FarFieldSurrogate.forPrisms(p, moments, POOL,
                Evaluation.PHASE_SUMS), FarFieldSurrogate.forPrisms(p, moments, POOL, Evaluation.TRANSFORMS), p,
                p.size());
    }

    @Test
    void theExactSizeMapAndTheMomentFeaturesGiveTheSameFieldToTheFeaturesError() {
        // the moment features reproduce the exact map's coefficients to 5.5e-8 of the largest (FarFieldSmearedTest)
        Prisms p = FarFieldSurrogateTest.granular();
        FarFieldModel model = FarFieldSurrogateTest.fitCovering(p, FarFieldSettings.DEFAULT);
        FarFieldSurrogate exact = FarFieldSurrogate.forPrisms(p, model, POOL, Evaluation.TRANSFORMS);
        FarFieldSurrogate moments = FarFieldSurrogate.forPrisms(p, model.withMomentMap(), POOL,
                Evaluation.TRANSFORMS);
        for (VectorField m : new VectorField[] {Patterns.random(p, 3), Patterns.vortex(p)}) {
            double d = difference(moments, exact, m, p.size());
            assertTrue(d <= 1e-7, "relative difference " + d);
        }
    }

    @Test
    void boxAveragedNearKernelsMatchTheSeriesOfEachSize() {
        Prisms p = FarFieldSurrogateTest.granular();
        FarFieldModel model = FarFieldSurrogateTest.fitCovering(p, FarFieldSettings.DEFAULT);
        double r = model.radius, largest = 0;
        for (int i = 0; i < p.size(); i++) {
            largest = Math.max(largest, Math.max(p.sx(i), p.sy(i)));
        }
        FarFieldNearKernels table = FarFieldNearKernels.boxes(model, r, new double[] {largest}, new double[] {largest},
                new Nufft2d(model.ax.modes, model.ay.modes, FarFieldSpectral.TOLERANCE, POOL));
        Random rnd = new Random(6);
        double[] buffer = table.buffer(), a = new double[5], b = new double[5];
        double worst = 0, scale = 0;
        for (int trial = 0; trial < 300; trial++) {
            int j = rnd.nextInt(p.size());
            double sx = trial == 0 ? largest : p.sx(j), sy = trial == 0 ? largest : p.sy(j);
            double dx = (2 * rnd.nextDouble() - 1) * r, dy = (2 * rnd.nextDouble() - 1) * r;
            table.boxTensor(dx, dy, sx, sy, buffer, a);
            sized(model, sx, sy).tensor(dx, dy, b);
            for (int c = 0; c < 5; c++) {
                worst = Math.max(worst, Math.abs(a[c] - b[c]));
                scale = Math.max(scale, Math.abs(b[c]));
            }
        }
        assertTrue(worst <= 1e-7 * scale, "largest difference " + worst + " against largest value " + scale);
    }

    /** The line kernel times sinc(w_m s_x/2) sinc(w_n s_y/2): the kernel of a source of that size, by its series. */
    private static FarFieldKernel sized(FarFieldModel model, double sx, double sy) {
        FarFieldKernel line = model.line;
        int ky = model.ay.modes, size = line.xx.length;
        double[][] c = new double[4][size];
        for (int m = 0, l = 0; m <= model.ax.modes; m++) {
            for (int n = 0; n <= ky; n++, l++) {
                double g = FarFieldSmeared.sinc(0.5 * model.ax.w(m) * sx) * FarFieldSmeared.sinc(0.5 * model.ay.w(n) * sy);
                c[0][l] = g * line.xx[l];
                c[1][l] = g * line.yy[l];
                c[2][l] = g * line.xy[l];
                c[3][l] = g * line.zz[l];
            }
        }
        return new FarFieldKernel(model.ax, model.ay, c[0], c[1], c[2], c[3]);
    }

    @Test
    void islandsOfTwoSizesGiveTheSameFieldEitherWay() {
        Prisms p = FarFieldSurrogateTest.islands();
        FarFieldModel model = FarFieldSurrogateTest.fitCovering(p, FarFieldSettings.DEFAULT);
        assertSame("islands (size classes)", FarFieldSurrogate.forPrisms(p, model, POOL, Evaluation.PHASE_SUMS),
                FarFieldSurrogate.forPrisms(p, model, POOL, Evaluation.TRANSFORMS), p, p.size());
    }

    @Test
    void pointsGiveTheSameFieldEitherWayForOneAndForManySizes() {
        Prisms[] sources = {FarFieldSurrogateTest.islands(), FarFieldSurrogateTest.granular()};
        for (Prisms p : sources) {
            FarFieldModel model = FarFieldSurrogateTest.fitCovering(p, FarFieldSettings.DEFAULT);
            double[] b = Patterns.bounds(p);
            Random rnd = new Random(9);
            int n = 333;
            double[] x = new double[n], y = new double[n], z = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = b[0] + rnd.nextDouble() * (b[1] - b[0]);
                y[i] = b[2] + rnd.nextDouble() * (b[3] - b[2]);
                z[i] = p.cz(0);
            }
            assertSame(p.size() + " sources at points", FarFieldSurrogate.atPoints(p, x, y, z, model, POOL,
                    Evaluation.PHASE_SUMS), FarFieldSurrogate.atPoints(p, x, y, z, model, POOL,
                    Evaluation.TRANSFORMS), p, n);
        }
    }

    @Test
    void nearKernelsFromTheUpsampledGridMatchTheSeriesInsideTheNearRadius() {
        Prisms p = FarFieldSurrogateTest.granular();
        FarFieldModel model = FarFieldSurrogateTest.fitCovering(p, FarFieldSettings.DEFAULT);
        double r = model.radius;
        FarFieldNearKernels table = new FarFieldNearKernels(model, r,
                new Nufft2d(model.ax.modes, model.ay.modes, FarFieldSpectral.TOLERANCE, POOL));
        Random rnd = new Random(4);
        double[] buffer = table.buffer(), a = new double[5], b = new double[5];
        double worst = 0, scale = 0;
        for (int trial = 0; trial < 400; trial++) {
            double[] weights = new double[model.sets.length];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = rnd.nextGaussian();
            }
            double dx = (2 * rnd.nextDouble() - 1) * r, dy = (2 * rnd.nextDouble() - 1) * r;
            if (trial == 0) {
                dx = 0;
                dy = 0;
            } else if (trial == 1) {
                dx = r;
                dy = -r;
            }
            table.tensor(dx, dy, weights, buffer, a);
            FarFieldKernel.combine(model.sets, weights).tensor(dx, dy, b);
            for (int c = 0; c < 5; c++) {
                worst = Math.max(worst, Math.abs(a[c] - b[c]));
                scale = Math.max(scale, Math.abs(b[c]));
            }
        }
        assertTrue(worst <= 1e-7 * scale, "largest difference " + worst + " against largest value " + scale);
    }
}
