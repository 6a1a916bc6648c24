package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunTable;
import org.hypermag.output.TableWriter;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAndPlotCommandTest {
    @TempDir
    Path dir;

    static final String SMALL = """
            name: cli-film
            geometry: {grid: {cells: [8, 4, 1], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - relax: {torque_tolerance: 1.0}
              - run: {duration: DURATION, field: {mT: [-50, 10, 5]}}
            output: {table_interval: 1.0e-12, frame_interval: 5.0e-12}
            """;

    private Path scenario(String name, double duration) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, SMALL.replace("DURATION", Double.toString(duration)));
        return f;
    }

    @Test
    void checkTakesAShippedScenarioByNameAsRunDoes() {
        CliRunner r = CliRunner.run("check", "sp4-field1", "granular-bilayer");
        assertEquals(0, r.status, r.out + r.err);
        assertTrue(r.out.contains("sp4-field1: ok: sp4-field1") && r.out.contains("granular-bilayer: ok: "
                + "granular-bilayer, 2 granular layers"), r.out);
        CliRunner missing = CliRunner.run("check", "no-such-scenario");
        assertEquals(Main.EXIT_INPUT, missing.status);
        assertTrue(missing.err.contains("no-such-scenario") && missing.err.contains("file not found"), missing.err);
    }

    @Test
    void runWritesTheOutputsAndNamesThemInTheSummary() throws IOException {
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", scenario("a", 20e-12).toString(), "--out", out.toString());
        assertEquals(0, r.status, r.err);
        for (String f : new String[] {"table.csv", "run.h5", "m.png", "energy.png", "checkpoint.h5",
            "segment-00000.h5"}) {
            assertTrue(r.out.contains(f), "summary names " + f + ":\n" + r.out);
        }
        assertTrue(r.out.contains("status: completed"), r.out);
        assertTrue(Files.exists(out.resolve("frames/segment-00000.h5")));
    }

    @Test
    void unknownScenarioNameListsTheShippedOnes() {
        CliRunner r = CliRunner.run("run", "sp6", "--out", dir.toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("'sp6' is neither a scenario file nor a shipped scenario")
                && r.err.contains(String.join(", ", ShippedScenarios.NAMES)), r.err);
    }

    @Test
    void aBadScenarioFileIsRefusedWithAllItsProblems() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, SMALL.replace("DURATION", "-1").replace("Ms: 8.0e5", "Ms: 0"));
        CliRunner r = CliRunner.run("run", f.toString(), "--out", dir.resolve("o").toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("2 problem(s)") && r.err.contains("materials[0].Ms")
                && r.err.contains("stages[1].run.duration"), r.err);
        assertTrue(!r.err.contains("Exception"), r.err);
    }

    @Test
    void resumeNeedsACheckpointedDirectory() {
        CliRunner r = CliRunner.run("run", "--resume", dir.toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("not a resumable run directory"), r.err);
    }

    @Test
    void checkReportsOkOrEveryProblemWithItsLocation() throws IOException {
        Path good = scenario("good", 1e-11);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, SMALL.replace("DURATION", "1e-11").replace("alpha: 0.1", "alpha: -1")
                .replace("cells: [8, 4, 1]", "cells: [8, 4]"));
        CliRunner r = CliRunner.run("check", good.toString(), bad.toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.out.contains("good.yaml: ok: cli-film"), r.out);
        assertTrue(r.err.contains("bad.yaml: 2 problems:"), r.err);
        assertTrue(r.err.contains("bad.yaml:2:22: geometry.grid.cells: got 2 item(s)")
                || r.err.contains("geometry.grid.cells"), r.err);
        assertTrue(r.err.contains("materials[0].alpha: got '-1'; expected a number >= 0"), r.err);
        assertEquals(0, CliRunner.run("check", good.toString()).status);
    }

    @Test
    void everyShippedScenarioPassesCheck() {
        // the files in the module's directory (the repository's scenarios/) and the copies built into the jar
        for (String name : ShippedScenarios.NAMES) {
            Path file = Path.of(name + ".yaml");
            assertTrue(Files.exists(file), "shipped scenario file " + file.toAbsolutePath());
            CliRunner r = CliRunner.run("check", file.toString());
            assertEquals(0, r.status, name + ": " + r.err);
            assertEquals(name, ShippedScenarios.parse(name).name());
        }
    }

    @Test
    void plotWritesBothFiguresAndNamesThem() throws IOException {
        try (TableWriter w = new TableWriter(dir.resolve("table.csv"))) {
            for (int k = 0; k < 2; k++) {
                double[] row = new double[RunTable.WIDTH];
                row[RunTable.T] = k * 1e-12;
                row[RunTable.MX] = 1 - 0.1 * k;
                row[RunTable.MX + 1] = 0.4 * k;
                row[RunTable.E_TOTAL] = 1e-18;
                row[RunTable.MAX_TORQUE] = 1;
                row[RunTable.POINT] = -1;
                w.row(row);
            }
        }
        CliRunner r = CliRunner.run("plot", dir.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(Files.size(dir.resolve("m.png")) > 0 && Files.size(dir.resolve("energy.png")) > 0);
        assertTrue(r.out.contains("m.png") && r.out.contains("energy.png"), r.out);
    }

    @Test
    void plotOfADirectoryWithoutATableSaysWhatIsMissing() {
        CliRunner r = CliRunner.run("plot", dir.resolve("nothing").toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("table.csv: not found"), r.err);
    }

    /** A real signal: the process is terminated mid-run (shutdown hooks run for SIGINT and SIGTERM alike). */
    @Test
    void terminatedRunKeepsItsRowsAndResumesToTheSameTable() throws Exception {
        Path file = scenario("long", 400e-12);
        Path whole = dir.resolve("whole"), split = dir.resolve("split");
        assertEquals(0, CliRunner.run("run", file.toString(), "--out", whole.toString()).status);
        Process p = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                "org.hypermag.cli.Main", "run", file.toString(), "--out", split.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path table = split.resolve(RunLayout.TABLE_FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && (!Files.exists(table) || Files.readAllLines(table).size() < 30)) {
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process stops");
        String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        List<String> full = Files.readAllLines(whole.resolve(RunLayout.TABLE_FILE));
        List<String> part = Files.readAllLines(table);
        int kept = part.size();
        if (part.size() < full.size()) {
            assertTrue(log.contains("status: interrupted") && log.contains("--resume"), log);
            assertEquals(full.subList(0, part.size()), part, "the rows written are the uninterrupted run's");
            kept = (int) org.hypermag.output.Checkpoint.read(split).tableRows() + 1;
            CliRunner resumed = CliRunner.run("run", "--resume", split.toString());
            assertEquals(0, resumed.status, resumed.err);
        }
        // the resumed table is the uninterrupted one (its evaluations count the resume's)
        org.hypermag.scenarios.ResumedTables.assertResumed(full, Files.readAllLines(table), kept);
    }

    /**
     * integrator: {method: fehlberg} (OOMMF's rkf54) runs the film along the same trajectory as the default
     * Dormand–Prince, within 1e-6 of ⟨m⟩ at every row at their common tolerance.
     */
    @Test
    void fehlbergFollowsTheDefaultTrajectory() throws IOException {
        Path dp = scenario("dp", 20e-12), rkf = dir.resolve("rkf.yaml");
        Files.writeString(rkf, Files.readString(dp) + "integrator: {method: fehlberg}\n");
        assertEquals(0, CliRunner.run("run", dp.toString(), "--out", dir.resolve("dp-out").toString()).status);
        CliRunner r = CliRunner.run("run", rkf.toString(), "--out", dir.resolve("rkf-out").toString());
        assertEquals(0, r.status, r.err);
        java.util.List<double[]> a = org.hypermag.output.TableData.read(dir.resolve("dp-out/table.csv")).rows();
        java.util.List<double[]> b = org.hypermag.output.TableData.read(dir.resolve("rkf-out/table.csv")).rows();
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            for (int c = 1; c <= 3; c++) {
                assertEquals(a.get(k)[c], b.get(k)[c], 1e-6, "row " + k + " component " + c);
            }
        }
        assertTrue(Files.readString(dir.resolve("rkf-out/run.h5"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("Fehlberg 5(4)"), "the integrator is recorded");
    }
}
