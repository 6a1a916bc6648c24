package org.hypermag.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The batched network against the one-input network it batches: outputs, tangents and the gradient (through the
 * tangents, σ'' included) equal to rounding, row by row and summed; the same bits on one and two threads.
 */
class MlpBatchTest {
    private static final int ROWS = 37;

    @Test
    void theBatchGivesTheOneInputNetworksOutputsTangentsAndGradient() {
        for (int tangents = 0; tangents <= 2; tangents++) {
            Mlp net = new Mlp(new int[] {3, 9, 11, 6}, Activation.GELU, Activation.GELU, 5);
            SplittableRandom rnd = new SplittableRandom(17 + tangents);
            double[] p = new double[net.end()];
            net.initialise(p, rnd);
            for (int i = 0; i < p.length; i++) {
                p[i] += 0.1 * rnd.nextGaussian(); // biases not zero
            }
            double[] x = random(rnd, ROWS * 3), gOut = random(rnd, ROWS * 6);
            double[][] gTan = {random(rnd, ROWS * 6), random(rnd, ROWS * 6)};
            MlpBatch batch = new MlpBatch(net, ROWS, tangents);
            System.arraycopy(x, 0, batch.input(), 0, x.length);
            batch.forward(p, WorkerPool.shared());
            Mlp.Workspace ws = net.workspace(tangents);
            double[] want = new double[p.length], got = new double[p.length];
            for (int r = 0; r < ROWS; r++) {
                net.forward(p, x, 3 * r, ws);
                for (int o = 0; o < 6; o++) {
                    assertEquals(ws.output()[o], batch.output()[r * 6 + o], 1e-14, "output " + r + ", " + o);
                    for (int t = 0; t < tangents; t++) {
                        assertEquals(ws.outputTangent(t)[o], batch.outputTangent(t)[r * 6 + o], 1e-14,
                                "tangent " + t + " of output " + r + ", " + o);
                    }
                }
                System.arraycopy(gOut, r * 6, ws.outputGradient(), 0, 6);
                for (int t = 0; t < tangents; t++) {
                    System.arraycopy(gTan[t], r * 6, ws.outputTangentGradient(t), 0, 6);
                }
                net.backward(p, ws, want);
            }
            System.arraycopy(gOut, 0, batch.outputGradient(), 0, gOut.length);
            for (int t = 0; t < tangents; t++) {
                System.arraycopy(gTan[t], 0, batch.outputTangentGradient(t), 0, gTan[t].length);
            }
            batch.backward(p, got, WorkerPool.shared());
            for (int i = 0; i < p.length; i++) {
                assertEquals(want[i], got[i], 1e-12 * Math.max(1, Math.abs(want[i])), "tangents " + tangents
                        + ", parameter " + i);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(0, got[i], "parameters before the network's offset are not touched");
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        Mlp net = new Mlp(new int[] {2, 40, 40, 7}, Activation.GELU, Activation.IDENTITY, 0);
        SplittableRandom rnd = new SplittableRandom(2);
        double[] p = new double[net.end()];
        net.initialise(p, rnd);
        double[] x = random(rnd, 301 * 2), g = random(rnd, 301 * 7);
        double[][] grads = new double[2][p.length];
        double[][] outs = new double[2][];
        try (WorkerPool one = new WorkerPool(1); WorkerPool two = new WorkerPool(2)) {
            WorkerPool[] pools = {one, two};
            for (int i = 0; i < 2; i++) {
                MlpBatch b = new MlpBatch(net, 301, 2);
                System.arraycopy(x, 0, b.input(), 0, x.length);
                b.forward(p, pools[i]);
                outs[i] = b.outputTangent(1).clone();
                System.arraycopy(g, 0, b.outputGradient(), 0, g.length);
                System.arraycopy(g, 0, b.outputTangentGradient(0), 0, g.length);
                b.backward(p, grads[i], pools[i]);
            }
        }
        assertArrayEquals(outs[0], outs[1]);
        assertArrayEquals(grads[0], grads[1]);
    }

    @Test
    void aBatchWithoutRowsOrWithTooManyTangentsIsRefused() {
        Mlp net = new Mlp(new int[] {2, 3}, Activation.TANH, Activation.IDENTITY, 0);
        assertThrows(IllegalArgumentException.class, () -> new MlpBatch(net, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MlpBatch(net, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> new MlpBatch(new Mlp(new int[] {2, 1 << 16},
                Activation.TANH, Activation.IDENTITY, 0), 1 << 15, 0));
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }
}
