package org.hypermag.sweeps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunReader;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.sim.HysteresisLandmarks;
import org.hypermag.scenarios.sim.Landmarks;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.VectorField;

/**
 * The landmarks of a finished variant, read from its run directory: one number each, NaN where not defined.
 * <ul>
 *   <li>{@code mx}, {@code my}, {@code mz}: the final ⟨m⟩ (last row of table.csv, else of hysteresis.csv);</li>
 *   <li>{@code Hc_mT}: the coercive field μ0·Hc of the first hysteresis stage (mT), the mean of |μ0 H| over its
 *   switches ({@link HysteresisLandmarks#coercive}); {@code Mr}: its remanence along the sweep axis (the mean of |m|
 *   over the zero crossings of H);</li>
 *   <li>{@code t_zero_s}: the first time ⟨m_z⟩ crosses zero in table.csv (s), when its rows advance in time;</li>
 *   <li>{@code skyrmion_radius_m}: in the last frame of a single-layer film whose reversed domains (m_z against the
 *   sign of ⟨m_z⟩) cover less than half of it, the radius of a disc of their area, √(A/π) (m).</li>
 * </ul>
 */
final class SweepLandmarks {
    /** The landmark names, in the order of the summary's columns. */
    static final List<String> NAMES = List.of("mx", "my", "mz", "Hc_mT", "Mr", "t_zero_s", "skyrmion_radius_m");

    private SweepLandmarks() {
    }

    /**
     * @param s the variant's scenario
     * @param runDir its run directory (completed)
     * @return name → value, every name of {@link #NAMES}
     */
    static Map<String, Double> of(Scenario s, Path runDir) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String n : NAMES) {
            out.put(n, Double.NaN);
        }
        List<double[]> table = rows(runDir.resolve(RunLayout.TABLE_FILE));
        List<double[]> loop = rows(runDir.resolve("hysteresis.csv"));
        if (!table.isEmpty()) {
            double[] last = table.get(table.size() - 1);
            out.put("mx", last[1]);
            out.put("my", last[2]);
            out.put("mz", last[3]);
            // a trajectory in time only (hysteresis points share their rows' times)
            double[] zero = last[0] > table.get(0)[0] ? Landmarks.firstZero(table, 3, table.get(0)[0]) : null;
            if (zero != null) {
                out.put("t_zero_s", zero[0]);
            }
        } else if (!loop.isEmpty()) {
            double[] last = loop.get(loop.size() - 1);
            out.put("mx", last[5]);
            out.put("my", last[6]);
            out.put("mz", last[7]);
        }
        hysteresis(s, loop, out);
        skyrmion(runDir, out);
        return out;
    }

    private static void hysteresis(Scenario s, List<double[]> loop, Map<String, Double> out) {
        for (int k = 0; k < s.stages().size(); k++) {
            if (!(s.stages().get(k) instanceof Scenario.Hysteresis h)) {
                continue;
            }
            List<double[]> rows = new ArrayList<>();
            for (double[] r : loop) {
                if ((int) r[0] == k) {
                    rows.add(r);
                }
            }
            List<double[]> branch = HysteresisLandmarks.branch(h, rows);
            if (branch == null || branch.isEmpty()) {
                return;
            }
            List<Double> hc = HysteresisLandmarks.coercive(branch);
            if (!hc.isEmpty()) {
                double sum = 0;
                for (double x : hc) {
                    sum += Math.abs(x);
                }
                out.put("Hc_mT", sum / hc.size() * 4e-7 * Math.PI * 1e3);
            }
            List<Double> mr = HysteresisLandmarks.remanence(branch);
            if (!mr.isEmpty()) {
                double sum = 0;
                for (double x : mr) {
                    sum += Math.abs(x);
                }
                out.put("Mr", sum / mr.size());
            }
            return;
        }
    }

    private static void skyrmion(Path runDir, Map<String, Double> out) {
        RunReader run;
        try {
            run = RunReader.open(runDir);
        } catch (RuntimeException e) {
            return;
        }
        if (run.frameCount() == 0) {
            return;
        }
        double[][] c = run.centres();
        double[][] sizes = run.sizes();
        for (double[] centre : c) {
            if (Math.abs(centre[2] - c[0][2]) > 1e-12) {
                return;
            }
        }
        VectorField m = run.magnetisation(run.frameCount() - 1);
        double mean = 0, total = 0;
        for (int i = 0; i < m.size(); i++) {
            double area = sizes[i][0] * sizes[i][1];
            mean += area * m.z[i];
            total += area;
        }
        double sign = Math.signum(mean), reversed = 0;
        for (int i = 0; i < m.size(); i++) {
            if (m.z[i] * sign < 0) {
                reversed += sizes[i][0] * sizes[i][1];
            }
        }
        if (sign != 0 && reversed > 0 && reversed < 0.5 * total) {
            out.put("skyrmion_radius_m", Math.sqrt(reversed / Math.PI));
        }
    }

    /** The rows of a run's table file (table.csv, hysteresis.csv), none if it was not written. */
    private static List<double[]> rows(Path f) {
        return Files.isRegularFile(f) ? TableData.read(f).rows() : List.of();
    }
}
