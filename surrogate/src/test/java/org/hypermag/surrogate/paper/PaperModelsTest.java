package org.hypermag.surrogate.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.demag.PrismPotential;
import org.hypermag.solver.geometry.Prisms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperModelsTest {

    /** Tiny sizes: K = 4 (7² basis), a 3-layer hypernetwork of width 25, a 2-12-12 basis network. */
    private static Settings tiny(String model, int epochs) {
        return Settings.defaults(model).withData(200, 24).withValidationExamples(40).withFourier(4, 0.25)
                .withBasis(12, 3, 12, 0.5).withSchedule(new double[] {1e-3}, new int[] {epochs})
                .withSeedAndThreads(3, 1);
    }

    /** A model with random (untrained) parameters. */
    private static PaperModel randomModel(String name) {
        PaperModel m = PaperModels.create(name, tiny(name, 1), java.util.Map.of());
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < m.params.length; i++) {
            m.params[i] = 0.1 * r.nextGaussian();
        }
        return m;
    }

    private static void checkExampleGradient(String name) {
        PaperModel m = randomModel(name);
        Examples ex = Examples.generate(2, 1, 1, 7, 5, Examples.TRAIN);
        double[] grad = new double[m.params.length];
        Object scratch = m.newScratch();
        m.exampleLoss(m.params, ex, 1, grad, scratch);
        SplittableRandom r = new SplittableRandom(12);
        double h = 1e-6;
        for (int n = 0; n < 60; n++) {
            int i = n < 20 ? m.params.length - 1 - n : r.nextInt(m.params.length); // the last layer and others
            double save = m.params[i];
            m.params[i] = save + h;
            double lp = m.exampleLoss(m.params, ex, 1, null, scratch);
            m.params[i] = save - h;
            double lm = m.exampleLoss(m.params, ex, 1, null, scratch);
            m.params[i] = save;
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, grad[i], 1e-6 * Math.max(1e-2, Math.abs(fd)), name + " parameter " + i);
        }
    }

    @Test
    void fourierLossGradientMatchesFiniteDifferences() {
        checkExampleGradient("fourier");
    }

    @Test
    void fcIlrLossGradientIncludingTheFieldTermMatchesFiniteDifferences() {
        checkExampleGradient("fc-ilr");
    }

    @Test
    void fieldIsTheAnalyticMinusGradientOfThePotential() {
        for (String name : PaperModels.NAMES) {
            PaperModel m = randomModel(name);
            Object scratch = m.newScratch();
            double[] c = new double[m.representationSize()];
            m.addCoefficients(m.params, new double[] {0.3, -0.5, 1.2, 0.8, 0.4, 0.6, -0.2, 0.7}, 0, c, scratch);
            double[] o = new double[4], p = new double[4], q = new double[4];
            double h = 1e-6, x = 0.7, y = -1.3;
            m.evaluate(m.params, c, x, y, o, scratch);
            m.evaluate(m.params, c, x + h, y, p, scratch);
            m.evaluate(m.params, c, x - h, y, q, scratch);
            assertEquals(-(p[0] - q[0]) / (2 * h), o[1], 1e-7 * (1 + Math.abs(o[1])), name + " Hx");
            m.evaluate(m.params, c, x, y + h, p, scratch);
            m.evaluate(m.params, c, x, y - h, q, scratch);
            assertEquals(-(p[0] - q[0]) / (2 * h), o[2], 1e-7 * (1 + Math.abs(o[2])), name + " Hy");
        }
    }

    @Test
    void summedCoefficientsGiveTheSumOfTheSingleSourceFieldsToRounding() {
        for (String name : PaperModels.NAMES) {
            PaperModel m = randomModel(name);
            double u = m.settings.lengthUnit(), ms = m.settings.magnetisationScale();
            Prisms two = Prisms.of(new double[] {-u, 1.5 * u}, new double[] {0.5 * u, -u}, new double[] {0, 0},
                    new double[] {u, 1.5 * u}, new double[] {0.7 * u, u}, new double[] {0.3 * u, 0.5 * u});
            double[] mx = {0.5 * ms, -0.2 * ms}, my = {0.1 * ms, 0.6 * ms}, mz = {0.3 * ms, -0.7 * ms};
            double[] px = {0.2 * u, -2 * u, 2.5 * u}, py = {-0.4 * u, 1.1 * u, 2.9 * u};
            double[] both = m.represent(two, mx, my, mz);
            double[] sum = new double[both.length];
            double[][] single = new double[4][3];
            for (int j = 0; j < 2; j++) {
                Prisms one = Prisms.of(new double[] {two.cx(j)}, new double[] {two.cy(j)}, new double[] {0},
                        new double[] {two.sx(j)}, new double[] {two.sy(j)}, new double[] {two.sz(j)});
                double[] r = m.represent(one, new double[] {mx[j]}, new double[] {my[j]}, new double[] {mz[j]});
                double[][] f = new double[4][3];
                m.evaluate(r, px, py, f[0], f[1], f[2], f[3]);
                for (int i = 0; i < r.length; i++) {
                    sum[i] += r[i];
                }
                for (int k = 0; k < 4; k++) {
                    for (int i = 0; i < 3; i++) {
                        single[k][i] += f[k][i];
                    }
                }
            }
            assertArrayEquals(sum, both, 0, name + ": representation of two sources is the sum (same order)");
            double[][] f = new double[4][3];
            m.evaluate(both, px, py, f[0], f[1], f[2], f[3]);
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(single[k][i], f[k][i], 1e-12 * (Math.abs(single[k][i]) + (k == 0 ? u * ms : ms)),
                            name + " output " + k + " point " + i);
                }
            }
        }
    }

    @Test
    void linearModelIsTheLeastSquaresSolution() {
        Settings s = tiny("linear", 1);
        PaperModel m = PaperModels.train("linear", s, null);
        Examples train = Examples.generate(s.trainExamples(), 1, 1, s.pointsPerExample(), s.seed(), Examples.TRAIN);
        double best = PaperModels.meanLoss(m, train);
        // Stationary: the loss is quadratic in the parameters, so a central difference is its exact gradient.
        double h = 1e-4, maxRel = 0;
        double[] p = m.params;
        double[] probe = {0, 0};
        for (int i = 0; i < p.length; i++) {
            double save = p[i];
            p[i] = save + h;
            double lp = PaperModels.meanLoss(m, train);
            p[i] = save - h;
            double lm = PaperModels.meanLoss(m, train);
            p[i] = save;
            double g = (lp - lm) / (2 * h), curvature = (lp + lm - 2 * best) / (h * h);
            maxRel = Math.max(maxRel, Math.abs(g) / (curvature * 1));
            assertTrue(lp > best && lm > best, "parameter " + i + ": " + lm + " " + best + " " + lp);
            probe[0] = Math.max(probe[0], Math.abs(g));
        }
        // |g|/curvature is the distance to the minimum along each axis, in parameter units: below 1e-8.
        assertTrue(maxRel < 1e-8, "distance to the minimum " + maxRel);
        assertEquals(Double.parseDouble(m.training().get("training.heldOutLoss")),
                PaperModels.meanLoss(m, Examples.generate(s.validationExamples(), 1, 1, s.pointsPerExample(),
                        s.seed(), Examples.VALIDATION)), 1e-15);
    }

    @Test
    void fourierTrainingReducesTheHeldOutLossTenfold() {
        checkTraining("fourier", 12, 10);
    }

    @Test
    void fcIlrTrainingReducesTheHeldOutLossFivefold() {
        checkTraining("fc-ilr", 12, 5);
    }

    private static void checkTraining(String name, int epochs, double factor) {
        Settings s = tiny(name, epochs);
        List<String> lines = new ArrayList<>();
        PaperModel m = PaperModels.train(name, s, lines::add);
        Examples val = Examples.generate(s.validationExamples(), 1, 1, s.pointsPerExample(), s.seed(),
                Examples.VALIDATION);
        PaperModel init = PaperModels.create(name, s, java.util.Map.of());
        SplittableRandom r = Examples.random(s.seed(), 0, 0);
        if (init instanceof FourierModel f) {
            f.hnet.initialise(init.params, r);
        } else {
            ((FcIlrModel) init).hnet.initialise(init.params, r);
            ((FcIlrModel) init).basis.initialise(init.params, r);
        }
        double before = PaperModels.meanLoss(init, val), after = PaperModels.meanLoss(m, val);
        assertTrue(after * factor < before, name + ": held-out loss " + before + " -> " + after);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("epoch " + epochs + "/" + epochs)), lines.toString());
    }

    @Test
    void saveAndLoadRoundTripIsBitwise(@TempDir Path dir) {
        for (String name : PaperModels.NAMES) {
            PaperModel m = randomModel(name);
            PaperProtocol.Report report = new PaperProtocol.Report(name, 7, 0.1, 0.2, 0.3, 0.4, new int[] {1, 2});
            Path file = dir.resolve(name + ".h5");
            m.toFile(report).write(file);
            ModelFile read = ModelFile.read(file);
            PaperModel back = PaperModel.fromFile(read, file);
            assertEquals(name, back.name());
            assertEquals(m.settings, back.settings);
            assertArrayEquals(m.params, back.params, 0, name);
            assertEquals(0.4, read.requireNumbers(file, "accuracy.multi_H", 1)[0], 0);
            assertEquals(PaperModel.LAYOUT, read.requireText(file, "layout"));
        }
    }

    @Test
    void evaluationReportsEq10MediansOfTheExactModelAsZero() {
        // The exact field as a "model": a relative error is 0 wherever prediction equals target.
        Examples ex = Examples.generate(3, 2, 4, 16, 1, Examples.TEST_MULTI);
        double[] phi = new double[ex.count * ex.points];
        for (int e = 0; e < ex.count; e++) {
            for (int i = e * ex.points; i < (e + 1) * ex.points; i++) {
                for (int s = ex.sourceStart[e]; s < ex.sourceStart[e + 1]; s++) {
                    int o = s * Examples.FEATURES;
                    phi[i] += PrismPotential.unscaled(ex.px[i] - ex.sources[o], ex.py[i] - ex.sources[o + 1], 0,
                            0.5 * ex.sources[o + 2], 0.5 * ex.sources[o + 3], 0.5 * ex.sources[o + 4],
                            ex.sources[o + 5], ex.sources[o + 6], ex.sources[o + 7]);
                }
            }
        }
        assertArrayEquals(phi, ex.phi, 1e-15, "multi-source targets are superposed single-source potentials");
        assertEquals(0.5, PaperProtocol.median(new double[] {0.9, 0.1, 0.5}), 0);
        assertEquals(0.3, PaperProtocol.median(new double[] {0.4, 0.1, 0.2, 0.9}), 1e-16);
    }

    @Test
    void rejectsUnknownNamesAndSourcesOutsideTheFilmPlane() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults("fc-inr"));
        assertTrue(e.getMessage().contains("fc-inr"), e.getMessage());
        PaperModel m = randomModel("linear");
        Prisms lifted = Prisms.of(new double[] {0}, new double[] {0}, new double[] {1e-9}, new double[] {1e-8},
                new double[] {1e-8}, new double[] {1e-9});
        e = assertThrows(IllegalArgumentException.class,
                () -> m.represent(lifted, new double[] {1}, new double[] {0}, new double[] {0}));
        assertTrue(e.getMessage().contains("centre z"), e.getMessage());
    }
}
