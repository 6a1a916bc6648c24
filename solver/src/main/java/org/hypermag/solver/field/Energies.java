package org.hypermag.solver.field;

import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;

/** Energy sums shared by the field terms. */
final class Energies {
    private Energies() {
    }

    /**
     * −f·μ0·Σ_i Ms_i V_i m_i·h_i: with f = ½ the energy of a field linear in m (exchange, demag), with f = 1 that of a
     * field independent of m (Zeeman).
     */
    static double fieldEnergy(double f, double[] ms, double[] volume, VectorField m, VectorField h) {
        double sum = 0;
        for (int i = 0; i < ms.length; i++) {
            sum += ms[i] * volume[i] * (m.x[i] * h.x[i] + m.y[i] * h.y[i] + m.z[i] * h.z[i]);
        }
        return -f * Constants.MU0 * sum;
    }

    /** Per-domain density −f·μ0·Ms_i m_i·h_i (J/m³), the density of {@link #fieldEnergy}. */
    static void fieldEnergyDensity(double f, double[] ms, VectorField m, VectorField h, double[] out) {
        for (int i = 0; i < ms.length; i++) {
            out[i] = -f * Constants.MU0 * ms[i] * (m.x[i] * h.x[i] + m.y[i] * h.y[i] + m.z[i] * h.z[i]);
        }
    }
}
