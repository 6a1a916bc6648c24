package org.hypermag.surrogate.paper2d;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.nn.Activation;
import org.hypermag.surrogate.nn.Mlp;

/**
 * FOURIER of the paper on its 2-D protocol (Eq. 11; the authors' {@code hyper_fourier.py}): a hypernetwork g, an MLP
 * 4 → W → … → W → 4N² with gelu, maps a source's (m_x, m_y, c_x, c_y) to the coefficients of a Fourier basis in
 * (x, y); the coefficients of all sources are summed (Eq. 5) and
 * φ̂(r) = Σ_ij a^cc_ij cos(k_i x) cos(k_j y) + a^sc_ij sin(k_i x) cos(k_j y) + a^cs_ij cos(k_i x) sin(k_j y)
 * + a^ss_ij sin(k_i x) sin(k_j y), Ĥ = −∇φ̂ analytically. Wavenumbers k_0 = 0 and k_1..k_{N−1} =
 * 10^linspace(b_0, b_1, N − 1) with trainable bounds b, initially (−2.9, 0.75). The loss is the authors' (mean Huber of
 * φ̂ − φ plus mean Huber of Ĥ − H, δ = 1); its gradient, through the basis, the wavenumber bounds and the hypernetwork,
 * is exact ({@code Fourier2dTest} checks it against finite differences). Full-batch Adam, one step per epoch.
 *
 * <p>Departures: the weights start Glorot-uniform ({@link Mlp#initialise}), not equinox's LeCun-uniform; sizes and
 * schedules are the caller's (the paper's N = 32, width 1 024 and 25 000 epochs need a GPU; docs/paper-models.md).
 * Parameters: the hypernetwork's (its layout), then b_0, b_1. Immutable.
 */
public final class Fourier2d implements Model2d {
    /** The initial wavenumber bounds (log10), as in hyper_fourier.py. */
    public static final double[] BOUNDS = {-2.9, 0.75};

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
     * @return the model
     */
    public static Fourier2d initial(int order, int width, int depth, long seed) {
        if (order < 2 || width < 1 || depth < 1) {
            throw new IllegalArgumentException("FOURIER needs order >= 2, width >= 1, depth >= 1; got " + order + ", "
                    + width + ", " + depth);
        }
        int[] widths = new int[depth + 2];
        widths[0] = 4;
        Arrays.fill(widths, 1, depth + 1, width);
        widths[depth + 1] = 4 * order * order;
        Mlp net = new Mlp(widths, Activation.GELU, Activation.IDENTITY, 0);
        double[] p = new double[net.parameterCount() + 2];
        net.initialise(p, new SplittableRandom(seed));
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

    /** Per-thread state: the network's workspace and the per-point vectors. */
    private final class Work {
        final Mlp.Workspace ws = net.workspace(0);
        final int n = order;
        final double[] a = new double[4 * n * n], ga = new double[4 * n * n];
        final double[] k = new double[n], dk0 = new double[n], dk1 = new double[n], gk = new double[n];
        final double[] cx = new double[n], sx = new double[n], cy = new double[n], sy = new double[n];
        final double[] pc = new double[n], ps = new double[n], qc = new double[n], qs = new double[n];
        final double[] ucy = new double[n], usy = new double[n], ey = new double[n];
        final double[] grad;

        Work(double[] grad) {
            this.grad = grad;
        }
    }

    /** Sums the hypernetwork's outputs over sample n's sources into w.a. */
    private void represent(double[] p, Discs.DataSet d, int n, Work w) {
        Arrays.fill(w.a, 0);
        for (int s = 0; s < d.sources(); s++) {
            net.forward(p, d.src(), 4 * (n * d.sources() + s), w.ws);
            double[] out = w.ws.output();
            for (int i = 0; i < w.a.length; i++) {
                w.a[i] += out[i];
            }
        }
    }

    /**
     * cos and sin of k_i x and k_i y at every point of a set, index q·N + i: the points are shared by all samples,
     * so an epoch evaluates them once rather than once per sample.
     */
    private record Trig(double[] cx, double[] sx, double[] cy, double[] sy) {
        static Trig of(double[] k, double[] xs, double[] ys) {
            int n = k.length, points = xs.length;
            double[] cx = new double[points * n], sx = new double[points * n], cy = new double[points * n],
                    sy = new double[points * n];
            for (int q = 0; q < points; q++) {
                for (int i = 0; i < n; i++) {
                    cx[q * n + i] = Math.cos(k[i] * xs[q]);
                    sx[q * n + i] = Math.sin(k[i] * xs[q]);
                    cy[q * n + i] = Math.cos(k[i] * ys[q]);
                    sy[q * n + i] = Math.sin(k[i] * ys[q]);
                }
            }
            return new Trig(cx, sx, cy, sy);
        }
    }

    /**
     * φ̂, Ĥ at point q from w.a (and the row sums the gradient reuses).
     *
     * @return {φ̂, Ĥx, Ĥy}
     */
    private double[] point(int q, Trig trig, Work w, double[] out) {
        int n = order, nn = n * n;
        double[] a = w.a, k = w.k;
        System.arraycopy(trig.cx(), q * n, w.cx, 0, n);
        System.arraycopy(trig.sx(), q * n, w.sx, 0, n);
        System.arraycopy(trig.cy(), q * n, w.cy, 0, n);
        System.arraycopy(trig.sy(), q * n, w.sy, 0, n);
        double phi = 0, hx = 0, hy = 0;
        for (int i = 0; i < n; i++) {
            double pcc = 0, pcs = 0, psc = 0, pss = 0, qcc = 0, qsc = 0, qcs = 0, qss = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double acc = a[row + j], asc = a[nn + row + j], acs = a[2 * nn + row + j], ass = a[3 * nn + row + j];
                double cyj = w.cy[j], syj = w.sy[j], kcy = k[j] * cyj, ksy = k[j] * syj;
                pcc += acc * cyj;
                psc += asc * cyj;
                pcs += acs * syj;
                pss += ass * syj;
                qcc += acc * ksy;
                qsc += asc * ksy;
                qcs += acs * kcy;
                qss += ass * kcy;
            }
            w.pc[i] = pcc + pcs;
            w.ps[i] = psc + pss;
            w.qc[i] = qcc - qcs;
            w.qs[i] = qsc - qss;
            phi += w.cx[i] * w.pc[i] + w.sx[i] * w.ps[i];
            hx += k[i] * (w.sx[i] * w.pc[i] - w.cx[i] * w.ps[i]);
            hy += w.cx[i] * w.qc[i] + w.sx[i] * w.qs[i];
        }
        out[0] = phi;
        out[1] = hx;
        out[2] = hy;
        return out;
    }

    /**
     * Adds the gradient of gφ·φ̂ + gx·Ĥx + gy·Ĥy at one point (after {@link #point}) with respect to the summed
     * coefficients (into w.ga) and the wavenumbers (into w.gk).
     */
    private void pointGradient(double x, double y, double gphi, double gx, double gy, Work w) {
        int n = order, nn = n * n;
        double[] a = w.a, ga = w.ga, k = w.k;
        Arrays.fill(w.ucy, 0);
        Arrays.fill(w.usy, 0);
        Arrays.fill(w.ey, 0);
        for (int i = 0; i < n; i++) {
            double cxi = w.cx[i], sxi = w.sx[i], ki = k[i];
            double ac = gphi * cxi + gx * ki * sxi, as = gphi * sxi - gx * ki * cxi;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double cyj = w.cy[j], syj = w.sy[j], kj = k[j];
                double gys = gy * kj * syj, gyc = gy * kj * cyj;
                ga[row + j] += ac * cyj + gys * cxi;
                ga[nn + row + j] += as * cyj + gys * sxi;
                ga[2 * nn + row + j] += ac * syj - gyc * cxi;
                ga[3 * nn + row + j] += as * syj - gyc * sxi;
                double acc = a[row + j], asc = a[nn + row + j], acs = a[2 * nn + row + j], ass = a[3 * nn + row + j];
                double ccs = acc * cxi + asc * sxi, csc = acs * cxi + ass * sxi;
                w.ucy[j] += gphi * ccs + gx * ki * (acc * sxi - asc * cxi) - gy * kj * csc;
                w.usy[j] += gphi * csc + gx * ki * (acs * sxi - ass * cxi) + gy * kj * ccs;
                w.ey[j] += ccs * syj - csc * cyj;
            }
        }
        for (int m = 0; m < n; m++) {
            // x side: through cos(k x), sin(k x) and the explicit k_i of Ĥx; y side likewise for Ĥy
            double dcx = gphi * w.pc[m] - gx * k[m] * w.ps[m] + w.qc[m] * gy;
            double dsx = gphi * w.ps[m] + gx * k[m] * w.pc[m] + w.qs[m] * gy;
            double ex = w.sx[m] * w.pc[m] - w.cx[m] * w.ps[m];
            w.gk[m] += -x * w.sx[m] * dcx + x * w.cx[m] * dsx + gx * ex
                    - y * w.sy[m] * w.ucy[m] + y * w.cy[m] * w.usy[m] + gy * w.ey[m];
        }
    }

    /**
     * The loss over a data set and, if grad is not null, its gradient (replacing grad's contents).
     *
     * @param d the data set
     * @param p parameters
     * @param grad the gradient, or null
     * @param pool threads (fixed chunks, summed in order: the result does not depend on the thread count)
     * @return the loss
     */
    public double loss(Discs.DataSet d, double[] p, double[] grad, WorkerPool pool) {
        int chunks = Math.max(1, Math.min(d.samples(), 32));
        double[] losses = new double[chunks];
        double[][] grads = new double[chunks][];
        double[] k = new double[order];
        wavenumbers(order, p[net.end()], p[net.end() + 1], k, new double[order], new double[order]);
        Trig trig = Trig.of(k, d.x(), d.y());
        pool.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                grads[c] = grad == null ? null : new double[p.length];
                Work w = new Work(grads[c]);
                wavenumbers(order, p[net.end()], p[net.end() + 1], w.k, w.dk0, w.dk1);
                int s0 = (int) ((long) d.samples() * c / chunks), s1 = (int) ((long) d.samples() * (c + 1) / chunks);
                losses[c] = chunk(d, p, s0, s1, trig, w);
            }
        });
        double total = 0;
        if (grad != null) {
            Arrays.fill(grad, 0);
        }
        for (int c = 0; c < chunks; c++) {
            total += losses[c];
            if (grad != null) {
                for (int i = 0; i < grad.length; i++) {
                    grad[i] += grads[c][i];
                }
            }
        }
        return total;
    }

    private double chunk(Discs.DataSet d, double[] p, int s0, int s1, Trig trig, Work w) {
        double nPhi = (double) d.samples() * d.points(), nH = 2 * nPhi, total = 0;
        double[] out = new double[3];
        for (int n = s0; n < s1; n++) {
            represent(p, d, n, w);
            if (w.grad != null) {
                Arrays.fill(w.ga, 0);
            }
            for (int q = 0; q < d.points(); q++) {
                int i = n * d.points() + q;
                double x = d.x()[q], y = d.y()[q];
                point(q, trig, w, out);
                double e = out[0] - d.phi()[i], ex = out[1] - d.hx()[i], ey = out[2] - d.hy()[i];
                total += Linear2d.huber(e) / nPhi + (Linear2d.huber(ex) + Linear2d.huber(ey)) / nH;
                if (w.grad != null) {
                    pointGradient(x, y, Linear2d.slope(e) / nPhi, Linear2d.slope(ex) / nH, Linear2d.slope(ey) / nH, w);
                }
            }
            if (w.grad != null) {
                // the summed coefficients' gradient reaches every source's network output
                for (int s = 0; s < d.sources(); s++) {
                    net.forward(p, d.src(), 4 * (n * d.sources() + s), w.ws);
                    System.arraycopy(w.ga, 0, w.ws.outputGradient(), 0, w.ga.length);
                    net.backward(p, w.ws, w.grad);
                }
            }
        }
        if (w.grad != null) {
            for (int m = 0; m < order; m++) {
                w.grad[net.end()] += w.gk[m] * w.dk0[m];
                w.grad[net.end() + 1] += w.gk[m] * w.dk1[m];
            }
        }
        return total;
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
        Work w = new Work(null);
        wavenumbers(order, params[net.end()], params[net.end() + 1], w.k, w.dk0, w.dk1);
        Trig trig = Trig.of(w.k, d.x(), d.y());
        double[] out = new double[3];
        for (int n = 0; n < d.samples(); n++) {
            represent(params, d, n, w);
            for (int q = 0; q < d.points(); q++) {
                point(q, trig, w, out);
                int i = n * d.points() + q;
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
    public Fourier2d train(Discs.DataSet d, Schedule schedule, WorkerPool pool, Consumer<String> progress) {
        return new Fourier2d(order, net, FullBatch.adam(params, schedule, (p, g) -> loss(d, p, g, pool), name(),
                progress));
    }
}
