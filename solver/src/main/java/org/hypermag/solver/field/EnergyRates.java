package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;

/**
 * Each term's energy E_k (J) and its rate of change dE_k/dt (W) at a state whose effective field H_eff and dm/dt
 * are already known (the end of an integrator step), without computing the demag again: the local terms' fields are
 * computed (cheap), and the demag's is H_eff less their sum. The rate follows from the effective field being the
 * energy's gradient, H_k,i = −∂E_k/∂m_i / (μ0 Ms_i V_i):
 * dE_k/dt = −μ0 Σ_i Ms_i V_i H_k,i · (dm/dt)_i, exact for terms without explicit time dependence (the caller
 * checks that the applied field is constant). With the energies and rates at both ends of a step, a table row inside
 * the step takes its energies from the cubic Hermite interpolant (third order, like the interpolated m).
 * Work space: two vector fields.
 */
public final class EnergyRates {
    private final FieldTerm[] terms;
    private final double[] ms, volume;
    private final VectorField own, remainder;

    /**
     * @param magnet the system (Ms and the volumes)
     * @param field the effective field whose terms are rated
     */
    public EnergyRates(Magnet magnet, EffectiveField field) {
        terms = field.terms().toArray(new FieldTerm[0]);
        ms = magnet.msArray();
        volume = magnet.volumeArray();
        own = new VectorField(magnet.size());
        remainder = new VectorField(magnet.size());
    }

    /** @return the number of terms, the length the output arrays need */
    public int terms() {
        return terms.length;
    }

    /**
     * @param t time (s)
     * @param m unit magnetisation
     * @param heff H_eff at (t, m), the sum of every term (A/m), as {@link EffectiveField#compute} gave it
     * @param dmdt dm/dt at (t, m) (1/s)
     * @param energies receives E_k (J) in {@link EffectiveField#terms()} order
     * @param rates receives dE_k/dt (W), same order
     */
    public void compute(double t, VectorField m, VectorField heff, VectorField dmdt, double[] energies,
                        double[] rates) {
        remainder.setFrom(heff);
        int costly = -1;
        for (int k = 0; k < terms.length; k++) {
            if (terms[k] instanceof DemagTerm && costly < 0) {
                costly = k;
                continue;
            }
            own.clear();
            terms[k].addField(t, m, own);
            energies[k] = terms[k].energy(t, m, own);
            rates[k] = Energies.fieldEnergy(1, ms, volume, dmdt, own);
            subtract(remainder, own);
        }
        if (costly >= 0) {
            energies[costly] = terms[costly].energy(t, m, remainder);
            rates[costly] = Energies.fieldEnergy(1, ms, volume, dmdt, remainder);
        }
    }

    private static void subtract(VectorField a, VectorField b) {
        double[] ax = a.x, ay = a.y, az = a.z, bx = b.x, by = b.y, bz = b.z;
        for (int i = 0; i < ax.length; i++) {
            ax[i] -= bx[i];
            ay[i] -= by[i];
            az[i] -= bz[i];
        }
    }
}
