package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/** Which temperature each domain's thermal field follows, and when it draws. */
class ThermalFieldTest {

    private static ThermalField thermal(Macrospins s) {
        return (ThermalField) s.llg.effectiveField().terms().stream().filter(t -> t instanceof ThermalField)
                .findFirst().orElseThrow();
    }

    private static double rms(ThermalField th, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += th.drawn().x[i] * th.drawn().x[i] + th.drawn().y[i] * th.drawn().y[i]
                    + th.drawn().z[i] * th.drawn().z[i];
        }
        return Math.sqrt(s / (3.0 * (to - from)));
    }

    /**
     * A region with its own temperature keeps it whatever the stage's; the others follow the stage's protocol, at
     * the temperature of each step's start: a heat pulse (a table 0 K, 400 K, 0 K) draws nothing while it is at 0 K
     * and a field of standard deviation ∝ √T in between.
     */
    @Test
    void regionsFollowTheirOwnTemperatureOrTheStagesProtocol() {
        int n = 2000;
        Material plain = Material.of(8e5).with(LlgEquation.ALPHA, 0.1);
        Material own = plain.with(ThermalField.TEMPERATURE, 100);
        int[] regions = Macrospins.regions(n / 2, n / 2);
        Temperature pulse = Temperature.tabulated(new double[] {1e-12, 2e-12, 3e-12}, new double[] {0, 400, 0});
        Macrospins s = new Macrospins(Macrospins.fill(n, 4e-9), regions, List.of(plain, own), 1, null, pulse);
        ThermalField th = thermal(s);
        double dt = 1e-14;
        assertTrue(th.beginStep(0.5e-12, dt), "region 1 at its own 100 K draws before the pulse");
        assertEquals(0, rms(th, 0, n / 2), 0.0, "region 0 at 0 K");
        double sd100 = th.standardDeviation(n / 2, 100, dt);
        double se = Math.sqrt(1.0 / (2 * 3 * n / 2.0)); // relative standard error of an rms over 3n/2 normals
        assertEquals(1, rms(th, n / 2, n) / sd100, 4 * se);
        assertTrue(th.beginStep(2e-12, dt));
        assertEquals(1, rms(th, 0, n / 2) / th.standardDeviation(0, 400, dt), 4 * se, "the pulse's peak");
        assertEquals(1, rms(th, n / 2, n) / sd100, 4 * se, "region 1 keeps 100 K");
        assertTrue(th.beginStep(1.5e-12, dt));
        assertEquals(1, rms(th, 0, n / 2) / th.standardDeviation(0, 200, dt), 4 * se, "half way up: 200 K");
        assertEquals(Math.sqrt(2), th.standardDeviation(0, 400, dt) / th.standardDeviation(0, 200, dt), 1e-12);
        assertEquals(Math.sqrt(2), th.standardDeviation(0, 400, dt) / th.standardDeviation(0, 400, 2 * dt), 1e-12);
    }

    /** At 0 K everywhere nothing is drawn and the draw count stays; a relaxation (no temperature) draws nothing. */
    @Test
    void nothingIsDrawnAtZeroKelvinOrInARelaxation() {
        Macrospins s = new Macrospins(Macrospins.fill(10, 4e-9), new int[10],
                List.of(Material.of(8e5).with(LlgEquation.ALPHA, 0.1)), 1, null, Temperature.constant(0));
        ThermalField th = thermal(s);
        assertFalse(th.beginStep(0, 1e-13));
        assertEquals(0, th.draws());
        assertTrue(s.llg.isStochastic(), "a stage with a temperature can draw");
        s.drive.set(null, Temperature.constant(300), 0);
        assertTrue(th.beginStep(0, 1e-13));
        assertEquals(1, th.draws());
        s.drive.set(null, null, 0);
        assertFalse(s.llg.isStochastic(), "a relaxation is deterministic");
        assertFalse(th.hasDraw(), "the last stage's draw does not leak into the next");
        assertFalse(th.beginStep(0, 1e-13));
        assertEquals(1, th.draws());
    }
}
