package org.hypermag.solver.llg;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.magnet.Magnet;

/**
 * The Landau–Lifshitz–Gilbert equation in Landau–Lifshitz form:
 * dm/dt = −γ/(1+α²) [m × H + α m × (m × H)], with γ (m/(A·s)) and α per domain and H = H_eff (A/m).
 *
 * <p>Each evaluation also records the largest torque max_i |m_i × H_i| (A/m) and keeps H_eff, for step control,
 * stopping criteria and output. Not thread-safe.
 */
public final class LlgEquation implements Dynamics {
    private final EffectiveField field;
    private final double[] precession;
    private final double[] damping;
    private final VectorField h;
    private double lastMaxTorque;

    /**
     * @param magnet the system (γ and α per domain)
     * @param field the effective field
     */
    public LlgEquation(Magnet magnet, EffectiveField field) {
        if (field.size() != magnet.size()) {
            throw new IllegalArgumentException("effective field has " + field.size() + " domains, the magnet "
                    + magnet.size());
        }
        this.field = field;
        int n = magnet.size();
        precession = new double[n];
        damping = new double[n];
        for (int i = 0; i < n; i++) {
            double a = magnet.alpha(i);
            precession[i] = -magnet.gamma(i) / (1 + a * a);
            damping[i] = a;
        }
        h = new VectorField(n);
    }

    @Override
    public int size() {
        return h.size();
    }

    /** @return the effective field */
    public EffectiveField effectiveField() {
        return field;
    }

    /** @return H_eff (A/m) of the last evaluation (owned by this object; overwritten by the next) */
    public VectorField lastField() {
        return h;
    }

    /** @return max_i |m_i × H_i| (A/m) of the last evaluation */
    public double lastMaxTorque() {
        return lastMaxTorque;
    }

    @Override
    public void derivative(double t, VectorField m, VectorField dmdt) {
        field.compute(t, m, h);
        lastMaxTorque = torque(m, h, dmdt);
    }

    /**
     * Computes dm/dt from a given effective field (overwrites dmdt).
     *
     * @param m magnetisation
     * @param heff effective field (A/m)
     * @param dmdt receives dm/dt (1/s)
     * @return max_i |m_i × H_i| (A/m)
     */
    public double torque(VectorField m, VectorField heff, VectorField dmdt) {
        double[] mx = m.x, my = m.y, mz = m.z, hx = heff.x, hy = heff.y, hz = heff.z;
        double max2 = 0;
        for (int i = 0; i < mx.length; i++) {
            double ax = my[i] * hz[i] - mz[i] * hy[i];
            double ay = mz[i] * hx[i] - mx[i] * hz[i];
            double az = mx[i] * hy[i] - my[i] * hx[i];
            double bx = my[i] * az - mz[i] * ay;
            double by = mz[i] * ax - mx[i] * az;
            double bz = mx[i] * ay - my[i] * ax;
            double g = precession[i], a = damping[i];
            dmdt.x[i] = g * (ax + a * bx);
            dmdt.y[i] = g * (ay + a * by);
            dmdt.z[i] = g * (az + a * bz);
            max2 = Math.max(max2, ax * ax + ay * ay + az * az);
        }
        return Math.sqrt(max2);
    }
}
