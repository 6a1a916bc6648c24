package org.hypermag.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;

/**
 * What fitting a far-field model will cost, predicted from the geometry before fitting: the basis size L, the fit
 * offsets and the dense normal equations of {@code FarFieldModel.fitPrisms} (the formulas repeat its choice of
 * periods, modes and fit lattice). Run as a program it prints the prediction for the benchmark films:
 * {@code java -cp benchmarks/target/benchmarks.jar org.hypermag.benchmarks.SurrogateScaling 1000 10000 100000}.
 */
final class SurrogateScaling {
    private SurrogateScaling() {
    }

    /**
     * The predicted cost of one fit.
     *
     * @param n domains
     * @param l basis functions per channel
     * @param modesX harmonics along x (K_x + 1)
     * @param modesY harmonics along y
     * @param offsets folded fit offsets (first quadrant, outside R)
     * @param anchors anchor sizes fitted (one fit each)
     * @param gramBytes bytes of one anchor's two Gram matrices
     * @param fitFlops multiply-adds of all anchors' normal equations (rows · L²) plus Cholesky (L³/3 per channel)
     */
    record Prediction(int n, int l, int modesX, int modesY, long offsets, int anchors, long gramBytes,
                      double fitFlops) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "predicted N=%d: L=%d (%d x %d harmonics), %d fit offsets, %d anchor "
                    + "fits, Gram matrices %.3g GB per anchor, fit %.3g multiply-adds", n, l, modesX, modesY,
                    offsets, anchors, gramBytes / 1e9, fitFlops);
        }

        /**
         * Fails if the fit cannot fit into the heap: concurrent anchors (one per thread) each hold their Gram
         * matrices and a copy for the solve.
         */
        void requireFits(long heapBytes, int threads) {
            long need = 2 * gramBytes * Math.min(threads, anchors);
            if (need > heapBytes) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the far-field fit needs about %.3g GB "
                        + "(dense L x L normal equations, L = %d) against a %.3g GB heap: %s", need / 1e9, l,
                        heapBytes / 1e9, this));
            }
        }
    }

    /** Repeats {@code FarFieldModel.fitPrisms}'s choices (reference size, periods, modes, fit lattice). */
    static Prediction predict(Prisms p, double spanX, double spanY, FarFieldSettings s) {
        int n = p.size();
        double[] sides = new double[n];
        java.util.Set<String> sizes = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            sides[i] = Math.max(p.sx(i), p.sy(i));
            if (sizes.size() <= 9) {
                sizes.add(p.sx(i) + "x" + p.sy(i));
            }
        }
        Arrays.sort(sides);
        double r = s.nearRadius() * sides[n / 2], kmax = s.kR() / r;
        int kx = (int) Math.ceil(kmax * (2 * spanX + s.periodMargin() * r) / (2 * Math.PI));
        int ky = (int) Math.ceil(kmax * (2 * spanY + s.periodMargin() * r) / (2 * Math.PI));
        long l = (long) (kx + 1) * (ky + 1);
        double h = Math.PI / (4 * kmax);
        long nxo = (long) Math.ceil(spanX / h) + 1, nyo = (long) Math.ceil(spanY / h) + 1;
        long offsets = nxo * nyo - Math.round(Math.PI * r * r / (4 * h * h));
        int anchors = sizes.size() > 9 ? 9 : sizes.size();
        long gram = 8 * ((l - 1) * (l - 1) + l * l);
        double flops = anchors * (4.0 * offsets * l * l + 2 * Math.pow(l, 3) / 3);
        return new Prediction(n, (int) Math.min(l, Integer.MAX_VALUE), kx + 1, ky + 1, offsets, anchors, gram,
                flops);
    }

    /**
     * A far-field model with the basis, periods, near radius and size features that {@code FarFieldModel.fitPrisms}
     * would choose for these prisms (moment features: more than 9 distinct sizes), but random coefficients instead
     * of fitted ones: it costs the same to bind and to evaluate as the fitted model and is useless for accuracy. It
     * times the evaluation at sizes whose fit takes too long for a benchmark trial (docs/benchmarks.md).
     *
     * @param p the prisms, of more than 9 distinct sizes
     * @param spanX largest |offset| along x (m)
     * @param spanY largest |offset| along y (m)
     * @param s settings
     * @return the model
     */
    static FarFieldModel unfittedModel(Prisms p, double spanX, double spanY, FarFieldSettings s) {
        int n = p.size();
        double[] sides = new double[n], range = {Double.MAX_VALUE, 0, Double.MAX_VALUE, 0};
        for (int i = 0; i < n; i++) {
            sides[i] = Math.max(p.sx(i), p.sy(i));
            range[0] = Math.min(range[0], p.sx(i));
            range[1] = Math.max(range[1], p.sx(i));
            range[2] = Math.min(range[2], p.sy(i));
            range[3] = Math.max(range[3], p.sy(i));
        }
        Arrays.sort(sides);
        double reference = sides[n / 2], r = s.nearRadius() * reference, kmax = s.kR() / r;
        double px = Math.max(2 * spanX + s.periodMargin() * r, 2 * spanX * (1 + 1e-6) + 1e-300);
        double py = Math.max(2 * spanY + s.periodMargin() * r, 2 * spanY * (1 + 1e-6) + 1e-300);
        int kx = (int) Math.ceil(kmax * px / (2 * Math.PI)), ky = (int) Math.ceil(kmax * py / (2 * Math.PI));
        int l = (kx + 1) * (ky + 1), features = 9;
        java.util.Random rnd = new java.util.Random(3);
        double[][] psi = new double[features][l], zz = new double[features][l];
        for (int k = 0; k < features; k++) {
            for (int q = 0; q < l; q++) {
                psi[k][q] = 1e-3 * (rnd.nextDouble() - 0.5);
                zz[k][q] = 1e-3 * (rnd.nextDouble() - 0.5);
            }
        }
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("coupling", "point");
        text.put("features", "moments");
        java.util.Map<String, double[]> num = new java.util.LinkedHashMap<>();
        num.put("near_radius", new double[] {s.nearRadius()});
        num.put("k_max_R", new double[] {s.kR()});
        num.put("period_margin", new double[] {s.periodMargin()});
        num.put("thickness", new double[] {p.sz(0)});
        num.put("reference_size", new double[] {reference});
        num.put("span", new double[] {spanX, spanY});
        num.put("period", new double[] {px, py});
        num.put("modes", new double[] {kx, ky});
        num.put("size_range", range);
        num.put("moment_reference", new double[] {reference});
        java.util.Map<String, double[][]> arrays = new java.util.LinkedHashMap<>();
        arrays.put("coefficients_psi", psi);
        arrays.put("coefficients_zz", zz);
        return FarFieldModel.fromFile(new org.hypermag.output.ModelFile(FarFieldModel.NAME, text, num, arrays),
                java.nio.file.Path.of("unfitted-model"));
    }

    /**
     * Prints the prediction for benchmark films of the given sizes.
     *
     * @param args domain counts
     */
    public static void main(String[] args) {
        for (String a : args) {
            Prisms p = GranularFilms.film(Integer.parseInt(a));
            double[] b = GranularFilms.bounds(p);
            System.out.printf(Locale.ROOT, "film side %.3g um: %s%n", (b[1] - b[0]) * 1e6,
                    predict(p, b[1] - b[0], b[3] - b[2], FarFieldSettings.DEFAULT));
        }
    }
}
