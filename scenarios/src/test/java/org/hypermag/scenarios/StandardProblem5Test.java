package org.hypermag.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hypermag.output.RunTable;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * muMAG standard problem 5 (M. Najafi et al., J. Appl. Phys. 105, 113914 (2009)), the shipped sp5: a vortex in a
 * 100 × 100 × 10 nm permalloy square (32 × 32 × 4 cells) driven by j = 1e12 A/m² along x, P = 1, ξ = 0.05, α = 0.1.
 * Reference: mumax3's regression test of the problem on the same mesh, ⟨m⟩(1 ns) = (−0.234637409, −0.09450896,
 * 0.02294345) with its own tolerance 1e-4 (mumax/3, test/standardproblem5.mx3, "reference solution by mumax2";
 * an older certification script, test/cert/standardproblem5.go, relaxed differently and expected
 * (−0.239191, −0.099219, 0.0228132)).
 */
class StandardProblem5Test {
    @TempDir
    Path dir;

    @Test
    void vortexDrivenByACurrentReachesMumax3sAverageAtOneNanosecond() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("sp5"), dir.resolve("sp5"));
        double[] relaxed = rows.get(0);
        assertEquals(0, relaxed[RunTable.MX], 1e-6, "a centred vortex: no net in-plane moment");
        double[] end = rows.get(rows.size() - 1);
        assertEquals(1e-9, end[RunTable.T], 1e-21);
        System.out.printf("sp5: <m>(1 ns) = (%.6f, %.6f, %.6f)%n", end[RunTable.MX], end[RunTable.MX + 1],
                end[RunTable.MX + 2]);
        assertEquals(-0.234637409, end[RunTable.MX], 1e-4, "<mx>(1 ns)");
        assertEquals(-0.09450896, end[RunTable.MX + 1], 1e-4, "<my>(1 ns)");
        assertEquals(0.02294345, end[RunTable.MX + 2], 1e-4, "<mz>(1 ns)");
        // the core is pushed off-centre against the electron flow: <mx> and <my> leave zero within the first 100 ps
        double[] at100ps = rows.stream().filter(r -> Math.abs(r[RunTable.T] - 1e-10) < 1e-15).findFirst()
                .orElseThrow();
        assertTrue(Math.abs(at100ps[RunTable.MX]) > 0.01, "moving at 100 ps: " + at100ps[RunTable.MX]);
    }
}
