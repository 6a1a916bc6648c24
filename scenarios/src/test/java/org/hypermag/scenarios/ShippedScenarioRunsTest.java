package org.hypermag.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hypermag.output.RunReader;
import org.hypermag.output.RunTable;
import org.hypermag.scenarios.sim.Landmarks;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.hypermag.solver.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped scenario runs its whole dynamics in a test: the standard problems in their own tests against their
 * references, the examples here against what their descriptions promise. A scenario added to
 * {@link ShippedScenarios#NAMES} without a run test fails {@link #everyShippedScenarioHasARunTest}.
 */
class ShippedScenarioRunsTest {
    /** Where each shipped scenario is run to completion (slow ones under -Pslow). */
    private static final Map<String, String> RUN_BY = Map.ofEntries(
            Map.entry("sp4-field1", "StandardProblem4Test"),
            Map.entry("sp4-field2", "StandardProblem4Test"),
            Map.entry("sp2-d5", "StandardProblem2Test"),
            Map.entry("sp2-d30", "StandardProblem2Test (slow)"),
            Map.entry("sp3-flower", "StandardProblem3Test"),
            Map.entry("sp3-vortex", "StandardProblem3Test"),
            Map.entry("permalloy-disk-vortex", "ShippedScenarioRunsTest"),
            Map.entry("granular-film-hysteresis", "ShippedScenarioRunsTest"),
            Map.entry("granular-film-thermal", "ShippedScenarioRunsTest (slow; a smaller variant by default)"),
            Map.entry("square-ice-ramp", "ShippedScenarioRunsTest"),
            Map.entry("skyrmion-disk", "DmiStandardProblemTest"),
            Map.entry("saf-hysteresis", "SyntheticAntiferromagnetTest"),
            Map.entry("sp5", "StandardProblem5Test"),
            Map.entry("domain-wall-current", "ShippedScenarioRunsTest"),
            Map.entry("sot-switching", "ShippedScenarioRunsTest"),
            Map.entry("granular-bilayer", "ShippedScenarioRunsTest (slow; a smaller variant by default)"));

    @TempDir
    Path dir;

    @Test
    void everyShippedScenarioHasARunTest() {
        assertEquals(new TreeSet<>(ShippedScenarios.NAMES), new TreeSet<>(RUN_BY.keySet()));
    }

    @Test
    void diskRelaxesFromRandomIntoAVortexWithItsCoreAtTheCentre() {
        Path out = dir.resolve("disk");
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("permalloy-disk-vortex"), out);
        double[] end = rows.get(rows.size() - 1);
        assertEquals(0, Math.hypot(end[RunTable.MX], end[RunTable.MX + 1]), 0.02,
                "closed in-plane flux: <mx>, <my> = " + end[RunTable.MX] + ", " + end[RunTable.MX + 1]);
        RunReader r = RunReader.open(out);
        VectorField m = r.magnetisation(r.frameCount() - 1);
        int core = 0;
        for (int i = 0; i < m.size(); i++) {
            if (Math.abs(m.z[i]) > Math.abs(m.z[core])) {
                core = i;
            }
        }
        double[] c = r.centres()[core];
        assertTrue(Math.abs(m.z[core]) > 0.9, "a perpendicular core: max |mz| = " + Math.abs(m.z[core]));
        assertEquals(0, Math.hypot(c[0] - 100e-9, c[1] - 100e-9), 8e-9, "the core within two cells of the centre");
        // away from the core the magnetisation lies in the plane and circulates: m perpendicular to the radius
        for (int i = 0; i < m.size(); i++) {
            double dx = r.centres()[i][0] - 100e-9, dy = r.centres()[i][1] - 100e-9, rho = Math.hypot(dx, dy);
            if (rho > 40e-9 && rho < 80e-9) {
                assertTrue(Math.abs(m.x[i] * dx + m.y[i] * dy) / rho < 0.2, "tangential at " + rho + " m");
            }
        }
    }

    /**
     * domain-wall-current: the wall's velocity from ⟨mx⟩ = 2 x_wall/L − 1 between 1.2 and 2 ns is the 1-D model's
     * steady −(ξ/α) u = −200 m/s within 1 % (Thiaville et al., Europhys. Lett. 69, 990 (2005); measured −199.6 m/s,
     * as ZhangLiTorqueTest's wire).
     */
    @Test
    void currentDrivesTheWallAtXiOverAlphaTimesTheDriftVelocity() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("domain-wall-current"), dir.resolve("dw"));
        double[] a = atTime(rows, 1, 1.2e-9), b = atTime(rows, 1, 2.0e-9);
        double v = 1e-6 * (b[RunTable.MX] - a[RunTable.MX]) / 0.8e-9;
        assertEquals(-200, v, 2, "steady wall velocity (m/s)");
    }

    /**
     * sot-switching: the pulse reverses the magnet (⟨mz⟩ from +0.9994 to −0.9994, the tilt of the 20 mT field), and
     * with the in-plane field reversed the same pulse leaves it up: the field along the current sets the direction of
     * damping-like switching.
     */
    @Test
    void currentPulseSwitchesThePerpendicularMagnetTheWayTheFieldSays() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("sot-switching"), dir.resolve("sot"));
        assertTrue(rows.get(0)[RunTable.MX + 2] > 0.999, "relaxed up");
        assertTrue(rows.get(rows.size() - 1)[RunTable.MX + 2] < -0.999, "switched down");
        List<double[]> reversed = ScenarioRuns.run(ScenarioRuns.variant("sot-switching", "mT: \\[-20", "mT: [20"),
                dir.resolve("sot-reversed"));
        assertTrue(reversed.get(reversed.size() - 1)[RunTable.MX + 2] > 0.999, "the field reversed: still up");
    }

    private static double[] atTime(List<double[]> rows, int stage, double t) {
        return rows.stream().filter(r -> r[RunTable.STAGE] == stage && Math.abs(r[RunTable.T] - t) < 1e-15)
                .findFirst().orElseThrow(() -> new AssertionError("no row at stage " + stage + ", t = " + t));
    }

    @Test
    void granularFilmLoopIsSymmetricAndSaturates() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("granular-film-hysteresis"), dir.resolve("g"));
        List<double[]> branch = ScenarioRuns.branch(rows, new double[] {0, 0, 1});
        assertEquals(61, branch.size(), "30 steps down and 30 back up");
        assertTrue(branch.get(0)[1] > 0.99 && branch.get(30)[1] < -0.99, "saturated at +-1.5 T: "
                + branch.get(0)[1] + ", " + branch.get(30)[1]);
        List<Double> hc = org.hypermag.scenarios.sim.HysteresisLandmarks.coercive(branch);
        assertEquals(2, hc.size(), "one switch down, one back up: " + hc);
        assertTrue(hc.get(0) < -100 && hc.get(1) > 100, "coercive fields (mT) " + hc);
        // the grains' easy axes are symmetric under m -> -m: so is the loop, to one 100 mT field step
        assertEquals(-hc.get(0), hc.get(1), 100, "symmetric loop: " + hc);
    }

    /**
     * granular-bilayer, reduced for the default suite (100 grains per layer in 240 nm, 10 field steps each way): the
     * loop with the two-layer surrogate against the same loop with the exact direct sum, field point by field point.
     */
    @Test
    void bilayerLoopWithTheLayeredSurrogateFollowsTheExactPath() {
        String[] smaller = {"grains: 300 ", "grains: 100 ", "size: \\[400.0e-9, 400.0e-9\\]",
            "size: [240.0e-9, 240.0e-9]", "steps: 30", "steps: 10"};
        List<double[]> sur = ScenarioRuns.run(ScenarioRuns.variant("granular-bilayer", smaller), dir.resolve("bs"));
        String[] exact = java.util.Arrays.copyOf(smaller, smaller.length + 2);
        exact[smaller.length] = "demag: \\{method: surrogate\\}";
        exact[smaller.length + 1] = "demag: {method: exact}";
        List<double[]> ex = ScenarioRuns.run(ScenarioRuns.variant("granular-bilayer", exact), dir.resolve("be"));
        List<double[]> a = ScenarioRuns.branch(sur, new double[] {0, 0, 1}), b = ScenarioRuns.branch(ex,
                new double[] {0, 0, 1});
        assertEquals(21, a.size(), "10 steps down and 10 back up");
        assertEquals(b.size(), a.size());
        assertTrue(a.get(0)[1] > 0.99 && a.get(10)[1] < -0.99, "saturated at +-1.5 T: " + a.get(0)[1] + ", "
                + a.get(10)[1]);
        double worst = 0;
        for (int k = 0; k < a.size(); k++) {
            worst = Math.max(worst, Math.abs(a.get(k)[1] - b.get(k)[1]));
        }
        // the surrogate's field is within about 1e-5 of the exact one; the relaxed states agree to the tolerance
        assertTrue(worst < 2e-3, "largest difference of <m_z> at a field point: " + worst);
    }

    /** The shipped granular-bilayer as it is (about 2.5 minutes on 2 cores). */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void shippedBilayerLoopIsSymmetricAndSaturates() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("granular-bilayer"), dir.resolve("bl"));
        List<double[]> branch = ScenarioRuns.branch(rows, new double[] {0, 0, 1});
        assertEquals(61, branch.size(), "30 steps down and 30 back up");
        assertTrue(branch.get(0)[1] > 0.99 && branch.get(30)[1] < -0.99, "saturated at +-1.5 T");
        List<Double> hc = org.hypermag.scenarios.sim.HysteresisLandmarks.coercive(branch);
        assertEquals(2, hc.size(), "one switch down, one back up: " + hc);
        assertEquals(-hc.get(0), hc.get(1), 100, "symmetric loop: " + hc);
    }

    /**
     * The coercive field of each stage's loop (mT): the mean of the descending and ascending switches' magnitudes.
     */
    private static double[] coercivePerStage(List<double[]> rows, int stages) {
        double[] hc = new double[stages];
        for (int st = 0; st < stages; st++) {
            int stage = st;
            List<double[]> branch = ScenarioRuns.branch(rows.stream().filter(r -> r[RunTable.STAGE] == stage)
                    .toList(), new double[] {0, 0, 1});
            List<Double> switches = org.hypermag.scenarios.sim.HysteresisLandmarks.coercive(branch);
            assertEquals(2, switches.size(), "stage " + stage + ": one switch down, one back up: " + switches);
            hc[st] = (Math.abs(switches.get(0)) + Math.abs(switches.get(1))) / 2;
        }
        return hc;
    }

    /**
     * granular-film-thermal, reduced for the default suite (30 grains, rates 1e9 and 1e10 T/s instead of 1e8 and
     * 1e9): the coercive field falls from 0 K to 300 K at one rate and rises with the rate at 300 K, each by more
     * than one field step (50 mT; the loops' resolution).
     */
    @Test
    void thermalLoopsCoercivityFallsWithTemperatureAndRisesWithRate() {
        List<double[]> rows = ScenarioRuns.run(ScenarioRuns.variant("granular-film-thermal", "grains: 100",
                "grains: 30", "size: \\[150.0e-9, 150.0e-9\\]", "size: [90.0e-9, 90.0e-9]", "rate: 1.0e9",
                "rate: 1.0e10", "rate: 1.0e8", "rate: 1.0e9"), dir.resolve("t"));
        double[] hc = coercivePerStage(rows, 3);
        assertTrue(hc[0] - hc[1] > 50, "0 K against 300 K at 1e9 T/s: " + java.util.Arrays.toString(hc));
        assertTrue(hc[2] - hc[1] > 50, "300 K at 1e10 against 1e9 T/s: " + java.util.Arrays.toString(hc));
    }

    /** The shipped granular-film-thermal as it is (about 2.5 minutes on 2 cores): the numbers docs/dynamics.md shows. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void shippedThermalLoopsShowActivationAndRateDependence() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("granular-film-thermal"), dir.resolve("tf"));
        double[] hc = coercivePerStage(rows, 3);
        System.out.println("granular-film-thermal coercive fields (mT): " + java.util.Arrays.toString(hc));
        assertTrue(hc[0] - hc[1] > 50, "0 K against 300 K at 1e8 T/s: " + java.util.Arrays.toString(hc));
        assertTrue(hc[2] - hc[1] > 50, "300 K at 1e9 against 1e8 T/s: " + java.util.Arrays.toString(hc));
    }

    @Test
    void spinIceReversesAlongTheRampedField() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("square-ice-ramp"), dir.resolve("ice"));
        List<double[]> ramp = rows.stream().filter(r -> r[RunTable.STAGE] == 1).toList();
        double[] zero = Landmarks.firstZero(ramp, 1, 0);
        assertNotNull(zero, "<mx> reverses during the ramp");
        // the ramp reaches mu0 Hx = -150 mT at 3 ns: the horizontal islands switch between 60 and 120 mT
        double switching = 150 * zero[0] / 3e-9;
        assertTrue(switching > 60 && switching < 120, "switching near 90 mT, at " + switching + " mT");
        double[] end = ramp.get(ramp.size() - 1);
        assertTrue(end[RunTable.MX] < -0.9, "close to saturation along the field at 3 ns: <mx> = "
                + end[RunTable.MX]);
    }
}
