package org.hypermag.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunTable;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.sim.HysteresisLandmarks;
import org.hypermag.scenarios.sim.ScenarioRunner;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.scenarios.spec.ShippedScenarios;

/** Runs scenarios as {@code ./hypermag run} does, and reads back what the tests compare. */
final class ScenarioRuns {
    private ScenarioRuns() {
    }

    /**
     * Runs a scenario to completion through {@link ScenarioRunner}; every relaxation and every hysteresis point must
     * converge.
     *
     * @param s the scenario
     * @param out its output directory (must not exist)
     * @return its table rows
     */
    static List<double[]> run(Scenario s, Path out) {
        for (String summary : complete(s, out).summaries()) {
            if (summary.startsWith("relax:") && !summary.startsWith("relax: relaxation converged")
                    || summary.startsWith("hysteresis:") && !summary.contains("all converged")) {
                throw new AssertionError(s.name() + ": a stage did not converge: " + summary);
            }
        }
        return TableData.read(out.resolve(RunLayout.TABLE_FILE)).rows();
    }

    /**
     * Runs a scenario to completion through {@link ScenarioRunner}, as {@code ./hypermag run} does.
     *
     * @param s the scenario
     * @param out its output directory (must not exist)
     * @return how it ended: completed
     */
    static ScenarioRunner.Result complete(Scenario s, Path out) {
        ScenarioRunner.Result r = new ScenarioRunner(s, new ScenarioRunner.Options(out, false, false, "test",
                64L << 20), new ScenarioRunner.Progress() { }, () -> false).run();
        assertEquals(ScenarioRunner.Status.COMPLETED, r.status(), r.message());
        return r;
    }

    /**
     * A shipped scenario with parts of its text replaced (a finer mesh, another size).
     *
     * @param name the shipped scenario
     * @param replacements pairs of (regular expression, replacement), each of which must match
     * @return the parsed variant
     */
    static Scenario variant(String name, String... replacements) {
        String text = ShippedScenarios.text(name);
        for (int k = 0; k < replacements.length; k += 2) {
            if (!java.util.regex.Pattern.compile(replacements[k]).matcher(text).find()) {
                throw new IllegalArgumentException(name + ": nothing matches " + replacements[k]);
            }
            text = text.replaceAll(replacements[k], replacements[k + 1]);
        }
        return ScenarioParser.parse(text, name + " (variant)", Path.of("").toAbsolutePath(), name);
    }

    /**
     * The field points of hysteresis stages as one branch along a direction: (μ0H along it in mT, ⟨m⟩ along it).
     *
     * @param rows table rows
     * @param u the direction, a unit vector
     * @return one pair per field point, in order
     */
    static List<double[]> branch(List<double[]> rows, double[] u) {
        List<double[]> b = new ArrayList<>();
        for (double[] r : rows) {
            if (r[RunTable.POINT] >= 0) {
                double h = r[RunTable.B_EXT] * u[0] + r[RunTable.B_EXT + 1] * u[1] + r[RunTable.B_EXT + 2] * u[2];
                double m = r[RunTable.MX] * u[0] + r[RunTable.MX + 1] * u[1] + r[RunTable.MX + 2] * u[2];
                b.add(new double[] {h * 1e3, m});
            }
        }
        return b;
    }

    /**
     * @param branch from {@link #branch}
     * @return the one coercive field of a descending branch (mT), as {@code ./hypermag run} reports it
     */
    static double coercive(List<double[]> branch) {
        List<Double> hc = HysteresisLandmarks.coercive(branch);
        assertEquals(1, hc.size(), "one switch of the branch: " + hc);
        return hc.get(0);
    }

    /**
     * @param rows table rows
     * @return the row of the field point at zero field
     */
    static double[] atZeroField(List<double[]> rows) {
        for (double[] r : rows) {
            if (r[RunTable.POINT] >= 0 && r[RunTable.B_EXT] == 0 && r[RunTable.B_EXT + 1] == 0
                    && r[RunTable.B_EXT + 2] == 0) {
                return r;
            }
        }
        throw new AssertionError("no field point at zero field");
    }
}
