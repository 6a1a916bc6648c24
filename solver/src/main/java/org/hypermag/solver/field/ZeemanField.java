package org.hypermag.solver.field;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;

/**
 * Zeeman: the uniform applied field H_app(t) (A/m) of the current stage; energy −μ0 Σ Ms V m·H_app (J).
 */
public final class ZeemanField implements FieldTerm {
    /** The Zeeman term: always built (a stage without a field applies zero). */
    public static final FieldTermType TYPE = new FieldTermType("zeeman", "zeeman",
            "the applied field of the stage, energy density -mu0 Ms m.H_app (J/m^3)", List.of(),
            in -> new ZeemanField(in.magnet(), in.drive()));

    private final StageDrive drive;
    private final double[] ms, volume;
    private final double[] value = new double[3];

    /**
     * @param magnet the system
     * @param drive the stage drive whose applied field this term adds
     */
    public ZeemanField(Magnet magnet, StageDrive drive) {
        this.drive = drive;
        ms = magnet.msArray();
        volume = magnet.volumeArray();
    }

    /**
     * @param magnet the system
     * @param applied a fixed applied field protocol (time from 0)
     */
    public ZeemanField(Magnet magnet, AppliedField applied) {
        this(magnet, StageDrive.of(applied));
    }

    /**
     * The applied field at a time (uniform over the domains; for device kernels).
     *
     * @param t time (s)
     * @param out receives H_x, H_y, H_z (A/m)
     */
    public void appliedField(double t, double[] out) {
        drive.appliedField(t, out);
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        drive.appliedField(t, value);
        double hx = value[0], hy = value[1], hz = value[2];
        if (hx == 0 && hy == 0 && hz == 0) {
            return;
        }
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
