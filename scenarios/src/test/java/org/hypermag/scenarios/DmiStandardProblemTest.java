package org.hypermag.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hypermag.output.RunReader;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DMI standard problems of D. Cortés-Ortuño et al., "Proposal for a micromagnetic standard problem for materials
 * with Dzyaloshinskii–Moriya interaction", New J. Phys. 20, 113015 (2018). Reference numbers are read from the
 * paper's supplement (github.com/fangohr/paper-supplement-standard-problem-dmi, commit 1d9390c, files under
 * notebooks/data/): the semi-analytic (ODE) profiles and OOMMF's results on the same meshes as here. The paper's
 * D = 3 mJ/m² is Dind = −3 mJ/m² in mumax3's (and hypermag's) sign convention, as the supplement's mumax3 scripts
 * set it.
 */
class DmiStandardProblemTest {
    @TempDir
    Path dir;

    /** The 1-D problem: a wire of 100 cells of 1 nm (the supplement's mesh), no demag, relaxed from m = z. */
    static final String WIRE = """
            name: dmi-wire
            geometry: {grid: {cells: [100, 1, 1], cell_size: [1.0e-9, 1.0e-9, 1.0e-9]}}
            materials: [{Ms: 0.86e6, A: 13.0e-12, Dind: -3.0e-3, K1: 0.4e6, anisotropy_axis: [0, 0, 1], alpha: 0.5}]
            initial: {uniform: [0, 0, 1]}
            demag: {method: none}
            stages: [{relax: {torque_tolerance: 1.0e-4}}]
            output: {precision: float64}
            """;

    /**
     * The canting at the wire's ends: m_z and m_x at the first cells against OOMMF on the same mesh
     * (result_1d_x-mz_interfacial_oommf.txt, result_1d_x-mx_interfacial_oommf.txt) within 1e-3, and against the ODE
     * profile (result_1d_x-mz_interfacial_ODE.txt: m_z(−50 nm) = 0.75320, m_x(−50 nm) = −0.65779, at the end itself)
     * within the mesh's first-order error at the surface; the wire is symmetric (m_z) and antisymmetric (m_x).
     */
    @Test
    void wireEndsCantAsTheSemiAnalyticProfileAndOommf() {
        ScenarioRuns.run(ScenarioParser.parse(WIRE, "dmi-wire.yaml", dir, "dmi-wire"), dir.resolve("w"));
        RunReader r = RunReader.open(dir.resolve("w"));
        VectorField m = r.magnetisation(r.frameCount() - 1);
        double[][] oommf = {{0.7897322577, -0.6134516780}, {0.8470658855, -0.5314878980},
            {0.8897254809, -0.4564959677}, {0.9209940207, -0.3895767112}, {0.9436615353, -0.3309122343}};
        System.out.printf("dmi-wire: end cell m_z = %.5f, m_x = %.5f%n", m.z[0], m.x[0]);
        for (int i = 0; i < oommf.length; i++) {
            assertEquals(oommf[i][0], m.z[i], 1e-3, "m_z of cell " + i);
            assertEquals(oommf[i][1], m.x[i], 1e-3, "m_x of cell " + i + " (the chirality: sign of D)");
            assertEquals(m.z[i], m.z[99 - i], 1e-9, "symmetric");
            assertEquals(-m.x[i], m.x[99 - i], 1e-9, "antisymmetric");
        }
        // the continuum profile at the surface; the cell centre sits 0.5 nm inside it, where the ODE gives 0.78626
        assertEquals(0.78626, m.z[0], 0.01, "m_z against the ODE at x = -49.5 nm");
        assertEquals(1, m.z[50], 1e-6, "uniform in the middle");
    }

    /**
     * The 2-D problem, the shipped skyrmion-disk: the skyrmion radius (m_z = 0 along the row of cells 1 nm beside the
     * centre, as the supplement samples it) against the ODE radius 22.03 nm (interpolated from
     * result_2d_r-mz_interfacial_ODE.txt) within 0.5 nm, and against OOMMF's 21.87 nm on the same mesh
     * (result_2d_r-mz_interfacial_oommf.txt; Fidimag gives the same) within 0.05 nm; the profile against OOMMF's
     * within 2e-3; the core up, the edge canted.
     */
    @Test
    void skyrmionRadiusMatchesThePaper() throws Exception {
        Path out = dir.resolve("sk");
        ScenarioRuns.run(ShippedScenarios.parse("skyrmion-disk"), out); // fails unless the relaxation converged
        RunReader r = RunReader.open(out);
        VectorField m = r.magnetisation(r.frameCount() - 1);
        double[][] c = r.centres();
        // the row y = 49 nm (cells j = 24), x from 1 nm to 99 nm
        double[] x = new double[50], mz = new double[50];
        int k = 0;
        for (int i = 0; i < m.size(); i++) {
            if (Math.abs(c[i][1] - 49e-9) < 1e-12) {
                x[(int) Math.round((c[i][0] - 1e-9) / 2e-9)] = c[i][0] - 50e-9;
                mz[(int) Math.round((c[i][0] - 1e-9) / 2e-9)] = m.z[i];
                k++;
            }
        }
        assertEquals(50, k, "a full row through the disk");
        double radius = Double.NaN;
        for (int i = 25; i < 49; i++) {
            if (mz[i] > 0 && mz[i + 1] <= 0) {
                double xr = x[i] + (x[i + 1] - x[i]) * mz[i] / (mz[i] - mz[i + 1]);
                radius = Math.hypot(xr, 1e-9) * 1e9;
            }
        }
        System.out.printf("skyrmion-disk: radius %.4f nm (ODE 22.03, OOMMF 21.87)%n", radius);
        assertEquals(21.87, radius, 0.05, "OOMMF and Fidimag on this mesh");
        assertEquals(22.03, radius, 0.5, "the semi-analytic radius");
        // OOMMF's m_z at x = 1, 11, 21, 31, 41 nm (cells 25, 30, 35, 40, 45 of the row)
        double[] ref = {0.9997231629, 0.9570006810, 0.1592680542, -0.9470562509, -0.9948114285};
        for (int q = 0; q < ref.length; q++) {
            assertEquals(ref[q], mz[25 + 5 * q], 2e-3, "m_z at x = " + x[25 + 5 * q]);
        }
        assertTrue(Files.isRegularFile(out.resolve("mz.png")), "the colour image of m_z");
    }
}
