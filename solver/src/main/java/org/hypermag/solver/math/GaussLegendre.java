package org.hypermag.solver.math;

/**
 * Gauss–Legendre quadrature rules on [-1, 1].
 *
 * <p>An n-point rule integrates polynomials up to degree 2n − 1 exactly. Nodes are the roots of the Legendre
 * polynomial P_n, found by Newton's method from Chebyshev-like starting values to full double precision.
 */
public final class GaussLegendre {
    private final double[] nodes;
    private final double[] weights;

    /**
     * Computes the n-point rule.
     *
     * @param n number of points, 1 to 200
     */
    public GaussLegendre(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("Gauss-Legendre order must be in 1..200, got " + n);
        }
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (int iter = 0; iter < 100; iter++) {
                double[] pd = legendre(n, x);
                double dx = pd[0] / pd[1];
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            double dp = legendre(n, x)[1]; // the derivative at the converged node, for the weight
            double w = 2 / ((1 - x * x) * dp * dp);
            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            weights[i] = w;
            weights[n - 1 - i] = w;
        }
        if (n % 2 == 1) {
            nodes[n / 2] = 0;
        }
    }

    /** @return {P_n(x), P_n'(x)} by the three-term recurrence */
    private static double[] legendre(int n, double x) {
        double p0 = 1, p1 = x;
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, n * (x * p1 - p0) / (x * x - 1)};
    }

    /** @return the number of points */
    public int size() {
        return nodes.length;
    }

    /** @return a copy of the nodes on [-1, 1], ascending */
    public double[] nodes() {
        return nodes.clone();
    }

    /** @return a copy of the weights, summing to 2 */
    public double[] weights() {
        return weights.clone();
    }

    /** @param i index @return node i */
    public double node(int i) {
        return nodes[i];
    }

    /** @param i index @return weight i */
    public double weight(int i) {
        return weights[i];
    }
}
