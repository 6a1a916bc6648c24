package org.hypermag.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hypermag.output.ovf.OvfData;
import org.hypermag.output.ovf.OvfReader;
import org.hypermag.scenarios.spec.Problem;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code initial: {file: {path: X.omf}}}: a state OOMMF 2.1a0 wrote (a 4 × 3 × 2 block of 5 nm cells whose atlas
 * starts at the origin; output/src/test/resources/.../ovf/oommf/README.md says how) starts a hypermag grid of the
 * same mesh, alone or in one region; another mesh, or a zero vector inside the magnet, is refused before running.
 */
class OvfInitialStateTest {
    @TempDir
    Path dir;

    private Path omf() throws IOException {
        Path f = dir.resolve("state.omf");
        try (InputStream in = getClass().getResourceAsStream("oommf-4x3x2.omf")) {
            Files.copy(in, f);
        }
        return f;
    }

    private Scenario scenario(String grid, String initial) {
        return ScenarioParser.parse("""
                geometry: {grid: GRID}
                materials: [{region: 0, Ms: 8.0e5, A: 1.3e-11, alpha: 0.5}, {region: 1, Ms: 8.0e5, A: 1.3e-11, alpha: 0.5}]
                initial: INITIAL
                stages: [{run: {duration: 1.0e-13}}]
                """.replace("GRID", grid).replace("INITIAL", initial), "s.yaml", dir, "s");
    }

    @Test
    void anOommfStateStartsAGridOfTheSameMesh() throws IOException {
        Path f = omf();
        Scenario s = scenario("{cells: [4, 3, 2], cell_size: [5.0e-9, 5.0e-9, 5.0e-9]}",
                "{file: {path: state.omf}}");
        assertEquals(List.of(), ScenarioPreflight.problems(s));
        VectorField m = ScenarioSystem.initial(s);
        OvfData o = OvfReader.read(f);
        for (int i = 0; i < 24; i++) {
            double[] v = {o.values()[3 * i], o.values()[3 * i + 1], o.values()[3 * i + 2]};
            assertEquals(v[0] / 8e5, m.x[i], 1e-9, "mx of cell " + i);
            assertEquals(v[1] / 8e5, m.y[i], 1e-9, "my of cell " + i);
            assertEquals(v[2] / 8e5, m.z[i], 1e-9, "mz of cell " + i);
        }
        // in one region only: the lower layer (region 1) from the file, the upper one uniform
        Scenario per = scenario("{cells: [4, 3, 2], cell_size: [5.0e-9, 5.0e-9, 5.0e-9], regions: ["
                + "{region: 0, shape: {rectangle: {centre: [10.0e-9, 7.5e-9], size: [20.0e-9, 15.0e-9]}}}, "
                + "{region: 1, shape: {rectangle: {centre: [10.0e-9, 7.5e-9], size: [20.0e-9, 15.0e-9]}}, "
                + "z: [0, 5.0e-9]}]}",
                "[{uniform: [0, 0, 1]}, {region: 1, file: {path: state.omf}}]");
        assertEquals(List.of(), ScenarioPreflight.problems(per));
        VectorField p = ScenarioSystem.initial(per);
        assertEquals(m.x[3], p.x[3], 1e-15, "lower layer from the file");
        assertEquals(1, p.z[12 + 3], 0.0, "upper layer uniform");
    }

    @Test
    void anotherMeshOrAZeroVectorIsRefusedNamingBoth() throws IOException {
        Path f = omf();
        List<Problem> p = ScenarioPreflight.problems(scenario(
                "{cells: [4, 3, 1], cell_size: [5.0e-9, 5.0e-9, 10.0e-9]}", "{file: {path: state.omf}}"));
        assertEquals(1, p.size(), p.toString());
        String msg = p.get(0).message();
        assertTrue(msg.contains("the file's mesh is 4 x 3 x 2 cells of 5e-09 x 5e-09 x 5e-09 m")
                && msg.contains("this scenario's grid is 4 x 3 x 1 cells of 5e-09 x 5e-09 x 1e-08 m"), msg);
        assertEquals("initial.file.path", p.get(0).path());
        assertTrue(p.get(0).line() > 0, "with a line number");
        String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        OvfData o = OvfReader.read(f);
        double[] v = o.values().clone();
        v[3 * 5] = 0;
        v[3 * 5 + 1] = 0;
        v[3 * 5 + 2] = 0;
        org.hypermag.output.ovf.OvfWriter.write(dir.resolve("hole.ovf"), new OvfData(o.title(), false, o.nodes(),
                o.base(), o.step(), o.min(), o.max(), o.labels(), o.units(), v, null, o.desc()),
                org.hypermag.output.ovf.OvfWriter.Format.BINARY8, 2);
        List<Problem> hole = ScenarioPreflight.problems(scenario(
                "{cells: [4, 3, 2], cell_size: [5.0e-9, 5.0e-9, 5.0e-9]}", "{file: {path: hole.ovf}}"));
        assertTrue(hole.get(0).message().contains("node (1, 1, 0) holds (0.0, 0.0, 0.0), inside the magnet"),
                hole.toString());
        assertTrue(text.startsWith("# OOMMF OVF 2.0"));
    }
}
