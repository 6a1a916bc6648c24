package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hypermag.solver.gpu.GpuDevices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --gpu auto|on|off} and {@code --gpu-precision} on the commands that evaluate the demag field. */
class GpuOptionTest {
    @TempDir
    Path dir;

    private String[] field(String... extra) throws IOException {
        Path s = Files.writeString(dir.resolve("S.csv"), "x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,1e-8,1e-8,1e-8,8e5,0,0\n");
        Path p = Files.writeString(dir.resolve("P.csv"), "x,y,z\n0,0,0\n2e-8,1e-8,0\n");
        List<String> args = new java.util.ArrayList<>(List.of("field", "--sources", s.toString(), "--points",
                p.toString(), "--out", dir.resolve("H.csv").toString()));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void autoSaysWhichDeviceAndWhyAndStillWritesTheField() throws IOException {
        CliRunner r = CliRunner.run(field("--gpu", "auto"));
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("gpu: auto: "), r.err);
        assertTrue(r.err.contains(GpuDevices.firstGpu() == null ? "no OpenCL GPU" : "using"), r.err);
        assertEquals(3, Files.readAllLines(dir.resolve("H.csv")).size());
    }

    @Test
    void onWithoutAGpuFailsWithExitStatusTwoAndNoOutput() throws IOException {
        Assumptions.assumeTrue(GpuDevices.firstGpu() == null, "this machine has an OpenCL GPU");
        CliRunner r = CliRunner.run(field("--gpu", "on"));
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("hypermag field: error: gpu: on needs an OpenCL GPU"), r.err);
        assertFalse(Files.exists(dir.resolve("H.csv")));
        CliRunner run = CliRunner.run("run", "granular-film-hysteresis", "--gpu", "on", "--out",
                dir.resolve("run").toString());
        assertEquals(Main.EXIT_INPUT, run.status, run.err);
        assertTrue(run.err.contains("compute.gpu: gpu: on needs an OpenCL GPU"), run.err);
    }

    @Test
    void badValuesAreUsageErrors() throws IOException {
        CliRunner r = CliRunner.run(field("--gpu", "yes"));
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("--gpu must be 'auto', 'on' or 'off', got 'yes'"), r.err);
        r = CliRunner.run(field("--gpu", "off", "--gpu-precision", "half"));
        assertEquals(Main.EXIT_INPUT, r.status);
        assertTrue(r.err.contains("--gpu-precision"), r.err);
    }
}
