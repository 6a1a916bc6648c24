package org.hypermag.surrogate;

/**
 * The spreading kernel of {@link Nufft2d}, φ(z) = exp(β(√(1 − z²) − 1)) on [−1, 1] ("exponential of semicircle"),
 * and its averages over intervals: box(z, b) = (1/2b) ∫_{z−b}^{z+b} φ. Spreading a source with the box-averaged
 * kernel instead of φ (half-width b in kernel units, the source's half side in angle over the kernel's half-width)
 * leaves the transform's correction by φ̂ unchanged and multiplies the source's Fourier coefficients by
 * sinc(k·a) = sin(k a)/(k a), a its half side in angle: the spectrum of a uniform rectangle, exactly, at the cost of a
 * footprint about 2a/h grid points wider. Interpolating with the same weights averages the interpolated function over
 * the rectangle.
 *
 * <p>The box average comes from a table of the antiderivative Φ(z) = ∫_{−1}^z φ (4 096 intervals, 8-point
 * Gauss–Legendre per interval, cubic Hermite interpolation with Φ' = φ: about 1e-13 absolute), differenced; below
 * b = 0.02, where the difference would lose digits, from an 8-point Gauss–Legendre rule over the box itself. Immutable.
 */
final class SpreadingKernel {
    private static final int INTERVALS = 4096;
    private static final double SMALL_BOX = 0.02;
    private static final double[][] RULE = gaussLegendre(8);

    final double beta;
    /** Φ and φ at the nodes z_k = −1 + 2k / INTERVALS. */
    private final double[] big, small;
    private final double step;

    /**
     * @param beta the kernel's shape β (> 0)
     */
    SpreadingKernel(double beta) {
        this.beta = beta;
        step = 2.0 / INTERVALS;
        big = new double[INTERVALS + 1];
        small = new double[INTERVALS + 1];
        small[0] = value(-1);
        for (int k = 0; k < INTERVALS; k++) {
            double a = -1 + k * step, s = 0;
            for (int q = 0; q < RULE[0].length; q++) {
                s += RULE[1][q] * value(a + 0.5 * step * (1 + RULE[0][q]));
            }
            big[k + 1] = big[k] + 0.5 * step * s;
            small[k + 1] = value(a + step);
        }
    }

    /** @return φ(z), 0 outside (−1, 1) */
    double value(double z) {
        double s = 1 - z * z;
        return s <= 0 ? 0 : Math.exp(beta * (Math.sqrt(s) - 1));
    }

    /** @return Φ(z) = ∫_{−1}^{z} φ, clamped outside [−1, 1] */
    double integral(double z) {
        if (z <= -1) {
            return 0;
        }
        if (z >= 1) {
            return big[INTERVALS];
        }
        double u = (z + 1) / step;
        int k = Math.min((int) u, INTERVALS - 1);
        double t = u - k, t2 = t * t, t3 = t2 * t;
        // cubic Hermite on [z_k, z_k+1] with the values Φ and the slopes φ
        return (2 * t3 - 3 * t2 + 1) * big[k] + (t3 - 2 * t2 + t) * step * small[k]
                + (-2 * t3 + 3 * t2) * big[k + 1] + (t3 - t2) * step * small[k + 1];
    }

    /**
     * The average of φ over [z − b, z + b].
     *
     * @param z centre (kernel units)
     * @param b half-width (kernel units, ≥ 0); 0 gives φ(z)
     * @return the average
     */
    double box(double z, double b) {
        if (b == 0) {
            return value(z);
        }
        if (b < SMALL_BOX) {
            double s = 0;
            for (int q = 0; q < RULE[0].length; q++) {
                s += RULE[1][q] * value(z + b * RULE[0][q]);
            }
            return 0.5 * s;
        }
        return (integral(z + b) - integral(z - b)) / (2 * b);
    }

    /**
     * Grid points whose weight can be non-zero for a point with box half-width a (angle): the footprint width.
     *
     * @param w the kernel's width (grid points)
     * @param h the grid spacing (rad)
     * @param a the largest box half-width (rad), ≥ 0
     * @return the width in grid points
     */
    static int width(int w, double h, double a) {
        return a == 0 ? w : w + (int) Math.ceil(2 * a / h) + 1;
    }

    /**
     * The weights of a point at angle t (not wrapped) averaged over a box of half-width a: weights[at + k] =
     * box(((g0 + k) h − t)/α, a/α) for k &lt; width.
     *
     * @param t the point's angle (rad)
     * @param h grid spacing (rad)
     * @param alpha the kernel's half-width (rad)
     * @param a the box half-width (rad), ≥ 0
     * @param width how many weights (from {@link #width}, or the kernel's width when a = 0)
     * @param weights receives the weights
     * @param at where in weights
     * @return g0, the first grid index (not wrapped)
     */
    int footprint(double t, double h, double alpha, double a, int width, double[] weights, int at) {
        int g0 = (int) Math.ceil((t - alpha - a) / h);
        double b = a / alpha;
        for (int k = 0; k < width; k++) {
            weights[at + k] = box(((g0 + k) * h - t) / alpha, b);
        }
        return g0;
    }

    /**
     * The correction of a transform: 1 / (φ̂(p) / h) for p = −K..K, φ̂(p) = α ∫ φ(z) cos(p α z) dz by Gauss–Legendre
     * quadrature (4w + 16 nodes).
     *
     * @param k highest harmonic
     * @param alpha the kernel's half-width (rad)
     * @param h grid spacing (rad)
     * @param w the kernel's width (grid points)
     * @return 2k + 1 factors, index p + k
     */
    double[] correction(int k, double alpha, double h, int w) {
        int nq = 4 * w + 16;
        double[][] gl = gaussLegendre(nq);
        double[] c = new double[2 * k + 1];
        for (int p = 0; p <= k; p++) {
            double s = 0;
            for (int q = 0; q < nq; q++) {
                s += gl[1][q] * value(gl[0][q]) * Math.cos(p * alpha * gl[0][q]);
            }
            double inv = h / (alpha * s);
            c[k + p] = inv;
            c[k - p] = inv;
        }
        return c;
    }

    /** Nodes and weights of n-point Gauss–Legendre quadrature on [−1, 1] (Newton on P_n). */
    static double[][] gaussLegendre(int n) {
        double[] x = new double[n], wt = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5)), dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1, p1 = z;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (z * p1 - p0) / (z * z - 1);
                double dz = p1 / dp;
                z -= dz;
                if (Math.abs(dz) < 1e-16) {
                    break;
                }
            }
            x[i] = -z;
            x[n - 1 - i] = z;
            wt[i] = 2 / ((1 - z * z) * dp * dp);
            wt[n - 1 - i] = wt[i];
        }
        return new double[][] {x, wt};
    }
}
