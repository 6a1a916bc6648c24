package org.hypermag.solver.demag;

/**
 * Tensor-product cubature of the point-dipole kernel, the far-field form shared by the point and the cell-averaged
 * tensors.
 *
 * <p>Computes N = V/(4π) Σ_ijk w_i w_j w_k (δ d² − 3 d dᵀ)/d⁵ with d = r − (a g_i, b g_j, c g_k): the
 * dipole kernel averaged over a weighted distribution of the volume V. With Gauss–Legendre nodes on the prism it is
 * the far field of the prism; with nodes of the triangular (tent) weight it is the far field of the cell average.
 */
final class DipoleCubature {
    private static final double INV_4PI = 1 / (4 * Math.PI);

    private DipoleCubature() {
    }

    /**
     * @param x point x
     * @param y point y
     * @param z point z
     * @param a scale of the nodes along x
     * @param b scale of the nodes along y
     * @param c scale of the nodes along z
     * @param g nodes on [-1, 1] (same for the three axes)
     * @param w weights, summing to 1
     * @param volume volume of the source (same length unit, cubed)
     * @param out receives the six components
     * @param offset first index written
     */
    static void evaluate(double x, double y, double z, double a, double b, double c, double[] g, double[] w,
                         double volume, double[] out, int offset) {
        // at z = 0 (the source's mid-plane: every in-plane neighbour in a film) the nodes are symmetric
        // (g[n − 1 − k] = −g[k], equal weights): the first half stands for itself and its mirror, the middle node of
        // an odd rule for itself, and the xz and yz contributions cancel, so half the work and N_xz = N_yz = 0
        int n = g.length, half = n / 2;
        boolean midPlane = z == 0;
        int kEnd = midPlane ? (n + 1) / 2 : n;
        double s0 = 0, sxx = 0, syy = 0, szz = 0, sxy = 0, sxz = 0, syz = 0;
        for (int i = 0; i < n; i++) {
            double dx = x - a * g[i];
            double wi = w[i];
            for (int j = 0; j < n; j++) {
                double dy = y - b * g[j];
                double wij = wi * w[j];
                double dxy2 = dx * dx + dy * dy;
                for (int k = 0; k < kEnd; k++) {
                    double dz = z - c * g[k];
                    double d2 = dxy2 + dz * dz;
                    double q = (midPlane && k < half ? 2 : 1) * wij * w[k] / (d2 * d2 * Math.sqrt(d2));
                    s0 += q * d2;
                    sxx += q * dx * dx;
                    syy += q * dy * dy;
                    szz += q * dz * dz;
                    sxy += q * dx * dy;
                    sxz += q * dx * dz;
                    syz += q * dy * dz;
                }
            }
        }
        store(volume, s0, sxx, syy, szz, sxy, midPlane ? 0 : sxz, midPlane ? 0 : syz, out, offset);
    }

    /** N = V/(4π) (s0 − 3 s_ab) on the diagonal, −3 V/(4π) s_ab off it, from the weighted sums. */
    private static void store(double volume, double s0, double sxx, double syy, double szz, double sxy, double sxz,
                              double syz, double[] out, int offset) {
        double f = volume * INV_4PI;
        out[offset + PrismTensor.XX] = f * (s0 - 3 * sxx);
        out[offset + PrismTensor.YY] = f * (s0 - 3 * syy);
        out[offset + PrismTensor.ZZ] = f * (s0 - 3 * szz);
        out[offset + PrismTensor.XY] = -3 * f * sxy;
        out[offset + PrismTensor.XZ] = -3 * f * sxz;
        out[offset + PrismTensor.YZ] = -3 * f * syz;
    }
}
