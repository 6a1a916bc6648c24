package org.hypermag.solver.demag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

class DirectAndFftDemagTest {
    private static final long LARGE_BUDGET = 1L << 30;
    private static final double MS = 8e5;

    static VectorField randomM(int n, long seed) {
        Random rnd = new Random(seed);
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            m.set(i, MS * (2 * rnd.nextDouble() - 1), MS * (2 * rnd.nextDouble() - 1), MS * (2 * rnd.nextDouble() - 1));
        }
        return m;
    }

    /** max over domains and components |a - b| / max |b|. */
    static double relativeMaxDifference(VectorField a, VectorField b) {
        double diff = 0, norm = 0;
        for (int i = 0; i < a.size(); i++) {
            diff = Math.max(diff, Math.max(Math.abs(a.x[i] - b.x[i]),
                    Math.max(Math.abs(a.y[i] - b.y[i]), Math.abs(a.z[i] - b.z[i]))));
            norm = Math.max(norm, Math.max(Math.abs(b.x[i]), Math.max(Math.abs(b.y[i]), Math.abs(b.z[i]))));
        }
        return diff / norm;
    }

    static VectorField field(DemagField d, VectorField m) {
        VectorField h = new VectorField(d.targets());
        d.addField(m, h);
        return h;
    }

    @Test
    void fftEqualsTheDirectSumOnRandomMagnetisation() {
        WorkerPool pool = new WorkerPool(3);
        RegularGrid[] grids = {
            new RegularGrid(32, 32, 1, 3.90625e-9, 3.90625e-9, 3e-9),
            new RegularGrid(10, 8, 6, 2e-9, 2.5e-9, 3e-9),
            new RegularGrid(7, 5, 3, 5e-9, 5e-9, 5e-9),
            new RegularGrid(1, 17, 1, 2e-9, 3e-9, 4e-9),
            new RegularGrid(1, 1, 1, 2e-9, 3e-9, 4e-9),
            new RegularGrid(13, 1, 2, 1e-9, 3e-9, 2e-9),
            // columns longer than FftDemag.LANE_MAX after padding along y (one layer and two: JTransforms), and a
            // long z (always in lanes)
            new RegularGrid(1, 2100, 1, 2e-9, 2e-9, 1e-9),
            new RegularGrid(1, 1, 2100, 2e-9, 2e-9, 1e-9),
            new RegularGrid(1, 1100, 2, 2e-9, 2e-9, 1e-9),
            new RegularGrid(32, 16, 1, 4e-9, 4e-9, 3e-9),
            new RegularGrid(37, 50, 1, 2e-9, 2e-9, 1e-9),
        };
        assertTrue(FftDemag.LANE_MAX < 2 * 1100 - 1, "the JTransforms columns are tested");
        long seed = 1;
        for (RegularGrid g : grids) {
            FftDemag fft = new FftDemag(g, pool);
            DirectDemag direct = DirectDemag.forGrid(g, pool);
            VectorField m = randomM(g.cellCount(), seed++);
            double d = relativeMaxDifference(field(fft, m), field(direct, m));
            assertTrue(d <= 1e-9, "grid " + g + ": FFT vs direct relative difference " + d);
            assertTrue(fft.kernelImaginaryRatio() < 1e-12, "tensor spectra are real: " + fft.kernelImaginaryRatio());
            // one layer with columns in lanes: the half kernel of four components (Nxy odd in k_y), else all six
            boolean oneLayerInLanes = g.nz() == 1 && g.ny() > 1 && fft.paddedSize()[1] <= FftDemag.LANE_MAX;
            assertEquals(oneLayerInLanes, fft.usesLayerKernel(), "grid " + g);
            // several layers: the quarter kernel (k_y ≤ py/2, k_z ≤ pz/2), whatever the columns' length along y
            assertEquals(g.nz() > 1, fft.usesQuarterKernel(), "grid " + g);
        }
        pool.close();
    }

    @Test
    void fftOverASubsetOfCellsEqualsTheDirectSumOverThoseCells() {
        WorkerPool pool = new WorkerPool(2);
        RegularGrid g = new RegularGrid(12, 9, 2, 2e-9, 2e-9, 3e-9);
        Random rnd = new Random(3);
        int[] cells = rnd.ints(0, g.cellCount()).distinct().limit(60).toArray();
        int n = cells.length;
        Prisms subset = g.toPrisms(cells);
        DirectSum direct = new DirectSum(subset, subset.centresX(), subset.centresY(), subset.centresZ(),
                TensorKind.CELL_AVERAGED, LARGE_BUDGET, pool);
        FftDemag fft = new FftDemag(g, cells, pool);
        VectorField m = randomM(n, 9);
        VectorField hd = new VectorField(n);
        direct.addField(m, hd);
        assertTrue(relativeMaxDifference(field(fft, m), hd) <= 1e-9);
        pool.close();
    }

    @Test
    void uniformlyMagnetisedGridAveragesToTheMagnetometricFactorOfTheWholeBlock() {
        // Superposition: the mean over all cells of the cell-averaged field is the volume average of the block's own
        // field, i.e. the Newell self term of a cell the size of the block.
        RegularGrid g = new RegularGrid(64, 16, 2, 3.90625e-9, 3.90625e-9, 1.5e-9);
        FftDemag fft = new FftDemag(g, WorkerPool.shared());
        VectorField m = new VectorField(g.cellCount());
        for (int i = 0; i < m.size(); i++) {
            m.set(i, 0.6 * MS, 0.0, 0.8 * MS);
        }
        VectorField h = field(fft, m);
        double hx = 0, hz = 0, hy = 0;
        for (int i = 0; i < h.size(); i++) {
            hx += h.x[i] / h.size();
            hy += h.y[i] / h.size();
            hz += h.z[i] / h.size();
        }
        double[] block = TensorAssert.newell(0, 0, 0, 64 * g.dx(), 16 * g.dy(), 2 * g.dz());
        assertEquals(-block[0] * 0.6 * MS, hx, 1e-10 * MS);
        assertEquals(0, hy, 1e-10 * MS);
        assertEquals(-block[2] * 0.8 * MS, hz, 1e-10 * MS);
    }

    @Test
    void singleCubeFeelsMinusOneThirdOfItsMagnetisation() {
        Prisms cube = Prisms.of(new double[] {1e-9}, new double[] {0}, new double[] {0}, new double[] {2e-9},
                new double[] {2e-9}, new double[] {2e-9});
        DirectDemag d = DirectDemag.forPrisms(cube, LARGE_BUDGET, WorkerPool.shared());
        VectorField m = new VectorField(1);
        m.set(0, 3 * MS, -6 * MS, 9 * MS);
        VectorField h = field(d, m);
        assertEquals(-MS, h.x[0], 1e-9);
        assertEquals(2 * MS, h.y[0], 1e-9);
        assertEquals(-3 * MS, h.z[0], 1e-9);
    }

    @Test
    void precomputedAndOnTheFlyDirectSumsAgree() {
        Random rnd = new Random(17);
        int n = 150;
        double[] cx = new double[n], cy = new double[n], cz = new double[n], sx = new double[n], sy = new double[n],
                sz = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = 100e-9 * rnd.nextDouble();
            cy[i] = 100e-9 * rnd.nextDouble();
            cz[i] = 20e-9 * rnd.nextDouble();
            sx[i] = 1e-9 + 3e-9 * rnd.nextDouble();
            sy[i] = 1e-9 + 3e-9 * rnd.nextDouble();
            sz[i] = 1e-9 + 3e-9 * rnd.nextDouble();
        }
        Prisms p = Prisms.of(cx, cy, cz, sx, sy, sz);
        WorkerPool pool = new WorkerPool(3);
        DirectDemag stored = DirectDemag.forPrisms(p, LARGE_BUDGET, pool);
        DirectDemag onTheFly = DirectDemag.forPrisms(p, 0, pool);
        DirectDemag serial = DirectDemag.forPrisms(p, 0, new WorkerPool(1));
        assertTrue(stored.isPrecomputed());
        assertFalse(onTheFly.isPrecomputed());
        VectorField m = randomM(n, 2);
        VectorField h1 = field(stored, m), h2 = field(onTheFly, m), h3 = field(serial, m);
        assertTrue(relativeMaxDifference(h1, h2) <= 1e-14);
        assertEquals(0, relativeMaxDifference(h2, h3), "threads do not change the result");
        pool.close();
    }

    @Test
    void perPairPerOffsetAndOnTheFlyDirectSumsOverAGridAgree() {
        RegularGrid g = new RegularGrid(9, 7, 3, 2e-9, 3e-9, 1e-9);
        WorkerPool pool = new WorkerPool(2);
        Prisms p = g.toPrisms();
        // per pair, symmetric precomputation (equal prisms, targets at their centres)
        DirectSum perPair = new DirectSum(p, p.centresX(), p.centresY(), p.centresZ(), TensorKind.CELL_AVERAGED,
                LARGE_BUDGET, pool);
        DirectSum onTheFly = new DirectSum(p, p.centresX(), p.centresY(), p.centresZ(), TensorKind.CELL_AVERAGED, 0,
                pool);
        DirectDemag perOffset = DirectDemag.forGrid(g, pool);
        assertTrue(perPair.isPrecomputed() && !onTheFly.isPrecomputed() && perOffset.isPrecomputed());
        VectorField m = randomM(g.cellCount(), 5);
        VectorField h1 = new VectorField(m.size()), h2 = new VectorField(m.size());
        perPair.addField(m, h1);
        onTheFly.addField(m, h2);
        VectorField h3 = field(perOffset, m);
        // N(d) and N(-d) agree to the tensor's rounding level, not bitwise
        assertTrue(relativeMaxDifference(h1, h2) <= 1e-11, "per pair vs on the fly");
        assertTrue(relativeMaxDifference(h3, h2) <= 1e-11, "per offset vs on the fly");
        pool.close();
    }

    @Test
    void fieldIsAddedToTheCallersBuffer() {
        RegularGrid g = new RegularGrid(4, 4, 1, 1e-9, 1e-9, 1e-9);
        FftDemag fft = new FftDemag(g, WorkerPool.shared());
        VectorField m = randomM(16, 1);
        VectorField once = field(fft, m);
        VectorField twice = field(fft, m);
        fft.addField(m, twice);
        for (int i = 0; i < 16; i++) {
            assertEquals(2 * once.x[i], twice.x[i], 1e-9 * MS);
        }
    }

    @Test
    void mismatchedSizesAreRejected() {
        RegularGrid g = new RegularGrid(4, 4, 1, 1e-9, 1e-9, 1e-9);
        FftDemag fft = new FftDemag(g, WorkerPool.shared());
        assertThrows(IllegalArgumentException.class, () -> fft.addField(new VectorField(15), new VectorField(16)));
        DirectDemag d = DirectDemag.forGrid(g, WorkerPool.shared());
        assertThrows(IllegalArgumentException.class, () -> d.addField(new VectorField(16), new VectorField(3)));
        assertThrows(IllegalArgumentException.class, () -> new FftDemag(g, new int[] {1, 1}, WorkerPool.shared()));
    }

    @Test
    void paddedSizesHaveOnlySmallPrimeFactors() {
        assertEquals(128, org.hypermag.solver.math.FftSizes.good(127, true));
        assertEquals(200, org.hypermag.solver.math.FftSizes.good(193, true));
        assertEquals(81, org.hypermag.solver.math.FftSizes.good(81, false));
        assertEquals(250, org.hypermag.solver.math.FftSizes.good(244, true));
    }
}
