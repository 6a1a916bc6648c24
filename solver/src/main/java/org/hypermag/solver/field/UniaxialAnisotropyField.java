package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * Uniaxial anisotropy: energy density K1 (1 − (m·u)²) (J/m³, zero along the easy axis for K1 &gt; 0; K1 &lt; 0 gives an
 * easy plane), field H = 2K1/(μ0 Ms) (m·u) u (A/m). K1 and u per region.
 */
public final class UniaxialAnisotropyField extends AxialAnisotropy {
    /** First-order uniaxial anisotropy constant K1 (J/m³); &gt; 0 easy axis, &lt; 0 easy plane. */
    public static final Parameter K1 = Parameter.anyNumber("K1", "J/m^3",
            "uniaxial anisotropy constant (> 0: easy axis, < 0: easy plane)", 0);
    /** The uniaxial anisotropy axis u (normalised). */
    public static final Parameter AXIS = Parameter.direction("anisotropy_axis", "uniaxial anisotropy axis u",
            0, 0, 1);
    /** The uniaxial anisotropy term, built when some region has K1 ≠ 0. */
    public static final FieldTermType TYPE = new FieldTermType("uniaxial_anisotropy", "anisotropy",
            "uniaxial anisotropy, energy density K1 (1 - (m.u)^2) (J/m^3)", java.util.List.of(K1, AXIS),
            in -> of(in.magnet()));
    private UniaxialAnisotropyField(Magnet magnet) {
        super(magnet, K1, 2);
    }

    /**
     * @param magnet the system
     * @return the term, or null if K1 = 0 in every region
     */
    public static UniaxialAnisotropyField of(Magnet magnet) {
        return magnet.anyNonZero(K1) ? new UniaxialAnisotropyField(magnet) : null;
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        for (int i = 0; i < region.length; i++) {
            int r = region[i];
            double c = coefficient[i] * (m.x[i] * ux[r] + m.y[i] * uy[r] + m.z[i] * uz[r]);
            h.x[i] += c * ux[r];
            h.y[i] += c * uy[r];
            h.z[i] += c * uz[r];
        }
    }

    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        double e = 0;
        for (int i = 0; i < region.length; i++) {
            int r = region[i];
            // 1 - (m.u)^2 = |m x u|^2 for unit m: no cancellation near the easy axis
            double cx = m.y[i] * uz[r] - m.z[i] * uy[r];
            double cy = m.z[i] * ux[r] - m.x[i] * uz[r];
            double cz = m.x[i] * uy[r] - m.y[i] * ux[r];
            e += k[r] * volume[i] * (cx * cx + cy * cy + cz * cz);
        }
        return e;
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        for (int i = 0; i < region.length; i++) {
            int r = region[i];
            double cx = m.y[i] * uz[r] - m.z[i] * uy[r];
            double cy = m.z[i] * ux[r] - m.x[i] * uz[r];
            double cz = m.x[i] * uy[r] - m.y[i] * ux[r];
            density[i] = k[r] * (cx * cx + cy * cy + cz * cz);
        }
    }
}
