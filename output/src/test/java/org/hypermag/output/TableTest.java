package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path dir;

    @Test
    void rowsAreOnDiskBeforeTheTableIsClosedAndReadBackExactly() throws IOException {
        Path p = dir.resolve("run/table.csv");
        TableWriter w = new TableWriter(p);
        w.row(0, 1, 0, 0, 1e-18, 2e-19, 0, -3e-19, 4e-19, 12.5, 0);
        w.row(1e-12, 0.9, 0.1, 0.01, 9e-19, 2e-19, 0, -3e-19, 4e-19, 11, 5e-13);
        // flushed: another reader sees both rows while the writer is open
        TableData read = TableData.read(p);
        assertEquals(TableWriter.HEADER, String.join(",", read.columns()));
        assertEquals(2, read.rows().size());
        assertEquals(0.1, read.column("my")[1], 0);
        assertEquals(5e-13, read.column("dt")[1], 0);
        w.close();
    }

    @Test
    void aRowCutShortByAnInterruptionIsSkipped() throws IOException {
        Path p = dir.resolve("table.csv");
        Files.writeString(p, TableWriter.HEADER + "\n0,1,0,0,1,1,0,0,0,1,0\n1e-12,0.9,0.1");
        assertEquals(1, TableData.read(p).rows().size());
    }

    @Test
    void plotsAreWrittenAsPngFiles() throws IOException {
        Path p = dir.resolve("table.csv");
        try (TableWriter w = new TableWriter(p)) {
            for (int i = 0; i <= 100; i++) {
                double t = i * 1e-11;
                w.row(t, Math.cos(t * 1e10), Math.sin(t * 1e10), 0, -1e-18 * i, 1e-19, 0, -1.1e-18 * i, 0, 1, 1e-12);
            }
        }
        TableData data = TableData.read(p);
        TablePlots.magnetisation(data, "test", dir.resolve("m.png"));
        TablePlots.energies(data, "test", dir.resolve("energy.png"));
        for (String f : new String[] {"m.png", "energy.png"}) {
            byte[] png = Files.readAllBytes(dir.resolve(f));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', f);
        }
    }
}
