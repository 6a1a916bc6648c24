package org.hypermag.scenarios.sim;

import java.util.List;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.FieldTerm;

/**
 * Per-domain fields recorded in a frame.
 *
 * @param demag the demagnetising field (A/m), or null
 * @param effective the effective field (A/m), or null
 * @param energyDensity [column][domain] (J/m³) with the columns of {@link Physics#energyColumns()}, or null
 */
public record FrameFields(VectorField demag, VectorField effective, double[][] energyDensity) {

    /**
     * The per-domain fields a frame may record, for a state.
     *
     * @param field the effective field
     * @param m the state
     * @param t time (s)
     * @param demag whether to compute the demagnetising field
     * @param effective whether to compute the effective field
     * @param energyDensity whether to compute the energy densities
     * @return the fields (null where not asked for)
     */
    static FrameFields of(EffectiveField field, VectorField m, double t, boolean demag, boolean effective,
                          boolean energyDensity) {
        if (!demag && !effective && !energyDensity) {
            return new FrameFields(null, null, null);
        }
        List<FieldTerm> terms = field.terms();
        int n = m.size();
        VectorField[] own = new VectorField[terms.size()];
        for (int k = 0; k < own.length; k++) {
            own[k] = new VectorField(n);
        }
        field.computeTerms(t, m, own);
        VectorField d = demag ? new VectorField(n) : null;
        VectorField e = effective ? new VectorField(n) : null;
        double[][] density = energyDensity ? new double[Physics.energyColumns().size()][n] : null;
        double[] tmp = new double[n];
        for (int k = 0; k < own.length; k++) {
            FieldTerm term = terms.get(k);
            if (d != null && term.type() == org.hypermag.solver.field.DemagTerm.TYPE) {
                d.setFrom(own[k]);
            }
            if (e != null) {
                for (int i = 0; i < n; i++) {
                    e.x[i] += own[k].x[i];
                    e.y[i] += own[k].y[i];
                    e.z[i] += own[k].z[i];
                }
            }
            if (density != null && Physics.energyColumnOf(term) >= 0) {
                term.energyDensity(t, m, own[k], tmp);
                double[] target = density[Physics.energyColumnOf(term)];
                for (int i = 0; i < n; i++) {
                    target[i] += tmp[i];
                }
            }
        }
        return new FrameFields(d, e, density);
    }
}
