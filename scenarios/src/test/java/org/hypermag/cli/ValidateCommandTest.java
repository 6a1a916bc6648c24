package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hypermag.output.ModelFile;
import org.hypermag.output.RunReader;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.sim.FrameComparison;
import org.hypermag.scenarios.sim.ScenarioRunner;
import org.hypermag.scenarios.sim.SurrogateValidation;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypermag validate}: both paths, the written comparison, tolerances and the exit status. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    static final String FILM = """
            name: validate-film
            geometry: {grid: {cells: [32, 16, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - relax: {torque_tolerance: 10.0}
              - run: {duration: 30.0e-12, field: {mT: [-50, 10, 5]}}
            output: {table_interval: 1.0e-12, frame_interval: 10.0e-12}
            """;

    private Path scenario(String name, String text) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aSmallFilmValidatesAndWritesTheDocumentedFiles() throws IOException {
        Path out = dir.resolve("v");
        CliRunner r = CliRunner.run("validate", scenario("film", FILM).toString(), "--out", out.toString());
        assertEquals(0, r.status, r.out + r.err);
        assertTrue(r.out.contains("result: PASS") && r.out.contains("speed-up"), r.out);
        for (String f : new String[] {"validation.csv", "validation.h5", "validation.png", "validation.md",
            "exact/run.h5", "exact/table.csv", "surrogate/run.h5", "surrogate/table.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        TableData csv = TableData.read(out.resolve("validation.csv"));
        assertEquals(FrameComparison.COLUMNS, csv.columns());
        assertEquals(5, csv.rows().size(), "frames at the relaxed state and every 10 ps of the run from its start");
        assertEquals(30e-12, csv.rows().get(4)[0], 1e-18);
        for (double e : csv.column("field_l2")) {
            assertTrue(e > 0 && e < 1e-3, "the default surrogate is within 0.1 %: " + e);
        }
        try (HdfFile h = new HdfFile(out.resolve("validation.h5"))) {
            assertEquals("hypermag-validation", h.getAttribute("format").getData());
            assertEquals(1, ((Number) h.getAttribute("passed").getData()).intValue());
            assertEquals(5, ((double[]) h.getDatasetByPath("frames/field_median").getData()).length);
            List<String> names = List.of((String[]) h.getDatasetByPath("checks/names").getData());
            assertTrue(names.contains("stage 2 (run): first zero of <mx> (s)"), names.toString());
            int[] verdict = (int[]) h.getDatasetByPath("checks/verdict").getData();
            assertEquals(names.size(), verdict.length);
        }
        String md = Files.readString(out.resolve("validation.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Validation of validate-film: PASS"), md);
        assertTrue(md.contains("| stage 1 (relax) | final energy") && md.contains("| stage 2 (run) | <my> at the end"),
                md);
        CliRunner again = CliRunner.run("validate", scenario("film", FILM).toString(), "--out", out.toString());
        assertEquals(Main.EXIT_INPUT, again.status);
        assertTrue(again.err.contains("already holds a validation") && again.err.contains("--overwrite"), again.err);
    }

    @Test
    void farFieldFittedValidatesTheFittedConstructionAndKeepsItsModel() throws IOException {
        Path out = dir.resolve("fitted");
        String text = FILM.replace("duration: 30.0e-12", "duration: 10.0e-12");
        CliRunner r = CliRunner.run("validate", scenario("fitted", text).toString(), "--far-field", "fitted", "--out",
                out.toString());
        assertEquals(0, r.status, r.out + r.err);
        assertTrue(r.out.contains("result: PASS"), r.out);
        org.hypermag.output.ModelFile kept = org.hypermag.output.ModelFile.read(out.resolve("surrogate")
                .resolve(SurrogateValidation.MODEL_FILE));
        assertEquals("fitted", kept.text().get("construction"), "the surrogate path's model was fitted");
        CliRunner bad = CliRunner.run("validate", scenario("bad", text).toString(), "--far-field", "guessed", "--out",
                dir.resolve("bad").toString());
        assertEquals(Main.EXIT_INPUT, bad.status);
        assertTrue(bad.err.contains("--far-field must be smeared or fitted, got 'guessed'"), bad.err);
    }

    @Test
    void anImpossiblyTightToleranceFailsWithStatus3AndNamesTheCheck() throws IOException {
        Path out = dir.resolve("tight");
        String text = FILM.replace("duration: 30.0e-12", "duration: 10.0e-12")
                + "validation: {field_error_l2: 1.0e-12, final_m: 1.0e-15}\n";
        CliRunner r = CliRunner.run("validate", scenario("tight", text).toString(), "--out", out.toString());
        assertEquals(ValidateCommand.EXIT_CHECK_FAILED, r.status, r.out + r.err);
        assertTrue(r.out.contains("result: FAIL"), r.out);
        String md = Files.readString(out.resolve("validation.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Validation of validate-film: FAIL"), md);
        assertTrue(md.contains("- all frames: field error, relative L2 (largest over frames): difference")
                && md.contains("> tolerance 1.000e-12"), md);
        assertTrue(md.contains("- stage 2 (run): <mx> at the end: difference"), md);
        assertTrue(Files.isRegularFile(out.resolve("validation.h5"))
                && Files.isRegularFile(out.resolve("validation.png")), "everything is written before the status");
    }

    @Test
    void aHysteresisStageComparesCoerciveFieldsAndRemanences() throws IOException {
        String text = """
                name: validate-grains
                geometry:
                  prisms:
                    list:
                      - {centre: [0, 0, 0], size: [8.0e-9, 8.0e-9, 5.0e-9]}
                      - {centre: [60.0e-9, 0, 0], size: [8.0e-9, 8.0e-9, 5.0e-9]}
                      - {centre: [120.0e-9, 0, 0], size: [8.0e-9, 8.0e-9, 5.0e-9]}
                      - {centre: [0, 60.0e-9, 0], size: [8.0e-9, 8.0e-9, 5.0e-9]}
                      - {centre: [60.0e-9, 60.0e-9, 0], size: [8.0e-9, 8.0e-9, 5.0e-9]}
                      - {centre: [120.0e-9, 60.0e-9, 0], size: [8.0e-9, 8.0e-9, 5.0e-9]}
                materials: [{region: 0, Ms: 4.0e5, A: 0, K1: 3.0e5, anisotropy_axis: [0.1, 0, 1], alpha: 1.0}]
                initial: {uniform: [0, 0, 1]}
                stages:
                  - hysteresis: {from: {mT: [0, 0, 2000]}, to: {mT: [0, 0, -2000]}, steps: 8, return: true,
                                 torque_tolerance: 1.0}
                """;
        Path out = dir.resolve("h");
        CliRunner r = CliRunner.run("validate", scenario("grains", text).toString(), "--out", out.toString());
        assertTrue(r.status == 0 || r.status == ValidateCommand.EXIT_CHECK_FAILED, r.out + r.err);
        String md = Files.readString(out.resolve("validation.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("| stage 1 (hysteresis) | coercive field (A/m) 1 |"), md);
        assertTrue(md.contains("| stage 1 (hysteresis) | coercive field (A/m) 2 |"), "down and back: " + md);
        assertTrue(md.contains("| stage 1 (hysteresis) | remanence 1 |"), md);
        assertEquals(0, r.status, "separated grains switch at the same field points: " + md);
    }

    /**
     * Above 0 K without a seed, validate draws one seed for both paths and writes it into both saved scenarios: the
     * two paths see the same thermal field, and the surrogate's field error stays at its 0 K size.
     */
    @Test
    void aWarmScenarioIsValidatedWithOneSeedForBothPaths() throws IOException {
        Path out = dir.resolve("warm");
        CliRunner r = CliRunner.run("validate", scenario("warm", FILM.replace("duration: 30.0e-12",
                "duration: 10.0e-12") + "temperature: 300\n").toString(), "--out", out.toString());
        assertTrue(r.status == 0 || r.status == 3, r.out + r.err);
        assertTrue(r.err.contains("drawn for both paths") || r.out.contains("drawn for both paths"), r.out + r.err);
        Scenario exact = ScenarioParser.parse(out.resolve("exact/scenario.yaml"));
        Scenario sur = ScenarioParser.parse(out.resolve("surrogate/scenario.yaml"));
        assertTrue(exact.thermal().seed() != null);
        assertEquals(exact.thermal().seed(), sur.thermal().seed());
        for (double e : TableData.read(out.resolve("validation.csv")).column("field_l2")) {
            assertTrue(e > 0 && e < 1e-3, "the surrogate's field on the exact frames: " + e);
        }
    }

    @Test
    void aBadModelFileIsAClearError() throws IOException {
        Path notAModel = scenario("film", FILM);
        CliRunner r = CliRunner.run("validate", notAModel.toString(), "--model", notAModel.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.startsWith("hypermag validate: error: --model: ") && r.err.contains(notAModel.toString()),
                r.err);
        assertFalse(r.err.contains("Exception"), r.err);
        CliRunner missing = CliRunner.run("validate", notAModel.toString(), "--model", "nowhere.h5");
        assertEquals(Main.EXIT_INPUT, missing.status);
        assertTrue(missing.err.contains("model file nowhere.h5: not found"), missing.err);
        assertFalse(Files.exists(dir.resolve("x")), "nothing run");
    }

    @Test
    void aScenarioWithoutDemagHasNothingToValidate() throws IOException {
        CliRunner r = CliRunner.run("validate", scenario("none", FILM + "demag: {method: none}\n").toString(),
                "--out", dir.resolve("n").toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("demag: none"), r.err);
        assertEquals(List.of(), List.of(r.out.lines().filter(l -> l.contains("path 1")).toArray()));
    }

    private static String runStatus(Path dir) {
        try (HdfFile h = new HdfFile(dir.resolve("run.h5"))) {
            return (String) h.getAttribute("status").getData();
        }
    }

    private static int lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void eachPathsSavedScenarioRecordsItsDemagAndResumingTheSurrogatePathContinuesWithTheSurrogate()
            throws IOException {
        Path file = scenario("film", FILM);
        Path whole = dir.resolve("whole");
        assertEquals(0, CliRunner.run("validate", file.toString(), "--out", whole.toString()).status);
        Scenario exact = ScenarioParser.parse(whole.resolve("exact/scenario.yaml"));
        assertEquals("exact", exact.demag().method());
        Scenario sur = ScenarioParser.parse(whole.resolve("surrogate/scenario.yaml"));
        assertEquals("surrogate", sur.demag().method());
        assertEquals(whole.resolve("surrogate").resolve(SurrogateValidation.MODEL_FILE).toAbsolutePath(),
                sur.demag().settings().path("model"), "the model it used, kept beside the run");
        assertEquals("far-field", ModelFile.read(sur.demag().settings().path("model")).model());

        // the same validation, stopped (as Ctrl-C does) once the surrogate path has written 10 table rows
        Path split = dir.resolve("split");
        Path table = split.resolve("surrogate/table.csv");
        SurrogateValidation.Outcome r = SurrogateValidation.run(ScenarioParser.parse(file),
                new SurrogateValidation.Options(split, false, null, "test"), new ScenarioRunner.Progress() { },
                () -> lines(table) > 10);
        assertTrue(r.interrupted() && !r.passed() && r.result().equals("INTERRUPTED"));
        assertEquals(ScenarioRunner.Status.COMPLETED, r.exact().status());
        assertEquals(ScenarioRunner.Status.INTERRUPTED, r.surrogate().status());
        assertEquals("interrupted", runStatus(split.resolve("surrogate")));
        String md = Files.readString(split.resolve("validation.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Validation of validate-film: INTERRUPTED") && md.contains("hypermag run --resume"),
                md);
        TableData csv = TableData.read(split.resolve("validation.csv"));
        assertEquals(5, csv.rows().size(), "field errors on every frame of the exact path");
        for (double e : csv.column("field_l2")) {
            assertTrue(e > 0 && e < 1e-3, "the surrogate's field on the exact frames: " + e);
        }
        double[] divergence = csv.column("m_divergence_mean");
        assertTrue(divergence[0] >= 0 && divergence[0] < 1e-3, "relaxed states of both paths: " + divergence[0]);
        assertTrue(Double.isNaN(divergence[3]), "the stopped surrogate path has no frame at 30 ps");
        List<String> full = Files.readAllLines(whole.resolve("surrogate/table.csv"));
        List<String> part = Files.readAllLines(table);
        assertTrue(part.size() > 10 && part.size() < full.size(), part.size() + " of " + full.size());
        assertEquals(full.subList(0, part.size()), part, "the rows written are the uninterrupted path's");

        int kept = (int) org.hypermag.output.Checkpoint.read(split.resolve("surrogate")).tableRows() + 1;
        CliRunner resumed = CliRunner.run("run", "--resume", split.resolve("surrogate").toString());
        assertEquals(0, resumed.status, resumed.err);
        assertTrue(resumed.out.contains("demag: far-field model"), "continues with the surrogate: " + resumed.out);
        // the resumed surrogate table is the uninterrupted one (its evaluations count the resume's)
        org.hypermag.scenarios.ResumedTables.assertResumed(full, Files.readAllLines(table), kept);
        assertEquals(Files.readAllLines(whole.resolve("exact/table.csv")),
                Files.readAllLines(split.resolve("exact/table.csv")));
    }

    /** A real signal: the process is terminated while the exact path runs (SIGTERM runs the same hook as SIGINT). */
    @Test
    void aTerminatedValidationKeepsTheWrittenFramesAndReportsInterrupted() throws Exception {
        Path file = scenario("long", FILM.replace("duration: 30.0e-12", "duration: 300.0e-12")
                .replace("cells: [32, 16, 1]", "cells: [16, 8, 1]"));
        Path out = dir.resolve("killed");
        Process p = new ProcessBuilder("java", "-Dhypermag.cache=" + System.getProperty("hypermag.cache",
                dir.resolve("cache").toString()), "-cp", System.getProperty("java.class.path"),
                "org.hypermag.cli.Main", "validate", file.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path table = out.resolve("exact/table.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && lines(table) < 30) {
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process stops");
        String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        assertTrue(lines(table) >= 30, "the exact path was running: " + log);
        assertTrue(log.contains("result: INTERRUPTED"), log);
        String md = Files.readString(out.resolve("validation.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Validation of validate-film: INTERRUPTED"), md);
        assertTrue(md.contains("- surrogate path: not started"), md);
        assertEquals("interrupted", runStatus(out.resolve("exact")));
        RunReader written = RunReader.open(out.resolve("exact"));
        assertTrue(written.frameCount() >= 2, "the relaxed state and run frames are kept: " + written.frameCount());
        assertEquals(1, written.stage(written.frameCount() - 1), "the last frame is from the run stage");
        assertFalse(Files.exists(out.resolve("surrogate/run.h5")), "the surrogate path is not started");
        CliRunner resumed = CliRunner.run("run", "--resume", out.resolve("exact").toString());
        assertEquals(0, resumed.status, resumed.err);
        assertTrue(resumed.out.contains("demag: exact FFT"), "the exact path continues exact: " + resumed.out);
    }
}
