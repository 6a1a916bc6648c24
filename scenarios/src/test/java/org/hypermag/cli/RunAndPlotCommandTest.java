package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hypermag.output.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAndPlotCommandTest {
    @TempDir
    Path dir;

    @Test
    void unknownBuiltInScenarioIsReportedWithTheAvailableOnes() {
        CliRunner r = CliRunner.run("run", "sp5", "--out", dir.toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("unknown scenario 'sp5'") && r.err.contains("sp4-field1, sp4-field2"), r.err);
    }

    @Test
    void nonPositiveToleranceIsRejected() {
        CliRunner r = CliRunner.run("run", "--tolerance", "0", "--out", dir.toString());
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("--tolerance must be > 0"), r.err);
    }

    @Test
    void plotWritesBothFiguresAndNamesThem() throws IOException {
        try (TableWriter w = new TableWriter(dir.resolve("table.csv"))) {
            w.row(0, 1, 0, 0, 1e-18, 0, 0, 0, 1e-18, 1, 0);
            w.row(1e-12, 0.9, 0.4, 0, 9e-19, 0, 0, 0, 9e-19, 1, 1e-12);
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
}
