package org.hypermag.solver.field;

import org.hypermag.solver.Constants;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * What the anisotropy terms about one axis per region share: the constant and the axis u per region, and per domain
 * its region, volume (m³) and field coefficient n K/(μ0 Ms) (A/m), held as primitive arrays for the loops.
 */
abstract class AxialAnisotropy implements FieldTerm {
    /** Region of each domain. */
    protected final int[] region;
    /** Per domain: n K / (μ0 Ms) (A/m), n the order of the energy in m·u. */
    protected final double[] coefficient;
    /** Per domain: volume (m³). */
    protected final double[] volume;
    /** Per region: the constant K (J/m³). */
    protected final double[] k;
    /** Per region: the unit axis u. */
    protected final double[] ux, uy, uz;

    /**
     * @param magnet the domains
     * @param constant the anisotropy constant's parameter
     * @param order n: the energy density is a multiple of K (m·u)ⁿ, so the field is n K/(μ0 Ms) (m·u)ⁿ⁻¹ u
     */
    protected AxialAnisotropy(Magnet magnet, Parameter constant, int order) {
        int n = magnet.size(), r = magnet.regionCount();
        region = new int[n];
        coefficient = new double[n];
        volume = magnet.volumeArray();
        k = new double[r];
        ux = new double[r];
        uy = new double[r];
        uz = new double[r];
        for (int q = 0; q < r; q++) {
            k[q] = magnet.material(q).get(constant);
            double[] a = magnet.material(q).vector(UniaxialAnisotropyField.AXIS);
            ux[q] = a[0];
            uy[q] = a[1];
            uz[q] = a[2];
        }
        for (int i = 0; i < n; i++) {
            region[i] = magnet.region(i);
            coefficient[i] = order * k[region[i]] / (Constants.MU0 * magnet.ms(i));
        }
    }

    /** @return per domain the field's coefficient order·K/(μ0 Ms) (A/m; a copy; for device kernels) */
    public double[] fieldCoefficients() {
        return coefficient.clone();
    }

    /** @return per domain its axis u, component-major: u_x of every domain, then u_y, then u_z */
    public double[] axes() {
        int n = region.length;
        double[] a = new double[3 * n];
        for (int i = 0; i < n; i++) {
            a[i] = ux[region[i]];
            a[n + i] = uy[region[i]];
            a[2 * n + i] = uz[region[i]];
        }
        return a;
    }
}
