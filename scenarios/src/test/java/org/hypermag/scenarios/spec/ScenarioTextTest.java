package org.hypermag.scenarios.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Rewriting a scenario's demag entry: everything else stays as written, and the text parses to the new method. */
class ScenarioTextTest {
    private static final String BASE = """
            # a film
            name: film
            geometry: {grid: {cells: [8, 4, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0, 0]}
            stages: [{relax: {}}]
            """;

    private static Scenario parse(String text) {
        return ScenarioParser.parse(text, "t.yaml", Path.of("/runs/x"), "t");
    }

    @Test
    void aBlockDemagEntryIsReplacedAndTheRestKept() {
        String text = BASE + """
                demag:
                  method: surrogate   # the fast path
                  near_radius: 6
                # output follows
                output: {table_interval: 2.0e-12}
                """;
        Scenario s = parse(text);
        Scenario e = s.withDemag(Scenario.Demag.of("exact"), "{method: exact}", "the exact path");
        assertEquals(BASE + """
                demag: {method: exact}  # the exact path
                # output follows
                output: {table_interval: 2.0e-12}
                """, e.text());
        Scenario back = parse(e.text());
        assertEquals("exact", back.demag().method());
        assertEquals(2e-12, back.output().tableInterval(), 0);
    }

    @Test
    void aFlowDemagEntryIsReplacedAndARelativeModelResolvesAgainstTheSavedFilesDirectory() {
        String text = BASE + "demag: {method: exact}   # compare\nintegrator: {tolerance: 1.0e-6}\n";
        Scenario s = parse(text).withDemag(null, "{method: surrogate, model: demag-model.h5}", null);
        assertTrue(s.text().contains("demag: {method: surrogate, model: demag-model.h5}   # compare\n"
                + "integrator: {tolerance: 1.0e-6}\n"), s.text());
        Scenario back = parse(s.text());
        assertEquals("surrogate", back.demag().method());
        assertEquals(Path.of("/runs/x/demag-model.h5"), back.demag().settings().path("model"));
        assertEquals(1e-6, back.integrator().tolerance(), 0);
    }

    @Test
    void aScenarioWithoutDemagGetsTheEntryAppended() {
        Scenario s = parse(BASE.strip()).withDemag(null, "{method: exact}", "added");
        assertEquals(BASE + "demag: {method: exact}  # added\n", s.text());
        assertEquals("exact", parse(s.text()).demag().method());
        assertNull(parse(s.text()).demag().settings().path("model"));
    }
}
