package org.hypermag.surrogate;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The harmonic representation of one source's demagnetising kernel in the mid-plane of a thin film, exact in the far
 * zone only (inside the near radius the surrogate adds the exact coupling minus this kernel).
 *
 * <p>Tensor form: in the mid-plane N_xz = N_yz = 0 and the four other components are cosine and sine series in the
 * offset d, N_xx(d) = Σ a^xx_mn cos(w_m d_x) cos(w_n d_y), N_yy and N_zz alike, and N_xy(d) = N_yx(d) = Σ a^xy_mn
 * sin(w_m d_x) sin(w_n d_y) (the kernel's parities: xx, yy, zz even in both axes, xy odd in both). One array serves
 * N_xy and N_yx and every component is even under d → −d, so the coupling between two domains is symmetric and the
 * surrogate field is the gradient of an energy whatever the coefficients.
 *
 * <p>Two constructions fill it: the least-squares fit ({@link #fitFolded}, {@link LatticeFit}) represents the in-plane
 * block as the Hessian of one scalar, N_ab = ∂_a ∂_b Ψ with Ψ = Σ ψ_mn cos cos ({@link #fromPotential}: a^xx =
 * −w_m² ψ, a^yy = −w_n² ψ, a^xy = w_m w_n ψ); the smeared kernel ({@link FarFieldSmeared}) gives the four series
 * directly by cosine and sine transforms.
 *
 * <p>Immutable.
 */
final class FarFieldKernel {
    /** Offsets per block of the normal-equation accumulation. */
    private static final int BLOCK = 512;

    final HarmonicAxis ax, ay;
    /** Coefficients at [m * (Ky + 1) + n]: a^xx, a^yy, a^zz (cos cos) and a^xy (sin sin). */
    final double[] xx, yy, zz, xy;
    /**
     * Between layers (a vertical offset): a^xz (sin in x, cos in y) and a^yz (cos sin), N_xz = N_zx and N_yz = N_zy
     * odd in one in-plane axis; null in a layer's own mid-plane, where they vanish.
     */
    final double[] xz, yz;

    /**
     * @param ax x harmonics
     * @param ay y harmonics
     * @param xx coefficients of N_xx (cos cos), (Kx + 1)(Ky + 1) of them
     * @param yy coefficients of N_yy (cos cos)
     * @param xy coefficients of N_xy = N_yx (sin sin)
     * @param zz coefficients of N_zz (cos cos)
     */
    FarFieldKernel(HarmonicAxis ax, HarmonicAxis ay, double[] xx, double[] yy, double[] xy, double[] zz) {
        this(ax, ay, xx, yy, xy, zz, null, null);
    }

    /**
     * A kernel between layers, with the xz and yz series too.
     *
     * @param ax x harmonics
     * @param ay y harmonics
     * @param xx coefficients of N_xx (cos cos)
     * @param yy coefficients of N_yy (cos cos)
     * @param xy coefficients of N_xy (sin sin)
     * @param zz coefficients of N_zz (cos cos)
     * @param xz coefficients of N_xz (sin cos), or null (zero)
     * @param yz coefficients of N_yz (cos sin), or null (zero)
     */
    FarFieldKernel(HarmonicAxis ax, HarmonicAxis ay, double[] xx, double[] yy, double[] xy, double[] zz, double[] xz,
                   double[] yz) {
        int size = (ax.modes + 1) * (ay.modes + 1);
        boolean offSized = xz == null ? yz == null : yz != null && xz.length == size && yz.length == size;
        if (xx.length != size || yy.length != size || xy.length != size || zz.length != size || !offSized) {
            throw new IllegalArgumentException("a kernel on " + (ax.modes + 1) + " x " + (ay.modes + 1)
                    + " harmonics needs " + size + " coefficients per component (xz and yz both or neither)");
        }
        this.ax = ax;
        this.ay = ay;
        this.xx = xx;
        this.yy = yy;
        this.xy = xy;
        this.zz = zz;
        this.xz = xz;
        this.yz = yz;
    }

    /** @return true if the kernel has xz and yz series (between layers) */
    boolean offPlane() {
        return xz != null;
    }

    /**
     * The kernel whose in-plane block is the Hessian of Ψ = Σ ψ_mn cos(w_m d_x) cos(w_n d_y).
     *
     * @param ax x harmonics
     * @param ay y harmonics
     * @param psi ψ per harmonic index (m (Ky + 1) + n)
     * @param cz coefficients of N_zz
     * @return the kernel in tensor form
     */
    static FarFieldKernel fromPotential(HarmonicAxis ax, HarmonicAxis ay, double[] psi, double[] cz) {
        int ny = ay.modes + 1;
        double[] xx = new double[psi.length], yy = new double[psi.length], xy = new double[psi.length];
        for (int l = 0; l < psi.length; l++) {
            double wm = ax.w(l / ny), wn = ay.w(l % ny);
            xx[l] = -wm * wm * psi[l];
            yy[l] = -wn * wn * psi[l];
            xy[l] = wm * wn * psi[l];
        }
        return new FarFieldKernel(ax, ay, xx, yy, xy, cz.clone());
    }

    /** The exact kernel to fit. */
    @FunctionalInterface
    interface ExactKernel {
        /**
         * @param dx offset x (m)
         * @param dy offset y (m)
         * @param out6 receives N_xx, N_yy, N_zz, N_xy, N_xz, N_yz
         */
        void tensor(double dx, double dy, double[] out6);
    }

    /**
     * Fits the coefficients to the exact kernel at the given offsets, each weighted 1: the in-plane block (xx, yy and
     * xy, the Frobenius norm of the residual) and the zz channel are separate least-squares problems. The kernel's
     * parities (N_xx, N_yy, N_zz even in x and y, N_xy odd in both) make the offsets (±dx, ±dy) equivalent, so the fit
     * folds them onto the first quadrant and evaluates the exact kernel once per distinct |offset|.
     *
     * @param ax x harmonics
     * @param ay y harmonics
     * @param offsets fit offsets {dx0, dy0, dx1, dy1, ...} (m), all outside the near radius
     * @param exact the exact kernel
     * @return the fitted kernel
     */
    static FarFieldKernel fit(HarmonicAxis ax, HarmonicAxis ay, double[] offsets, ExactKernel exact) {
        double[][] folded = fold(offsets);
        return fitFolded(ax, ay, folded[0], folded[1], folded[2], exact);
    }

    /**
     * {@link #fit} on offsets already folded onto the first quadrant, each with its multiplicity.
     *
     * @param ax x harmonics
     * @param ay y harmonics
     * @param qx |dx| of each offset (m)
     * @param qy |dy| of each offset (m)
     * @param weight how many offsets each stands for
     * @param exact the exact kernel
     * @return the fitted kernel
     */
    static FarFieldKernel fitFolded(HarmonicAxis ax, HarmonicAxis ay, double[] qx, double[] qy, double[] weight,
                                    ExactKernel exact) {
        int kx = ax.modes, ky = ay.modes, size = (kx + 1) * (ky + 1), ny1 = ky + 1;
        // Ψ: every (m, n) but (0, 0), which has no second derivatives; zz: every (m, n)
        int[] ip = new int[size - 1];
        for (int q = 0; q < ip.length; q++) {
            ip[q] = q + 1;
        }
        Normal np = new Normal(ip.length), nz = new Normal(size);
        double[] c = new double[kx + 1], s = new double[kx + 1], cyv = new double[ky + 1], syv = new double[ky + 1];
        double[] t = new double[6];
        double root2 = Math.sqrt(2);
        for (int from = 0; from < qx.length; from += BLOCK) {
            int to = Math.min(qx.length, from + BLOCK);
            np.start(3 * (to - from));
            nz.start(to - from);
            for (int p = from; p < to; p++) {
                double dx = qx[p], dy = qy[p], sw = Math.sqrt(weight[p]);
                exact.tensor(dx, dy, t);
                ax.trig(dx, c, s);
                ay.trig(dy, cyv, syv);
                // N_xx = −Σ ψ w_m² cos cos, N_yy = −Σ ψ w_n² cos cos, N_xy = Σ ψ w_m w_n sin sin (counted twice)
                double[] d = np.data();
                int oxx = np.row(t[0], sw), oyy = np.row(t[1], sw), oxy = np.row(t[3], sw * root2);
                for (int q = 0; q < ip.length; q++) {
                    int m = ip[q] / ny1, n = ip[q] % ny1;
                    double wm = ax.w(m), wn = ay.w(n), cc = c[m] * cyv[n];
                    d[oxx + q] = -sw * wm * wm * cc;
                    d[oyy + q] = -sw * wn * wn * cc;
                    d[oxy + q] = sw * root2 * wm * wn * s[m] * syv[n];
                }
                // N_zz = Σ c^z cos cos
                d = nz.data();
                int oz = nz.row(t[2], sw);
                for (int m = 0, l = 0; m <= kx; m++) {
                    for (int n = 0; n <= ky; n++, l++) {
                        d[oz + l] = sw * c[m] * cyv[n];
                    }
                }
            }
            np.add();
            nz.add();
        }
        double[] psi = new double[size], sol = np.solve();
        for (int q = 0; q < ip.length; q++) {
            psi[ip[q]] = sol[q];
        }
        return fromPotential(ax, ay, psi, nz.solve());
    }

    /** Folds offsets onto |dx|, |dy| and merges equal ones: {x[], y[], count[]}. */
    static double[][] fold(double[] offsets) {
        int n = offsets.length / 2;
        long[][] keys = new long[n][];
        for (int p = 0; p < n; p++) {
            keys[p] = new long[] {Double.doubleToLongBits(Math.abs(offsets[2 * p]) + 0.0),
                Double.doubleToLongBits(Math.abs(offsets[2 * p + 1]) + 0.0)};
        }
        Arrays.sort(keys, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        double[] x = new double[n], y = new double[n], w = new double[n];
        int k = -1;
        for (int p = 0; p < n; p++) {
            if (k >= 0 && keys[p][0] == keys[p - 1][0] && keys[p][1] == keys[p - 1][1]) {
                w[k]++;
            } else {
                k++;
                x[k] = Double.longBitsToDouble(keys[p][0]);
                y[k] = Double.longBitsToDouble(keys[p][1]);
                w[k] = 1;
            }
        }
        return new double[][] {Arrays.copyOf(x, k + 1), Arrays.copyOf(y, k + 1), Arrays.copyOf(w, k + 1)};
    }

    /** Normal equations G = AᵀA, b = Aᵀt accumulated block by block with dense products. */
    private static final class Normal {
        private final int unknowns;
        private final DMatrixRMaj g, b;
        private DMatrixRMaj a, t;
        private int rows;

        Normal(int unknowns) {
            this.unknowns = unknowns;
            g = new DMatrixRMaj(unknowns, unknowns);
            b = new DMatrixRMaj(unknowns, 1);
        }

        void start(int maxRows) {
            if (a == null || a.numRows < maxRows) {
                a = new DMatrixRMaj(maxRows, unknowns);
                t = new DMatrixRMaj(maxRows, 1);
            }
            a.zero();
            t.zero();
            rows = 0;
        }

        /** Appends a row with target sw · value; @return the offset of its entries in {@link #data()} */
        int row(double value, double sw) {
            t.data[rows] = sw * value;
            return unknowns * rows++;
        }

        double[] data() {
            return a.data;
        }

        void add() {
            if (unknowns == 0 || rows == 0) {
                return;
            }
            DMatrixRMaj used = rows == a.numRows ? a : CommonOps_DDRM.extract(a, 0, rows, 0, unknowns);
            DMatrixRMaj tu = rows == t.numRows ? t : CommonOps_DDRM.extract(t, 0, rows, 0, 1);
            CommonOps_DDRM.multAddTransA(used, used, g);
            CommonOps_DDRM.multAddTransA(used, tu, b);
        }

        double[] solve() {
            int n = unknowns;
            if (n == 0) {
                return new double[0];
            }
            double trace = 0;
            for (int i = 0; i < n; i++) {
                trace += g.get(i, i);
            }
            DMatrixRMaj m = g.copy(), x = new DMatrixRMaj(n, 1);
            double ridge = 1e-12 * trace / n;
            for (int i = 0; i < n; i++) {
                m.add(i, i, ridge);
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
            if (solver.setA(m)) {
                solver.solve(b.copy(), x);
            } else {
                // not positive definite (degenerate offsets): least squares by QR with column pivoting
                LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
                qr.setA(g.copy());
                qr.solve(b.copy(), x);
            }
            return x.data.clone();
        }
    }

    /**
     * The kernel with its coefficients scaled and summed: Σ_k weights[k] · kernels[k] (all on the same harmonics).
     *
     * @param kernels kernels on one pair of axes
     * @param weights their weights
     * @return the combination
     */
    static FarFieldKernel combine(FarFieldKernel[] kernels, double[] weights) {
        int size = kernels[0].xx.length;
        boolean off = kernels[0].offPlane();
        double[] a = new double[size], b = new double[size], c = new double[size], d = new double[size];
        double[] e = off ? new double[size] : null, f = off ? new double[size] : null;
        for (int k = 0; k < kernels.length; k++) {
            double w = weights[k];
            FarFieldKernel q = kernels[k];
            for (int l = 0; l < size; l++) {
                a[l] += w * q.xx[l];
                b[l] += w * q.yy[l];
                c[l] += w * q.xy[l];
                d[l] += w * q.zz[l];
            }
            if (off) {
                for (int l = 0; l < size; l++) {
                    e[l] += w * q.xz[l];
                    f[l] += w * q.yz[l];
                }
            }
        }
        return new FarFieldKernel(kernels[0].ax, kernels[0].ay, a, b, c, d, e, f);
    }

    /**
     * The coefficients in field units, for comparing kernels: a^xx, a^yy, a^xy and a^zz one after the other.
     *
     * @return 4L numbers
     */
    double[] fieldWeighted() {
        int l = xx.length;
        double[] out = new double[(offPlane() ? 6 : 4) * l];
        System.arraycopy(xx, 0, out, 0, l);
        System.arraycopy(yy, 0, out, l, l);
        System.arraycopy(xy, 0, out, 2 * l, l);
        System.arraycopy(zz, 0, out, 3 * l, l);
        if (offPlane()) {
            System.arraycopy(xz, 0, out, 4 * l, l);
            System.arraycopy(yz, 0, out, 5 * l, l);
        }
        return out;
    }

    /**
     * The surrogate's own tensor at an in-plane offset in the five mid-plane components: out = {S_xx, S_xy, S_yx,
     * S_yy, S_zz}, with H_a = −Σ_b S_ab M_b (S_xy = S_yx). Used where the near-zone correction must subtract exactly
     * what the far-field evaluation adds.
     *
     * @param dx offset x (m)
     * @param dy offset y (m)
     * @param out receives the five components
     */
    void tensor(double dx, double dy, double[] out) {
        double[] t = new double[6];
        tensor6(dx, dy, t);
        out[0] = t[0];
        out[1] = t[3];
        out[2] = t[3];
        out[3] = t[1];
        out[4] = t[2];
    }

    /**
     * The surrogate's own tensor at an in-plane offset in all six components (PrismTensor's order: xx, yy, zz, xy,
     * xz, yz), H = −S M; xz and yz are zero for a kernel in a layer's own mid-plane.
     *
     * @param dx offset x (m)
     * @param dy offset y (m)
     * @param out receives the six components
     */
    void tensor6(double dx, double dy, double[] out) {
        int kx = ax.modes, ky = ay.modes, ny = ky + 1;
        double[] c = new double[kx + 1], s = new double[kx + 1], cyv = new double[ky + 1], syv = new double[ky + 1];
        ax.trig(dx, c, s);
        ay.trig(dy, cyv, syv);
        double sxx = 0, syy = 0, szz = 0, sxy = 0, sxz = 0, syz = 0;
        boolean off = offPlane();
        for (int m = 0; m <= kx; m++) {
            for (int n = 0; n <= ky; n++) {
                int q = m * ny + n;
                double cc = c[m] * cyv[n], ss = s[m] * syv[n];
                sxx += xx[q] * cc;
                syy += yy[q] * cc;
                szz += zz[q] * cc;
                sxy += xy[q] * ss;
                if (off) {
                    sxz += xz[q] * (s[m] * cyv[n]);
                    syz += yz[q] * (c[m] * syv[n]);
                }
            }
        }
        out[0] = sxx;
        out[1] = syy;
        out[2] = szz;
        out[3] = sxy;
        out[4] = sxz;
        out[5] = syz;
    }
}
