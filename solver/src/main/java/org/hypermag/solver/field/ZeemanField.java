package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;

/** Zeeman: a uniform applied field H_app(t) (A/m); energy −μ0 Σ Ms V m·H_app (J). */
public final class ZeemanField implements FieldTerm {
    private final AppliedField applied;
    private final double[] ms, volume;
    private final double[] value = new double[3];

    /**
     * @param magnet the system
     * @param applied the applied field protocol
     */
    public ZeemanField(Magnet magnet, AppliedField applied) {
        this.applied = applied;
        ms = magnet.msArray();
        volume = magnet.volumeArray();
    }

    /** @return the protocol */
    public AppliedField applied() {
        return applied;
    }

    @Override
    public String name() {
        return "zeeman";
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        applied.value(t, value);
        double hx = value[0], hy = value[1], hz = value[2];
        for (int i = 0; i < h.size(); i++) {
            h.x[i] += hx;
            h.y[i] += hy;
            h.z[i] += hz;
        }
    }

    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        return Energies.fieldEnergy(1, ms, volume, m, ownField);
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        Energies.fieldEnergyDensity(1, ms, m, ownField, density);
    }
}
