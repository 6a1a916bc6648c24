package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.DirectSum;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.demag.TensorKind;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.IslandArray;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FarFieldSurrogateTest {
    /** The target for the default settings: median relative error and relative L2 error. */
    private static final double MEDIAN_TARGET = 1e-3, L2_TARGET = 5e-3;
    private static final WorkerPool POOL = WorkerPool.shared();

    static RegularGrid sp4Grid() {
        return new RegularGrid(128, 32, 1, 500e-9 / 128, 125e-9 / 32, 3e-9);
    }

    static Prisms granular() {
        return new GranularFilm(600e-9, 600e-9, 10e-9, 12e-9, 0.15, 1.5e-9, 700, 3).generate();
    }

    static Prisms islands() {
        return new IslandArray(IslandArray.Lattice.SQUARE, 4, 4, 400e-9, 250e-9, 80e-9, 15e-9, 10, 3).generate()
                .prisms();
    }

    static FarFieldModel fitCovering(Prisms p, FarFieldSettings settings) {
        double[] b = Patterns.bounds(p);
        return FarFieldModel.fitPrisms(p, b[1] - b[0], b[3] - b[2], settings, POOL, FarFieldModel.Progress.NONE);
    }

    private static void assertMeetsTarget(String what, Prisms p, DemagField surrogate, DemagField exact) {
        VectorField[] ms = {Patterns.random(p, 1), Patterns.smooth(p), Patterns.uniform(p, 0, 0, 1),
            Patterns.uniform(p, 1, 1, 1), Patterns.vortex(p)};
        String[] names = {"random", "smooth", "uniform z", "uniform (1,1,1)", "vortex"};
        for (int k = 0; k < ms.length; k++) {
            double[] e = Patterns.errors(Patterns.field(surrogate, ms[k]), Patterns.field(exact, ms[k]));
            String msg = what + ", " + names[k] + " M: median " + e[0] + ", L2 " + e[1];
            assertTrue(e[0] <= MEDIAN_TARGET, msg);
            assertTrue(e[1] <= L2_TARGET, msg);
        }
    }

    @Test
    void defaultSettingsMeetTheTargetOnTheStandardProblemFourGrid() {
        RegularGrid g = sp4Grid();
        FarFieldModel model = FarFieldModel.fitGrid(g, FarFieldSettings.DEFAULT, FarFieldModel.Progress.NONE);
        assertMeetsTarget("SP4 grid", g.toPrisms(), FarFieldSurrogate.forGrid(g, null, model, POOL),
                new FftDemag(g, POOL));
    }

    @Test
    void defaultSettingsMeetTheTargetOnAGranularFilmOfVariedSizes() {
        Prisms p = granular();
        FarFieldModel model = fitCovering(p, FarFieldSettings.DEFAULT);
        assertEquals(SizeFeatures.Kind.MOMENTS, model.features.kind, "700 log-normal grains: moment features");
        assertMeetsTarget("granular film", p, FarFieldSurrogate.forPrisms(p, model, POOL),
                DirectDemag.forPrisms(p, 1L << 30, POOL));
    }

    @Test
    void anMlpHypernetworkOverSizesMeetsTheTargetOnAGranularFilmAndSurvivesItsModelFile(@TempDir Path dir) {
        Prisms p = new GranularFilm(360e-9, 360e-9, 10e-9, 12e-9, 0.15, 1.5e-9, 250, 5).generate();
        FarFieldSettings settings = FarFieldSettings.DEFAULT.withSizeMap(FarFieldSettings.SizeMap.MLP, 8, 2);
        FarFieldModel model = fitCovering(p, settings);
        assertEquals(SizeFeatures.Kind.MLP, model.features.kind, model.describe());
        assertEquals(9, model.sets.length, "8 learned features and a constant");
        MlpSizeMap.Trained t = model.features.trained();
        // coefficients in field units: 6.4e-6 at the 16 anchors, 9.3e-5 at 4 held-out sizes (measured)
        assertTrue(t.trainError() < 1e-3 && t.heldOutError() < 2e-3, t.describe());
        assertMeetsTarget("granular film, MLP size features", p, FarFieldSurrogate.forPrisms(p, model, POOL),
                DirectDemag.forPrisms(p, 1L << 30, POOL));
        Path file = dir.resolve("mlp.h5");
        model.toFile(Map.of(), Map.of()).write(file);
        FarFieldModel back = FarFieldModel.fromFile(ModelFile.read(file), file);
        assertEquals(settings, back.settings());
        VectorField m = Patterns.random(p, 3);
        VectorField h1 = Patterns.field(FarFieldSurrogate.forPrisms(p, model, POOL), m);
        VectorField h2 = Patterns.field(FarFieldSurrogate.forPrisms(p, back, POOL), m);
        assertArrayEquals(h1.x, h2.x);
        assertArrayEquals(h1.z, h2.z);
    }

    @Test
    void defaultSettingsMeetTheTargetOnAnIslandArray() {
        Prisms p = islands();
        FarFieldModel model = fitCovering(p, FarFieldSettings.DEFAULT);
        assertEquals(SizeFeatures.Kind.CLASSES, model.features.kind);
        assertMeetsTarget("square ice", p, FarFieldSurrogate.forPrisms(p, model, POOL),
                DirectDemag.forPrisms(p, 1L << 30, POOL));
    }

    @Test
    void fieldAtPointsInTheMidPlaneMatchesThePointTensorSumInsideAndOutsideSources() {
        Prisms p = granular();
        FarFieldModel model = fitCovering(p, FarFieldSettings.DEFAULT);
        double[] b = Patterns.bounds(p);
        Random rnd = new Random(5);
        int n = 2000;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = b[0] + rnd.nextDouble() * (b[1] - b[0]);
            y[i] = b[2] + rnd.nextDouble() * (b[3] - b[2]);
            z[i] = p.cz(0);
        }
        VectorField m = Patterns.random(p, 4);
        VectorField h = new VectorField(n), exact = new VectorField(n);
        FarFieldSurrogate.atPoints(p, x, y, z, model, POOL).addField(m, h);
        new DirectSum(p, x, y, z, TensorKind.POINT, 1L << 30, POOL).addField(m, exact);
        double[] e = Patterns.errors(h, exact);
        assertTrue(e[0] <= MEDIAN_TARGET && e[1] <= L2_TARGET, "median " + e[0] + ", L2 " + e[1]);
    }

    @Test
    void fieldOfAUnionOfSourcesIsTheSumOfTheirFieldsInAnyOrder() {
        Prisms p = granular();
        FarFieldModel model = fitCovering(p, FarFieldSettings.DEFAULT);
        int n = p.size(), half = n / 2;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random rnd = new Random(9);
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1), t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        double[] x = new double[300], y = new double[300], z = new double[300];
        double[] b = Patterns.bounds(p);
        for (int i = 0; i < x.length; i++) {
            x[i] = b[0] + rnd.nextDouble() * (b[1] - b[0]);
            y[i] = b[2] + rnd.nextDouble() * (b[3] - b[2]);
            z[i] = p.cz(0);
        }
        VectorField m = Patterns.random(p, 2);
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        // superposition holds for the model, so for each way of evaluating it (the two agree to ~1e-10 only)
        for (FarFieldSurrogate.Evaluation e : new FarFieldSurrogate.Evaluation[] {
            FarFieldSurrogate.Evaluation.PHASE_SUMS, FarFieldSurrogate.Evaluation.TRANSFORMS}) {
            VectorField all = fieldOf(subset(p, perm, 0, n), subset(m, perm, 0, n), model, x, y, z, e);
            VectorField first = fieldOf(subset(p, perm, 0, half), subset(m, perm, 0, half), model, x, y, z, e);
            VectorField second = fieldOf(subset(p, perm, half, n), subset(m, perm, half, n), model, x, y, z, e);
            VectorField ordered = fieldOf(subset(p, identity, 0, n), subset(m, identity, 0, n), model, x, y, z, e);
            double scale = 0;
            for (int i = 0; i < x.length; i++) {
                scale = Math.max(scale, Math.abs(all.x[i]) + Math.abs(all.y[i]) + Math.abs(all.z[i]));
            }
            for (int i = 0; i < x.length; i++) {
                assertEquals(all.x[i], first.x[i] + second.x[i], 1e-12 * scale, e.name());
                assertEquals(all.y[i], first.y[i] + second.y[i], 1e-12 * scale, e.name());
                assertEquals(all.z[i], first.z[i] + second.z[i], 1e-12 * scale, e.name());
                assertEquals(all.x[i], ordered.x[i], 1e-12 * scale, e.name());
                assertEquals(all.z[i], ordered.z[i], 1e-12 * scale, e.name());
            }
        }
    }

    private static VectorField fieldOf(Prisms p, VectorField m, FarFieldModel model, double[] x, double[] y,
                                       double[] z, FarFieldSurrogate.Evaluation evaluation) {
        VectorField h = new VectorField(x.length);
        FarFieldSurrogate.atPoints(p, x, y, z, model, POOL, evaluation).addField(m, h);
        return h;
    }

    static Prisms subset(Prisms p, int[] order, int from, int to) {
        int n = to - from;
        double[][] c = new double[6][n];
        for (int k = 0; k < n; k++) {
            int i = order[from + k];
            c[0][k] = p.cx(i);
            c[1][k] = p.cy(i);
            c[2][k] = p.cz(i);
            c[3][k] = p.sx(i);
            c[4][k] = p.sy(i);
            c[5][k] = p.sz(i);
        }
        return Prisms.of(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    static VectorField subset(VectorField m, int[] order, int from, int to) {
        VectorField out = new VectorField(to - from);
        for (int k = 0; k < to - from; k++) {
            int i = order[from + k];
            out.set(k, m.x[i], m.y[i], m.z[i]);
        }
        return out;
    }

    @Test
    void couplingBetweenDomainsOfMixedSizesIsSymmetricToRounding() {
        // V_i T_ij = V_j T_ji makes the field the gradient of an energy: Σ V m_a·H(m_b) = Σ V m_b·H(m_a)
        for (Prisms p : new Prisms[] {granular(), islands()}) {
            FarFieldSurrogate s = FarFieldSurrogate.forPrisms(p, fitCovering(p, FarFieldSettings.DEFAULT),
                    POOL);
            VectorField a = Patterns.random(p, 11), b = Patterns.random(p, 12);
            VectorField ha = Patterns.field(s, a), hb = Patterns.field(s, b);
            double ab = 0, ba = 0, scale = 0;
            for (int i = 0; i < p.size(); i++) {
                double v = p.volume(i);
                double t = v * (a.x[i] * hb.x[i] + a.y[i] * hb.y[i] + a.z[i] * hb.z[i]);
                ab += t;
                ba += v * (b.x[i] * ha.x[i] + b.y[i] * ha.y[i] + b.z[i] * ha.z[i]);
                scale += Math.abs(t);
            }
            assertEquals(ab, ba, 1e-13 * scale);
        }
    }

    @Test
    void modelFileRoundTripGivesTheSameFieldBitForBit(@TempDir Path dir) {
        Prisms p = granular();
        FarFieldModel model = fitCovering(p, FarFieldSettings.DEFAULT);
        Path file = dir.resolve("granular.h5");
        model.toFile(Map.of("training", "test"), Map.of("accuracy_median", new double[] {1e-5})).write(file);
        ModelFile f = ModelFile.read(file);
        assertEquals("test", f.text().get("training"));
        FarFieldModel back = FarFieldModel.fromFile(f, file);
        assertTrue(model.exactSizeMap() && back.exactSizeMap(), "the line kernel is written and read back");
        VectorField m = Patterns.random(p, 3);
        VectorField h1 = Patterns.field(FarFieldSurrogate.forPrisms(p, model, POOL), m);
        VectorField h2 = Patterns.field(FarFieldSurrogate.forPrisms(p, back, POOL), m);
        assertArrayEquals(h1.x, h2.x);
        assertArrayEquals(h1.y, h2.y);
        assertArrayEquals(h1.z, h2.z);
        assertEquals(model.describe(), back.describe());
    }

    @Test
    void geometriesTheModelCannotRepresentAreRejectedWithTheReason() {
        Prisms two = Prisms.of(new double[] {0, 100e-9}, new double[] {0, 0}, new double[] {0, 20e-9},
                new double[] {10e-9, 10e-9}, new double[] {10e-9, 10e-9}, new double[] {10e-9, 10e-9});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fitCovering(two, FarFieldSettings.DEFAULT));
        assertTrue(e.getMessage().contains("thin films") && e.getMessage().contains("domain 1"), e.getMessage());

        Prisms p = islands();
        FarFieldModel model = fitCovering(p, FarFieldSettings.DEFAULT);
        Prisms wider = Prisms.of(new double[] {0, 5e-6}, new double[] {0, 0}, new double[] {7.5e-9, 7.5e-9},
                new double[] {p.sx(0), p.sx(0)}, new double[] {p.sy(0), p.sy(0)}, new double[] {15e-9, 15e-9});
        e = assertThrows(IllegalArgumentException.class, () -> FarFieldSurrogate.forPrisms(wider, model, POOL));
        assertTrue(e.getMessage().contains("covers offsets up to"), e.getMessage());
        Prisms otherSize = Prisms.of(new double[] {0}, new double[] {0}, new double[] {7.5e-9},
                new double[] {30e-9}, new double[] {30e-9}, new double[] {15e-9});
        e = assertThrows(IllegalArgumentException.class, () -> FarFieldSurrogate.forPrisms(otherSize, model, POOL));
        assertTrue(e.getMessage().contains("not one of the model's 2 size(s)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FarFieldSurrogate.atPoints(p, new double[] {0},
                new double[] {0}, new double[] {20e-9}, model, POOL));
        assertTrue(e.getMessage().contains("mid-plane"), e.getMessage());
        RegularGrid g = sp4Grid();
        e = assertThrows(IllegalArgumentException.class, () -> FarFieldSurrogate.forGrid(g, null, model, POOL));
        assertTrue(e.getMessage().contains("cell-averaged"), e.getMessage());
    }

    @Test
    void aGeometryInsideTheNearRadiusHasNoFarZoneAndSaysSo() {
        RegularGrid small = new RegularGrid(4, 4, 1, 5e-9, 5e-9, 3e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FarFieldModel.fitGrid(small, FarFieldSettings.DEFAULT, FarFieldModel.Progress.NONE));
        assertTrue(e.getMessage().contains("no far zone"), e.getMessage());
    }
}
