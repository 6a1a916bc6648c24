package org.hypermag.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Fits f(x, y) = sin(2x) cos(y) on [−1.5, 1.5]² with a 2-16-16-1 tanh network. */
    private static final class Fit implements Objective {
        final Mlp net = new Mlp(new int[] {2, 16, 16, 1}, Activation.TANH, Activation.IDENTITY, 0);
        final double[] xs, vxs;
        final Mlp.Workspace[] ws = {net.workspace(0), net.workspace(0)};

        Fit(int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            xs = new double[2 * n];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = 3 * r.nextDouble() - 1.5;
            }
            vxs = new double[2 * 200];
            for (int i = 0; i < vxs.length; i++) {
                vxs[i] = 3 * r.nextDouble() - 1.5;
            }
        }

        static double f(double x, double y) {
            return Math.sin(2 * x) * Math.cos(y);
        }

        @Override
        public int parameterCount() {
            return net.parameterCount();
        }

        @Override
        public int examples() {
            return xs.length / 2;
        }

        @Override
        public double lossAndGradient(double[] p, int[] order, int from, int to, double[] grad, int thread) {
            Mlp.Workspace w = ws[thread];
            double sum = 0;
            for (int k = from; k < to; k++) {
                int i = order[k];
                net.forward(p, xs, 2 * i, w);
                double e = w.output()[0] - f(xs[2 * i], xs[2 * i + 1]);
                sum += e * e;
                w.outputGradient()[0] = 2 * e;
                net.backward(p, w, grad);
            }
            return sum;
        }

        @Override
        public double validationLoss(double[] p) {
            Mlp.Workspace w = net.workspace(0);
            double sum = 0;
            for (int i = 0; i < vxs.length / 2; i++) {
                net.forward(p, vxs, 2 * i, w);
                double e = w.output()[0] - f(vxs[2 * i], vxs[2 * i + 1]);
                sum += e * e;
            }
            return sum / (vxs.length / 2);
        }
    }

    private static Trainer.Settings settings(int threads) {
        return new Trainer.Settings(new double[] {1e-2, 1e-3}, new int[] {60, 20}, 16, 200, 5, threads);
    }

    @Test
    void adamFitsASmooth2dFunctionToAMeanSquaredErrorBelow1e3() {
        Fit fit = new Fit(400, 1);
        double[] p = new double[fit.parameterCount()];
        fit.net.initialise(p, new SplittableRandom(2));
        double before = fit.validationLoss(p);
        List<String> lines = new ArrayList<>();
        Trainer.Result r = Trainer.train(fit, p, settings(2), lines::add);
        double after = fit.validationLoss(p);
        // Mean square of f is about 0.27; a converged fit is 2-3 orders of magnitude below.
        assertTrue(before > 0.1, "initial held-out loss " + before);
        assertTrue(after < 1e-3, "held-out loss after training " + after);
        assertTrue(after <= r.validationLoss()[r.bestEpoch()], "best parameters are kept");
        assertTrue(lines.size() == 80 && lines.get(0).contains("epoch 1/80") && lines.get(0).contains("ETA"),
                lines.get(0));
    }

    @Test
    void trainingIsReproducibleForAFixedSeedAndThreadCount() {
        double[][] out = new double[2][];
        for (int run = 0; run < 2; run++) {
            Fit fit = new Fit(100, 1);
            double[] p = new double[fit.parameterCount()];
            fit.net.initialise(p, new SplittableRandom(2));
            Trainer.train(fit, p, new Trainer.Settings(new double[] {1e-2}, new int[] {5}, 10, 10, 5, 2), null);
            out[run] = p;
        }
        assertArrayEquals(out[0], out[1], 0);
    }

    @Test
    void earlyStoppingKeepsTheBestHeldOutEpoch() {
        Fit fit = new Fit(100, 1);
        double[] p = new double[fit.parameterCount()];
        fit.net.initialise(p, new SplittableRandom(2));
        // A learning rate far too large makes the held-out loss rise; patience 3 must stop the run.
        Trainer.Result r = Trainer.train(fit, p, new Trainer.Settings(new double[] {1e-2, 3}, new int[] {20, 50},
                10, 3, 5, 1), null);
        assertTrue(r.stoppedEarly() && r.trainLoss().length < 70, "epochs run " + r.trainLoss().length);
        double min = Double.POSITIVE_INFINITY;
        for (double v : r.validationLoss()) {
            min = Math.min(min, v);
        }
        assertTrue(fit.validationLoss(p) == min, "kept " + fit.validationLoss(p) + ", best " + min);
    }
}
