package org.hypermag.solver.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * Each term's energy and its rate at a state whose H_eff and dm/dt are given, the demag as the remainder of H_eff:
 * against the terms' own energies, and the rates against central differences of the energies along dm/dt.
 */
class EnergyRatesTest {

    @Test
    void energiesAreTheTermsOwnAndRatesAreTheirDerivativesAlongTheMotion() {
        RegularGrid grid = new RegularGrid(12, 6, 2, 5e-9, 5e-9, 4e-9);
        Magnet magnet = Magnet.onGrid(grid, Material.of(8e5).with(ExchangeField.A, 1.3e-11)
                .with(UniaxialAnisotropyField.K1, 5e4).with(UniaxialAnisotropyField.AXIS, 0.3, 0.2, 1)
                .with(LlgEquation.ALPHA, 0.1));
        StageDrive drive = new StageDrive();
        drive.set(AppliedField.constant(new double[] {-2e4, 5e3, 1e3}), 0);
        EffectiveField field = Physics.effectiveField(new TermInputs(magnet,
                new FftDemag(grid, WorkerPool.shared()), drive));
        List<FieldTerm> terms = field.terms();
        assertEquals(List.of("demag", "exchange", "uniaxial_anisotropy", "zeeman"),
                terms.stream().map(FieldTerm::name).sorted().toList(), "the terms of this test");
        int n = magnet.size();
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double a = 0.4 * i, b = 0.25 * i;
            double x = Math.cos(a) + 0.3, y = Math.sin(a), z = 0.5 * Math.sin(b);
            double r = Math.sqrt(x * x + y * y + z * z);
            m.x[i] = x / r;
            m.y[i] = y / r;
            m.z[i] = z / r;
        }
        LlgEquation llg = new LlgEquation(magnet, field);
        VectorField dmdt = new VectorField(n);
        llg.derivative(0, m, dmdt);
        EnergyRates rates = new EnergyRates(magnet, field);
        double[] e = new double[terms.size()], r = new double[terms.size()], ref = new double[terms.size()];
        rates.compute(0, m, llg.lastField(), dmdt, e, r);
        field.compute(0, m, new VectorField(n), ref);
        double scale = 0, rateScale = 0;
        for (int k = 0; k < ref.length; k++) {
            scale = Math.max(scale, Math.abs(ref[k]));
            rateScale = Math.max(rateScale, Math.abs(r[k]));
        }
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], e[k], 1e-12 * scale, terms.get(k).name() + " energy");
        }
        // central differences along dm/dt: m(±ε) = normalise(m ± ε dm/dt), turning m by about 1e-5 rad
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.sqrt(dmdt.x[i] * dmdt.x[i] + dmdt.y[i] * dmdt.y[i] + dmdt.z[i] * dmdt.z[i]));
        }
        double eps = 1e-5 / max;
        double[] plus = energies(field, shifted(m, dmdt, eps)), minus = energies(field, shifted(m, dmdt, -eps));
        for (int k = 0; k < ref.length; k++) {
            double fd = (plus[k] - minus[k]) / (2 * eps);
            assertEquals(fd, r[k], 1e-6 * rateScale, terms.get(k).name() + " rate");
            assertTrue(Math.abs(r[k]) > 1e-3 * rateScale, terms.get(k).name() + " moves: " + r[k]);
        }
    }

    /** The pass over the domains in chunks of a fixed size: the same bits on one thread and on three. */
    @Test
    void theRatesAreTheSameBitsOnAnyNumberOfThreads() {
        RegularGrid grid = new RegularGrid(80, 70, 1, 4e-9, 4e-9, 3e-9);
        Magnet magnet = Magnet.onGrid(grid, Material.of(8e5).with(ExchangeField.A, 1.3e-11)
                .with(LlgEquation.ALPHA, 0.02));
        assertTrue(magnet.size() > 2 * EnergyRates.CHUNK, "several chunks");
        StageDrive drive = new StageDrive();
        drive.set(AppliedField.constant(new double[] {-2e4, 5e3, 1e3}), 0);
        WorkerPool three = new WorkerPool(3);
        EffectiveField field = Physics.effectiveField(new TermInputs(magnet, new FftDemag(grid, three), drive));
        int n = magnet.size();
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double a = 0.01 * i;
            m.x[i] = Math.cos(a) * 0.8;
            m.y[i] = Math.sin(a) * 0.8;
            m.z[i] = 0.6;
        }
        LlgEquation llg = new LlgEquation(magnet, field);
        VectorField dmdt = new VectorField(n);
        llg.derivative(0, m, dmdt);
        int terms = field.terms().size();
        double[] e1 = new double[terms], r1 = new double[terms], e3 = new double[terms], r3 = new double[terms];
        new EnergyRates(magnet, field, null).compute(0, m, llg.lastField(), dmdt, e1, r1);
        new EnergyRates(magnet, field, three).compute(0, m, llg.lastField(), dmdt, e3, r3);
        for (int k = 0; k < terms; k++) {
            assertEquals(Double.doubleToLongBits(e1[k]), Double.doubleToLongBits(e3[k]), "energy " + k);
            assertEquals(Double.doubleToLongBits(r1[k]), Double.doubleToLongBits(r3[k]), "rate " + k);
            assertTrue(r1[k] != 0 && e1[k] != 0, "term " + k + " contributes");
        }
        three.close();
    }

    private static VectorField shifted(VectorField m, VectorField d, double eps) {
        VectorField out = new VectorField(m.size());
        for (int i = 0; i < m.size(); i++) {
            double x = m.x[i] + eps * d.x[i], y = m.y[i] + eps * d.y[i], z = m.z[i] + eps * d.z[i];
            double len = Math.sqrt(x * x + y * y + z * z);
            out.x[i] = x / len;
            out.y[i] = y / len;
            out.z[i] = z / len;
        }
        return out;
    }

    private static double[] energies(EffectiveField field, VectorField m) {
        double[] e = new double[field.terms().size()];
        field.compute(0, m, new VectorField(m.size()), e);
        return e;
    }
}
