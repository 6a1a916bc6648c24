package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hypermag.solver.gpu.GpuDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --gpu on} end to end with PoCL standing in for a GPU ({@link GpuDevices#STAND_IN}): a run stage stepped
 * wholly on the device against the same scenario with {@code --gpu off}, both with the exact FFT convolution of a
 * 40 × 10 permalloy film, double precision on the device. Both output by dense interpolation (the device's continuous
 * extension on the device) and take the same steps: the table's ⟨m⟩ agree within 1e-9 at every row (measured
 * 2.2e-16, 2026-12-05). The log says where each part ran.
 */
class DeviceRunTest {
    @TempDir
    Path dir;

    private static final String FILM = """
            name: device-run
            geometry:
              grid: {cells: [40, 10, 1], cell_size: [5.0e-9, 5.0e-9, 3.0e-9]}
            materials:
              - {region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.02, gamma: 2.211e5}
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - run: {duration: 2.0e-11, field: {mT: [-24.6, 4.3, 0.0]}}
            demag: {method: exact}
            compute: {gpu_precision: double}
            integrator: {method: dormand-prince, tolerance: 1.0e-9}
            output: {table_interval: 1.0e-12}
            """;

    @AfterEach
    void clear() {
        System.clearProperty(GpuDevices.STAND_IN);
    }

    private static double[][] table(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("table.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        int t = head.indexOf("t"), mx = head.indexOf("mx"), my = head.indexOf("my"), mz = head.indexOf("mz");
        double[][] rows = new double[lines.size() - 1][];
        for (int k = 1; k < lines.size(); k++) {
            String[] c = lines.get(k).split(",");
            rows[k - 1] = new double[] {Double.parseDouble(c[t]), Double.parseDouble(c[mx]),
                    Double.parseDouble(c[my]), Double.parseDouble(c[mz])};
        }
        return rows;
    }

    @Test
    void aRunOnTheStandInDeviceWritesTheSameTableAsOnTheCpu() throws IOException {
        boolean pocl = GpuDevices.openClCpu() != null;
        if (System.getenv("HYPERMAG_REQUIRE_OPENCL") != null) {
            assertTrue(pocl, "an OpenCL CPU device is required (HYPERMAG_REQUIRE_OPENCL is set)");
        }
        Assumptions.assumeTrue(pocl, "no OpenCL CPU device (pocl-opencl-icd)");
        Assumptions.assumeTrue(GpuDevices.firstGpu() == null, "this machine has a GPU: the stand-in is not used");
        Path yaml = Files.writeString(dir.resolve("film.yaml"), FILM);
        CliRunner cpu = CliRunner.run("run", yaml.toString(), "--gpu", "off", "--out", dir.resolve("cpu").toString());
        assertEquals(0, cpu.status, cpu.err);
        System.setProperty(GpuDevices.STAND_IN, GpuDevices.STAND_IN_CPU);
        CliRunner dev = CliRunner.run("run", yaml.toString(), "--gpu", "on", "--out", dir.resolve("dev").toString());
        assertEquals(0, dev.status, dev.err);
        String said = dev.out + dev.err;
        assertTrue(said.contains("as a stand-in for a GPU"), said);
        assertTrue(said.contains("gpu: run stages with adaptive Dormand-Prince step on the device"), said);
        assertTrue(said.contains("the convolution on the device"), said);
        double[][] a = table(dir.resolve("cpu")), b = table(dir.resolve("dev"));
        assertEquals(a.length, b.length, "rows");
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k][0], b[k][0], 1e-20, "row times");
            for (int c = 1; c <= 3; c++) {
                worst = Math.max(worst, Math.abs(a[k][c] - b[k][c]));
            }
        }
        System.out.printf("run --gpu on (stand-in) vs --gpu off: %d rows, largest <m> difference %.2e%n", a.length,
                worst);
        assertTrue(worst <= 1e-9, "tables differ by " + worst);
        // a method the device does not step: said in one line, and the run steps on the CPU with the device's demag
        Path rk4 = Files.writeString(dir.resolve("rk4.yaml"), FILM.replace("method: dormand-prince, tolerance: 1.0e-9",
                "method: rk4, tolerance: 1.0e-7").replace("duration: 2.0e-11", "duration: 2.0e-12"));
        CliRunner r = CliRunner.run("run", rk4.toString(), "--gpu", "on", "--out", dir.resolve("rk4").toString());
        assertEquals(0, r.status, r.err);
        assertTrue((r.out + r.err).contains("gpu: the device steps adaptive Dormand-Prince only: this scenario's run "
                + "stages (RK4(3)) step on the CPU; the demag runs on the device"), r.out + r.err);
    }
}
