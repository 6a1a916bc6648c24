package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.magnet.Magnet;

/**
 * The demagnetising field as an effective-field term: M = Ms·m is formed in an owned buffer and handed to a
 * {@link DemagField} (exact or surrogate). Energy −(μ0/2) Σ Ms V m·H_demag (J).
 */
public final class DemagTerm implements FieldTerm {
    private final DemagField demag;
    private final double[] ms, volume;
    private final VectorField magnetisation;

    /**
     * @param magnet the system
     * @param demag the demagnetising-field method for its domains
     */
    public DemagTerm(Magnet magnet, DemagField demag) {
        if (demag.size() != magnet.size()) {
            throw new IllegalArgumentException("demag method has " + demag.size() + " domains, the magnet "
                    + magnet.size());
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
    public String name() {
        return "demag";
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
