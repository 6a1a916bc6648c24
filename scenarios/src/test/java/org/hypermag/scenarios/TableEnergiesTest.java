package org.hypermag.scenarios;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hypermag.output.RunTable;
import org.hypermag.scenarios.spec.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table rows inside adaptive steps ({@code output.table_energies}): interpolated from the steps' ends (the default)
 * against a field evaluation at every row's interpolated state, on a coarse standard-problem-4 film (32 × 8 cells)
 * for 100 ps of field 1 with adaptive RK4(3) and a row every picosecond.
 */
class TableEnergiesTest {

    private static Scenario film(boolean evaluated, String field) {
        return ScenarioRuns.variant("sp4-field1", "cells: \\[128, 32, 1\\]", "cells: [32, 8, 1]",
                "cell_size: \\[3.90625e-9, 3.90625e-9, 3.0e-9\\]", "cell_size: [15.625e-9, 15.625e-9, 3.0e-9]",
                "duration: 1.0e-9", "duration: 1.0e-10", "method: dormand-prince", "method: rk4",
                "field: \\{mT: \\[-24.6, 4.3, 0.0\\]\\}", field,
                "precision: float32", "precision: float32\n  table_energies: " + (evaluated ? "evaluated" : "interpolated"));
    }

    private static final String FIELD1 = "field: {mT: [-24.6, 4.3, 0.0]}";

    @Test
    void interpolatedRowEnergiesMatchEvaluatedOnesToTheStepsOrder(@TempDir Path dir) {
        List<double[]> fast = ScenarioRuns.run(film(false, FIELD1), dir.resolve("interpolated"));
        List<double[]> slow = ScenarioRuns.run(film(true, FIELD1), dir.resolve("evaluated"));
        assertEquals(slow.size(), fast.size());
        double scale = 0, torqueScale = 0, worst = 0, worstTorque = 0;
        int runRows = 0;
        for (int r = 0; r < fast.size(); r++) {
            double[] a = fast.get(r), b = slow.get(r);
            // the same steps, the same interpolated m: time and <m> are the same bits
            for (int c : new int[] {RunTable.T, RunTable.MX, RunTable.MX + 1, RunTable.MX + 2, RunTable.STAGE}) {
                assertEquals(b[c], a[c], "row " + r + ", column " + c);
            }
            if (a[RunTable.STAGE] != 1) {
                assertArrayEquals(b, a, "a relax stage's rows are computed either way (row " + r + ")");
                continue;
            }
            runRows++;
            scale = Math.max(scale, Math.abs(b[RunTable.E_TOTAL]));
            torqueScale = Math.max(torqueScale, b[RunTable.MAX_TORQUE]);
            for (int c = RunTable.E_TOTAL; c < RunTable.MAX_TORQUE; c++) {
                worst = Math.max(worst, Math.abs(a[c] - b[c]));
            }
            worstTorque = Math.max(worstTorque, Math.abs(a[RunTable.MAX_TORQUE] - b[RunTable.MAX_TORQUE]));
        }
        assertEquals(101, runRows);
        // the cubic Hermite interpolant of the energies and the interpolated m the evaluated rows use are both third
        // order in the step (about 1 ps here, where the energies change by ~1e-3 of their size): they agree to
        // ~1e-7 of the total energy (measured 2.5e-7 on the full standard problem 4 over 1 ns)
        assertTrue(worst <= 2e-6 * scale, "energies differ by " + worst / scale + " of the largest |E_total|");
        // the largest torque is interpolated linearly between the steps' ends: first order, a few per cent at most
        assertTrue(worstTorque <= 0.05 * torqueScale, "max torque differs by " + worstTorque / torqueScale);
        assertTrue(worst > 0, "the interpolated rows were not interpolated");
    }

    @Test
    void rowsUnderAFieldThatChangesWithinAStepAreEvaluated(@TempDir Path dir) {
        String sinusoid = "field: {sinusoid: {offset: {mT: [-24.6, 4.3, 0.0]}, amplitude: {mT: [0, 2, 0]}, "
                + "frequency: 5.0e9, phase: 0}}";
        List<double[]> fast = ScenarioRuns.run(film(false, sinusoid), dir.resolve("interpolated"));
        List<double[]> slow = ScenarioRuns.run(film(true, sinusoid), dir.resolve("evaluated"));
        assertEquals(slow.size(), fast.size());
        for (int r = 0; r < fast.size(); r++) {
            assertArrayEquals(slow.get(r), fast.get(r), "row " + r);
        }
    }
}
