package org.hypermag.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hypermag.output.RunTable;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.hypermag.solver.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped saf-hysteresis, two macrospin films coupled by interlayer exchange J1 &lt; 0, against the analytic
 * two-macrospin model (per film: thickness t, Ms, uniaxial K along the field; H_J = |J1|/(μ0 Ms t), H_K = 2K/(μ0 Ms)):
 * the antiparallel ground state, the canted (spin-flop) state with cos θ = H/H_sat, saturation at H_sat = 2H_J − H_K,
 * the spin-flop field H_sf = sqrt(H_K (2H_J − H_K)) where the canted state's energy
 * E_SF = S|J1|(2c² − 1) + 2KV(1 − c²) − 2μ0 Ms V H c equals the antiparallel one, −S|J1|, and the canted state's
 * instability at H = H_sat sqrt(H_K/(2H_K + H_sat)) (the second derivative of E against a common rotation of both
 * films, 4K cos 2θ + 2μ0 Ms H cos θ, changes sign).
 */
class SyntheticAntiferromagnetTest {
    private static final double MS = 8e5, T = 2e-9, J = 1e-3, K = 5e4, S = 25e-18, V = S * T;
    private static final double HJ = J / (Constants.MU0 * MS * T), HK = 2 * K / (Constants.MU0 * MS);
    private static final double HSAT = 2 * HJ - HK, HSF = Math.sqrt(HK * (2 * HJ - HK));

    @TempDir
    Path dir;

    private static double energyCanted(double h) {
        double c = h / HSAT;
        return S * J * (2 * c * c - 1) + 2 * K * V * (1 - c * c) - 2 * Constants.MU0 * MS * V * h * c;
    }

    @Test
    void loopFollowsTheTwoMacrospinModel() {
        List<double[]> rows = ScenarioRuns.run(ShippedScenarios.parse("saf-hysteresis"), dir.resolve("saf"));
        double[] relaxed = rows.get(0);
        assertEquals(0, relaxed[RunTable.MX], 1e-4, "antiparallel at zero field (to the tilt of one easy axis)");
        assertEquals(-S * J, relaxed[RunTable.E_TOTAL], 1e-4 * S * J, "E = -S |J1|");
        List<double[]> branch = ScenarioRuns.branch(rows, new double[] {1, 0, 0});
        double collapse = Double.NaN;
        for (int k = 1; k <= 60; k++) { // the descending half, from +1.5 T to 0
            double h = branch.get(k)[0] * 1e-3 / Constants.MU0, mx = branch.get(k)[1];
            if (h >= 0.4 / Constants.MU0 && h <= 1.0 / Constants.MU0) {
                assertEquals(h / HSAT, mx, 1.5e-3, "canted: <mx> = H/H_sat at " + branch.get(k)[0] + " mT");
            }
            if (h >= 1.2 / Constants.MU0) {
                assertEquals(1, mx, 1e-3, "saturated at " + branch.get(k)[0] + " mT");
            }
            if (Double.isNaN(collapse) && mx < 0.01 && branch.get(k - 1)[1] > 0.1) {
                collapse = (branch.get(k)[0] + branch.get(k - 1)[0]) / 2;
            }
        }
        double instability = Constants.MU0 * HSAT * Math.sqrt(HK / (2 * HK + HSAT)) * 1e3; // 339.2 mT
        assertEquals(instability, collapse, 12.5 + 1, "the canted state collapses to antiparallel within a field "
                + "step of " + instability + " mT");
        assertEquals(1125, Constants.MU0 * HSAT * 1e3, 1e-6);
    }

    /**
     * The spin-flop field from the energies of relaxed states: at 0.9 and 1.1 H_sf, relaxed from a perturbed canted
     * start, the energy is the analytic E_SF(H); the zero of E_SF − E_AF, interpolated between them, is H_sf (375 mT)
     * within 1 %.
     */
    @Test
    void spinFlopFieldIsWhereTheCantedEnergyFallsBelowTheAntiparallelOne() {
        double[] f = {0.9, 1.1}, diff = new double[2];
        for (int q = 0; q < 2; q++) {
            double h = f[q] * HSF, c = Math.min(1, h / HSAT + 0.15), s = Math.sqrt(1 - c * c);
            String text = ShippedScenarios.text("saf-hysteresis")
                    .replace("{region: 0, uniform: [1, 0.2, 0]}", "{region: 0, uniform: [" + c + ", " + s + ", 0]}")
                    .replace("{region: 1, uniform: [1, -0.3, 0]}", "{region: 1, uniform: [" + c + ", " + -s + ", 0]}")
                    .replace("anisotropy_axis: [1, 0.00873, 0]", "anisotropy_axis: [1, 0, 0]");
            text = text.substring(0, text.indexOf("stages:")) + "stages:\n  - relax: {torque_tolerance: 1.0e-4, "
                    + "field: {A_per_m: [" + h + ", 0, 0]}}\n";
            List<double[]> rows = ScenarioRuns.run(org.hypermag.scenarios.spec.ScenarioParser.parse(text,
                    "saf-sf.yaml", dir, "saf-sf"), dir.resolve("sf" + q));
            double e = rows.get(rows.size() - 1)[RunTable.E_TOTAL];
            assertEquals(energyCanted(h), e, 1e-7 * S * J, "canted energy at " + f[q] + " H_sf");
            diff[q] = e - (-S * J);
        }
        assertTrue(diff[0] > 0 && diff[1] < 0, "antiparallel below, canted above H_sf");
        double crossing = f[0] + (f[1] - f[0]) * diff[0] / (diff[0] - diff[1]);
        assertEquals(1, crossing, 0.01, "H_sf from the energies, in units of the analytic " + HSF + " A/m");
    }
}
