package org.hypermag.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.output.Checkpoint;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunReader;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios above 0 K: reproducible for a seed, across threads and resumes, with every demag method. */
class ThermalScenarioTest {
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

    /** A 16 x 8 film of 4 x 4 x 3 nm permalloy cells at 300 K in a field, 30 ps, exact demag by FFT. */
    static final String WARM = """
            name: warm-film
            geometry: {grid: {cells: [16, 8, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0.3, 0.1]}
            temperature: 300
            seed: 2024
            stages:
              - relax: {torque_tolerance: 1.0}
              - run: {duration: 30.0e-12, field: {mT: [-30, 10, 0]}}
            output: {table_interval: 1.0e-12, frame_interval: 5.0e-12, precision: float64}
            """;

    private List<String> notes;

    private ScenarioRunner.Result run(String text, Path out, boolean resume, ScenarioRunner.Progress progress,
                                      java.util.function.BooleanSupplier stop) {
        Scenario s = ScenarioParser.parse(text, "warm.yaml", dir, "warm");
        return new ScenarioRunner(s, new ScenarioRunner.Options(out, resume, false, "test", 1 << 20), progress,
                stop).run();
    }

    private ScenarioRunner.Result run(String text, Path out) {
        notes = new ArrayList<>();
        ScenarioRunner.Result r = run(text, out, false, new ScenarioRunner.Progress() {
            @Override
            public void note(String t) {
                notes.add(t);
            }
        }, () -> false);
        assertEquals(ScenarioRunner.Status.COMPLETED, r.status(), r.message());
        return r;
    }

    private static void assertSameFrames(Path a, Path b) {
        RunReader ra = RunReader.open(a), rb = RunReader.open(b);
        assertEquals(ra.frameCount(), rb.frameCount());
        for (int k = 0; k < ra.frameCount(); k++) {
            VectorField ma = ra.magnetisation(k), mb = rb.magnetisation(k);
            assertArrayEquals(ma.x, mb.x, "frame " + k);
            assertArrayEquals(ma.y, mb.y, "frame " + k);
            assertArrayEquals(ma.z, mb.z, "frame " + k);
        }
    }

    /** Issue 14, test 4: an interrupted run at 300 K resumes to the uninterrupted trajectory bit for bit. */
    @Test
    void interruptedWarmRunResumesToTheSameTrajectoryBitForBit() throws IOException {
        Path whole = dir.resolve("whole"), split = dir.resolve("split");
        run(WARM, whole);
        assertTrue(notes.stream().anyMatch(n -> n.contains("relax stages are deterministic")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("seed 2024")), notes.toString());
        RunDirectoryTest.StopAtTime stop = new RunDirectoryTest.StopAtTime(13e-12);
        ScenarioRunner.Result first = run(WARM, split, false, stop, stop);
        assertEquals(ScenarioRunner.Status.INTERRUPTED, first.status());
        Checkpoint cp = Checkpoint.read(split);
        assertEquals(2024, cp.thermalSeed());
        assertTrue(cp.thermalDraws() > 0, "the checkpoint counts the draws: " + cp.thermalDraws());
        ScenarioRunner.Result second = run(WARM, split, true, new ScenarioRunner.Progress() { }, () -> false);
        assertEquals(ScenarioRunner.Status.COMPLETED, second.status(), second.message());
        org.hypermag.scenarios.ResumedTables.assertResumed(Files.readAllLines(whole.resolve(RunLayout.TABLE_FILE)),
                Files.readAllLines(split.resolve(RunLayout.TABLE_FILE)), (int) cp.tableRows() + 1);
        assertSameFrames(whole, split);
    }

    /** Issue 14, test 4: the same seed gives the same trajectory with 1 and with 2 threads; another seed does not. */
    @Test
    void theSameSeedGivesTheSameTrajectoryWithOneAndTwoThreads() throws IOException {
        Path one = dir.resolve("one"), two = dir.resolve("two"), other = dir.resolve("other");
        run(WARM + "compute: {threads: 1}\n", one);
        run(WARM + "compute: {threads: 2}\n", two);
        run(WARM.replace("seed: 2024", "seed: 2025") + "compute: {threads: 2}\n", other);
        assertEquals(Files.readAllLines(one.resolve(RunLayout.TABLE_FILE)),
                Files.readAllLines(two.resolve(RunLayout.TABLE_FILE)));
        assertSameFrames(one, two);
        assertNotEquals(Files.readAllLines(one.resolve(RunLayout.TABLE_FILE)),
                Files.readAllLines(other.resolve(RunLayout.TABLE_FILE)), "a different seed, a different path");
    }

    /**
     * Issue 14, test 4: a stage at 0 K in a run that has the thermal term (a later stage is at 300 K) takes exactly
     * the deterministic path of the same scenario without temperature.
     */
    @Test
    void aStageAtZeroKelvinIsTheDeterministicPathExactly() throws IOException {
        String cold = WARM.replace("temperature: 300\n", "").replace("seed: 2024\n", "")
                + "integrator: {method: dormand-prince}\n";
        String mixed = WARM.replace("temperature: 300\n", "").replace("""
                  - run: {duration: 30.0e-12, field: {mT: [-30, 10, 0]}}
                """, """
                  - run: {duration: 30.0e-12, field: {mT: [-30, 10, 0]}}
                  - run: {duration: 2.0e-12, temperature: 300}
                """) + "integrator: {method: dormand-prince}\n";
        run(cold, dir.resolve("cold"));
        run(mixed, dir.resolve("mixed"));
        List<String> a = Files.readAllLines(dir.resolve("cold").resolve(RunLayout.TABLE_FILE));
        List<String> b = Files.readAllLines(dir.resolve("mixed").resolve(RunLayout.TABLE_FILE));
        assertEquals(a, b.subList(0, a.size()), "the stages before the warm one are the same, bit for bit");
        assertTrue(b.size() > a.size());
    }

    /** Without a seed one is drawn, said, and kept: in run.h5 and the checkpoint (so a resume continues it). */
    @Test
    void withoutASeedOneIsDrawnSaidAndKept() {
        Path out = dir.resolve("drawn");
        run(WARM.replace("seed: 2024\n", ""), out);
        String note = notes.stream().filter(n -> n.contains("(drawn;")).findFirst().orElseThrow();
        long seed = Long.parseLong(note.replaceAll(".*thermal: seed (\\d+) .*", "$1"));
        assertEquals(seed, ((Number) RunReader.open(out).attributes().get("thermal_seed")).longValue());
        assertEquals(seed, Checkpoint.read(out).thermalSeed());
    }

    /**
     * Every demag method runs above 0 K: the exact direct sum among prisms, the FFT on a grid, and the surrogate (a
     * granular film), each with a table heat pulse and a swept hysteresis; the grains' m stays finite and unit.
     */
    @Test
    void everyDemagMethodRunsAboveZeroKelvinWithAPulseAndASweep() {
        String film = """
                name: grains
                geometry: {granular_film: {size: [80.0e-9, 80.0e-9], thickness: 5.0e-9, grain_size: 10.0e-9,
                  gap: 1.0e-9, grains: 20, seed: 3}}
                materials: [{Ms: 4.0e5, A: 0, K1: 2.0e5, anisotropy_axis: [0, 0, 1], alpha: 0.1}]
                initial: {uniform: [0, 0, 1]}
                seed: 5
                stages:
                  - run: {duration: 20.0e-12, temperature: {table: {times: [0, 10.0e-12, 20.0e-12],
                      values: [0, 600, 0]}}}
                  - hysteresis: {from: {T: [0, 0, 1]}, to: {T: [0, 0, -1]}, steps: 4, return: false,
                      rate: 1.0e11, temperature: 300}
                output: {table_interval: 2.0e-12}
                """;
        for (String demag : new String[] {"demag: {method: exact}\n", "demag: {method: surrogate, near_radius: 3}\n"}) {
            ScenarioRunner.Result r = run(film + demag, dir.resolve("grains-" + demag.length()));
            RunReader reader = RunReader.open(r.outDir());
            VectorField m = reader.magnetisation(reader.frameCount() - 1);
            for (int i = 0; i < m.size(); i++) {
                double n = Math.sqrt(m.x[i] * m.x[i] + m.y[i] * m.y[i] + m.z[i] * m.z[i]);
                assertEquals(1, n, 1e-6, demag); // frames in float32
            }
            TableData h = TableData.read(r.outDir().resolve(RunLayout.HYSTERESIS_FILE));
            assertEquals(5, h.rows().size(), demag);
        }
        run(WARM, dir.resolve("fft"));
    }
}
