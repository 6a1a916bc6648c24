package org.hypermag.surrogate.paper2d;

import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.nn.Mlp;
import org.hypermag.surrogate.nn.MlpBatch;

/**
 * A hypernetwork on every source of a data set at once (one row per source: sample · sources + s, inputs m_x, m_y,
 * c_x, c_y as the set stores them), the sum of each sample's outputs over its sources (Eq. 5), and the way back: each
 * source of a sample gets the sample's gradient.
 */
final class SourceBatch {
    private SourceBatch() {
    }

    /**
     * The layer widths of a hypernetwork over sources: the 4 inputs (m_x, m_y, c_x, c_y), depth hidden layers of
     * the width, then the outputs.
     */
    static int[] widths(int width, int depth, int outputs) {
        int[] w = new int[depth + 2];
        w[0] = 4;
        java.util.Arrays.fill(w, 1, depth + 1, width);
        w[depth + 1] = outputs;
        return w;
    }

    /** @return the batch after its forward pass */
    static MlpBatch forward(Mlp net, double[] p, Discs.DataSet d, WorkerPool pool) {
        MlpBatch g = batch(net, d);
        g.forward(p, pool);
        return g;
    }

    /** @return a batch over the set's sources, its inputs filled (forward it with the parameters; reusable) */
    static MlpBatch batch(Mlp net, Discs.DataSet d) {
        MlpBatch g = new MlpBatch(net, d.samples() * d.sources(), 0);
        System.arraycopy(d.src(), 0, g.input(), 0, g.input().length);
        return g;
    }

    /** @return the outputs summed over each sample's sources: samples × width, row-major */
    static double[] summed(MlpBatch g, Discs.DataSet d, int width) {
        return summed(g, d, width, new double[d.samples() * width]);
    }

    /** @return the outputs summed over each sample's sources into a (samples × width, replaced), a itself */
    static double[] summed(MlpBatch g, Discs.DataSet d, int width, double[] a) {
        int ns = d.samples(), nsrc = d.sources();
        double[] out = g.output();
        java.util.Arrays.fill(a, 0, ns * width, 0);
        for (int n = 0; n < ns; n++) {
            for (int s = 0; s < nsrc; s++) {
                for (int k = 0; k < width; k++) {
                    a[n * width + k] += out[(n * nsrc + s) * width + k];
                }
            }
        }
        return a;
    }

    /** Sets every source's output gradient to its sample's row of ga (samples × width). */
    static void spread(double[] ga, int width, Discs.DataSet d, MlpBatch g) {
        double[] gOut = g.outputGradient();
        for (int n = 0; n < d.samples(); n++) {
            for (int s = 0; s < d.sources(); s++) {
                System.arraycopy(ga, n * width, gOut, (n * d.sources() + s) * width, width);
            }
        }
    }
}
