package org.hypermag.solver.math;

/**
 * The FFT demag's products in spectral space, H = −N·M for lanes of wavevectors (LaneFft's layout): the six-component
 * tensor, read as stored or for a wavevector mirrored in y and z, and one layer's four components. SIMD through
 * {@link LaneFft}'s butterflies where the Vector API is enabled, the same operations in the same order either way
 * (the same bits).
 */
public final class SpectralProduct {
    private SpectralProduct() {
    }

    /**
     * The FFT demag's product in spectral space, H = −N·M, in place for {@code width} lanes: the three components'
     * complex values at index d + l of m = {Re Mx, Im Mx, Re My, Im My, Re Mz, Im Mz}, the real symmetric tensor at
     * index q + l of kernel = {Nxx, Nyy, Nzz, Nxy, Nxz, Nyz}. SIMD where {@link LaneFft#simdLanes()} &gt; 0, the same
     * operations in the same order either way (the same bits).
     *
     * @param m the six arrays of M's parts, replaced by H's
     * @param d the first lane's index in m
     * @param kernel the six tensor components (dimensionless)
     * @param q the first lane's index in the kernel
     * @param width lanes
     */
    public static void kernelProduct(double[][] m, int d, double[][] kernel, int q, int width) {
        kernelProduct(m, d, kernel, q, width, 1, 1, LaneFft.VECTOR);
    }

    /**
     * {@link #kernelProduct(double[][], int, double[][], int, int)} with the kernel read for a mirrored wavevector:
     * Nxy times {@code signY}, Nxz times {@code signZ} and Nyz times both (the components odd in y, in z and in both;
     * ±1, so the products are exact).
     *
     * @param signY +1, or −1 for an entry read at py − k_y
     * @param signZ +1, or −1 for an entry read at pz − k_z
     */
    public static void kernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signY,
                                     double signZ) {
        kernelProduct(m, d, kernel, q, width, signY, signZ, LaneFft.VECTOR);
    }

    static void kernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signY, double signZ,
                              LaneFft.Butterflies simd) {
        int done = simd == null ? 0 : simd.kernelProduct(m, d, kernel, q, width, signY, signZ);
        double[] xr = m[0], xi = m[1], yr = m[2], yi = m[3], zr = m[4], zi = m[5];
        double[] kxx = kernel[0], kyy = kernel[1], kzz = kernel[2], kxy = kernel[3], kxz = kernel[4],
                kyz = kernel[5];
        double signYz = signY * signZ;
        for (int l = done; l < width; l++) {
            int r = d + l, k = q + l;
            double nxx = kxx[k], nyy = kyy[k], nzz = kzz[k];
            double nxy = signY * kxy[k], nxz = signZ * kxz[k], nyz = signYz * kyz[k];
            double mxr = xr[r], mxi = xi[r], myr = yr[r], myi = yi[r], mzr = zr[r], mzi = zi[r];
            xr[r] = -(nxx * mxr + nxy * myr + nxz * mzr);
            xi[r] = -(nxx * mxi + nxy * myi + nxz * mzi);
            yr[r] = -(nxy * mxr + nyy * myr + nyz * mzr);
            yi[r] = -(nxy * mxi + nyy * myi + nyz * mzi);
            zr[r] = -(nxz * mxr + nyz * myr + nzz * mzr);
            zi[r] = -(nxz * mxi + nyz * myi + nzz * mzi);
        }
    }

    /**
     * {@link #kernelProduct(double[][], int, double[][], int, int)} for one layer of cells, where Nxz and Nyz
     * vanish: H_x = −(Nxx M_x + Nxy M_y), H_y = −(Nxy M_x + Nyy M_y), H_z = −Nzz M_z, with Nxy times {@code signXy}
     * (±1: a row of the kernel read for its mirror in k_y, where Nxy is odd). Four tensor components read instead of
     * six, ten products instead of eighteen. SIMD where {@link LaneFft#simdLanes()} &gt; 0, the same bits either way.
     *
     * @param m the six arrays of M's parts, replaced by H's
     * @param d the first lane's index in m
     * @param kernel {Nxx, Nyy, Nzz, Nxy} (dimensionless)
     * @param q the first lane's index in the kernel
     * @param width lanes
     * @param signXy +1 or −1, the factor of Nxy
     */
    public static void layerKernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signXy) {
        layerKernelProduct(m, d, kernel, q, width, signXy, LaneFft.VECTOR);
    }

    static void layerKernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signXy,
                                   LaneFft.Butterflies simd) {
        int done = simd == null ? 0 : simd.layerKernelProduct(m, d, kernel, q, width, signXy);
        double[] xr = m[0], xi = m[1], yr = m[2], yi = m[3], zr = m[4], zi = m[5];
        double[] kxx = kernel[0], kyy = kernel[1], kzz = kernel[2], kxy = kernel[3];
        for (int l = done; l < width; l++) {
            int r = d + l, k = q + l;
            double nxx = kxx[k], nyy = kyy[k], nzz = kzz[k], nxy = signXy * kxy[k];
            double mxr = xr[r], mxi = xi[r], myr = yr[r], myi = yi[r];
            xr[r] = -(nxx * mxr + nxy * myr);
            xi[r] = -(nxx * mxi + nxy * myi);
            yr[r] = -(nxy * mxr + nyy * myr);
            yi[r] = -(nxy * mxi + nyy * myi);
            zr[r] = -(nzz * zr[r]);
            zi[r] = -(nzz * zi[r]);
        }
    }
}
