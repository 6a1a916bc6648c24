package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hypermag.output.ovf.OvfData;
import org.hypermag.output.ovf.OvfWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypermag corepos}: the core of a run's frames and of OVF files, and what it refuses. */
class CoreposCommandTest {
    @TempDir
    Path dir;

    /** A vortex set off-centre and evolved for 1 ps: the core is where it was put, within one 5 nm cell. */
    @Test
    void aRunsFramesGiveTheCoreAndItsTrajectoryPlot() throws IOException {
        Path f = dir.resolve("v.yaml");
        Files.writeString(f, """
                name: off-centre
                geometry: {grid: {cells: [20, 20, 2], cell_size: [5.0e-9, 5.0e-9, 5.0e-9]}}
                materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.5}]
                initial: {vortex: {centre: [40.0e-9, 55.0e-9], circulation: 1, polarity: -1, core_radius: 10.0e-9}}
                stages:
                  - run: {duration: 1.0e-12}
                output: {table_interval: 1.0e-13, frame_interval: 5.0e-13}
                """);
        Path out = dir.resolve("out");
        assertEquals(0, CliRunner.run("run", f.toString(), "--out", out.toString()).status);
        CliRunner r = CliRunner.run("corepos", out.toString());
        assertEquals(0, r.status, r.err);
        List<String> lines = Files.readAllLines(out.resolve("corepos.csv"));
        assertEquals("t,stage,point,core_x,core_y,core_mz", lines.get(0));
        assertEquals(4, lines.size(), "frames at 0, 0.5 and 1 ps: " + lines);
        String[] last = lines.get(3).split(",");
        assertEquals(40e-9, Double.parseDouble(last[3]), 5e-9);
        assertEquals(55e-9, Double.parseDouble(last[4]), 5e-9);
        assertTrue(Double.parseDouble(last[5]) < -0.5, "polarity down: " + last[5]);
        assertTrue(Files.size(out.resolve("corepos.png")) > 1000);
        assertTrue(r.out.contains("corepos.csv (3 frames)") && r.out.contains("corepos.png"), r.out);
        // the run drew m at the end of its stage; plot --snapshot draws any frame: the core (down) is black
        assertTrue(Files.size(out.resolve("snapshot-stage0.png")) > 1000);
        CliRunner snap = CliRunner.run("plot", out.toString(), "--snapshot", "--frame", "0");
        assertEquals(0, snap.status, snap.err);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.resolve("snapshot-frame0.png").toFile());
        // column (7, 10) holds the core at (40, 55) nm of 5 nm cells: drawn at x = 40 + 8 * 7, y = 40 + 8 * (19 - 10)
        int rgb = img.getRGB(40 + 8 * 7 + 4, 40 + 8 * 9 + 4);
        assertTrue(((rgb >> 16) & 255) < 40 && ((rgb >> 8) & 255) < 40 && (rgb & 255) < 40,
                "the core pointing down is nearly black: " + Integer.toHexString(rgb));
        CliRunner bad = CliRunner.run("plot", out.toString(), "--snapshot", "--frame", "9");
        assertEquals(Main.EXIT_INPUT, bad.status);
        assertTrue(bad.err.contains("--frame 9: the run has 3 frames (0..2)"), bad.err);
    }

    @Test
    void ovfFilesGiveOneLineEach() {
        int n = 16;
        double d = 2e-9, xc = 13.3e-9, yc = 20.1e-9;
        double[] x = new double[n * n], y = new double[n * n], z = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double dx = (i + 0.5) * d - xc, dy = (j + 0.5) * d - yc, mz = Math.exp(-(dx * dx + dy * dy) / 16e-18);
                double rho = Math.hypot(dx, dy) + 1e-30, s = Math.sqrt(1 - mz * mz);
                x[i + n * j] = -s * dy / rho;
                y[i + n * j] = s * dx / rho;
                z[i + n * j] = mz;
            }
        }
        Path f = dir.resolve("m000000.ovf");
        OvfWriter.write(f, OvfData.rectangular("m", new int[] {n, n, 1}, new double[3], new double[] {d, d, d}, x, y, z,
                "m", "1"), OvfWriter.Format.BINARY4, 2);
        CliRunner r = CliRunner.run("corepos", f.toString());
        assertEquals(0, r.status, r.err);
        String[] line = r.out.strip().split("\n")[1].split(",");
        assertEquals("m000000.ovf", line[0]);
        assertEquals("NaN", line[1], "no simulation time in the file");
        assertEquals(xc, Double.parseDouble(line[2]), 0.1 * d);
        assertEquals(yc, Double.parseDouble(line[3]), 0.1 * d);
    }

    @Test
    void whatItCannotReadIsRefusedWithTheReason() throws IOException {
        CliRunner none = CliRunner.run("corepos", dir.toString());
        assertEquals(Main.EXIT_INPUT, none.status);
        assertTrue(none.err.contains("not a run's output directory (no run.h5)"), none.err);
        Path bad = dir.resolve("bad.omf");
        Files.writeString(bad, "# OOMMF OVF 2.0\n# Segment count: 1\n# Begin: Segment\n# Begin: Header\n# xnodes: x\n");
        CliRunner broken = CliRunner.run("corepos", bad.toString());
        assertEquals(Main.EXIT_INPUT, broken.status);
        assertTrue(broken.err.contains(bad + ":"), broken.err);
        assertTrue(!broken.err.contains("Exception"), broken.err);
        CliRunner ref = CliRunner.run("corepos", bad.toString(), "--reference", bad.toString());
        assertEquals(Main.EXIT_INPUT, ref.status);
        assertTrue(ref.err.contains("--reference draws beside a run's trajectory"), ref.err);
    }
}
