package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path dir;

    /** A run-table row with the given values and zeros elsewhere. */
    static double[] row(double t, double mx, double my, double mz, double eTotal, double torque, double dt,
                        int stage, int point) {
        double[] r = new double[RunTable.WIDTH];
        r[RunTable.T] = t;
        r[RunTable.MX] = mx;
        r[RunTable.MX + 1] = my;
        r[RunTable.MX + 2] = mz;
        r[RunTable.E_TOTAL] = eTotal;
        r[RunTable.energy(0)] = eTotal;
        r[RunTable.MAX_TORQUE] = torque;
        r[RunTable.DT] = dt;
        r[RunTable.STAGE] = stage;
        r[RunTable.POINT] = point;
        return r;
    }

    @Test
    void runTableColumnsCarryEveryEnergyColumnTheAppliedFieldStageAndPoint() {
        assertEquals(List.of("t", "mx", "my", "mz", "E_total", "E_exchange", "E_dmi", "E_anisotropy", "E_zeeman", "E_demag",
                "max_torque", "dt", "steps", "rejected", "evaluations", "B_extx", "B_exty", "B_extz", "stage", "point"),
                RunTable.COLUMNS);
        assertEquals(RunTable.COLUMNS.size(), RunTable.UNITS.size());
        assertEquals("T", RunTable.UNITS.get(RunTable.B_EXT));
    }

    @Test
    void rowsAreOnDiskBeforeTheTableIsClosedAndReadBackExactly() throws IOException {
        Path p = dir.resolve("run/table.csv");
        TableWriter w = new TableWriter(p);
        w.row(row(0, 1, 0, 0, 1e-18, 12.5, 0, 0, -1));
        w.row(row(1e-12, 0.9, 0.1, 0.01, 9e-19, 11, 5e-13, 1, 3));
        // flushed: another reader sees both rows while the writer is open
        TableData read = TableData.read(p);
        assertEquals(TableWriter.HEADER, String.join(",", read.columns()));
        assertEquals(2, read.rows().size());
        assertEquals(0.1, read.column("my")[1], 0);
        assertEquals(5e-13, read.column("dt")[1], 0);
        assertEquals(3, read.column("point")[1], 0);
        assertTrue(Files.readAllLines(p).get(2).endsWith(",1,3"), "stage and point are written as integers");
        w.close();
    }

    @Test
    void aRowCutShortByAnInterruptionIsSkipped() throws IOException {
        Path p = dir.resolve("table.csv");
        StringBuilder full = new StringBuilder();
        for (double v : row(0, 1, 0, 0, 1, 1, 0, 0, -1)) {
            full.append(full.length() == 0 ? "" : ",").append(v);
        }
        Files.writeString(p, TableWriter.HEADER + "\n" + full + "\n1e-12,0.9,0.1");
        assertEquals(1, TableData.read(p).rows().size());
    }

    @Test
    void plotsAreWrittenAsPngFilesAndOnlyThoseTheStagesMeanSomethingFor() throws IOException {
        Path run = dir.resolve("run");
        try (TableWriter w = new TableWriter(run.resolve("table.csv"))) {
            for (int i = 0; i <= 100; i++) {
                double t = i * 1e-11;
                w.row(row(t, Math.cos(t * 1e10), Math.sin(t * 1e10), 0, -1e-18 * i, 1, 1e-12, 0, -1));
            }
        }
        assertEquals(List.of(run.resolve("m.png"), run.resolve("energy.png")), RunPlots.draw(run, "test"));
        for (String f : new String[] {"m.png", "energy.png"}) {
            byte[] png = Files.readAllBytes(run.resolve(f));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', f);
        }
        Path relaxOnly = dir.resolve("relax-only");
        try (TableWriter w = new TableWriter(relaxOnly.resolve("table.csv"))) {
            w.row(row(0, 1, 0, 0, -1e-18, 0.05, 0, 0, -1));
        }
        try (TableWriter w = TableWriter.create(relaxOnly.resolve(RunLayout.RELAX_FILE), RunPlots.RELAX_HEADER)) {
            for (int it = 1; it <= 50; it++) {
                w.row(0, it, -1e-18 * (1 - Math.exp(-it / 10.0)), 1e3 * Math.exp(-it / 5.0));
            }
        }
        assertEquals(List.of(relaxOnly.resolve("relax.png")), RunPlots.draw(relaxOnly, "relax"),
                "a relax-only run gets energy and torque against iteration, no plot against a time that stood still");
    }

    @Test
    void hysteresisCurvesAreNamedByStageCountedFromOne() throws IOException {
        Path p = dir.resolve("hysteresis.csv");
        try (TableWriter w = TableWriter.create(p, TableWriter.HYSTERESIS_HEADER)) {
            for (int k = 0; k < 5; k++) {
                w.row(0, k, 1e4 * (2 - k), 0, 0, k < 3 ? 1 : -1, 0, 0, -1e-18, 0.05, 1, 10);
            }
            for (int k = 0; k < 3; k++) {
                w.row(2, k, -1e4 * (1 - k), 0, 0, -1, 0, 0, -1e-18, 0.05, 1, 10);
            }
        }
        XYSeriesCollection c = TablePlots.hysteresisSeries(TableData.read(p));
        assertEquals(2, c.getSeriesCount());
        assertEquals("stage 1", c.getSeriesKey(0));
        assertEquals("stage 3", c.getSeriesKey(1));
    }
}
