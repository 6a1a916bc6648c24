package org.hypermag.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.FieldTermType;
import org.hypermag.solver.field.SecondOrderAnisotropyField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.magnet.Parameter;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/** The one list of terms and torques: what everything else iterates over. */
class PhysicsTest {
    static Magnet magnet(Material m) {
        return Magnet.ofPrisms(Prisms.of(new double[] {0, 4e-9}, new double[] {0, 0}, new double[] {0, 0},
                new double[] {4e-9, 4e-9}, new double[] {4e-9, 4e-9}, new double[] {4e-9, 4e-9}), new int[2],
                List.of(m));
    }

    @Test
    void everyMaterialKeyIsDeclaredOnceWithItsUnitAndTheTermsParametersAreAmongThem() {
        List<Parameter> all = Physics.materialParameters();
        Set<String> keys = new HashSet<>();
        for (Parameter p : all) {
            assertTrue(keys.add(p.key()), "declared once: " + p.key());
            assertTrue(!p.unit().isEmpty() && !p.doc().isEmpty(), p.key());
        }
        assertEquals(List.of("Ms", "alpha", "gamma"), List.of(all.get(0).key(), all.get(1).key(), all.get(2).key()));
        for (FieldTermType t : Physics.TERMS) {
            assertTrue(all.containsAll(t.parameters()), t.name());
        }
        assertTrue(all.contains(SecondOrderAnisotropyField.K2));
    }

    @Test
    void energyColumnsAreTheTermsColumnsEachOnceInTermOrder() {
        assertEquals(List.of("exchange", "dmi", "anisotropy", "zeeman", "demag"), Physics.energyColumns(),
                "the thermal field has no energy column; both DMI terms share one");
        assertEquals(2, Physics.energyColumnOf(SecondOrderAnisotropyField.of(magnet(Material.of(8e5)
                .with(SecondOrderAnisotropyField.K2, 1e4)))), "K2 adds to the anisotropy column");
    }

    @Test
    void aTermWhoseConstantsAreZeroIsLeftOutAndBuiltOtherwise() {
        Material plain = Material.of(8e5);
        TermInputs none = new TermInputs(magnet(plain), null, new StageDrive());
        EffectiveField f = Physics.effectiveField(none);
        assertEquals(List.of("zeeman"), f.terms().stream().map(t -> t.name()).toList(),
                "no exchange (A = 0), no anisotropies, no demag: the Zeeman term only");
        for (FieldTermType t : Physics.TERMS) {
            if (t != org.hypermag.solver.field.ZeemanField.TYPE) {
                assertNull(t.factory().create(none), t.name() + " with zero constants (or at 0 K)");
            }
        }
        Magnet all = magnet(plain.with(ExchangeField.A, 1e-11).with(UniaxialAnisotropyField.K1, 1e5)
                .with(SecondOrderAnisotropyField.K2, 1e4).with(org.hypermag.solver.field.CubicAnisotropyField.KC1,
                        1e4).with(LlgEquation.ALPHA, 0.1)
                .with(org.hypermag.solver.field.InterfacialDmiField.DIND, 1e-3)
                .with(org.hypermag.solver.field.BulkDmiField.DBULK, 1e-3));
        StageDrive thermal = new StageDrive();
        thermal.enableThermal(1); // a run that may be above 0 K has the thermal term
        TermInputs full = new TermInputs(all, DirectDemag.forPrisms(all.prisms(), 1 << 20, WorkerPool.shared()),
                thermal);
        for (FieldTermType t : Physics.TERMS) {
            if (t != org.hypermag.solver.field.InterlayerExchangeField.TYPE) {
                assertNotNull(t.factory().create(full), t.name());
            }
        }
        // interlayer exchange is a coupling of the magnet, not a material constant: none is declared here
        assertEquals(Physics.TERMS.size() - 1, Physics.effectiveField(full).terms().size());
        assertEquals(List.of(), Physics.torques(full), "no torque is registered yet");
    }

    @Test
    void theKeyTableListsEveryParameterWithDefaultAndRange() {
        String table = Physics.materialKeyTable();
        for (Parameter p : Physics.materialParameters()) {
            assertTrue(table.contains("| `" + p.key() + "` | "), p.key());
        }
        assertTrue(table.contains("| `A` | J/m | required |"), table);
        assertTrue(table.contains("| `cubic_axes` | 1 | [[1, 0, 0], [0, 1, 0]] |"), table);
        assertTrue(table.contains("| `temperature` | K | the stage's |"), table);
    }
}
