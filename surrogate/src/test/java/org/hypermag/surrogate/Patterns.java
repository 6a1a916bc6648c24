package org.hypermag.surrogate;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.surrogate.FieldAccuracy.Pattern;

/** Shorthands for the test magnetisations and error measures of {@link FieldAccuracy}, with Ms = 8e5 A/m. */
final class Patterns {
    static final double MS = 8e5;

    private Patterns() {
    }

    static VectorField random(Prisms p, long seed) {
        return FieldAccuracy.magnetisation(Pattern.RANDOM, p, MS, seed);
    }

    static VectorField smooth(Prisms p) {
        return FieldAccuracy.magnetisation(Pattern.SMOOTH, p, MS, 0);
    }

    static VectorField uniform(Prisms p, double x, double y, double z) {
        double r = Math.sqrt(x * x + y * y + z * z);
        VectorField m = new VectorField(p.size());
        for (int i = 0; i < p.size(); i++) {
            m.set(i, MS * x / r, MS * y / r, MS * z / r);
        }
        return m;
    }

    static VectorField vortex(Prisms p) {
        return FieldAccuracy.magnetisation(Pattern.VORTEX, p, MS, 0);
    }

    static double[] bounds(Prisms p) {
        return p.centreBounds();
    }

    static VectorField field(DemagField d, VectorField m) {
        return FieldAccuracy.field(d, m);
    }

    /** @return {median over domains of |dH|/|H|, relative L2 error sqrt(sum|dH|^2 / sum|H|^2)} */
    static double[] errors(VectorField approx, VectorField exact) {
        FieldAccuracy.Errors e = FieldAccuracy.errors(approx, exact);
        return new double[] {e.median(), e.l2()};
    }
}
