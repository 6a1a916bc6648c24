package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run opens in ParaView: the run.xdmf every run writes, read by ParaView's XDMF 3 reader, and the files of
 * {@code hypermag convert --to vtk}, read by VTK's XML readers, hold exactly the HDF5 frames (checked by
 * readback.py with h5py). Needs ParaView's Python ({@code pvpython}; Debian's python3-paraview and python3-h5py,
 * which .ci/run installs); skipped without it unless HYPERMAG_REQUIRE_PARAVIEW is set (as in CI).
 */
class ParaViewReadBackTest {
    @TempDir
    Path dir;

    private static final String GRID = """
            name: grid
            geometry: {grid: {cells: [6, 4, 2], cell_size: [4.0e-9, 4.0e-9, 3.0e-9]}}
            materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.1}]
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - relax: {torque_tolerance: 10}
              - run: {duration: 2.0e-12, field: {mT: [-50, 10, 5]}}
            output: {table_interval: 1.0e-12, frame_interval: 1.0e-12, fields: [m, demag_field]}
            """;

    private static final String PRISMS = """
            name: prisms
            geometry: {prisms: {list: [{centre: [0, 0, 0], size: [10.0e-9, 5.0e-9, 3.0e-9]},
              {centre: [30.0e-9, 0, 0], size: [8.0e-9, 8.0e-9, 3.0e-9], region: 1}]}}
            materials: [{region: 0, Ms: 8.0e5, A: 0, alpha: 0.1}, {region: 1, Ms: 6.0e5, A: 0, alpha: 0.1}]
            initial: {uniform: [1, 0.3, 0.1]}
            stages:
              - run: {duration: 2.0e-12, field: {mT: [-50, 10, 5]}}
            output: {table_interval: 1.0e-12, frame_interval: 1.0e-12}
            """;

    static Path pvpython() {
        for (String p : new String[] {"/usr/bin/pvpython", "/usr/local/bin/pvpython"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"grid", "prisms"})
    void framesReadBackThroughXdmfAndVtkEqualTheHdf5Frames(String which) throws IOException, InterruptedException {
        Path py = pvpython();
        if (System.getenv("HYPERMAG_REQUIRE_PARAVIEW") != null) {
            assertTrue(py != null, "pvpython is required (HYPERMAG_REQUIRE_PARAVIEW is set) but not installed: "
                    + "install python3-paraview and python3-h5py");
        }
        assumeTrue(py != null, "pvpython not installed (python3-paraview)");
        Path f = dir.resolve(which + ".yaml");
        Files.writeString(f, which.equals("grid") ? GRID : PRISMS);
        Path out = dir.resolve(which);
        CliRunner run = CliRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, run.status, run.err);
        assertTrue(Files.isRegularFile(out.resolve("run.xdmf")), "every run writes run.xdmf");
        CliRunner conv = CliRunner.run("convert", out.toString(), "--to", "vtk");
        assertEquals(0, conv.status, conv.err);
        Path script = dir.resolve("readback.py");
        try (InputStream in = getClass().getResourceAsStream("readback.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(py.toString(), script.toString(), out.toString()).redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pvpython finished");
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("xdmf:") && log.contains("frames equal") && log.contains("vtk:"), log);
    }
}
