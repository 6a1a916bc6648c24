package org.hypermag.solver.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;
import org.junit.jupiter.api.Test;

/**
 * The contract of every field term: its field is minus the gradient of its energy on the sphere,
 * H_i·e = −1/(μ0 Ms_i V_i) ∂E/∂m_i·e for tangent directions e, and addField adds rather than overwrites.
 * Subclasses supply the magnet and the term.
 */
abstract class FieldTermContractTest {

    abstract Magnet magnet();

    abstract FieldTerm term(Magnet magnet);

    /** Relative tolerance of the finite-difference gradient check. */
    double tolerance() {
        return 1e-5;
    }

    static VectorField randomUnit(int n, long seed) {
        Random rnd = new Random(seed);
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
            double r = Math.sqrt(x * x + y * y + z * z);
            m.set(i, x / r, y / r, z / r);
        }
        return m;
    }

    static double energy(FieldTerm term, double t, VectorField m) {
        VectorField h = new VectorField(m.size());
        term.addField(t, m, h);
        return term.energy(t, m, h);
    }

    @Test
    void fieldIsMinusTheEnergyGradientOnTheSphere() {
        Magnet magnet = magnet();
        FieldTerm term = term(magnet);
        VectorField m = randomUnit(magnet.size(), 42);
        VectorField h = new VectorField(magnet.size());
        double t = 1.5e-10;
        term.addField(t, m, h);
        Random rnd = new Random(7);
        double maxField = 0;
        for (int i = 0; i < h.size(); i++) {
            maxField = Math.max(maxField, Math.sqrt(h.x[i] * h.x[i] + h.y[i] * h.y[i] + h.z[i] * h.z[i]));
        }
        for (int trial = 0; trial < 12; trial++) {
            int i = rnd.nextInt(magnet.size());
            // a tangent direction at m_i
            double[] r = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double dot = r[0] * m.x[i] + r[1] * m.y[i] + r[2] * m.z[i];
            double[] e = {r[0] - dot * m.x[i], r[1] - dot * m.y[i], r[2] - dot * m.z[i]};
            double en = Math.sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2]);
            for (int k = 0; k < 3; k++) {
                e[k] /= en;
            }
            double delta = 1e-5;
            double ePlus = energyRotated(term, t, m, i, e, delta);
            double eMinus = energyRotated(term, t, m, i, e, -delta);
            double gradient = (ePlus - eMinus) / (2 * delta);
            double expected = -Constants.MU0 * magnet.ms(i) * magnet.volume(i)
                    * (h.x[i] * e[0] + h.y[i] * e[1] + h.z[i] * e[2]);
            double scale = Constants.MU0 * magnet.ms(i) * magnet.volume(i) * maxField;
            assertEquals(expected, gradient, tolerance() * scale, "domain " + i + " of " + term.name());
        }
    }

    /** Energy with m_i rotated by angle delta towards e (kept a unit vector). */
    private static double energyRotated(FieldTerm term, double t, VectorField m, int i, double[] e, double delta) {
        VectorField p = m.copy();
        double c = Math.cos(delta), s = Math.sin(delta);
        p.set(i, c * m.x[i] + s * e[0], c * m.y[i] + s * e[1], c * m.z[i] + s * e[2]);
        return energy(term, t, p);
    }

    @Test
    void energyDensitiesSumToTheEnergy() {
        Magnet magnet = magnet();
        FieldTerm term = term(magnet);
        VectorField m = randomUnit(magnet.size(), 11);
        VectorField h = new VectorField(magnet.size());
        term.addField(2e-10, m, h);
        double[] density = new double[magnet.size()];
        term.energyDensity(2e-10, m, h, density);
        double sum = 0, scale = 0;
        for (int i = 0; i < density.length; i++) {
            sum += density[i] * magnet.volume(i);
            scale += Math.abs(density[i] * magnet.volume(i));
        }
        assertEquals(term.energy(2e-10, m, h), sum, 1e-12 * scale);
    }

    @Test
    void addFieldAddsToTheBuffer() {
        Magnet magnet = magnet();
        FieldTerm term = term(magnet);
        VectorField m = randomUnit(magnet.size(), 3);
        VectorField once = new VectorField(magnet.size());
        term.addField(0, m, once);
        VectorField twice = new VectorField(magnet.size());
        for (int i = 0; i < twice.size(); i++) {
            twice.set(i, 1, 2, 3);
        }
        term.addField(0, m, twice);
        for (int i = 0; i < twice.size(); i++) {
            assertEquals(once.x[i] + 1, twice.x[i], 1e-9 * (1 + Math.abs(once.x[i])));
            assertEquals(once.z[i] + 3, twice.z[i], 1e-9 * (1 + Math.abs(once.z[i])));
        }
        assertTrue(org.hypermag.solver.Physics.TERMS.contains(term.type()), term.name() + " is registered in Physics");
        assertTrue(org.hypermag.solver.Physics.energyColumns().contains(term.type().energyColumn()));
    }
}
