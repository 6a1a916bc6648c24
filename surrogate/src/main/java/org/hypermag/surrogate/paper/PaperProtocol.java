package org.hypermag.surrogate.paper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The paper's out-of-sample evaluation (§5.2, Table 2) with its Eq. 10 metric.
 *
 * <p>Test sets come from the evaluation seed's own streams, disjoint from the training and held-out streams of any
 * seed's {@link PaperModels#train}: sources and points are both out of sample. Single-source set:
 * {@value #SINGLE_EXAMPLES} examples; multi-source set: {@value #MULTI_EXAMPLES} examples with 2–20 sources each
 * (uniform count), exact fields superposed; both with {@value #POINTS} uniformly random points each in [−3, 3]².
 * Eq. 10: Δ_φ = median over points of |φ̂ − φ|/|φ| and Δ_H = median over points of ‖Ĥ − H‖/‖H‖ (3-component H),
 * the median taken over all points of all examples of a set pooled.
 *
 * <p>The original protocol draws the sources with the paper's sampling ({@link Sampling#PAPER}); the fixed-thickness
 * variant ({@link Sampling#fixedThickness}) is the same protocol, same seeds and streams, with one thickness for
 * every source (for single-layer models such as {@code far-field}: {@link FarFieldPaperProtocol}).
 */
public final class PaperProtocol {
    /** Examples of the single-source test set. */
    public static final int SINGLE_EXAMPLES = 500;
    /** Examples of the multi-source test set. */
    public static final int MULTI_EXAMPLES = 200;
    /** Random points per test example. */
    public static final int POINTS = 256;

    private PaperProtocol() {
    }

    /**
     * Eq. 10 errors of one model, as fractions (0.05 = 5 %).
     *
     * @param model the model's name
     * @param seed the evaluation seed
     * @param singlePhi Δ_φ, single-source
     * @param singleH Δ_H, single-source
     * @param multiPhi Δ_φ, multi-source (2–20)
     * @param multiH Δ_H, multi-source
     * @param points evaluation points per set
     * @param sampling how the test sources were drawn
     */
    public record Report(String model, long seed, double singlePhi, double singleH, double multiPhi, double multiH,
                         int[] points, Sampling sampling) {
        /**
         * A report of the original protocol ({@link Sampling#PAPER}).
         *
         * @param model the model's name
         * @param seed the evaluation seed
         * @param singlePhi Δ_φ, single-source
         * @param singleH Δ_H, single-source
         * @param multiPhi Δ_φ, multi-source (2–20)
         * @param multiH Δ_H, multi-source
         * @param points evaluation points per set
         */
        public Report(String model, long seed, double singlePhi, double singleH, double multiPhi, double multiH,
                      int[] points) {
            this(model, seed, singlePhi, singleH, multiPhi, multiH, points, Sampling.PAPER);
        }

        /** @return a Markdown table row: model | single Δ_φ | single Δ_H | multi Δ_φ | multi Δ_H (in %) */
        public String tableRow() {
            return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |", model, 100 * singlePhi,
                    100 * singleH, 100 * multiPhi, 100 * multiH);
        }

        /** @return the header matching {@link #tableRow()} */
        public static String tableHeader() {
            return "| model | single Δφ % | single ΔH % | multi (2–20) Δφ % | multi (2–20) ΔH % |\n|---|---|---|---|---|";
        }

        Map<String, String> toText() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("accuracy.metric", "Eq. 10 medians over pooled points; fractions; single: " + SINGLE_EXAMPLES
                    + " examples, multi: " + MULTI_EXAMPLES + " examples of 2-20 sources, " + POINTS + " points each");
            m.put("accuracy.seed", Long.toString(seed));
            m.put("accuracy.sampling", sampling.describe());
            return m;
        }

        Map<String, double[]> toNumbers() {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("accuracy.single_phi", new double[] {singlePhi});
            m.put("accuracy.single_H", new double[] {singleH});
            m.put("accuracy.multi_phi", new double[] {multiPhi});
            m.put("accuracy.multi_H", new double[] {multiH});
            return m;
        }
    }

    /**
     * Evaluates a model on fresh single- and multi-source test sets.
     *
     * @param model the trained model
     * @param seed evaluation seed
     * @return the Eq. 10 errors
     */
    public static Report evaluate(PaperModel model, long seed) {
        return evaluate(model, seed, Sampling.PAPER);
    }

    /**
     * Evaluates a model on fresh single- and multi-source test sets drawn with the given sampling.
     *
     * @param model the trained model
     * @param seed evaluation seed
     * @param sampling the original protocol ({@link Sampling#PAPER}) or its fixed-thickness variant
     * @return the Eq. 10 errors
     */
    public static Report evaluate(PaperModel model, long seed, Sampling sampling) {
        Examples[] sets = testSets(seed, sampling);
        double[] s = errors(model, sets[0]), m = errors(model, sets[1]);
        return new Report(model.name(), seed, s[0], s[1], m[0], m[1],
                new int[] {sets[0].count * POINTS, sets[1].count * POINTS}, sampling);
    }

    /** The single- and multi-source test sets of an evaluation seed. */
    static Examples[] testSets(long seed, Sampling sampling) {
        return new Examples[] {Examples.generate(SINGLE_EXAMPLES, 1, 1, POINTS, seed, Examples.TEST_SINGLE, sampling),
            Examples.generate(MULTI_EXAMPLES, 2, 20, POINTS, seed, Examples.TEST_MULTI, sampling)};
    }

    /** {Δ_φ, Δ_H} of a model on examples. */
    static double[] errors(PaperModel model, Examples ex) {
        double[] rphi = new double[ex.count * ex.points], rh = new double[rphi.length];
        IntStream.range(0, ex.count).parallel().forEach(e -> {
            Object scratch = model.newScratch();
            double[] c = model.represent(ex, e, scratch), out = new double[4];
            for (int i = e * ex.points; i < (e + 1) * ex.points; i++) {
                model.evaluate(model.params, c, ex.px[i], ex.py[i], out, scratch);
                rphi[i] = Math.abs(out[0] - ex.phi[i]) / Math.abs(ex.phi[i]);
                double dx = out[1] - ex.hx[i], dy = out[2] - ex.hy[i], dz = out[3] - ex.hz[i];
                rh[i] = Math.sqrt((dx * dx + dy * dy + dz * dz)
                        / (ex.hx[i] * ex.hx[i] + ex.hy[i] * ex.hy[i] + ex.hz[i] * ex.hz[i]));
            }
        });
        return new double[] {median(rphi), median(rh)};
    }

    /**
     * @param v values (not modified)
     * @return their median (the mean of the middle two for an even count)
     */
    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
