package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.magnet.Magnet;

/**
 * The demagnetising field as an effective-field term: M = Ms·m is formed in an owned buffer and handed to a
 * {@link DemagField} (exact or surrogate). Energy −(μ0/2) Σ Ms V m·H_demag (J).
 */
public final class DemagTerm implements FieldTerm {
    /** The demag term, built when the scenario has a demag method (not {@code none}). */
    public static final FieldTermType TYPE = new FieldTermType("demag", "demag",
            "the demagnetising (stray) field, energy density -(mu0/2) Ms m.H_demag (J/m^3)", java.util.List.of(),
            in -> in.demag() == null ? null : new DemagTerm(in.magnet(), in.demag()));
    private final DemagField demag;
    private final double[] ms, volume;
    private final VectorField magnetisation;

    /**
     * @param magnet the system
     * @param demag the demagnetising-field method for its domains
     */
    public DemagTerm(Magnet magnet, DemagField demag) {
        if (demag.sources() != magnet.size() || demag.targets() != magnet.size()) {
            throw new IllegalArgumentException("demag method has " + demag.sources() + " sources and "
                    + demag.targets() + " targets, the magnet " + magnet.size() + " domains");
        }
        this.demag = demag;
        ms = magnet.msArray();
        volume = magnet.volumeArray();
        magnetisation = new VectorField(magnet.size());
    }

    /** @return the demag method */
    public DemagField method() {
        return demag;
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    /** @return true: the demagnetising field is the long-range term */
    @Override
    public boolean isLongRange() {
        return true;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        for (int i = 0; i < ms.length; i++) {
            magnetisation.x[i] = ms[i] * m.x[i];
            magnetisation.y[i] = ms[i] * m.y[i];
            magnetisation.z[i] = ms[i] * m.z[i];
        }
        demag.addField(magnetisation, h);
    }

    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        return Energies.fieldEnergy(0.5, ms, volume, m, ownField);
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        Energies.fieldEnergyDensity(0.5, ms, m, ownField, density);
    }
}
