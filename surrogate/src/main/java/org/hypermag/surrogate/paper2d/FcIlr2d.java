package org.hypermag.surrogate.paper2d;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.nn.Activation;
import org.hypermag.surrogate.nn.Mlp;

/**
 * FC + ILR of the paper on its 2-D protocol (§5.2.2; the authors' {@code HyperLayer} in {@code hyper_mlp.py}): a basis
 * network f, 2 → B → … → B (gelu, also on its output), gives B features b(r); a hypernetwork g, 4 → H → … → B + 1
 * (gelu hidden), gives each source the weights and the bias of a linear read-out; the read-outs of all sources are
 * summed (Eq. 5) and φ̂(r) = Σ_k a_k b_k(r) + a_B, Ĥ = −Σ_k a_k ∇b_k(r) (forward-mode tangents of f). The loss is the
 * authors' (mean Huber of φ̂ − φ and of Ĥ − H); its gradient flows through the tangents into f exactly (the
 * activations' second derivatives, {@link Mlp#backward}). The points are shared by every sample of a data set, so f
 * and its tangents are evaluated once per point and epoch. Full-batch Adam.
 *
 * <p>The paper's sizes: B = 400 with 4 layers, H = 601 = 1.5 (B + 1) with 3 hidden layers (1.45 M parameters), 25 000
 * epochs at 1e-4. Departures: Glorot-uniform initial weights. Parameters: g's, then f's. Immutable.
 */
public final class FcIlr2d implements Model2d {
    /** Chunks of samples (fixed: the gradient does not depend on the thread count). */
    private static final int CHUNKS = 8;

    final Mlp hyper, basis;
    final double[] params;

    private FcIlr2d(Mlp hyper, Mlp basis, double[] params) {
        this.hyper = hyper;
        this.basis = basis;
        this.params = params;
    }

    /**
     * A fresh model.
     *
     * @param basisWidth B (≥ 1)
     * @param basisLayers layers of f (≥ 1; the paper: 4)
     * @param hyperWidth H (≥ 1)
     * @param hyperDepth hidden layers of g (≥ 1; the paper: 3)
     * @param seed initialisation seed
     * @return the model
     */
    public static FcIlr2d initial(int basisWidth, int basisLayers, int hyperWidth, int hyperDepth, long seed) {
        if (basisWidth < 1 || basisLayers < 1 || hyperWidth < 1 || hyperDepth < 1) {
            throw new IllegalArgumentException("FC + ILR needs widths and depths >= 1; got " + basisWidth + ", "
                    + basisLayers + ", " + hyperWidth + ", " + hyperDepth);
        }
        int[] hw = new int[hyperDepth + 2];
        hw[0] = 4;
        Arrays.fill(hw, 1, hyperDepth + 1, hyperWidth);
        hw[hyperDepth + 1] = basisWidth + 1;
        Mlp hyper = new Mlp(hw, Activation.GELU, Activation.IDENTITY, 0);
        int[] bw = new int[basisLayers + 1];
        bw[0] = 2;
        Arrays.fill(bw, 1, basisLayers + 1, basisWidth);
        Mlp basis = new Mlp(bw, Activation.GELU, Activation.GELU, hyper.end());
        double[] p = new double[basis.end()];
        SplittableRandom rnd = new SplittableRandom(seed);
        hyper.initialise(p, rnd);
        basis.initialise(p, rnd);
        return new FcIlr2d(hyper, basis, p);
    }

    /**
     * @param shape {B, basis layers, H, hyper depth}
     * @param params the parameters
     * @return the model
     */
    public static FcIlr2d of(int[] shape, double[] params) {
        FcIlr2d s = initial(shape[0], shape[1], shape[2], shape[3], 0);
        if (params.length != s.params.length) {
            throw new IllegalArgumentException("FC + ILR of shape " + Arrays.toString(shape) + " has "
                    + s.params.length + " parameters; got " + params.length);
        }
        return new FcIlr2d(s.hyper, s.basis, params.clone());
    }

    @Override
    public String name() {
        return "fc-ilr";
    }

    /** @return {B, basis layers, H, hyper depth} */
    public int[] shape() {
        int[] b = basis.widths(), h = hyper.widths();
        return new int[] {b[1], b.length - 1, h[1], h.length - 2};
    }

    @Override
    public double[] parameters() {
        return params.clone();
    }

    /** @return the number of parameters */
    public int parameterCount() {
        return params.length;
    }

    /** f and its x, y tangents at every point: {values, d/dx, d/dy}, each points × B. */
    private double[][] features(double[] p, Discs.DataSet d) {
        int nb = basis.outputs(), np = d.points();
        double[][] f = {new double[np * nb], new double[np * nb], new double[np * nb]};
        Mlp.Workspace ws = basis.workspace(2);
        double[] r = new double[2];
        for (int q = 0; q < np; q++) {
            basisAt(p, d, q, r, ws);
            System.arraycopy(ws.output(), 0, f[0], q * nb, nb);
            System.arraycopy(ws.outputTangent(0), 0, f[1], q * nb, nb);
            System.arraycopy(ws.outputTangent(1), 0, f[2], q * nb, nb);
        }
        return f;
    }

    /** The basis and its x, y tangents at point q of the data set, into the workspace (r: a work array of 2). */
    private void basisAt(double[] p, Discs.DataSet d, int q, double[] r, Mlp.Workspace ws) {
        r[0] = d.x()[q];
        r[1] = d.y()[q];
        basis.forward(p, r, 0, ws);
    }

    /** The summed read-out of sample n (B + 1). */
    private void represent(double[] p, Discs.DataSet d, int n, Mlp.Workspace ws, double[] a) {
        Arrays.fill(a, 0);
        for (int s = 0; s < d.sources(); s++) {
            hyper.forward(p, d.src(), 4 * (n * d.sources() + s), ws);
            double[] out = ws.output();
            for (int k = 0; k < a.length; k++) {
                a[k] += out[k];
            }
        }
    }

    /**
     * The loss over a data set and, if grad is not null, its gradient (replacing grad's contents).
     *
     * @param d the data set
     * @param p parameters
     * @param grad the gradient, or null
     * @param pool threads
     * @return the loss
     */
    public double loss(Discs.DataSet d, double[] p, double[] grad, WorkerPool pool) {
        int nb = basis.outputs(), np = d.points(), chunks = Math.min(CHUNKS, d.samples());
        double[][] f = features(p, d);
        double nPhi = (double) d.samples() * np, nH = 2 * nPhi;
        double[] losses = new double[chunks];
        double[][] grads = new double[chunks][], gf = new double[chunks][];
        pool.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                Mlp.Workspace ws = hyper.workspace(0);
                double[] a = new double[nb + 1], ga = new double[nb + 1], out = new double[3];
                double[] g = grad == null ? null : new double[p.length];
                double[] gfc = grad == null ? null : new double[3 * np * nb];
                double total = 0;
                int s0 = (int) ((long) d.samples() * c / chunks), s1 = (int) ((long) d.samples() * (c + 1) / chunks);
                for (int n = s0; n < s1; n++) {
                    represent(p, d, n, ws, a);
                    Arrays.fill(ga, 0);
                    for (int q = 0; q < np; q++) {
                        int o = q * nb, i = n * np + q;
                        readOut(a, f, o, nb, out);
                        double e = out[0] - d.phi()[i], ex = out[1] - d.hx()[i], ey = out[2] - d.hy()[i];
                        total += Linear2d.huber(e) / nPhi + (Linear2d.huber(ex) + Linear2d.huber(ey)) / nH;
                        if (g == null) {
                            continue;
                        }
                        double gp = Linear2d.slope(e) / nPhi, gx = Linear2d.slope(ex) / nH, gy = Linear2d.slope(ey) / nH;
                        ga[nb] += gp;
                        for (int k = 0; k < nb; k++) {
                            ga[k] += gp * f[0][o + k] - gx * f[1][o + k] - gy * f[2][o + k];
                            gfc[o + k] += gp * a[k];
                            gfc[np * nb + o + k] -= gx * a[k];
                            gfc[2 * np * nb + o + k] -= gy * a[k];
                        }
                    }
                    if (g != null) {
                        for (int s = 0; s < d.sources(); s++) {
                            hyper.forward(p, d.src(), 4 * (n * d.sources() + s), ws);
                            System.arraycopy(ga, 0, ws.outputGradient(), 0, nb + 1);
                            hyper.backward(p, ws, g);
                        }
                    }
                }
                losses[c] = total;
                grads[c] = g;
                gf[c] = gfc;
            }
        });
        double total = 0;
        for (double l : losses) {
            total += l;
        }
        if (grad == null) {
            return total;
        }
        Arrays.fill(grad, 0);
        double[] gfAll = new double[3 * np * nb];
        for (int c = 0; c < chunks; c++) {
            for (int i = 0; i < grad.length; i++) {
                grad[i] += grads[c][i];
            }
            for (int i = 0; i < gfAll.length; i++) {
                gfAll[i] += gf[c][i];
            }
        }
        // the basis: back through its values and tangents, once per point (in order: deterministic)
        Mlp.Workspace ws = basis.workspace(2);
        double[] r = new double[2];
        for (int q = 0; q < np; q++) {
            basisAt(p, d, q, r, ws);
            System.arraycopy(gfAll, q * nb, ws.outputGradient(), 0, nb);
            System.arraycopy(gfAll, np * nb + q * nb, ws.outputTangentGradient(0), 0, nb);
            System.arraycopy(gfAll, 2 * np * nb + q * nb, ws.outputTangentGradient(1), 0, nb);
            basis.backward(p, ws, grad);
        }
        return total;
    }

    /** {φ̂, Ĥx, Ĥy} at one point: the read-out a over the basis values and tangents from index o. */
    private static void readOut(double[] a, double[][] f, int o, int nb, double[] out) {
        double phi = a[nb], hx = 0, hy = 0;
        for (int k = 0; k < nb; k++) {
            phi += a[k] * f[0][o + k];
            hx -= a[k] * f[1][o + k];
            hy -= a[k] * f[2][o + k];
        }
        out[0] = phi;
        out[1] = hx;
        out[2] = hy;
    }

    @Override
    public void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy) {
        int nb = basis.outputs(), np = d.points();
        double[][] f = features(params, d);
        Mlp.Workspace ws = hyper.workspace(0);
        double[] a = new double[nb + 1], out = new double[3];
        for (int n = 0; n < d.samples(); n++) {
            represent(params, d, n, ws, a);
            for (int q = 0; q < np; q++) {
                int i = n * np + q;
                readOut(a, f, q * nb, nb, out);
                phi[i] = out[0];
                hx[i] = out[1];
                hy[i] = out[2];
            }
        }
    }

    /**
     * Full-batch Adam from this model's parameters.
     *
     * @param d the training set
     * @param schedule the epochs and learning rates
     * @param pool threads
     * @param progress a line every tenth of the epochs
     * @return the trained model
     */
    public FcIlr2d train(Discs.DataSet d, Schedule schedule, WorkerPool pool, Consumer<String> progress) {
        return new FcIlr2d(hyper, basis, FullBatch.adam(params, schedule, (p, g) -> loss(d, p, g, pool), name(),
                progress));
    }
}
