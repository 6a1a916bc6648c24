package org.hypermag.surrogate.paper2d;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.nn.Activation;
import org.hypermag.surrogate.nn.Gemm;
import org.hypermag.surrogate.nn.Init;
import org.hypermag.surrogate.nn.Mlp;
import org.hypermag.surrogate.nn.MlpBatch;

/**
 * FOURIER of the paper on its 2-D protocol (Eq. 11; the authors' {@code hyper_fourier.py}): a hypernetwork g, an MLP
 * 4 → W → … → W → 4N² with gelu, maps a source's (m_x, m_y, c_x, c_y) to the coefficients of a Fourier basis in
 * (x, y); the coefficients of all sources are summed (Eq. 5) and
 * φ̂(r) = Σ_ij a^cc_ij cos(k_i x) cos(k_j y) + a^sc_ij sin(k_i x) cos(k_j y) + a^cs_ij cos(k_i x) sin(k_j y)
 * + a^ss_ij sin(k_i x) sin(k_j y), Ĥ = −∇φ̂ analytically. Wavenumbers k_0 = 0 and k_1..k_{N−1} =
 * 10^linspace(b_0, b_1, N − 1) with trainable bounds b, initially (−2.9, 0.75). The loss is the authors' (mean Huber of
 * φ̂ − φ plus mean Huber of Ĥ − H, δ = 1); its gradient, through the basis, the wavenumber bounds and the hypernetwork,
 * is exact ({@code Fourier2dTest} checks it against finite differences). Full-batch Adam, one step per epoch, as
 * the authors' code; or mini-batches ({@link Schedule#batch()}).
 *
 * <p>The parameters start as the authors' (equinox's: {@link Init#FAN_IN}) unless another {@link Init} is asked for;
 * sizes and schedules are the caller's (the paper's N = 32, width 1 024 and 25 000 epochs need a GPU;
 * docs/paper-models.md).
 * Parameters: the hypernetwork's (its layout), then b_0, b_1. Immutable.
 */
public final class Fourier2d implements Model2d {
    /** The initial wavenumber bounds (log10), as in hyper_fourier.py. */
    public static final double[] BOUNDS = {-2.9, 0.75};

    /** Chunks of samples (fixed: the gradient does not depend on the thread count). */
    private static final int CHUNKS = 8;

    final int order;
    final Mlp net;
    final double[] params;

    private Fourier2d(int order, Mlp net, double[] params) {
        this.order = order;
        this.net = net;
        this.params = params;
    }

    /**
     * A fresh model.
     *
     * @param order N, wavenumbers per axis including 0 (≥ 2); 4N² coefficients
     * @param width hidden width W of the hypernetwork (≥ 1)
     * @param depth hidden layers (≥ 1; the paper's code: 3)
     * @param seed initialisation seed
     * @return the model, its parameters started as the authors' ({@link Init#FAN_IN})
     */
    public static Fourier2d initial(int order, int width, int depth, long seed) {
        return initial(order, width, depth, seed, Init.FAN_IN);
    }

    /**
     * A fresh model.
     *
     * @param order N, wavenumbers per axis including 0 (≥ 2); 4N² coefficients
     * @param width hidden width W of the hypernetwork (≥ 1)
     * @param depth hidden layers (≥ 1; the paper's code: 3)
     * @param seed initialisation seed
     * @param init how the hypernetwork's parameters start
     * @return the model
     */
    public static Fourier2d initial(int order, int width, int depth, long seed, Init init) {
        if (order < 2 || width < 1 || depth < 1) {
            throw new IllegalArgumentException("FOURIER needs order >= 2, width >= 1, depth >= 1; got " + order + ", "
                    + width + ", " + depth);
        }
        Mlp net = new Mlp(SourceBatch.widths(width, depth, 4 * order * order), Activation.GELU, Activation.IDENTITY,
                0);
        double[] p = new double[net.parameterCount() + 2];
        init.apply(net, p, new SplittableRandom(seed));
        p[net.end()] = BOUNDS[0];
        p[net.end() + 1] = BOUNDS[1];
        return new Fourier2d(order, net, p);
    }

    /**
     * @param order N
     * @param width W
     * @param depth hidden layers
     * @param params the parameters (the hypernetwork's, then the two bounds)
     * @return the model
     */
    public static Fourier2d of(int order, int width, int depth, double[] params) {
        Fourier2d shape = initial(order, width, depth, 0);
        if (params.length != shape.params.length) {
            throw new IllegalArgumentException("FOURIER of order " + order + ", width " + width + ", depth " + depth
                    + " has " + shape.params.length + " parameters; got " + params.length);
        }
        return new Fourier2d(order, shape.net, params.clone());
    }

    /**
     * The memory a loss and gradient evaluation holds (bytes), the data set included, for an estimate before
     * training or evaluating.
     *
     * @param order N
     * @param width the hypernetwork's width
     * @param depth its hidden layers
     * @param samples samples of the set
     * @param sources sources per sample
     * @param points points of the set
     * @return bytes
     */
    public static double memoryBytes(int order, int width, int depth, int samples, int sources, int points) {
        int nf = 4 * order * order;
        int[] w = SourceBatch.widths(width, depth, nf);
        double s = samples, data = s * points * 3 + 4 * s * sources + 2.0 * points;
        // the basis (3 channels), its transpose and gradient (3); coefficients, their gradient and transpose;
        // three residual matrices; the trig tables
        double basis = 7.0 * nf * points + 3 * s * nf + 3 * s * points + 4.0 * order * points;
        return 8 * (data + basis) + MlpBatch.bytes(w, samples * sources, 0);
    }

    @Override
    public String name() {
        return "fourier";
    }

    /** @return {N, W, depth}: the shape the parameters belong to */
    public int[] shape() {
        int[] w = net.widths();
        return new int[] {order, w[1], w.length - 2};
    }

    /** @return a copy of the parameters */
    @Override
    public double[] parameters() {
        return params.clone();
    }

    /** @return the number of parameters */
    public int parameterCount() {
        return params.length;
    }

    /** The wavenumbers k_0 = 0, k_m = 10^(b_0 + f_m (b_1 − b_0)), f_m = (m − 1)/(N − 2), and ∂k_m/∂b_0, ∂k_m/∂b_1. */
    static void wavenumbers(int order, double b0, double b1, double[] k, double[] dk0, double[] dk1) {
        k[0] = 0;
        dk0[0] = 0;
        dk1[0] = 0;
        for (int m = 1; m < order; m++) {
            double f = order > 2 ? (m - 1) / (order - 2.0) : 0;
            k[m] = Math.pow(10, b0 + f * (b1 - b0));
            dk0[m] = k[m] * Math.log(10) * (1 - f);
            dk1[m] = k[m] * Math.log(10) * f;
        }
    }

    /**
     * The basis functions at every point of a set, the points being shared by all samples: cos and sin of k_i x and
     * k_i y (N × points each, row i for k_i) and, per channel c (φ̂, Ĥx, Ĥy), the 4N² functions at every point,
     * 4N² × points (row f = type·N² + i·N + j, types cc, sc, cs, ss as the coefficients).
     */
    private record Basis(double[] cu, double[] su, double[] cv, double[] sv, double[][] psi) {
        static Basis of(double[] k, double[] xs, double[] ys) {
            int n = k.length, np = xs.length, nn = n * n;
            double[] cu = new double[n * np], su = new double[n * np], cv = new double[n * np], sv = new double[n * np];
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < np; q++) {
                    cu[i * np + q] = Math.cos(k[i] * xs[q]);
                    su[i * np + q] = Math.sin(k[i] * xs[q]);
                    cv[i * np + q] = Math.cos(k[i] * ys[q]);
                    sv[i * np + q] = Math.sin(k[i] * ys[q]);
                }
            }
            double[][] psi = new double[3][4 * nn * np];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int cc = (i * n + j) * np, sc = cc + nn * np, cs = sc + nn * np, ss = cs + nn * np;
                    int ui = i * np, vj = j * np;
                    double ki = k[i], kj = k[j];
                    for (int q = 0; q < np; q++) {
                        double c1 = cu[ui + q], s1 = su[ui + q], c2 = cv[vj + q], s2 = sv[vj + q];
                        psi[0][cc + q] = c1 * c2;
                        psi[0][sc + q] = s1 * c2;
                        psi[0][cs + q] = c1 * s2;
                        psi[0][ss + q] = s1 * s2;
                        // Ĥx = −∂φ̂/∂x, Ĥy = −∂φ̂/∂y
                        psi[1][cc + q] = ki * s1 * c2;
                        psi[1][sc + q] = -ki * c1 * c2;
                        psi[1][cs + q] = ki * s1 * s2;
                        psi[1][ss + q] = -ki * c1 * s2;
                        psi[2][cc + q] = kj * c1 * s2;
                        psi[2][sc + q] = kj * s1 * s2;
                        psi[2][cs + q] = -kj * c1 * c2;
                        psi[2][ss + q] = -kj * s1 * c2;
                    }
                }
            }
            return new Basis(cu, su, cv, sv, psi);
        }
    }

    /** φ̂, Ĥx, Ĥy at every sample and point (samples × points each): A·Ψ_c, three {@link Gemm} products. */
    private double[][] predictAll(double[] a, Basis b, int ns, int np, WorkerPool pool) {
        int nf = 4 * order * order;
        double[][] r = new double[3][ns * np];
        for (int c = 0; c < 3; c++) {
            Gemm.multiply(ns, np, nf, a, 0, nf, b.psi()[c], 0, np, r[c], 0, np, false, pool);
        }
        return r;
    }

    /**
     * The loss over a data set and, if grad is not null, its gradient (replacing grad's contents).
     *
     * <p>With A the summed coefficients (samples × 4N²) and Ψ_c the basis functions of channel c at the points (4N² ×
     * points): the predictions are R_c = A·Ψ_c; the residuals' slopes G_c (∂loss/∂R_c) give ∂loss/∂A = Σ_c G_c·Ψ_cᵀ
     * (then the hypernetwork, per sample and source) and ∂loss/∂Ψ_c = Aᵀ·G_c, which the wavenumber bounds reach
     * through the tangents of Ψ_c (forward mode, {@link #boundsGradient}).
     *
     * @param d the data set
     * @param p parameters
     * @param grad the gradient, or null
     * @param pool threads (fixed chunks, summed in order: the result does not depend on the thread count)
     * @return the loss
     */
    public double loss(Discs.DataSet d, double[] p, double[] grad, WorkerPool pool) {
        int n = order, nf = 4 * n * n, ns = d.samples(), np = d.points(), chunks = Math.min(CHUNKS, ns);
        double[] k = new double[n], dk0 = new double[n], dk1 = new double[n];
        wavenumbers(n, p[net.end()], p[net.end() + 1], k, dk0, dk1);
        Basis b = Basis.of(k, d.x(), d.y());
        MlpBatch hyperBatch = SourceBatch.forward(net, p, d, pool);
        double[] a = SourceBatch.summed(hyperBatch, d, nf);
        double[][] r = predictAll(a, b, ns, np, pool);
        double nPhi = (double) ns * np, nH = 2 * nPhi;
        double[] losses = new double[chunks];
        boolean wantGrad = grad != null;
        double[][] t = {d.phi(), d.hx(), d.hy()};
        pool.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                double total = 0;
                int i0 = (int) ((long) ns * c / chunks) * np, i1 = (int) ((long) ns * (c + 1) / chunks) * np;
                for (int i = i0; i < i1; i++) {
                    for (int ch = 0; ch < 3; ch++) {
                        double e = r[ch][i] - t[ch][i], scale = ch == 0 ? nPhi : nH;
                        total += Linear2d.huber(e) / scale;
                        if (wantGrad) {
                            r[ch][i] = Linear2d.slope(e) / scale;
                        }
                    }
                }
                losses[c] = total;
            }
        });
        double total = 0;
        for (double l : losses) {
            total += l;
        }
        if (!wantGrad) {
            return total;
        }
        Arrays.fill(grad, 0);
        // ∂loss/∂A = Σ_c G_c·Ψ_cᵀ
        double[] ga = new double[ns * nf], psiT = new double[np * nf];
        for (int c = 0; c < 3; c++) {
            Gemm.transpose(nf, np, b.psi()[c], 0, np, psiT);
            Gemm.multiply(ns, nf, np, r[c], 0, np, psiT, 0, nf, ga, 0, nf, c > 0, pool);
        }
        // the hypernetwork: every source of a sample gets the sample's ∂loss/∂A
        SourceBatch.spread(ga, nf, d, hyperBatch);
        hyperBatch.backward(p, grad, pool);
        // ∂loss/∂Ψ_c = Aᵀ·G_c, then the bounds
        double[] at = new double[nf * ns];
        Gemm.transpose(ns, nf, a, 0, nf, at);
        double[][] gpsi = new double[3][nf * np];
        for (int c = 0; c < 3; c++) {
            Gemm.multiply(nf, np, ns, at, 0, ns, r[c], 0, np, gpsi[c], 0, np, false, pool);
        }
        double[] gb = boundsGradient(b, k, dk0, dk1, d.x(), d.y(), gpsi, pool);
        grad[net.end()] = gb[0];
        grad[net.end() + 1] = gb[1];
        return total;
    }

    /**
     * ∂loss/∂b_0 and ∂loss/∂b_1 = Σ_c Σ_{f,q} (∂loss/∂Ψ_c)[f][q] · ∂Ψ_c[f][q]/∂b, the tangents of the basis functions
     * along each bound by the product rule (∂ cos(k_i x)/∂b = −x sin(k_i x) ∂k_i/∂b, and the explicit k of Ĥ). Rows
     * i of the basis in fixed chunks, summed in order.
     */
    private double[] boundsGradient(Basis b, double[] k, double[] dk0, double[] dk1, double[] xs, double[] ys,
                                    double[][] g, WorkerPool pool) {
        int n = order, nn = n * n, np = xs.length;
        double[][] part = new double[n][2];
        pool.forRange(n, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    int cc = (i * n + j) * np, sc = cc + nn * np, cs = sc + nn * np, ss = cs + nn * np;
                    int ui = i * np, vj = j * np;
                    double ki = k[i], kj = k[j];
                    for (int t = 0; t < 2; t++) {
                        double dki = t == 0 ? dk0[i] : dk1[i], dkj = t == 0 ? dk0[j] : dk1[j], sum = 0;
                        for (int q = 0; q < np; q++) {
                            double c1 = b.cu()[ui + q], s1 = b.su()[ui + q], c2 = b.cv()[vj + q], s2 = b.sv()[vj + q];
                            double xd = xs[q] * dki, yd = ys[q] * dkj;
                            double dc1 = -s1 * xd, ds1 = c1 * xd, dc2 = -s2 * yd, ds2 = c2 * yd;
                            double pcc = c1 * c2, psc = s1 * c2, pcs = c1 * s2, pss = s1 * s2;
                            double dcc = dc1 * c2 + c1 * dc2, dsc = ds1 * c2 + s1 * dc2;
                            double dcs = dc1 * s2 + c1 * ds2, dss = ds1 * s2 + s1 * ds2;
                            sum += g[0][cc + q] * dcc + g[0][sc + q] * dsc + g[0][cs + q] * dcs + g[0][ss + q] * dss
                                    + g[1][cc + q] * (dki * psc + ki * dsc) - g[1][sc + q] * (dki * pcc + ki * dcc)
                                    + g[1][cs + q] * (dki * pss + ki * dss) - g[1][ss + q] * (dki * pcs + ki * dcs)
                                    + g[2][cc + q] * (dkj * pcs + kj * dcs) + g[2][sc + q] * (dkj * pss + kj * dss)
                                    - g[2][cs + q] * (dkj * pcc + kj * dcc) - g[2][ss + q] * (dkj * psc + kj * dsc);
                        }
                        part[i][t] += sum;
                    }
                }
            }
        });
        double[] gb = new double[2];
        for (double[] row : part) {
            gb[0] += row[0];
            gb[1] += row[1];
        }
        return gb;
    }

    /**
     * Predicts a data set.
     *
     * @param d the data set
     * @param phi receives φ̂, samples × points
     * @param hx receives Ĥ_x
     * @param hy receives Ĥ_y
     */
    @Override
    public void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy) {
        predict(d, phi, hx, hy, WorkerPool.shared());
    }

    @Override
    public void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy, WorkerPool pool) {
        double[] k = new double[order];
        wavenumbers(order, params[net.end()], params[net.end() + 1], k, new double[order], new double[order]);
        double[] a = SourceBatch.summed(SourceBatch.forward(net, params, d, pool), d, 4 * order * order);
        double[][] r = predictAll(a, Basis.of(k, d.x(), d.y()), d.samples(), d.points(), pool);
        System.arraycopy(r[0], 0, phi, 0, r[0].length);
        System.arraycopy(r[1], 0, hx, 0, r[1].length);
        System.arraycopy(r[2], 0, hy, 0, r[2].length);
    }

    /**
     * Adam from this model's parameters: full batch, or mini-batches where the schedule says.
     *
     * @param d the training set
     * @param schedule the epochs and learning rates
     * @param pool threads
     * @param progress a line every tenth of the epochs
     * @return the trained model
     */
    public Fourier2d train(Discs.DataSet d, Schedule schedule, WorkerPool pool, Consumer<String> progress) {
        return new Fourier2d(order, net, AdamTraining.adam(params, schedule, d, b -> (p, g) -> loss(b, p, g, pool),
                name(), progress));
    }
}
