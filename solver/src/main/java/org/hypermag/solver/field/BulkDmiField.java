package org.hypermag.solver.field;

import java.util.List;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * Bulk Dzyaloshinskii–Moriya interaction (crystal class T, e.g. B20 FeGe), with mumax3's sign: energy density
 * ε = Dbulk m·(∇ × m) (J/m³), field H = −(2 Dbulk/(μ0 Ms)) ∇ × m (A/m). As a sum over face-sharing pairs
 * ({@link ChiralCoupling}): d_ij = −r̂_ij, pairs along every axis.
 */
public final class BulkDmiField extends ChiralCoupling {
    /** Bulk DMI constant Dbulk (J/m²), any sign. */
    public static final Parameter DBULK = Parameter.anyNumber("Dbulk", "J/m^2",
            "bulk DMI constant (class T; mumax3's sign: eps = Dbulk m.(curl m))", 0);
    /** The bulk DMI term: built when some region has Dbulk ≠ 0. */
    public static final FieldTermType TYPE = new FieldTermType("dmi-bulk", "dmi",
            "bulk DMI, energy density Dbulk m.(curl m) (J/m^3), between domains sharing a face", List.of(DBULK),
            in -> in.magnet().anyNonZero(DBULK) ? of(in.magnet()) : null);

    private static final boolean[] ALL = {true, true, true};

    private BulkDmiField(Magnet magnet) {
        super(magnet, DBULK, ALL);
    }

    /**
     * @param magnet the system
     * @return the term
     * @throws IllegalArgumentException if no two domains with Dbulk ≠ 0 share a face
     */
    public static BulkDmiField of(Magnet magnet) {
        BulkDmiField f = new BulkDmiField(magnet);
        if (f.pairCount() == 0) {
            throw new IllegalArgumentException("Dbulk couples domains that share a face; no two domains with "
                    + "Dbulk != 0 do in this geometry");
        }
        return f;
    }

    @Override
    double[] dmiVector(int axis, int sign) {
        double[] d = new double[3];
        d[axis] = -sign;
        return d;
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }
}
