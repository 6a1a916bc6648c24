package org.hypermag.solver.field;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * Second-order uniaxial anisotropy, mumax3's Ku2: energy density −K2 (m·u)⁴ (J/m³), field
 * H = 4 K2/(μ0 Ms) (m·u)³ u (A/m), about the uniaxial axis u of {@link UniaxialAnisotropyField#AXIS}. K2 &gt; 0 favours
 * the axis further; with K1 the energy density is K1 (1 − (m·u)²) − K2 (m·u)⁴. Its energy is reported in the
 * anisotropy column with K1's. K2 and u per region.
 */
public final class SecondOrderAnisotropyField extends AxialAnisotropy {
    /** Second-order uniaxial anisotropy constant K2 (J/m³). */
    public static final Parameter K2 = Parameter.anyNumber("K2", "J/m^3",
            "second-order uniaxial anisotropy constant, energy density -K2 (m.u)^4 about anisotropy_axis", 0);
    /** The term, built when some region has K2 ≠ 0. */
    public static final FieldTermType TYPE = new FieldTermType("uniaxial_anisotropy_2", "anisotropy",
            "second-order uniaxial anisotropy, energy density -K2 (m.u)^4 (J/m^3)",
            List.of(K2, UniaxialAnisotropyField.AXIS), in -> of(in.magnet()));

    private SecondOrderAnisotropyField(Magnet magnet) {
        super(magnet, K2, 4);
    }

    /**
     * @param magnet the system
     * @return the term, or null if K2 = 0 in every region
     */
    public static SecondOrderAnisotropyField of(Magnet magnet) {
        return magnet.anyNonZero(K2) ? new SecondOrderAnisotropyField(magnet) : null;
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        for (int i = 0; i < region.length; i++) {
            int r = region[i];
            double mu = m.x[i] * ux[r] + m.y[i] * uy[r] + m.z[i] * uz[r];
            double c = coefficient[i] * mu * mu * mu;
            h.x[i] += c * ux[r];
            h.y[i] += c * uy[r];
            h.z[i] += c * uz[r];
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
        double mu = m.x[i] * ux[r] + m.y[i] * uy[r] + m.z[i] * uz[r], mu2 = mu * mu;
        return -k[r] * mu2 * mu2;
    }
}
