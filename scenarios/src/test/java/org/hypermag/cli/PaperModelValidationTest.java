package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hypermag.output.ModelFile;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.sim.SurrogateValidation;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper's models in {@code train --scenario} and {@code validate --model}: fitted units, results as they come. */
class PaperModelValidationTest {
    @TempDir
    Path dir;

    /** 32 x 16 cells of 4 nm: centres span 124 nm x 60 nm. */
    static final String FILM = """
            name: paper-film
            geometry: {grid: {cells: [32, 16, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.5}]
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - relax: {torque_tolerance: 100.0, max_iterations: 300}
              - run: {duration: 10.0e-12, field: {mT: [-50, 10, 5]}}
            output: {table_interval: 1.0e-12, frame_interval: 5.0e-12}
            """;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aLinearModelRescaledForAScenarioIsValidatedAndReportedAsItComes() throws IOException {
        Path film = write("film.yaml", FILM), base = dir.resolve("linear.h5"), fitted = dir.resolve("film-linear.h5");
        CliRunner t = CliRunner.run("train", "--model", "linear", "--threads", "1", "--out", base.toString());
        assertEquals(0, t.status, t.err);

        CliRunner refused = CliRunner.run("validate", film.toString(), "--model", base.toString(), "--out",
                dir.resolve("no").toString());
        assertEquals(Main.EXIT_INPUT, refused.status, refused.out);
        assertTrue(refused.err.contains("model file " + base) && refused.err.contains("cannot represent")
                && refused.err.contains("length unit is 1.000e-08 m")
                && refused.err.contains("hypermag train --model linear --scenario " + film), refused.err);
        assertFalse(refused.err.contains("Exception") || Files.exists(dir.resolve("no/exact")), refused.err);

        CliRunner r = CliRunner.run("train", "--model", "linear", "--scenario", film.toString(), "--from",
                base.toString(), "--out", fitted.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("length unit 3.100e-08 m") && r.out.contains("in-plane sides 0.129-0.129 units"),
                r.out);
        ModelFile b = ModelFile.read(base), f = ModelFile.read(fitted);
        assertEquals(31e-9, Double.parseDouble(f.text().get("setting.lengthUnit")), 1e-21,
                "half of the 62 nm half span: the centres reach +-2 units");
        assertEquals(b.arrays().get("parameters")[0].length, f.arrays().get("parameters")[0].length);
        assertEquals(java.util.Arrays.toString(b.arrays().get("parameters")[0]),
                java.util.Arrays.toString(f.arrays().get("parameters")[0]), "trained parameters unchanged");
        assertEquals(b.numbers().get("accuracy.single_H")[0], f.numbers().get("accuracy.single_H")[0], 0,
                "the accuracy in domain units is kept");

        Path out = dir.resolve("v");
        CliRunner v = CliRunner.run("validate", film.toString(), "--model", fitted.toString(), "--out",
                out.toString());
        assertTrue(v.status == 0 || v.status == ValidateCommand.EXIT_CHECK_FAILED, v.out + v.err);
        String md = Files.readString(out.resolve("validation.md"), StandardCharsets.UTF_8);
        assertEquals(v.status == 0, md.startsWith("# Validation of paper-film: PASS"), md);
        assertTrue(md.contains("- surrogate path: paper model linear") && md.contains("length unit 3.100e-08 m")
                && md.contains("outside the trained range"), md);
        TableData csv = TableData.read(out.resolve("validation.csv"));
        assertEquals(4, csv.rows().size(), "the relaxed state, the run stage's start, 5 ps and 10 ps (the end)");
        for (double e : csv.column("field_l2")) {
            assertTrue(e > 1e-3 && Double.isFinite(e), "a linear model is far from the exact field: " + e);
        }
        Scenario sur = ScenarioParser.parse(out.resolve("surrogate/scenario.yaml"));
        assertEquals("surrogate", sur.demag().method());
        assertEquals("linear", ModelFile.read(out.resolve("surrogate").resolve(SurrogateValidation.MODEL_FILE))
                .model());
    }

    @Test
    void aGeometryThePaperModelsCannotRepresentIsAClearErrorBeforeTraining() throws IOException {
        Path layers = write("layers.yaml", FILM.replace("cells: [32, 16, 1]", "cells: [8, 4, 2]"));
        CliRunner r = CliRunner.run("train", "--model", "fourier", "--scenario", layers.toString(), "--out",
                dir.resolve("m.h5").toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("a fourier model cannot represent its domains") && r.err.contains("several layers")
                && r.err.contains("one layer of prisms"), r.err);
        assertFalse(r.err.contains("Exception") || Files.exists(dir.resolve("m.h5")), r.err);

        CliRunner noScenario = CliRunner.run("train", "--model", "linear", "--from", "x.h5", "--out",
                dir.resolve("m.h5").toString());
        assertEquals(Main.EXIT_INPUT, noScenario.status);
        assertTrue(noScenario.err.contains("--from FILE rescales a trained model for a scenario"), noScenario.err);
    }
}
