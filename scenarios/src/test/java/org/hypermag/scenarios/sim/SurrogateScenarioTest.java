package org.hypermag.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hypermag.output.RunLayout;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.hypermag.solver.demag.DemagSettings;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModels;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.SurrogateDemagProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios with {@code demag: surrogate}: where the model comes from, and the dynamics it gives. */
class SurrogateScenarioTest {
    @TempDir
    Path dir;

    private String previousCache;

    @BeforeEach
    void isolateTheCache() {
        previousCache = ModelCache.isolate(dir);
    }

    @AfterEach
    void restoreTheCache() {
        ModelCache.restore(previousCache);
    }

    /**
     * A 32 x 16 x 1 permalloy film of 4 x 4 x 3 nm cells: relaxed, then 60 ps in a field at an angle. The relaxation
     * stops at 0.1 A/m: at 10 A/m where it stopped before, rounding alone (two FFT implementations that agree to
     * 1e-16) moved the relaxed state, and <m> along the run, by 4.9e-4, more than the 2e-4 asserted between the paths.
     */
    private static String film(String demag) {
        return """
                name: film
                geometry: {grid: {cells: [32, 16, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
                materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.05}]
                initial: {uniform: [1, 0.25, 0.1]}
                stages:
                  - relax: {torque_tolerance: 0.1}
                  - run: {duration: 60.0e-12, field: {mT: [-30, 8, 0]}}
                output: {table_interval: 2.0e-12, frame_interval: 6.0e-11}
                """ + demag;
    }

    private record Outcome(ScenarioRunner.Result result, List<String> notes, TableData table) {
    }

    private Outcome run(String text, String outName) throws IOException {
        Scenario s = ScenarioParser.parse(text, "film.yaml", dir, "film");
        List<String> notes = new ArrayList<>();
        ScenarioRunner.Progress progress = new ScenarioRunner.Progress() {
            @Override
            public void note(String t) {
                notes.add(t);
            }
        };
        Path out = dir.resolve(outName);
        ScenarioRunner.Result r = new ScenarioRunner(s, new ScenarioRunner.Options(out, false, false, "test", 1 << 20),
                progress, () -> false).run();
        assertEquals(ScenarioRunner.Status.COMPLETED, r.status(), r.message());
        return new Outcome(r, notes, TableData.read(out.resolve(RunLayout.TABLE_FILE)));
    }

    private static boolean anyNote(List<String> notes, String fragment) {
        return notes.stream().anyMatch(n -> n.contains(fragment));
    }

    @Test
    void surrogateDynamicsFollowTheExactPathAndTheFitIsCachedThenReused() throws IOException {
        Outcome exact = run(film("demag: {method: exact}\n"), "exact");
        Outcome first = run(film("demag: {method: surrogate}\n"), "surrogate-1");
        assertTrue(anyNote(first.notes(), "built far-field model") && anyNote(first.notes(), "cached as"),
                String.join("\n", first.notes()));
        try (Stream<Path> cached = Files.list(dir.resolve("cache").resolve("models"))) {
            assertEquals(1, cached.filter(f -> f.getFileName().toString().startsWith("far-field-")).count());
        }
        // <m>(t) of both paths agree along the whole trajectory: columns 1-3 of every row
        List<double[]> a = exact.table().rows(), b = first.table().rows();
        assertEquals(a.size(), b.size());
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int k = 1; k <= 3; k++) {
                worst = Math.max(worst, Math.abs(a.get(i)[k] - b.get(i)[k]));
            }
        }
        assertTrue(worst < 2e-4, "largest difference of <m> components " + worst);
        // the magnetisation moved: the comparison is not between two frozen states
        assertTrue(Math.abs(a.get(a.size() - 1)[1] - a.get(0)[1]) > 0.05, "<mx> changed");

        Outcome second = run(film("demag: {method: surrogate}\n"), "surrogate-2");
        assertTrue(anyNote(second.notes(), "(cached)") && !anyNote(second.notes(), "built far-field model"),
                String.join("\n", second.notes()));
        assertEquals(b.get(b.size() - 1)[1], second.table().rows().get(b.size() - 1)[1], 0,
                "the cached model gives the same run bit for bit");
    }

    @Test
    void aStoredModelBesideTheScenarioIsUsedAndOneWithOtherSettingsIsNot() throws IOException {
        run(film("demag: {method: surrogate}\n"), "fit");
        Path cachedModel;
        try (Stream<Path> cached = Files.list(dir.resolve("cache").resolve("models"))) {
            cachedModel = cached.findFirst().orElseThrow();
        }
        Files.createDirectories(dir.resolve("models"));
        Path stored = dir.resolve("models").resolve("film.far-field.h5");
        Files.move(cachedModel, stored);

        Outcome withStored = run(film("demag: {method: surrogate}\n"), "stored");
        assertTrue(anyNote(withStored.notes(), "far-field model " + stored), String.join("\n", withStored.notes()));

        Outcome otherSettings = run(film("demag: {method: surrogate, near_radius: 8}\n"), "other");
        assertTrue(anyNote(otherSettings.notes(), "does not fit: its settings are")
                && anyNote(otherSettings.notes(), "built far-field model"), String.join("\n", otherSettings.notes()));
    }

    @Test
    void aNamedModelForAnotherFilmIsRejectedBeforeTheRunStarts() throws IOException {
        run(film("demag: {method: surrogate}\n"), "fit");
        Path model;
        try (Stream<Path> cached = Files.list(dir.resolve("cache").resolve("models"))) {
            model = cached.findFirst().orElseThrow();
        }
        String thicker = film("demag: {method: surrogate, model: " + model + "}\n").replace("3.0e-9]", "5.0e-9]");
        Scenario s = ScenarioParser.parse(thicker, "film.yaml", dir, "film");
        ScenarioRunner.SetupException e = assertThrows(ScenarioRunner.SetupException.class,
                () -> new ScenarioRunner(s, new ScenarioRunner.Options(dir.resolve("x"), false, false, "test", 1 << 20),
                        new ScenarioRunner.Progress() { }, () -> false).run());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("demag.model", e.problems().get(0).path(), "located at the key, with its line and column");
        assertTrue(e.problems().get(0).line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("model file " + model + " does not fit") && e.getMessage().contains("thick"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("x")), "refused before the output directory was touched");
    }

    @Test
    void everyShippedScenarioHasAStoredModelThatFitsItsGeometryWithoutFitting() {
        for (String name : ShippedScenarios.NAMES) {
            Scenario s = ShippedScenarios.parse(name);
            Path stored = ShippedScenarios.storedModel(name, s.source());
            String unsupported = SurrogateDemagProvider.INSTANCE.unsupported(ScenarioSystem.magnet(s),
                    DemagSettings.defaults(SurrogateDemagProvider.INSTANCE));
            if (unsupported != null) {
                // sot-switching: 20 nm across, inside the near radius (no far zone)
                assertTrue(unsupported.contains("no far zone"), name + ": " + unsupported);
                assertNull(stored, name + " has a stored model the surrogate cannot use");
                continue;
            }
            if (SurrogateDemagProvider.layered(ScenarioSystem.magnet(s))) {
                // several layers (sp3's cubes, sp5, saf-hysteresis, granular-bilayer): models made at each run
                assertNull(stored, name + " lies in several layers: a stored model holds one");
                continue;
            }
            assertNotNull(stored, name + " has no stored model (scenarios/models/regenerate)");
            List<String> log = new ArrayList<>();
            FarFieldModels.obtain(SurrogateDemagProvider.target(ScenarioSystem.magnet(s)),
                    s.demag().provider() == SurrogateDemagProvider.INSTANCE
                            ? SurrogateDemagProvider.farFieldSettings(s.demag().settings()) : FarFieldSettings.DEFAULT,
                    List.of(stored), null, WorkerPool.shared(), log::add);
            assertEquals(List.of("far-field model " + stored), log, name);
        }
    }
}
