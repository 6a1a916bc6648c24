package org.hypermag.solver.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hypermag.solver.parallel.Cancellation;

/**
 * A random granular film: square grains (prisms of side s × s × thickness) with sides drawn from a log-normal
 * distribution, placed by random sequential addition in a rectangle so that any two grains are at least a gap apart
 * (in x or in y). Deterministic for a given seed.
 *
 * @param width film extent along x (m); grains lie in [0, width] × [0, height]
 * @param height film extent along y (m)
 * @param thickness grain height (m); grains are centred at z = thickness/2
 * @param meanSize mean grain side (m)
 * @param sizeSpread relative standard deviation of the grain side (0 for equal grains)
 * @param gap minimum separation between grains (m), &ge; 0
 * @param count number of grains wanted
 * @param seed random seed
 */
public record GranularFilm(double width, double height, double thickness, double meanSize, double sizeSpread,
                           double gap, int count, long seed) {

    /** Attempts per grain before the generator gives up (the film is then full). */
    public static final int ATTEMPTS_PER_GRAIN = 2000;
    /**
     * Largest fraction of the film the grains (with their gaps) may be asked to cover: random sequential addition of
     * aligned squares jams near 56 % coverage, and approaching it costs ever more attempts per grain.
     */
    public static final double MAX_COVERAGE = 0.52;

    /** Reports placement progress. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param placed grains placed so far
         * @param count grains wanted
         */
        void placed(int placed, int count);
    }

    /** Validates the parameters. */
    public GranularFilm {
        for (double[] v : new double[][] {{width}, {height}, {thickness}, {meanSize}}) {
            if (!(v[0] > 0) || !Double.isFinite(v[0])) {
                throw new IllegalArgumentException("granular film sizes must be finite numbers > 0 (m)");
            }
        }
        if (!(sizeSpread >= 0) || !(sizeSpread < 1)) {
            throw new IllegalArgumentException("grain size spread must be in [0, 1), got " + sizeSpread);
        }
        if (!(gap >= 0) || !Double.isFinite(gap)) {
            throw new IllegalArgumentException("grain gap must be a finite number >= 0 (m), got " + gap);
        }
        if (count < 1) {
            throw new IllegalArgumentException("grain count must be >= 1, got " + count);
        }
    }

    /**
     * Places the grains.
     *
     * @return the grains, in placement order
     * @throws IllegalStateException if fewer than {@code count} grains fit (names how many did)
     */
    public Prisms generate() {
        return generate((placed, total) -> { });
    }

    /**
     * @return the fraction of the film the grains and their gaps would cover on average: count · ⟨(s + gap)²⟩ /
     *     (width · height)
     */
    public double coverage() {
        double meanSquare = meanSize * meanSize * (1 + sizeSpread * sizeSpread);
        double withGap = meanSquare + 2 * gap * meanSize + gap * gap;
        return count * withGap / (width * height);
    }

    /**
     * Places the grains, reporting progress about every 100 000 grains and honouring a stop request
     * ({@link Cancellation}).
     *
     * @param progress receives progress
     * @return the grains, in placement order
     * @throws IllegalStateException if fewer than {@code count} grains fit, or more than {@link #MAX_COVERAGE} of
     *     the film would have to be covered
     * @throws Cancellation.CancelledException on a stop request
     */
    public Prisms generate(Progress progress) {
        if (coverage() > MAX_COVERAGE) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "%d grains of mean side %.4g m "
                    + "with gap %.4g m would cover %.0f %% of the %.4g x %.4g m film; random placement jams near "
                    + "56 %%, so at most %.0f %% is accepted: ask for fewer grains, smaller grains or a larger film",
                    count, meanSize, gap, 100 * coverage(), width, height, 100 * MAX_COVERAGE));
        }
        Random rnd = new Random(seed);
        // log-normal with the given mean and relative spread
        double sigma2 = Math.log(1 + sizeSpread * sizeSpread);
        double mu = Math.log(meanSize) - 0.5 * sigma2, sigma = Math.sqrt(sigma2);
        double maxSize = sizeSpread == 0 ? meanSize : Math.exp(mu + 4 * sigma);
        double bucket = maxSize + gap;
        Map<Long, List<Integer>> buckets = new HashMap<>();
        List<double[]> placed = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            if (g % 100_000 == 0 && g > 0) {
                Cancellation.check();
                progress.placed(g, count);
            }
            double s = Math.min(maxSize, Math.exp(mu + sigma * rnd.nextGaussian()));
            if (s > width || s > height) {
                s = Math.min(width, height);
            }
            boolean ok = false;
            for (int attempt = 0; attempt < ATTEMPTS_PER_GRAIN && !ok; attempt++) {
                double x = 0.5 * s + rnd.nextDouble() * (width - s), y = 0.5 * s + rnd.nextDouble() * (height - s);
                if (fits(x, y, s, placed, buckets, bucket)) {
                    long k = key((long) Math.floor(x / bucket), (long) Math.floor(y / bucket));
                    buckets.computeIfAbsent(k, u -> new ArrayList<>()).add(placed.size());
                    placed.add(new double[] {x, y, s});
                    ok = true;
                }
            }
            if (!ok) {
                throw new IllegalStateException("only " + placed.size() + " of " + count + " grains fit in the "
                        + width + " x " + height + " m film with gap " + gap + " m; ask for fewer grains, smaller "
                        + "grains or a larger film");
            }
        }
        int n = placed.size();
        double[] cx = new double[n], cy = new double[n], cz = new double[n], sx = new double[n], sy = new double[n],
                sz = new double[n];
        for (int i = 0; i < n; i++) {
            double[] q = placed.get(i);
            cx[i] = q[0];
            cy[i] = q[1];
            cz[i] = 0.5 * thickness;
            sx[i] = q[2];
            sy[i] = q[2];
            sz[i] = thickness;
        }
        return Prisms.of(cx, cy, cz, sx, sy, sz);
    }

    private boolean fits(double x, double y, double s, List<double[]> placed, Map<Long, List<Integer>> buckets,
                         double bucket) {
        long bx = (long) Math.floor(x / bucket), by = (long) Math.floor(y / bucket);
        for (long ox = -1; ox <= 1; ox++) {
            for (long oy = -1; oy <= 1; oy++) {
                List<Integer> b = buckets.get(key(bx + ox, by + oy));
                if (b == null) {
                    continue;
                }
                for (int j : b) {
                    double[] q = placed.get(j);
                    double need = 0.5 * (s + q[2]) + gap;
                    if (Math.abs(x - q[0]) < need && Math.abs(y - q[1]) < need) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static long key(long x, long y) {
        return (x & 0xFFFFFFFFL) | (y << 32);
    }
}
