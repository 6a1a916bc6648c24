package org.hypermag.surrogate;

import org.hypermag.solver.parallel.WorkerPool;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Non-uniform fast Fourier transforms on a 2D torus of angles [0, 2π)², the two kinds the far-field surrogate needs:
 * <ul>
 *   <li>type 1, {@link #forward}: S(p, q) = Σ_j c_j e^{−i(p θx_j + q θy_j)} for all |p| ≤ Kx, |q| ≤ Ky;</li>
 *   <li>type 2, {@link #backward}: f_i = Re Σ_{p,q} F(p, q) e^{i(p θx_i + q θy_i)} at points θ_i.</li>
 * </ul>
 * Both spread onto (or interpolate from) an oversampled uniform grid (factor ≥ 2 per axis) with the
 * "exponential of semicircle" kernel φ(z) = exp(β(√(1 − z²) − 1)) of width w grid points, β = 2.30 w, and correct
 * by the kernel's Fourier transform (Gauss–Legendre quadrature); the uniform part is an FFT. The relative error is
 * about 10^(1−w) of Σ|c_j|; w = ⌈log₁₀(1/tolerance)⌉ + 2 keeps a margin below the tolerance (Barnett, Magland &amp; af Klinteberg, SIAM J. Sci. Comput. 41 (2019) C479): w follows
 * from the requested tolerance. Cost O(w²·n + nf²·log nf) per transform instead of O(n·(2Kx+1)(2Ky+1)).
 *
 * <p>The points are fixed at construction ({@link Points}: their kernel weights are precomputed, 2w numbers per
 * point); transforms allocate nothing. Parallel over the pool: spreading into one private grid per chunk of points,
 * summed in a fixed order (so the result does not depend on scheduling), FFT lines and interpolation targets.
 * Not thread-safe.
 */
final class Nufft2d {
    static {
        org.hypermag.solver.math.FftSizes.oneThreadPerTransform(); // rows and columns run in parallel here
    }

    /** Highest harmonic per axis and the number of modes per axis (2K + 1). */
    final int kx, ky, mx, my;
    /** Oversampled grid size per axis and kernel width (grid points). */
    final int nfx, nfy, w;
    private final double alphaX, alphaY, hx, hy;
    private final SpreadingKernel kernel;
    /** 1 / φ̂ per mode index p + K (the kernel's Fourier transform, times the grid spacing). */
    private final double[] corrX, corrY;
    private final WorkerPool pool;
    private final int chunks;
    /** Complex interleaved grids, rows along y: grid[0] is the working grid, the others private spreading grids. */
    private final double[][] grid;
    private final ThreadLocal<Scratch> scratch;

    // state of the transform in progress
    private Points points;
    private double[] values;
    private double[] modes;
    private double[] out;
    private double scale;
    private final WorkerPool.RangeTask spreadTask = this::spread;
    private final WorkerPool.RangeTask sumTask = this::sumGrids;
    private final WorkerPool.RangeTask rowsForward = (from, to) -> rows(from, to, true);
    private final WorkerPool.RangeTask rowsBackward = (from, to) -> rows(from, to, false);
    private final WorkerPool.RangeTask columnsForward = (from, to) -> columns(from, to, true);
    private final WorkerPool.RangeTask columnsBackward = (from, to) -> columns(from, to, false);
    private final WorkerPool.RangeTask extractTask = this::extract;
    private final WorkerPool.RangeTask interpolateTask = this::interpolate;

    private static final class Scratch {
        final double[] line;
        final DoubleFFT_1D fx, fy;

        Scratch(int nfx, int nfy) {
            line = new double[2 * nfy];
            fx = new DoubleFFT_1D(nfx);
            fy = new DoubleFFT_1D(nfy);
        }
    }

    /**
     * Points on the torus with their precomputed kernel weights (the kernel itself, or its average over each point's
     * box, {@link #boxPoints}). Immutable.
     */
    static final class Points {
        final int n;
        /** Footprint width per axis (grid points): the kernel's width w, wider for boxes. */
        final int widthX, widthY;
        /** First grid index of each point's footprint, per axis (in [0, nf)). */
        final int[] gx, gy;
        /** Kernel weights, widthX (widthY) per point along x (y). */
        final double[] wx, wy;

        private Points(int n, int widthX, int widthY) {
            this.n = n;
            this.widthX = widthX;
            this.widthY = widthY;
            gx = new int[n];
            gy = new int[n];
            wx = new double[n * widthX];
            wy = new double[n * widthY];
        }
    }

    /**
     * @param kx highest harmonic along x (≥ 0)
     * @param ky highest harmonic along y
     * @param tolerance requested relative accuracy, in [1e-14, 1e-2]
     * @param pool threads
     */
    Nufft2d(int kx, int ky, double tolerance, WorkerPool pool) {
        if (kx < 0 || ky < 0 || !(tolerance >= 1e-14 && tolerance <= 1e-2)) {
            throw new IllegalArgumentException("modes must be >= 0 and the tolerance in [1e-14, 1e-2]; got " + kx
                    + ", " + ky + ", " + tolerance);
        }
        this.kx = kx;
        this.ky = ky;
        this.pool = pool;
        mx = 2 * kx + 1;
        my = 2 * ky + 1;
        w = width(tolerance);
        kernel = new SpreadingKernel(2.30 * w);
        nfx = smooth(Math.max(2 * mx, 2 * w + 2));
        nfy = smooth(Math.max(2 * my, 2 * w + 2));
        hx = 2 * Math.PI / nfx;
        hy = 2 * Math.PI / nfy;
        alphaX = w * hx / 2;
        alphaY = w * hy / 2;
        corrX = kernel.correction(kx, alphaX, hx, w);
        corrY = kernel.correction(ky, alphaY, hy, w);
        chunks = Math.max(1, Math.min(pool.threads(), 8));
        grid = new double[chunks][2 * nfx * nfy];
        scratch = ThreadLocal.withInitial(() -> new Scratch(nfx, nfy));
    }

    /**
     * @param tolerance requested relative accuracy
     * @return the kernel width (grid points) for it: ⌈log₁₀(1/tolerance)⌉ + 2, at least 3
     */
    static int width(double tolerance) {
        return Math.max(3, (int) Math.ceil(-Math.log10(tolerance)) + 2);
    }

    /** @return 1/φ̂ per mode index p + K_x (a copy) */
    double[] correctionX() {
        return corrX.clone();
    }

    /** @return 1/φ̂ per mode index q + K_y (a copy) */
    double[] correctionY() {
        return corrY.clone();
    }

    /** @return the smallest n' ≥ n whose prime factors are 2, 3 and 5 */
    static int smooth(int n) {
        return org.hypermag.solver.math.FftSizes.good(n, false);
    }

    /**
     * Precomputes the kernel weights of points given as angles (any real value; taken modulo 2π).
     *
     * @param thetaX angles along x (rad)
     * @param thetaY angles along y (rad)
     * @return the points
     */
    Points points(double[] thetaX, double[] thetaY) {
        return boxPoints(thetaX, thetaY, null, null);
    }

    /**
     * Points that are uniform rectangles: their weights are the kernel averaged over [θ − a, θ + a] per axis, so a
     * type-1 transform gives Σ_j c_j sinc(p a_x,j) sinc(q a_y,j) e^{−i(p θx_j + q θy_j)} and a type-2 transform the
     * average of the series over each rectangle ({@link SpreadingKernel}).
     *
     * @param thetaX angles along x (rad)
     * @param thetaY angles along y (rad)
     * @param halfX half-widths along x (rad, ≥ 0, below π), or null for points
     * @param halfY half-widths along y (rad), or null for points
     * @return the points
     */
    Points boxPoints(double[] thetaX, double[] thetaY, double[] halfX, double[] halfY) {
        int n = thetaX.length;
        int widthX = SpreadingKernel.width(w, hx, largest(halfX)), widthY = SpreadingKernel.width(w, hy, largest(halfY));
        if (widthX > nfx || widthY > nfy) {
            throw new IllegalArgumentException("a box is wider than the period's grid (" + widthX + " x " + widthY
                    + " points on " + nfx + " x " + nfy + ")");
        }
        Points p = new Points(n, widthX, widthY);
        for (int i = 0; i < n; i++) {
            p.gx[i] = footprint(thetaX[i], hx, alphaX, halfX == null ? 0 : halfX[i], widthX, nfx, p.wx, i * widthX);
            p.gy[i] = footprint(thetaY[i], hy, alphaY, halfY == null ? 0 : halfY[i], widthY, nfy, p.wy, i * widthY);
        }
        return p;
    }

    private static double largest(double[] a) {
        double m = 0;
        if (a != null) {
            for (double v : a) {
                if (!(v >= 0 && v < Math.PI)) {
                    throw new IllegalArgumentException("a box half-width must be in [0, pi) rad; got " + v);
                }
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** @return the footprint width (grid points) of boxes of half-width up to a (rad) along x (axis 0) or y */
    int boxWidth(double a, int axis) {
        return SpreadingKernel.width(w, axis == 0 ? hx : hy, a);
    }

    private int footprint(double theta, double h, double alpha, double a, int width, int nf, double[] weights,
                          int at) {
        double t = theta - 2 * Math.PI * Math.floor(theta / (2 * Math.PI));
        return Math.floorMod(kernel.footprint(t, h, alpha, a, width, weights, at), nf);
    }

    /**
     * Type 1: S(p, q) = Σ_j c_j e^{−i(p θx_j + q θy_j)}.
     *
     * @param pts the points
     * @param c real strengths, one per point
     * @param s receives S, complex interleaved, index 2·((q + Ky)·mx + p + Kx)
     */
    void forward(Points pts, double[] c, double[] s) {
        points = pts;
        values = c;
        modes = s;
        try {
            pool.forRange(chunks, 1, spreadTask);
            pool.forRange(nfy, 8, sumTask);
            pool.forRange(nfy, 8, rowsForward);
            pool.forRange(mx, 4, columnsForward);
            pool.forRange(my, 8, extractTask);
        } finally {
            points = null;
            values = null;
            modes = null;
        }
    }

    /**
     * Type 2: adds f_i = Re Σ F(p, q) e^{i(p θx_i + q θy_i)} times a factor into out.
     *
     * @param f complex interleaved modes, layout as in {@link #forward}
     * @param pts the points
     * @param factor multiplies every f_i
     * @param result receives out[i] += factor·f_i
     */
    void backward(double[] f, Points pts, double factor, double[] result) {
        points = pts;
        modes = f;
        out = result;
        scale = factor;
        try {
            java.util.Arrays.fill(grid[0], 0);
            pool.forRange(my, 8, extractTask);
            pool.forRange(mx, 4, columnsBackward);
            pool.forRange(nfy, 8, rowsBackward);
            pool.forRange(pts.n, 256, interpolateTask);
        } finally {
            points = null;
            modes = null;
            out = null;
        }
    }

    /**
     * The type-2 sum on the grid around the origin, for interpolation at points near it ({@link #nearFootprint}):
     * block[(b + halfY)·(2 halfX + 1) + a + halfX] = the real part of the corrected grid at index (a, b),
     * |a| ≤ halfX, |b| ≤ halfY: Σ_{p,q} c_p c_q f_pq e^{2πi (p a / nf_x + q b / nf_y)}, the value the inverse FFT of
     * {@link #type2} puts there, summed directly for the block only (a separable partial DFT: O(m_y m_x w_x) instead
     * of a whole FFT of the oversampled grid).
     *
     * @param f complex interleaved modes
     * @param halfX half-width of the block along x (grid points)
     * @param halfY half-width along y
     * @param block receives (2 halfX + 1)(2 halfY + 1) values
     */
    void upsampledNearOrigin(double[] f, int halfX, int halfY, double[] block) {
        int wx = 2 * halfX + 1, wy = 2 * halfY + 1;
        double[] ex = phases(kx, mx, halfX, nfx), ey = phases(ky, my, halfY, nfy);
        // rows: t[q][a] = Σ_p c_p f_pq e^{2πi p a / nf_x}
        double[] t = new double[2 * my * wx];
        pool.forRange(my, 8, (from, to) -> {
            for (int qi = from; qi < to; qi++) {
                for (int a = 0; a < wx; a++) {
                    double re = 0, im = 0;
                    int e = 2 * a * mx, fi = 2 * qi * mx;
                    for (int pi = 0; pi < mx; pi++) {
                        double c = corrX[pi], fr = c * f[fi + 2 * pi], fm = c * f[fi + 2 * pi + 1];
                        double er = ex[e + 2 * pi], em = ex[e + 2 * pi + 1];
                        re += fr * er - fm * em;
                        im += fr * em + fm * er;
                    }
                    t[2 * (qi * wx + a)] = re;
                    t[2 * (qi * wx + a) + 1] = im;
                }
            }
        });
        // columns: block(a, b) = Re Σ_q c_q t[q][a] e^{2πi q b / nf_y}
        pool.forRange(wy, 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                for (int a = 0; a < wx; a++) {
                    double re = 0;
                    int e = 2 * b * my;
                    for (int qi = 0; qi < my; qi++) {
                        double c = corrY[qi];
                        re += c * (t[2 * (qi * wx + a)] * ey[e + 2 * qi] - t[2 * (qi * wx + a) + 1] * ey[e + 2 * qi + 1]);
                    }
                    block[b * wx + a] = re;
                }
            }
        });
    }

    /** e^{2πi (p − k) a / nf} for a = −half..half (rows) and p = 0..m−1, interleaved complex. */
    private static double[] phases(int k, int m, int half, int nf) {
        double[] e = new double[2 * (2 * half + 1) * m];
        for (int a = -half; a <= half; a++) {
            for (int pi = 0; pi < m; pi++) {
                // the exponent reduced exactly modulo nf first, so the angle stays small and accurate
                long q = Math.floorMod((long) (pi - k) * a, (long) nf);
                double angle = 2 * Math.PI * q / nf;
                int at = 2 * ((a + half) * m + pi);
                e[at] = Math.cos(angle);
                e[at + 1] = Math.sin(angle);
            }
        }
        return e;
    }

    /** @return the block half-width (grid points) that covers |θ| ≤ thetaMax along x (axis 0) or y (axis 1) */
    int nearHalfWidth(double thetaMax, int axis) {
        double h = axis == 0 ? hx : hy, alpha = axis == 0 ? alphaX : alphaY;
        return (int) Math.ceil((thetaMax + alpha) / h) + 1;
    }

    /**
     * Kernel weights of a point at angle θ near the origin (not wrapped), for {@link #upsampledNearOrigin} blocks.
     *
     * @param theta the angle (rad), |θ| within the block's reach
     * @param axis 0 for x, 1 for y
     * @param weights receives w weights from index at
     * @param at where in weights
     * @return the first grid index of the footprint (may be negative)
     */
    int nearFootprint(double theta, int axis, double[] weights, int at) {
        return nearFootprint(theta, 0, w, axis, weights, at);
    }

    /**
     * Kernel weights of a box of half-width a around angle θ near the origin (not wrapped), for
     * {@link #upsampledNearOrigin} blocks: interpolating with them averages over the box.
     *
     * @param theta the centre's angle (rad)
     * @param a the half-width (rad), ≥ 0
     * @param width the footprint width, {@link #boxWidth} of at least a
     * @param axis 0 for x, 1 for y
     * @param weights receives width weights from index at
     * @param at where in weights
     * @return the first grid index of the footprint (may be negative)
     */
    int nearFootprint(double theta, double a, int width, int axis, double[] weights, int at) {
        double h = axis == 0 ? hx : hy, alpha = axis == 0 ? alphaX : alphaY;
        return kernel.footprint(theta, h, alpha, a, width, weights, at);
    }

    private void spread(int fromChunk, int toChunk) {
        Points p = points;
        double[] c = values;
        int wxn = p.widthX, wyn = p.widthY;
        for (int chunk = fromChunk; chunk < toChunk; chunk++) {
            double[] g = grid[chunk];
            java.util.Arrays.fill(g, 0);
            int from = (int) ((long) p.n * chunk / chunks), to = (int) ((long) p.n * (chunk + 1) / chunks);
            for (int j = from; j < to; j++) {
                double v = c[j];
                if (v == 0) {
                    continue;
                }
                int gx0 = p.gx[j], gy0 = p.gy[j], ox = j * wxn, oy = j * wyn;
                boolean wrapX = gx0 + wxn > nfx;
                for (int b = 0; b < wyn; b++) {
                    int row = gy0 + b;
                    if (row >= nfy) {
                        row -= nfy;
                    }
                    double vy = v * p.wy[oy + b];
                    int base = 2 * row * nfx;
                    if (!wrapX) {
                        int at = base + 2 * gx0;
                        for (int a = 0; a < wxn; a++, at += 2) {
                            g[at] += vy * p.wx[ox + a];
                        }
                    } else {
                        for (int a = 0; a < wxn; a++) {
                            int col = gx0 + a;
                            if (col >= nfx) {
                                col -= nfx;
                            }
                            g[base + 2 * col] += vy * p.wx[ox + a];
                        }
                    }
                }
            }
        }
    }

    /** Sums the private grids into grid[0], rows from..to, real parts (spreading writes only those). */
    private void sumGrids(int from, int to) {
        double[] g0 = grid[0];
        for (int k = 1; k < chunks; k++) {
            double[] g = grid[k];
            for (int i = 2 * from * nfx; i < 2 * to * nfx; i += 2) {
                g0[i] += g[i];
            }
        }
    }

    /** FFT along x of rows from..to of grid[0]. */
    private void rows(int from, int to, boolean forward) {
        Scratch s = scratch.get();
        double[] g = grid[0];
        for (int r = from; r < to; r++) {
            if (forward) {
                s.fx.complexForward(g, 2 * r * nfx);
            } else {
                s.fx.complexInverse(g, 2 * r * nfx, false);
            }
        }
    }

    /** FFT along y of the columns of modes |p| ≤ Kx (index from..to of p + Kx); the others are not needed. */
    private void columns(int from, int to, boolean forward) {
        Scratch s = scratch.get();
        double[] g = grid[0], line = s.line;
        for (int pi = from; pi < to; pi++) {
            int col = Math.floorMod(pi - kx, nfx);
            for (int r = 0; r < nfy; r++) {
                line[2 * r] = g[2 * (r * nfx + col)];
                line[2 * r + 1] = g[2 * (r * nfx + col) + 1];
            }
            if (forward) {
                s.fy.complexForward(line);
            } else {
                s.fy.complexInverse(line, false);
            }
            for (int r = 0; r < nfy; r++) {
                g[2 * (r * nfx + col)] = line[2 * r];
                g[2 * (r * nfx + col) + 1] = line[2 * r + 1];
            }
        }
    }

    /**
     * Forward (points set, values set): copies grid modes into S with the kernel correction. Backward (values
     * null): places F with the correction into the zeroed grid.
     */
    private void extract(int from, int to) {
        double[] g = grid[0], s = modes;
        boolean forward = values != null;
        for (int qi = from; qi < to; qi++) {
            int row = Math.floorMod(qi - ky, nfy);
            double cy = corrY[qi];
            for (int pi = 0; pi < mx; pi++) {
                int col = Math.floorMod(pi - kx, nfx);
                double c = cy * corrX[pi];
                int gi = 2 * (row * nfx + col), si = 2 * (qi * mx + pi);
                if (forward) {
                    s[si] = c * g[gi];
                    s[si + 1] = c * g[gi + 1];
                } else {
                    g[gi] = c * s[si];
                    g[gi + 1] = c * s[si + 1];
                }
            }
        }
    }

    private void interpolate(int from, int to) {
        Points p = points;
        double[] g = grid[0], r = out;
        int wxn = p.widthX, wyn = p.widthY;
        for (int i = from; i < to; i++) {
            int gx0 = p.gx[i], gy0 = p.gy[i], ox = i * wxn, oy = i * wyn;
            double sum = 0;
            for (int b = 0; b < wyn; b++) {
                int row = gy0 + b;
                if (row >= nfy) {
                    row -= nfy;
                }
                int base = 2 * row * nfx;
                double sr = 0;
                for (int a = 0; a < wxn; a++) {
                    int col = gx0 + a;
                    if (col >= nfx) {
                        col -= nfx;
                    }
                    sr += g[base + 2 * col] * p.wx[ox + a];
                }
                sum += sr * p.wy[oy + b];
            }
            r[i] += scale * sum;
        }
    }
}
