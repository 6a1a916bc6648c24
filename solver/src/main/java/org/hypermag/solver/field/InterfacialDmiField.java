package org.hypermag.solver.field;

import java.util.List;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * Interfacial Dzyaloshinskii–Moriya interaction (crystal class C_nv, the interface normal along z), with mumax3's
 * sign: energy density ε = Dind [m_z ∇·m − (m·∇) m_z] (J/m³), field H = (2 Dind/(μ0 Ms)) (∂_x m_z, ∂_y m_z,
 * −∂_x m_x − ∂_y m_y) (A/m). As a sum over face-sharing pairs ({@link ChiralCoupling}): d_ij = ẑ × r̂_ij, so only pairs
 * side by side in the x-y plane couple. The DMI standard problem of Cortés-Ortuño et al. (2018) writes the same
 * energy with the opposite sign: its D = −Dind (its mumax3 scripts set Dind = −D).
 */
public final class InterfacialDmiField extends ChiralCoupling {
    /** Interfacial DMI constant Dind (J/m²), any sign. */
    public static final Parameter DIND = Parameter.anyNumber("Dind", "J/m^2",
            "interfacial DMI constant (class Cnv, normal z; mumax3's sign: eps = Dind (mz div m - (m.grad) mz))", 0);
    /** The interfacial DMI term: built when some region has Dind ≠ 0. */
    public static final FieldTermType TYPE = new FieldTermType("dmi-interfacial", "dmi",
            "interfacial DMI, energy density Dind (mz div m - (m.grad) mz) (J/m^3), between domains side by side in x-y",
            List.of(DIND), in -> in.magnet().anyNonZero(DIND) ? of(in.magnet()) : null);

    private static final boolean[] IN_PLANE = {true, true, false};

    private InterfacialDmiField(Magnet magnet) {
        super(magnet, DIND, IN_PLANE);
    }

    /**
     * @param magnet the system
     * @return the term
     * @throws IllegalArgumentException if no two domains with Dind ≠ 0 share a face normal to x or y (the term would
     *     couple nothing: a single layer of separated grains, a stack of layers one domain wide)
     */
    public static InterfacialDmiField of(Magnet magnet) {
        InterfacialDmiField f = new InterfacialDmiField(magnet);
        if (f.pairCount() == 0) {
            throw new IllegalArgumentException("Dind couples domains that share a face normal to x or y (side by "
                    + "side in the film plane); no two domains with Dind != 0 do in this geometry");
        }
        return f;
    }

    @Override
    double[] dmiVector(int axis, int sign) {
        // z × (sign e_x) = sign e_y; z × (sign e_y) = −sign e_x
        return axis == 0 ? new double[] {0, sign, 0} : new double[] {-sign, 0, 0};
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }
}
