package org.hypermag.integrators;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;

/** Small systems shared by the integrator tests. */
final class Systems {
    private Systems() {
    }

    /** A single 2 nm cube (no demag: a cube's self field is parallel to m and exerts no torque). */
    static Magnet singleDomain(Material material) {
        return Magnet.ofPrisms(Prisms.of(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {2e-9},
                new double[] {2e-9}, new double[] {2e-9}), new int[1], List.of(material));
    }

    static VectorField unit(double theta, double phi) {
        VectorField m = new VectorField(1);
        m.set(0, Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta));
        return m;
    }

    /** A small film with exchange, tilted uniaxial anisotropy, exact FFT demag and an optional applied field. */
    static Magnet film(int nx, int ny, int nz, double alpha) {
        return Magnet.onGrid(new RegularGrid(nx, ny, nz, 4e-9, 4e-9, 3e-9), Material.of(8e5).with(ExchangeField.A, 1.3e-11)
                .with(UniaxialAnisotropyField.K1, 2e5).with(UniaxialAnisotropyField.AXIS, 1, 0.5, 0.3).with(LlgEquation.ALPHA, alpha));
    }

    static EffectiveField fieldOf(Magnet magnet, double[] applied) {
        return new EffectiveField(magnet.size(), ExchangeField.of(magnet), UniaxialAnisotropyField.of(magnet),
                applied == null ? null : new ZeemanField(magnet, AppliedField.constant(applied)),
                new DemagTerm(magnet, new FftDemag(magnet.grid(), WorkerPool.shared())));
    }

    /** A smooth non-uniform state: a twisted configuration. */
    static VectorField twisted(Magnet magnet) {
        RegularGrid g = magnet.grid();
        VectorField m = new VectorField(magnet.size());
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double th = 0.3 + 2.0 * i / g.nx() + 0.2 * k, ph = 1.5 * j / g.ny();
                    m.set(g.index(i, j, k), Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th));
                }
            }
        }
        return m;
    }

    static LlgEquation llg(Magnet magnet, EffectiveField field) {
        return new LlgEquation(magnet, field);
    }

    static double totalEnergy(EffectiveField field, double t, VectorField m) {
        double[] e = new double[field.terms().size()];
        field.compute(t, m, new VectorField(m.size()), e);
        double s = 0;
        for (double x : e) {
            s += x;
        }
        return s;
    }
}
