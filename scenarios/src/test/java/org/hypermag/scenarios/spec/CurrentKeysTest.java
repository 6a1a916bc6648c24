package org.hypermag.scenarios.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run stage's current: a constant or any time protocol in A/m², and the regions it flows in. */
class CurrentKeysTest {
    private static final String BASE = """
            geometry: {grid: {cells: [4, 1, 1], cell_size: [2.0e-9, 2.0e-9, 2.0e-9]}}
            materials: [{Ms: 8.0e5, A: 1.3e-11, alpha: 0.1, Pol: 1}]
            initial: {uniform: [1, 0, 0]}
            demag: {method: none}
            """;

    private static Scenario.Run run(String stage) {
        Scenario s = ScenarioParser.parse(BASE + "stages: [{run: " + stage + "}]\n", "c.yaml", Path.of("."), "c");
        return (Scenario.Run) s.stages().get(0);
    }

    @Test
    void aCurrentCanBeRampedSinusoidalOrTabulatedAndConfinedToRegions() {
        Scenario.Run ramp = run("{duration: 1.0e-9, current: {ramp: {from: {A_per_m2: [0, 0, 0]}, "
                + "to: {A_per_m2: [1.0e12, 0, 0]}, end: 1.0e-9}}, current_regions: [0]}");
        double[] j = new double[3];
        ramp.current().value(0.5e-9, j);
        assertEquals(5e11, j[0], 1e-3);
        assertEquals(List.of(0), ramp.currentRegions());
        Scenario.Run table = run("{duration: 1.0e-9, current: {table: {unit: A_per_m2, times: [0, 1.0e-9], "
                + "values: [[0, 0, 0], [0, 0, 2.0e12]]}}}");
        table.current().value(0.25e-9, j);
        assertEquals(5e11, j[2], 1e-3);
    }

    @Test
    void currentRegionsMustHaveMaterialsAndACurrent() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> run("{duration: 1.0e-9, current: "
                + "{A_per_m2: [1.0e12, 0, 0]}, current_regions: [3]}"));
        assertTrue(e.getMessage().contains("stages[0].run.current_regions") && e.getMessage().contains("got region 3"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> run("{duration: 1.0e-9, current_regions: [0]}"));
        assertTrue(e.getMessage().contains("without a current"), e.getMessage());
    }
}
