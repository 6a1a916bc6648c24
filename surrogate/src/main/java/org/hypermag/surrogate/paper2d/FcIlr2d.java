package org.hypermag.surrogate.paper2d;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.nn.Activation;
import org.hypermag.surrogate.nn.Gemm;
import org.hypermag.surrogate.nn.Init;
import org.hypermag.surrogate.nn.Mlp;
import org.hypermag.surrogate.nn.MlpBatch;

/**
 * FC + ILR of the paper on its 2-D protocol (§5.2.2; the authors' {@code HyperLayer} in {@code hyper_mlp.py}): a basis
 * network f, 2 → B → … → B (gelu, also on its output), gives B features b(r); a hypernetwork g, 4 → H → … → B + 1
 * (gelu hidden), gives each source the weights and the bias of a linear read-out; the read-outs of all sources are
 * summed (Eq. 5) and φ̂(r) = Σ_k a_k b_k(r) + a_B, Ĥ = −Σ_k a_k ∇b_k(r) (forward-mode tangents of f). The loss is the
 * authors' (mean Huber of φ̂ − φ and of Ĥ − H); its gradient flows through the tangents into f exactly (the
 * activations' second derivatives, {@link Mlp#backward}). The points are shared by every sample of a data set, so f
 * and its tangents are evaluated once per point and step. Full-batch Adam as the authors' code, or mini-batches
 * ({@link Schedule#batch()}).
 *
 * <p>The paper's sizes: B = 400 with 4 layers, H = 601 = 1.5 (B + 1) with 3 hidden layers (1.45 M parameters), 25 000
 * epochs at 1e-4. The parameters start as the authors' (equinox's, {@link Init#FAN_IN}) unless another {@link Init} is
 * asked for. Parameters: g's, then f's. Immutable.
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
     * @return the model, its parameters started as the authors' ({@link Init#FAN_IN})
     */
    public static FcIlr2d initial(int basisWidth, int basisLayers, int hyperWidth, int hyperDepth, long seed) {
        return initial(basisWidth, basisLayers, hyperWidth, hyperDepth, seed, Init.FAN_IN);
    }

    /**
     * A fresh model.
     *
     * @param basisWidth B (≥ 1)
     * @param basisLayers layers of f (≥ 1; the paper: 4)
     * @param hyperWidth H (≥ 1)
     * @param hyperDepth hidden layers of g (≥ 1; the paper: 3)
     * @param seed initialisation seed
     * @param init how both networks' parameters start (the hypernetwork's drawn first)
     * @return the model
     */
    public static FcIlr2d initial(int basisWidth, int basisLayers, int hyperWidth, int hyperDepth, long seed,
                                  Init init) {
        if (basisWidth < 1 || basisLayers < 1 || hyperWidth < 1 || hyperDepth < 1) {
            throw new IllegalArgumentException("FC + ILR needs widths and depths >= 1; got " + basisWidth + ", "
                    + basisLayers + ", " + hyperWidth + ", " + hyperDepth);
        }
        Mlp hyper = new Mlp(SourceBatch.widths(hyperWidth, hyperDepth, basisWidth + 1), Activation.GELU,
                Activation.IDENTITY, 0);
        Mlp basis = new Mlp(basisWidths(basisWidth, basisLayers), Activation.GELU, Activation.GELU, hyper.end());
        double[] p = new double[basis.end()];
        SplittableRandom rnd = new SplittableRandom(seed);
        init.apply(hyper, p, rnd);
        init.apply(basis, p, rnd);
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

    /** The basis network's layer widths: the 2 inputs (x, y), then the layers of width B. */
    private static int[] basisWidths(int width, int layers) {
        int[] w = new int[layers + 1];
        w[0] = 2;
        Arrays.fill(w, 1, layers + 1, width);
        return w;
    }

    /**
     * The memory a loss and gradient evaluation holds (bytes), the data set included, for an estimate before
     * training or evaluating.
     *
     * @param shape {B, basis layers, H, hyper depth}
     * @param samples samples of the set
     * @param sources sources per sample
     * @param points points of the set
     * @return bytes
     */
    public static double memoryBytes(int[] shape, int samples, int sources, int points) {
        int nb = shape[0];
        int[] bw = basisWidths(nb, shape[1]), hw = SourceBatch.widths(shape[2], shape[3], nb + 1);
        double s = samples, data = s * points * 3 + 4 * s * sources + 2.0 * points;
        // read-outs, their gradient and transpose; three residual matrices; the feature transposes
        double readOut = 3 * s * (nb + 1) + 3 * s * points + 2.0 * nb * points;
        return 8 * (data + readOut) + MlpBatch.bytes(bw, points, 2) + MlpBatch.bytes(hw, samples * sources, 0);
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

    /** f and its x, y tangents at every point of the set: the batch after its forward pass (rows: points). */
    private MlpBatch features(double[] p, Discs.DataSet d, WorkerPool pool) {
        MlpBatch f = featureBatch(d);
        f.forward(p, pool);
        return f;
    }

    /** @return the basis network's batch over the set's points, its inputs filled (reusable across forwards) */
    private MlpBatch featureBatch(Discs.DataSet d) {
        int np = d.points();
        MlpBatch f = new MlpBatch(basis, np, 2);
        double[] in = f.input();
        for (int q = 0; q < np; q++) {
            in[2 * q] = d.x()[q];
            in[2 * q + 1] = d.y()[q];
        }
        return f;
    }

    /**
     * What one evaluation of the loss over a data set needs, allocated once per training so that an epoch
     * allocates nothing that grows with the data (the batches' buffers are overwritten by each pass).
     */
    private final class Work {
        final Discs.DataSet data;
        final MlpBatch basisBatch, hyperBatch;
        final double[] a, ga, at, ft, gft, losses;
        final double[][] out;

        Work(Discs.DataSet d) {
            int nb = basis.outputs(), na = nb + 1, np = d.points(), ns = d.samples();
            data = d;
            basisBatch = featureBatch(d);
            hyperBatch = SourceBatch.batch(hyper, d);
            a = new double[ns * na];
            ga = new double[ns * na];
            at = new double[nb * ns];
            ft = new double[nb * np];
            gft = new double[nb * np];
            losses = new double[Math.min(CHUNKS, ns)];
            out = new double[3][ns * np];
        }
    }

    /**
     * The read-out over the features: {Σ_k a_k b_k, Σ_k a_k ∂b_k/∂x, Σ_k a_k ∂b_k/∂y} at every sample and point
     * (samples × points each; φ̂ adds the bias a_B, Ĥ is minus the other two). Three matrix products
     * (samples × B)·(B × points) with the features transposed to B × points.
     */
    private double[][] readOut(double[] a, double[][] f, int ns, int np, WorkerPool pool) {
        int nb = basis.outputs();
        return readOut(a, f, ns, np, new double[nb * np], new double[3][ns * np], pool);
    }

    /** {@link #readOut} into out (3 × samples × points, replaced), ft the features' transpose's work space. */
    private double[][] readOut(double[] a, double[][] f, int ns, int np, double[] ft, double[][] out,
                               WorkerPool pool) {
        int nb = basis.outputs();
        for (int c = 0; c < 3; c++) {
            Gemm.transpose(np, nb, f[c], 0, nb, ft);
            Gemm.multiply(ns, np, nb, a, 0, nb + 1, ft, 0, np, out[c], 0, np, false, pool);
        }
        return out;
    }

    /**
     * The loss over a data set and, if grad is not null, its gradient (replacing grad's contents).
     *
     * <p>With A the samples' read-outs (samples × (B + 1)) and F_c the basis values and tangents (points × B): the
     * forward pass is R_c = A·F_cᵀ; the residuals' slopes G_c (∂loss/∂R_c) give ∂loss/∂A = Σ_c G_c·F_c (and the
     * bias column Σ_q G_0) and ∂loss/∂F_cᵀ = Aᵀ·G_c, all as {@link Gemm} products; the hypernetwork and the basis
     * network then back-propagate per sample and per point.
     *
     * @param d the data set
     * @param p parameters
     * @param grad the gradient, or null
     * @param pool threads
     * @return the loss
     */
    public double loss(Discs.DataSet d, double[] p, double[] grad, WorkerPool pool) {
        return loss(new Work(d), p, grad, pool);
    }

    /**
     * {@link #loss} over one data set as a reusable function: its work space (the batches, the read-outs and their
     * gradients) is allocated here once, so that each evaluation allocates nothing that grows with the data. One
     * caller at a time.
     *
     * @param d the data set
     * @param pool threads
     * @return the loss function
     */
    public Loss lossOver(Discs.DataSet d, WorkerPool pool) {
        Work w = new Work(d);
        return (p, grad) -> loss(w, p, grad, pool);
    }

    private double loss(Work w, double[] p, double[] grad, WorkerPool pool) {
        Discs.DataSet d = w.data;
        int nb = basis.outputs(), na = nb + 1, np = d.points(), ns = d.samples();
        int chunks = w.losses.length;
        MlpBatch basisBatch = w.basisBatch, hyperBatch = w.hyperBatch;
        basisBatch.forward(p, pool);
        hyperBatch.forward(p, pool);
        double[][] f = {basisBatch.output(), basisBatch.outputTangent(0), basisBatch.outputTangent(1)};
        double[] a = SourceBatch.summed(hyperBatch, d, na, w.a);
        double[][] r = readOut(a, f, ns, np, w.ft, w.out, pool);
        double nPhi = (double) ns * np, nH = 2 * nPhi;
        double[] losses = w.losses;
        boolean wantGrad = grad != null;
        // residuals: the loss by fixed chunks (the same sum on any thread count), r replaced by ∂loss/∂r
        pool.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                double total = 0;
                double[] r0 = r[0], r1 = r[1], r2 = r[2], phi = d.phi(), hx = d.hx(), hy = d.hy();
                for (int n = (int) ((long) ns * c / chunks); n < (int) ((long) ns * (c + 1) / chunks); n++) {
                    double bias = a[n * na + nb];
                    for (int i = n * np; i < (n + 1) * np; i++) {
                        double e = r0[i] + bias - phi[i], ex = -r1[i] - hx[i], ey = -r2[i] - hy[i];
                        total += Linear2d.huber(e) / nPhi + (Linear2d.huber(ex) + Linear2d.huber(ey)) / nH;
                        if (wantGrad) {
                            r0[i] = Linear2d.slope(e) / nPhi;
                            r1[i] = -Linear2d.slope(ex) / nH;
                            r2[i] = -Linear2d.slope(ey) / nH;
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
        // ∂loss/∂A: Σ_c G_c·F_c, and the bias column
        double[] ga = w.ga;
        for (int c = 0; c < 3; c++) {
            Gemm.multiply(ns, nb, np, r[c], 0, np, f[c], 0, nb, ga, 0, na, c > 0, pool);
        }
        for (int n = 0; n < ns; n++) {
            double s = 0;
            for (int q = 0; q < np; q++) {
                s += r[0][n * np + q];
            }
            ga[n * na + nb] = s;
        }
        // the hypernetwork: every source of a sample gets the sample's ∂loss/∂A
        SourceBatch.spread(ga, na, d, hyperBatch);
        hyperBatch.backward(p, grad, pool);
        // ∂loss/∂F_c (points × B): (Aᵀ·G_c)ᵀ
        double[] at = w.at, gft = w.gft;
        Gemm.transpose(ns, nb, a, 0, na, at);
        double[][] gf = {basisBatch.outputGradient(), basisBatch.outputTangentGradient(0),
            basisBatch.outputTangentGradient(1)};
        for (int c = 0; c < 3; c++) {
            Gemm.multiply(nb, np, ns, at, 0, ns, r[c], 0, np, gft, 0, np, false, pool);
            Gemm.transpose(nb, np, gft, 0, np, gf[c]);
        }
        // the basis: back through its values and tangents at every point
        basisBatch.backward(p, grad, pool);
        return total;
    }

    @Override
    public void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy) {
        predict(d, phi, hx, hy, WorkerPool.shared());
    }

    @Override
    public void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy, WorkerPool pool) {
        int nb = basis.outputs(), na = nb + 1, np = d.points(), ns = d.samples();
        MlpBatch f = features(params, d, pool);
        double[] a = SourceBatch.summed(SourceBatch.forward(hyper, params, d, pool), d, na);
        double[][] r = readOut(a, new double[][] {f.output(), f.outputTangent(0), f.outputTangent(1)}, ns, np, pool);
        for (int i = 0; i < ns * np; i++) {
            phi[i] = r[0][i] + a[i / np * na + nb];
            hx[i] = -r[1][i];
            hy[i] = -r[2][i];
        }
    }

    /**
     * The errors this model's basis allows on a data set: each sample's read-out the least-squares fit, over the
     * basis at the set's points, of φ and H together (the mean-square part of the loss), instead of the
     * hypernetwork's. The model's own errors minus these are the hypernetwork's share. The fit is made on the points
     * it is scored on (B + 1 unknowns against 3 × points equations): a slightly optimistic bound.
     *
     * @param d the data set
     * @return the errors with the best read-outs
     */
    public Metrics2d.Errors bestReadOutErrors(Discs.DataSet d) {
        WorkerPool pool = WorkerPool.shared();
        int nb = basis.outputs(), na = nb + 1, np = d.points(), ns = d.samples();
        MlpBatch f = features(params, d, pool);
        // the design matrix, 3 points × (B + 1): rows of φ ([b, 1]), of H_x (−∂b/∂x, 0) and of H_y
        DMatrixRMaj x = new DMatrixRMaj(3 * np, na);
        for (int q = 0; q < np; q++) {
            for (int k = 0; k < nb; k++) {
                x.set(q, k, f.output()[q * nb + k]);
                x.set(np + q, k, -f.outputTangent(0)[q * nb + k]);
                x.set(2 * np + q, k, -f.outputTangent(1)[q * nb + k]);
            }
            x.set(q, nb, 1);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(x.copy())) {
            throw new IllegalStateException("the basis's design matrix could not be factored");
        }
        double[] phi = new double[ns * np], hx = new double[ns * np], hy = new double[ns * np];
        DMatrixRMaj y = new DMatrixRMaj(3 * np, 1), c = new DMatrixRMaj(na, 1), fit = new DMatrixRMaj(3 * np, 1);
        for (int n = 0; n < ns; n++) {
            for (int q = 0; q < np; q++) {
                int i = n * np + q;
                y.set(q, 0, d.phi()[i]);
                y.set(np + q, 0, d.hx()[i]);
                y.set(2 * np + q, 0, d.hy()[i]);
            }
            solver.solve(y, c);
            CommonOps_DDRM.mult(x, c, fit);
            for (int q = 0; q < np; q++) {
                phi[n * np + q] = fit.get(q, 0);
                hx[n * np + q] = fit.get(np + q, 0);
                hy[n * np + q] = fit.get(2 * np + q, 0);
            }
        }
        return Metrics2d.of(d, phi, hx, hy);
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
    public FcIlr2d train(Discs.DataSet d, Schedule schedule, WorkerPool pool, Consumer<String> progress) {
        return new FcIlr2d(hyper, basis, AdamTraining.adam(params, schedule, d, b -> lossOver(b, pool), name(),
                progress));
    }
}
