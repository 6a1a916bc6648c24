package org.hypermag.surrogate;

import java.util.Arrays;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The far field of a {@link FarFieldSurrogate} by explicit phase sums, O((M + N)·L) per evaluation: the sources'
 * contributions are summed per basis function in fixed chunks (so the result does not depend on the thread count),
 * then contracted with each target's phases and wavenumbers. The alternative for large films is
 * {@link FarFieldSpectral} (non-uniform FFTs). Owns its work space; allocates nothing per evaluation; not
 * thread-safe.
 */
final class FarFieldPhaseSums {
    private final FarFieldSources s;
    private final HarmonicAxis ax, ay;
    private final int kx, ky, size;
    private final WorkerPool pool;
    private final int chunks;
    private final double[][] partialA, partialB;
    private final double[] sumA, sumB;
    private final ThreadLocal<double[][]> work;
    private final ThreadLocal<double[][]> coefficientBuffers;
    private final ThreadLocal<double[][]> coefficientRefs = ThreadLocal.withInitial(() -> new double[4][]);
    private VectorField currentM, currentH;
    private final WorkerPool.RangeTask accumulateTask = this::accumulate;
    private final WorkerPool.RangeTask evaluateTask = this::evaluate;

    /** Numbers per basis index of the sums: B, 3 components × 4 phases; A, 5 products × 4 phases. */
    static final int B_STRIDE = 12, A_STRIDE = 20;

    FarFieldPhaseSums(FarFieldSources s, WorkerPool pool) {
        this.s = s;
        this.pool = pool;
        ax = s.model.ax;
        ay = s.model.ay;
        kx = ax.modes;
        ky = ay.modes;
        size = s.size;
        chunks = Math.max(1, Math.min(s.n, 4 * pool.threads()));
        partialA = s.useA ? new double[chunks][A_STRIDE * size] : null;
        partialB = s.useB ? new double[chunks][B_STRIDE * size] : null;
        sumA = s.useA ? new double[A_STRIDE * size] : null;
        sumB = s.useB ? new double[B_STRIDE * size] : null;
        int mx = Math.max(kx, ky) + 1;
        work = ThreadLocal.withInitial(() -> new double[][] {new double[mx], new double[mx], new double[mx],
            new double[mx], new double[size]});
        coefficientBuffers = ThreadLocal.withInitial(s::buffers);
    }

    /**
     * Adds the far field of all sources at every target.
     *
     * @param m the sources' magnetisation (A/m)
     * @param h receives the field (A/m)
     */
    void addField(VectorField m, VectorField h) {
        currentM = m;
        currentH = h;
        try {
            pool.forRange(chunks, 1, accumulateTask);
            if (s.useB) {
                reduce(partialB, sumB);
            }
            if (s.useA) {
                reduce(partialA, sumA);
            }
            pool.forRange(s.nt, 32, evaluateTask);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    private static void reduce(double[][] partial, double[] sum) {
        Arrays.fill(sum, 0);
        for (double[] p : partial) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] += p[k];
            }
        }
    }

    /**
     * Sums the sources' contributions chunk by chunk (fixed chunks, so the result does not depend on the threads).
     * B, 12 numbers per basis index l: {x, y, z} × {cos cos, cos sin, sin cos, sin sin} of V_j M_j ⊙ phases(c_j).
     * A, 20 numbers per l: the products a^xx M_x, a^xy M_y, a^xy M_x, a^yy M_y, a^zz M_z of each source's own
     * coefficients, times V_j and the four phases.
     */
    private void accumulate(int fromChunk, int toChunk) {
        double[][] t = work.get();
        double[] cxv = t[0], sxv = t[1], cyv = t[2], syv = t[3];
        double[][] g = coefficientRefs.get(), buffers = coefficientBuffers.get();
        int n = s.n;
        for (int chunk = fromChunk; chunk < toChunk; chunk++) {
            double[] b = s.useB ? partialB[chunk] : null;
            double[] a = s.useA ? partialA[chunk] : null;
            if (b != null) {
                Arrays.fill(b, 0);
            }
            if (a != null) {
                Arrays.fill(a, 0);
            }
            int from = (int) ((long) n * chunk / chunks), to = (int) ((long) n * (chunk + 1) / chunks);
            for (int j = from; j < to; j++) {
                ax.trig(s.px[j], cxv, sxv);
                ay.trig(s.py[j], cyv, syv);
                double v = s.volume[j];
                double vx = v * currentM.x[j], vy = v * currentM.y[j], vz = v * currentM.z[j];
                if (b != null) {
                    addPhases(b, vx, vy, vz, cxv, sxv, cyv, syv);
                }
                if (a != null) {
                    addProducts(a, vx, vy, vz, s.coefficients(j, buffers, g), cxv, sxv, cyv, syv);
                }
            }
        }
    }

    /** Adds q ⊙ phases into the 12-per-l sums. */
    private void addPhases(double[] sum, double qx, double qy, double qz, double[] cxv, double[] sxv,
                           double[] cyv, double[] syv) {
        for (int m = 0, l = 0; m <= kx; m++) {
            double cm = cxv[m], sm = sxv[m];
            for (int nn = 0; nn <= ky; nn++, l++) {
                double cc = cm * cyv[nn], cs = cm * syv[nn], sc = sm * cyv[nn], ss = sm * syv[nn];
                int o = B_STRIDE * l;
                put4(sum, o, qx, cc, cs, sc, ss);
                put4(sum, o + 4, qy, cc, cs, sc, ss);
                put4(sum, o + 8, qz, cc, cs, sc, ss);
            }
        }
    }

    /** Adds the five coefficient products ⊙ phases into the 20-per-l sums. */
    private void addProducts(double[] sum, double qx, double qy, double qz, double[][] g, double[] cxv,
                             double[] sxv, double[] cyv, double[] syv) {
        double[] gxx = g[0], gyy = g[1], gxy = g[2], gzz = g[3];
        for (int m = 0, l = 0; m <= kx; m++) {
            double cm = cxv[m], sm = sxv[m];
            for (int nn = 0; nn <= ky; nn++, l++) {
                double cc = cm * cyv[nn], cs = cm * syv[nn], sc = sm * cyv[nn], ss = sm * syv[nn];
                int o = A_STRIDE * l;
                put4(sum, o, gxx[l] * qx, cc, cs, sc, ss);
                put4(sum, o + 4, gxy[l] * qy, cc, cs, sc, ss);
                put4(sum, o + 8, gxy[l] * qx, cc, cs, sc, ss);
                put4(sum, o + 12, gyy[l] * qy, cc, cs, sc, ss);
                put4(sum, o + 16, gzz[l] * qz, cc, cs, sc, ss);
            }
        }
    }

    private static void put4(double[] sum, int o, double q, double cc, double cs, double sc, double ss) {
        sum[o] += q * cc;
        sum[o + 1] += q * cs;
        sum[o + 2] += q * sc;
        sum[o + 3] += q * ss;
    }

    /** E1 = Σ cos(X − x) cos(Y − y) q from the four phase sums at o and the target's phases. */
    private static double e1(double[] q, int o, double cc, double cs, double sc, double ss) {
        return cc * q[o] + cs * q[o + 1] + sc * q[o + 2] + ss * q[o + 3];
    }

    /** E2 = −Σ sin(X − x) sin(Y − y) q. */
    private static double e2(double[] q, int o, double cc, double cs, double sc, double ss) {
        return -ss * q[o] + sc * q[o + 1] + cs * q[o + 2] - cc * q[o + 3];
    }

    /**
     * The field at targets. H_x = −Σ_j [N_xx(d) M_x + N_xy(d) M_y] over the sources, d = r_i − c_j, with the tensor's
     * series: per basis index, the target's own coefficients times the B sums (weight wB) plus the A sums (weight
     * wA). Among domains of one size wB = 1, wA = 0; among domains of mixed sizes wB = wA = ½ (reciprocal); at points
     * from mixed sizes wB = 0, wA = 1.
     */
    private void evaluate(int from, int to) {
        double[][] t = work.get();
        double[] cxv = t[0], sxv = t[1], cyv = t[2], syv = t[3];
        double[][] g = coefficientRefs.get(), buffers = coefficientBuffers.get();
        double wB = s.weightB(), wA = s.weightA();
        for (int i = from; i < to; i++) {
            double hx = 0, hy = 0, hz = 0;
            ax.trig(s.tx[i], cxv, sxv);
            ay.trig(s.ty[i], cyv, syv);
            if (s.useB) {
                s.coefficients(s.reciprocal ? i : 0, buffers, g);
            }
            double[] gxx = g[0], gyy = g[1], gxy = g[2], gzz = g[3];
            for (int m = 0, l = 0; m <= kx; m++) {
                double cm = cxv[m], sm = sxv[m];
                for (int nn = 0; nn <= ky; nn++, l++) {
                    double cn = cyv[nn], sn = syv[nn];
                    double cc = cm * cn, cs = cm * sn, sc = sm * cn, ss = sm * sn;
                    if (s.useB) {
                        int o = B_STRIDE * l;
                        double e1x = e1(sumB, o, cc, cs, sc, ss), e2x = e2(sumB, o, cc, cs, sc, ss);
                        double e1y = e1(sumB, o + 4, cc, cs, sc, ss), e2y = e2(sumB, o + 4, cc, cs, sc, ss);
                        double e1z = e1(sumB, o + 8, cc, cs, sc, ss);
                        hx -= wB * (gxx[l] * e1x - gxy[l] * e2y);
                        hy -= wB * (gyy[l] * e1y - gxy[l] * e2x);
                        hz -= wB * gzz[l] * e1z;
                    }
                    if (s.useA) {
                        int o = A_STRIDE * l;
                        hx -= wA * (e1(sumA, o, cc, cs, sc, ss) - e2(sumA, o + 4, cc, cs, sc, ss));
                        hy -= wA * (e1(sumA, o + 12, cc, cs, sc, ss) - e2(sumA, o + 8, cc, cs, sc, ss));
                        hz -= wA * e1(sumA, o + 16, cc, cs, sc, ss);
                    }
                }
            }
            currentH.x[i] += hx;
            currentH.y[i] += hy;
            currentH.z[i] += hz;
        }
    }
}
