package org.hypermag.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTest {
    private static final int[] WIDTHS = {3, 7, 5, 4};
    private static final double[] X = {0.3, -0.7, 1.1};

    /** A loss using values and both input tangents non-linearly: Σ w·out + ½ out² + Σ_t (u_t·dout_t + ½ dout_t²). */
    private static double loss(Mlp net, double[] p, Mlp.Workspace ws, boolean backward, double[] grad) {
        net.forward(p, X, 0, ws);
        double l = 0;
        double[] out = ws.output();
        for (int o = 0; o < out.length; o++) {
            double w = 0.3 * (o + 1);
            l += w * out[o] + 0.5 * out[o] * out[o];
            if (backward) {
                ws.outputGradient()[o] = w + out[o];
            }
            for (int t = 0; t < 2; t++) {
                double d = ws.outputTangent(t)[o], u = 0.2 - 0.1 * o + t;
                l += u * d + 0.5 * d * d;
                if (backward) {
                    ws.outputTangentGradient(t)[o] = u + d;
                }
            }
        }
        if (backward) {
            net.backward(p, ws, grad);
        }
        return l;
    }

    private static void checkParameterGradient(Activation act) {
        Mlp net = new Mlp(WIDTHS, act, Activation.TANH, 2);
        double[] p = new double[net.end() + 3];
        net.initialise(p, new SplittableRandom(7));
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1 * r.nextGaussian(); // non-zero biases too
        }
        Mlp.Workspace ws = net.workspace(2);
        double[] grad = new double[p.length];
        loss(net, p, ws, true, grad);
        assertEquals(0, grad[0] + grad[1] + grad[p.length - 1], 0, "gradient outside the network's range");
        double h = 1e-6;
        for (int i = 2; i < net.end(); i++) {
            double save = p[i];
            p[i] = save + h;
            double lp = loss(net, p, ws, false, null);
            p[i] = save - h;
            double lm = loss(net, p, ws, false, null);
            p[i] = save;
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, grad[i], 1e-6 * Math.max(1, Math.abs(fd)), act + " parameter " + i);
        }
    }

    @Test
    void parameterGradientOfALossOnValuesAndTangentsMatchesFiniteDifferencesTanh() {
        checkParameterGradient(Activation.TANH);
    }

    @Test
    void parameterGradientOfALossOnValuesAndTangentsMatchesFiniteDifferencesSilu() {
        checkParameterGradient(Activation.SILU);
    }

    @Test
    void parameterGradientOfALossOnValuesAndTangentsMatchesFiniteDifferencesGelu() {
        checkParameterGradient(Activation.GELU);
    }

    @Test
    void tangentsAndInputGradientMatchFiniteDifferences() {
        for (Activation act : new Activation[] {Activation.TANH, Activation.SILU, Activation.GELU}) {
            Mlp net = new Mlp(WIDTHS, act, Activation.IDENTITY, 0);
            double[] p = new double[net.end()];
            net.initialise(p, new SplittableRandom(3));
            Mlp.Workspace ws = net.workspace(3), plain = net.workspace(0);
            net.forward(p, X, 0, ws);
            double h = 1e-6;
            for (int t = 0; t < 3; t++) {
                double[] xp = X.clone(), xm = X.clone();
                xp[t] += h;
                xm[t] -= h;
                net.forward(p, xp, 0, plain);
                double[] op = plain.output().clone();
                net.forward(p, xm, 0, plain);
                for (int o = 0; o < 4; o++) {
                    double fd = (op[o] - plain.output()[o]) / (2 * h);
                    assertEquals(fd, ws.outputTangent(t)[o], 1e-6 * Math.max(1, Math.abs(fd)), act + " d out" + o
                            + "/d x" + t);
                }
            }
            // Input gradient of L = Σ out_o (plain backward).
            net.forward(p, X, 0, plain);
            java.util.Arrays.fill(plain.outputGradient(), 1);
            net.backward(p, plain, new double[p.length]);
            for (int t = 0; t < 3; t++) {
                double sum = 0;
                for (int o = 0; o < 4; o++) {
                    sum += ws.outputTangent(t)[o];
                }
                assertEquals(sum, plain.inputGradient()[t], 1e-12, act + " input gradient " + t);
            }
        }
    }

    /**
     * Equinox's eqx.nn.Linear (the seed paper's authors' networks) draws every weight and bias of a layer uniformly in
     * ±1/√n_in: each layer's values stay inside that bound and their mean square is lim²/3 within 4 standard errors
     * (a uniform variable's square has variance 4 lim⁴/45); Glorot's biases start at zero, fan-in's do not.
     */
    @Test
    void fanInInitialisationDrawsEveryWeightAndBiasUniformlyWithinOneOverTheRootOfTheInputs() {
        int[] widths = {4, 300, 200, 50};
        Mlp net = new Mlp(widths, Activation.GELU, Activation.IDENTITY, 5);
        double[] p = new double[net.end()];
        net.initialiseFanIn(p, new SplittableRandom(17));
        for (int k = 1; k < widths.length; k++) {
            double lim = 1 / Math.sqrt(widths[k - 1]);
            int from = net.weightOffset(k), to = net.biasOffset(k) + widths[k];
            double sum2 = 0, biases2 = 0;
            for (int i = from; i < to; i++) {
                assertTrue(Math.abs(p[i]) <= lim, "layer " + k + ", parameter " + i + ": " + p[i]);
                sum2 += p[i] * p[i];
            }
            for (int i = net.biasOffset(k); i < to; i++) {
                biases2 += p[i] * p[i];
            }
            int n = to - from;
            double mean2 = sum2 / n, expected = lim * lim / 3, se = Math.sqrt(4 * Math.pow(lim, 4) / 45 / n);
            assertEquals(expected, mean2, 4 * se, "layer " + k);
            assertTrue(biases2 > 0, "layer " + k + ": the biases are drawn too");
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(0.0, p[i], 0.0, "outside the network's range");
        }
        double[] g = new double[net.end()];
        net.initialise(g, new SplittableRandom(17));
        for (int i = net.biasOffset(1); i < net.biasOffset(1) + widths[1]; i++) {
            assertEquals(0.0, g[i], 0.0, "Glorot's biases start at zero");
        }
        assertEquals(Init.FAN_IN, Init.of("fan-in"));
        assertEquals(Init.GLOROT, Init.of("Glorot"));
        assertEquals(null, Init.of("lecun"));
    }

    @Test
    void rejectsFewerThanTwoLayers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mlp(new int[] {3}, Activation.TANH, Activation.IDENTITY, 0));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }
}
