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
    private final ThreadLocal<double[][]> coefficientRefs = ThreadLocal.withInitial(() -> new double[3][]);
    private VectorField currentM, currentH;
    private final WorkerPool.RangeTask accumulateTask = this::accumulate;
    private final WorkerPool.RangeTask evaluateTask = this::evaluate;

    FarFieldPhaseSums(FarFieldSources s, WorkerPool pool) {
        this.s = s;
        this.pool = pool;
        ax = s.model.ax;
        ay = s.model.ay;
        kx = ax.modes;
        ky = ay.modes;
        size = s.size;
        chunks = Math.max(1, Math.min(s.n, 4 * pool.threads()));
        partialA = s.useA ? new double[chunks][12 * size] : null;
        partialB = s.useB ? new double[chunks][12 * size] : null;
        sumA = s.useA ? new double[12 * size] : null;
        sumB = s.useB ? new double[12 * size] : null;
        int mx = Math.max(kx, ky) + 1;
        work = ThreadLocal.withInitial(() -> new double[][] {new double[mx], new double[mx], new double[mx],
            new double[mx], new double[size], new double[size], new double[size]});
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
     * Layout: 12 numbers per basis index l, {x, y, z} × {cos cos, cos sin, sin cos, sin sin} of the source's phases.
     * B: V_j M_j ⊙ phases; A: V_j g_j ⊙ M_j ⊙ phases.
     */
    private void accumulate(int fromChunk, int toChunk) {
        double[][] t = work.get();
        double[] cxv = t[0], sxv = t[1], cyv = t[2], syv = t[3];
        double[][] g = coefficientRefs.get();
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
                    addPhases(b, vx, vy, vz, null, cxv, sxv, cyv, syv);
                }
                if (a != null) {
                    addPhases(a, vx, vy, vz, s.coefficients(j, t[4], t[5], t[6], g), cxv, sxv, cyv, syv);
                }
            }
        }
    }

    /** Adds q ⊙ phases (times the coefficients g when given) into the 12-per-l sums. */
    private void addPhases(double[] sum, double qx, double qy, double qz, double[][] g, double[] cxv, double[] sxv,
                           double[] cyv, double[] syv) {
        for (int m = 0, l = 0; m <= kx; m++) {
            double cm = cxv[m], sm = sxv[m];
            for (int nn = 0; nn <= ky; nn++, l++) {
                double cc = cm * cyv[nn], cs = cm * syv[nn], sc = sm * cyv[nn], ss = sm * syv[nn];
                double gx = qx, gy = qy, gz = qz;
                if (g != null) {
                    gx *= g[0][l];
                    gy *= g[1][l];
                    gz *= g[2][l];
                }
                int o = 12 * l;
                sum[o] += gx * cc;
                sum[o + 1] += gx * cs;
                sum[o + 2] += gx * sc;
                sum[o + 3] += gx * ss;
                sum[o + 4] += gy * cc;
                sum[o + 5] += gy * cs;
                sum[o + 6] += gy * sc;
                sum[o + 7] += gy * ss;
                sum[o + 8] += gz * cc;
                sum[o + 9] += gz * cs;
                sum[o + 10] += gz * sc;
                sum[o + 11] += gz * ss;
            }
        }
    }

    /**
     * The field at targets: per basis index, T = wB g_target ⊙ B + wA A, contracted with the target's phases and
     * wavenumbers. Among domains of one size wB = 1, wA = 0; among domains of mixed sizes wB = wA = ½ (reciprocal);
     * at points from mixed sizes wB = 0, wA = 1.
     */
    private void evaluate(int from, int to) {
        double[][] t = work.get();
        double[] cxv = t[0], sxv = t[1], cyv = t[2], syv = t[3];
        double[][] g = coefficientRefs.get();
        double wB = s.weightB(), wA = s.weightA();
        double[] zero = t[4];
        if (!s.useB) {
            Arrays.fill(zero, 0);
        }
        for (int i = from; i < to; i++) {
            double hx = 0, hy = 0, hz = 0;
            ax.trig(s.tx[i], cxv, sxv);
            ay.trig(s.ty[i], cyv, syv);
            double[] gxv = zero, gyv = zero, gzv = zero, sb = sumA;
            if (s.useB) {
                s.coefficients(s.reciprocal ? i : 0, t[4], t[5], t[6], g);
                gxv = g[0];
                gyv = g[1];
                gzv = g[2];
                sb = sumB;
            }
            for (int m = 0, l = 0; m <= kx; m++) {
                double cm = cxv[m], sm = sxv[m], wm = ax.w(m);
                for (int nn = 0; nn <= ky; nn++, l++) {
                    double cn = cyv[nn], sn = syv[nn], wn = ay.w(nn);
                    double cc = cm * cn, cs = cm * sn, sc = sm * cn, ss = sm * sn;
                    int o = 12 * l;
                    double fx = wB * gxv[l], fy = wB * gyv[l], fz = wB * gzv[l];
                    double xcc = fx * sb[o], xcs = fx * sb[o + 1], xsc = fx * sb[o + 2], xss = fx * sb[o + 3];
                    double ycc = fy * sb[o + 4], ycs = fy * sb[o + 5], ysc = fy * sb[o + 6], yss = fy * sb[o + 7];
                    double zcc = fz * sb[o + 8], zcs = fz * sb[o + 9], zsc = fz * sb[o + 10], zss = fz * sb[o + 11];
                    if (s.useA) {
                        xcc += wA * sumA[o];
                        xcs += wA * sumA[o + 1];
                        xsc += wA * sumA[o + 2];
                        xss += wA * sumA[o + 3];
                        ycc += wA * sumA[o + 4];
                        ycs += wA * sumA[o + 5];
                        ysc += wA * sumA[o + 6];
                        yss += wA * sumA[o + 7];
                        zcc += wA * sumA[o + 8];
                        zcs += wA * sumA[o + 9];
                        zsc += wA * sumA[o + 10];
                        zss += wA * sumA[o + 11];
                    }
                    // E1 = Σ cos(X − x) cos(Y − y) q, E2 = −Σ sin(X − x) sin(Y − y) q
                    double e1x = cc * xcc + cs * xcs + sc * xsc + ss * xss;
                    double e2x = -ss * xcc + sc * xcs + cs * xsc - cc * xss;
                    double e1y = cc * ycc + cs * ycs + sc * ysc + ss * yss;
                    double e2y = -ss * ycc + sc * ycs + cs * ysc - cc * yss;
                    double e1z = cc * zcc + cs * zcs + sc * zsc + ss * zss;
                    hx -= wm * (e1x + e2y);
                    hy -= wn * (e2x + e1y);
                    hz -= e1z;
                }
            }
            currentH.x[i] += hx;
            currentH.y[i] += hy;
            currentH.z[i] += hz;
        }
    }
}
