package org.hypermag.solver.field;

import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.magnet.Parameter;

/**
 * Cubic anisotropy: energy density Kc1 (a1²a2² + a2²a3² + a3²a1²) + Kc2 a1²a2²a3² (J/m³) with a_k = m·c_k along the
 * cubic axes c1, c2, c3 = c1 × c2; field H = −(1/(μ0 Ms)) ∂e/∂m (A/m). Constants and axes per region.
 */
public final class CubicAnisotropyField implements FieldTerm {
    /** First cubic anisotropy constant Kc1 (J/m³). */
    public static final Parameter KC1 = Parameter.anyNumber("Kc1", "J/m^3", "first cubic anisotropy constant", 0);
    /** Second cubic anisotropy constant Kc2 (J/m³). */
    public static final Parameter KC2 = Parameter.anyNumber("Kc2", "J/m^3", "second cubic anisotropy constant", 0);
    /** The first two cubic axes c1, c2 (perpendicular; c3 = c1 × c2). */
    public static final Parameter AXES = Parameter.perpendicularPair("cubic_axes",
            "the first two cubic axes [c1, c2], perpendicular (c3 = c1 x c2)", 1, 0, 0, 0, 1, 0);
    /** The cubic anisotropy term, built when some region has Kc1 or Kc2 ≠ 0. */
    public static final FieldTermType TYPE = new FieldTermType("cubic_anisotropy", "anisotropy",
            "cubic anisotropy, energy density Kc1 (a1^2 a2^2 + a2^2 a3^2 + a3^2 a1^2) + Kc2 a1^2 a2^2 a3^2 (J/m^3)",
            java.util.List.of(KC1, KC2, AXES), in -> of(in.magnet()));
    private final int[] region;
    private final double[] invMu0Ms, volume;
    private final double[] kc1, kc2;
    private final double[][] axes; // per region: c1x c1y c1z c2x ... c3z

    private CubicAnisotropyField(Magnet magnet) {
        int n = magnet.size(), r = magnet.regionCount();
        region = new int[n];
        invMu0Ms = new double[n];
        volume = magnet.volumeArray();
        for (int i = 0; i < n; i++) {
            region[i] = magnet.region(i);
            invMu0Ms[i] = 1 / (Constants.MU0 * magnet.ms(i));
        }
        kc1 = new double[r];
        kc2 = new double[r];
        axes = new double[r][];
        for (int q = 0; q < r; q++) {
            Material mat = magnet.material(q);
            kc1[q] = mat.get(KC1);
            kc2[q] = mat.get(KC2);
            double[] ab = mat.vector(AXES);
            double[] a = {ab[0], ab[1], ab[2]}, b = {ab[3], ab[4], ab[5]};
            double[] c = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
            axes[q] = new double[] {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]};
        }
    }

    /**
     * @param magnet the system
     * @return the term, or null if Kc1 = Kc2 = 0 in every region
     */
    public static CubicAnisotropyField of(Magnet magnet) {
        return magnet.anyNonZero(KC1) || magnet.anyNonZero(KC2) ? new CubicAnisotropyField(magnet) : null;
    }

    /**
     * @return per domain Kc1/(μ0 Ms), then per domain Kc2/(μ0 Ms) (A/m; 2n values; for device kernels): H = −2 a_k
     *     (these (…)) along each cubic axis
     */
    public double[] fieldConstants() {
        int n = region.length;
        double[] k = new double[2 * n];
        for (int i = 0; i < n; i++) {
            k[i] = kc1[region[i]] * invMu0Ms[i];
            k[n + i] = kc2[region[i]] * invMu0Ms[i];
        }
        return k;
    }

    /** @return per domain its axes c1, c2, c3 as nine blocks of n: c1x of every domain, then c1y, ..., then c3z */
    public double[] cubicAxes() {
        int n = region.length;
        double[] a = new double[9 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 9; k++) {
                a[k * n + i] = axes[region[i]][k];
            }
        }
        return a;
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        for (int i = 0; i < region.length; i++) {
            int r = region[i];
            double[] c = axes[r];
            double a1 = m.x[i] * c[0] + m.y[i] * c[1] + m.z[i] * c[2];
            double a2 = m.x[i] * c[3] + m.y[i] * c[4] + m.z[i] * c[5];
            double a3 = m.x[i] * c[6] + m.y[i] * c[7] + m.z[i] * c[8];
            double s1 = a1 * a1, s2 = a2 * a2, s3 = a3 * a3;
            // -de/da_k
            double g1 = -2 * a1 * (kc1[r] * (s2 + s3) + kc2[r] * s2 * s3);
            double g2 = -2 * a2 * (kc1[r] * (s1 + s3) + kc2[r] * s1 * s3);
            double g3 = -2 * a3 * (kc1[r] * (s1 + s2) + kc2[r] * s1 * s2);
            double f = invMu0Ms[i];
            h.x[i] += f * (g1 * c[0] + g2 * c[3] + g3 * c[6]);
            h.y[i] += f * (g1 * c[1] + g2 * c[4] + g3 * c[7]);
            h.z[i] += f * (g1 * c[2] + g2 * c[5] + g3 * c[8]);
        }
    }

    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        double e = 0;
        for (int i = 0; i < region.length; i++) {
            e += volume[i] * density(m, i);
        }
        return e;
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        for (int i = 0; i < region.length; i++) {
            density[i] = density(m, i);
        }
    }

    private double density(VectorField m, int i) {
        int r = region[i];
        double[] c = axes[r];
        double a1 = m.x[i] * c[0] + m.y[i] * c[1] + m.z[i] * c[2];
        double a2 = m.x[i] * c[3] + m.y[i] * c[4] + m.z[i] * c[5];
        double a3 = m.x[i] * c[6] + m.y[i] * c[7] + m.z[i] * c[8];
        double s1 = a1 * a1, s2 = a2 * a2, s3 = a3 * a3;
        return kc1[r] * (s1 * s2 + s2 * s3 + s3 * s1) + kc2[r] * s1 * s2 * s3;
    }
}
