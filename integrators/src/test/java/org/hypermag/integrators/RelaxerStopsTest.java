package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.FieldTermType;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/** The relaxation never loops for ever: non-finite values end it with the last good state, and so does a stop. */
class RelaxerStopsTest {
    /** A field that turns NaN once m has left the +x direction by more than a little. */
    static final class NanAway implements FieldTerm {
        static final FieldTermType TYPE = new FieldTermType("nan-away", "zeeman", "test", List.of(), in -> null);

        @Override
        public FieldTermType type() {
            return TYPE;
        }

        @Override
        public void addField(double t, VectorField m, VectorField h) {
            for (int i = 0; i < m.size(); i++) {
                if (m.x[i] < 0.9) {
                    h.x[i] = Double.NaN;
                }
            }
        }

        @Override
        public double energy(double t, VectorField m, VectorField ownField) {
            return 0;
        }

        @Override
        public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        }
    }

    static Magnet domain() {
        return Systems.singleDomain(Material.of(8e5));
    }

    @Test
    void infiniteEnergiesEndTheRelaxationAtOnce() {
        Magnet magnet = Systems.singleDomain(Material.of(1e308));
        EffectiveField f = new EffectiveField(1, new ZeemanField(magnet, AppliedField.constant(
                new double[] {0, 0, 1e308})));
        VectorField m = Systems.unit(1.0, 0);
        long t0 = System.nanoTime();
        Relaxer.Result r = Relaxer.withDefaults(f, m).relax(0, null);
        assertEquals(Relaxer.Outcome.NON_FINITE, r.outcome());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
    }

    @Test
    void aFieldThatTurnsNonFiniteOnTheWayEndsTheRelaxationWithTheLastFiniteState() {
        Magnet magnet = domain();
        EffectiveField f = new EffectiveField(1, new NanAway(), new ZeemanField(magnet, AppliedField.constant(
                new double[] {-1e6, 1e5, 0})));
        VectorField m = Systems.unit(Math.PI / 2, 0.01);
        Relaxer.Result r = Relaxer.withDefaults(f, m).relax(0, null);
        assertEquals(Relaxer.Outcome.NON_FINITE, r.outcome(), r.toString());
        assertTrue(m.x[0] >= 0.9 && Double.isFinite(m.y[0]), "the last state with finite values: " + m.x[0]);
    }

    @Test
    void aStopRequestEndsARelaxationEvenInsideItsBacktracking() {
        Magnet magnet = domain();
        EffectiveField f = new EffectiveField(1, new ZeemanField(magnet, AppliedField.constant(
                new double[] {-1e6, 1e5, 0})));
        VectorField m = Systems.unit(Math.PI / 2, 0.01);
        AtomicInteger polls = new AtomicInteger();
        Relaxer.Result r = new Relaxer(f, m, 1e-12, Integer.MAX_VALUE).relax(0, null,
                () -> polls.incrementAndGet() > 3);
        assertEquals(Relaxer.Outcome.INTERRUPTED, r.outcome());
        assertTrue(polls.get() <= 4, "stopped at the first poll after the request: " + polls.get());
    }
}
