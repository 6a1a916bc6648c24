package org.hypermag.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DirectSum;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldSurrogate;

/**
 * The accuracy behind the speed-ups of {@link SurrogateDemagBenchmark}: on the same films with the same random M,
 * the surrogate's field against the exact reciprocal direct sum at a random subset of the domains (all of them when
 * N ≤ the subset size): median over targets of |ΔH|/|H| and the relative L2 error. Not a JMH benchmark:
 * {@code java -cp benchmarks/target/benchmarks.jar org.hypermag.benchmarks.SurrogateAccuracy 2000 1000 10000}
 * (subset size, then domain counts). The settings are the defaults unless {@code -Dhypermag.kR=...} and
 * {@code -Dhypermag.construction=smeared|fitted} say otherwise.
 */
final class SurrogateAccuracy {
    private SurrogateAccuracy() {
    }

    /**
     * @param args subset size, then domain counts
     */
    public static void main(String[] args) {
        int subset = Integer.parseInt(args[0]);
        WorkerPool pool = WorkerPool.shared();
        FarFieldSettings d = FarFieldSettings.DEFAULT;
        FarFieldSettings settings = new FarFieldSettings(d.nearRadius(), Double.parseDouble(System.getProperty(
                "hypermag.kR", Double.toString(d.kR()))), d.periodMargin()).withConstruction(
                FarFieldSettings.Construction.of(System.getProperty("hypermag.construction",
                        d.construction().key())));
        for (int a = 1; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            Prisms p = GranularFilms.film(n);
            double[] b = GranularFilms.bounds(p);
            long t0 = System.nanoTime();
            FarFieldModel model = FarFieldModel.fitPrisms(p, b[1] - b[0], b[3] - b[2], settings, pool,
                    FarFieldModel.Progress.NONE);
            long t1 = System.nanoTime();
            FarFieldSurrogate s = FarFieldSurrogate.forPrisms(p, model, pool);
            long t2 = System.nanoTime();
            VectorField m = GranularFilms.randomM(n, 1), h = new VectorField(n);
            s.addField(m, h);
            long t3 = System.nanoTime();
            int[] targets = targets(n, subset);
            DirectSum exact = DirectSum.amongDomains(p, true, 0, pool);
            double[][] e = new double[targets.length][3];
            pool.forRange(targets.length, 1, (from, to) -> {
                double[] t = new double[6];
                for (int k = from; k < to; k++) {
                    int i = targets[k];
                    double sx = 0, sy = 0, sz = 0;
                    for (int j = 0; j < n; j++) {
                        exact.tensor(i, j, t, 0);
                        sx += t[0] * m.x[j] + t[3] * m.y[j] + t[4] * m.z[j];
                        sy += t[3] * m.x[j] + t[1] * m.y[j] + t[5] * m.z[j];
                        sz += t[4] * m.x[j] + t[5] * m.y[j] + t[2] * m.z[j];
                    }
                    e[k] = new double[] {h.x[i] + sx, h.y[i] + sy, h.z[i] + sz, sx * sx + sy * sy + sz * sz};
                }
            });
            long t4 = System.nanoTime();
            double[] rel = new double[targets.length];
            double num = 0, den = 0;
            for (int k = 0; k < targets.length; k++) {
                double d2 = e[k][0] * e[k][0] + e[k][1] * e[k][1] + e[k][2] * e[k][2];
                rel[k] = Math.sqrt(d2 / e[k][3]);
                num += d2;
                den += e[k][3];
            }
            Arrays.sort(rel);
            int q = rel.length;
            double median = q % 2 == 1 ? rel[q / 2] : 0.5 * (rel[q / 2 - 1] + rel[q / 2]);
            System.out.printf(Locale.ROOT, "N=%d L=%d near pairs=%d targets=%d: median %.3e, L2 %.3e, max %.3e "
                    + "(%s %.1f s, near %.1f s, one surrogate evaluation %.3f s, exact at targets %.1f s)%n", n,
                    model.basisSize(), s.nearPairs(), q, median, Math.sqrt(num / den), rel[q - 1],
                    settings.construction().key() + " k_max R " + settings.kR(), (t1 - t0) * 1e-9,
                    (t2 - t1) * 1e-9, (t3 - t2) * 1e-9, (t4 - t3) * 1e-9);
        }
    }

    private static int[] targets(int n, int subset) {
        if (subset >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Random rnd = new Random(7);
        return rnd.ints(0, n).distinct().limit(subset).sorted().toArray();
    }
}
