package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hypermag.output.RunReader;
import org.hypermag.output.ovf.OvfData;
import org.hypermag.output.ovf.OvfReader;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hypermag convert}: frames to OVF files named like mumax3's that hold the frames and start another run,
 * and what it refuses.
 */
class ConvertCommandTest {
    @TempDir
    Path dir;

    private Path run() throws IOException {
        Path f = dir.resolve("film.yaml");
        Files.writeString(f, RunAndPlotCommandTest.SMALL.replace("DURATION", "3.0e-12"));
        Path out = dir.resolve("film");
        assertEquals(0, CliRunner.run("run", f.toString(), "--out", out.toString()).status);
        return out;
    }

    @Test
    void framesBecomeOvfFilesThatStartAnotherRun() throws IOException {
        Path out = run();
        RunReader r = RunReader.open(out);
        int last = r.frameCount() - 1;
        CliRunner c = CliRunner.run("convert", out.toString(), "--to", "ovf", "--frames", "-1:", "--format", "b8");
        assertEquals(0, c.status, c.err);
        Path ovf = out.resolve("ovf").resolve(String.format("m%06d.ovf", last));
        assertTrue(Files.isRegularFile(ovf), c.out);
        OvfData d = OvfReader.read(ovf);
        VectorField m = r.magnetisation(last);
        for (int i = 0; i < m.size(); i++) {
            assertEquals(m.x[i], d.values()[3 * i], 0.0, "binary 8 holds the frame exactly");
            assertEquals(m.z[i], d.values()[3 * i + 2], 0.0);
        }
        assertEquals(r.time(last), d.simulationTime(), 0.0);
        // the file starts a run of the same film
        Path next = dir.resolve("next.yaml");
        Files.writeString(next, RunAndPlotCommandTest.SMALL.replace("DURATION", "1.0e-12")
                .replace("initial: {uniform: [1, 0.3, 0.1]}", "initial: {file: {path: \""
                        + ovf.toString().replace("\\", "/") + "\"}}")
                .replace("  - relax: {torque_tolerance: 1.0}\n", ""));
        Path out2 = dir.resolve("next");
        CliRunner second = CliRunner.run("run", next.toString(), "--out", out2.toString());
        assertEquals(0, second.status, second.err);
        VectorField start = RunReader.open(out2).magnetisation(0);
        for (int i = 0; i < m.size(); i++) {
            assertEquals(m.x[i], start.x[i], 1e-7, "the run starts where the first ended");
            assertEquals(m.y[i], start.y[i], 1e-7);
        }
        CliRunner vtk = CliRunner.run("convert", out.toString(), "--to", "vtk", "--frames", "1:3");
        assertEquals(0, vtk.status, vtk.err);
        assertTrue(Files.isRegularFile(out.resolve("vtk/frame000001.vti"))
                && Files.isRegularFile(out.resolve("vtk/frame000002.vti"))
                && !Files.exists(out.resolve("vtk/frame000003.vti")) && Files.isRegularFile(out.resolve(
                        "vtk/frames.pvd")), vtk.out);
    }

    /** output.formats: [h5, ovf]: every frame's m and demag field as OVF beside the HDF5 frames, as mumax3 names them. */
    @Test
    void aRunWithOvfInItsFormatsWritesOvfSnapshotsOfEveryFrame() throws IOException {
        Path f = dir.resolve("ovf.yaml");
        Files.writeString(f, RunAndPlotCommandTest.SMALL.replace("DURATION", "2.0e-12").replace(
                "output: {table_interval: 1.0e-12, frame_interval: 5.0e-12}",
                "output: {table_interval: 1.0e-12, frame_interval: 1.0e-12, fields: [m, demag_field], "
                        + "formats: [h5, ovf], ovf_format: b8}"));
        Path out = dir.resolve("ovf");
        CliRunner r = CliRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, r.status, r.err);
        RunReader run = RunReader.open(out);
        for (int k = 0; k < run.frameCount(); k++) {
            OvfData m = OvfReader.read(out.resolve(String.format("ovf/m%06d.ovf", k)));
            OvfData h = OvfReader.read(out.resolve(String.format("ovf/demag_field%06d.ovf", k)));
            assertEquals(run.magnetisation(k).y[3], m.values()[3 * 3 + 1], 0.0, "frame " + k);
            assertEquals(run.vectors(k, "demag_field").z[5], h.values()[3 * 5 + 2], 0.0, "frame " + k);
            assertEquals("A/m", h.units().get(0));
        }
        try (var files = Files.list(out.resolve("ovf"))) {
            assertEquals(2L * run.frameCount(), files.count(), "m and demag_field for each of the frames");
        }
    }

    @Test
    void badSelectionsAreRefusedWithTheReason() throws IOException {
        Path out = run();
        int n = RunReader.open(out).frameCount();
        String[][] cases = {
            {"--to", "png"}, {"--to", "ovf", "--frames", "99"}, {"--to", "ovf", "--frames", "a:b"},
            {"--to", "ovf", "--fields", "velocity"}, {"--to", "ovf", "--format", "b16"}};
        String[] expected = {"--to png: expected ovf, vtk or xdmf", "selects no frame; the run has " + n,
            "--frames a:b: expected A:B or K", "--fields velocity: expected m, demag_field",
            "--format b16: expected b4, b8 or text"};
        for (int k = 0; k < cases.length; k++) {
            String[] args = new String[cases[k].length + 2];
            args[0] = "convert";
            args[1] = out.toString();
            System.arraycopy(cases[k], 0, args, 2, cases[k].length);
            CliRunner c = CliRunner.run(args);
            assertEquals(Main.EXIT_INPUT, c.status, String.join(" ", args));
            assertTrue(c.err.contains(expected[k]) && !c.err.contains("Exception"), c.err);
        }
        CliRunner none = CliRunner.run("convert", dir.toString(), "--to", "ovf");
        assertTrue(none.err.contains("not a run's output directory"), none.err);
    }
}
