package org.hypermag.surrogate.paper2d;

import java.util.SplittableRandom;

/**
 * The data of the paper's own 2-D protocol (issue 20; read from the authors' public code, cmt-dtu-energy/hypermagnetics,
 * branch icml24-anon, src/hypermagnetics/sources.py and config/run-configuration.yaml): uniformly magnetised discs of
 * radius 1 (the length unit) in the plane. A disc with 2-D moment m centred at c has the potential
 * φ = m·d/(2π) inside (|d| ≤ 1) and φ = m·d/(2π|d|²) outside, d = r − c, and the field H = −∇φ: −m/(2π) inside,
 * (2(m·d)d/|d|² − m)/(2π|d|²) outside. Centres and moments are drawn from the standard normal distribution
 * (sources.py: r0 = (lim/3)·N(0, 1) with lim = 3, m = N(0, 1)); evaluation points uniform in [−3, 3]², one point set
 * shared by every sample of a data set, points inside sources kept. Java's {@link SplittableRandom} stands in for
 * JAX's generator: the same distributions, not the same numbers.
 */
public final class Discs {
    /** Half the side of the square of evaluation points (source radii). */
    public static final double LIM = 3;

    private Discs() {
    }

    /**
     * A data set: samples of a few sources each, evaluated at one shared point set.
     *
     * @param samples number of samples
     * @param sources sources per sample
     * @param points points per sample
     * @param src the sources, samples × sources × 4: m_x, m_y, c_x, c_y
     * @param x the points' x (length points)
     * @param y the points' y
     * @param phi the potential, samples × points
     * @param hx the field's x component, samples × points
     * @param hy its y component
     * @param seed the seed it was drawn with
     */
    public record DataSet(int samples, int sources, int points, double[] src, double[] x, double[] y, double[] phi,
                          double[] hx, double[] hy, long seed) {
        /**
         * @param from the first sample, 0 ≤ from &lt; to
         * @param to one past the last sample, ≤ samples
         * @return those samples (copies of their sources and values; the same points and seed)
         */
        public DataSet samples(int from, int to) {
            if (from < 0 || to > samples || from >= to) {
                throw new IllegalArgumentException("samples " + from + " to " + to + " of " + samples);
            }
            int s = sources * 4, n = to - from;
            return new DataSet(n, sources, points, java.util.Arrays.copyOfRange(src, from * s, to * s), x, y,
                    java.util.Arrays.copyOfRange(phi, from * points, to * points),
                    java.util.Arrays.copyOfRange(hx, from * points, to * points),
                    java.util.Arrays.copyOfRange(hy, from * points, to * points), seed);
        }
    }

    /**
     * Draws a data set.
     *
     * @param samples samples (≥ 1)
     * @param sources sources per sample (≥ 1)
     * @param points points (≥ 1)
     * @param seed the seed: centres, moments and points come from three streams split from it
     * @return the data set with exact potentials and fields
     */
    public static DataSet generate(int samples, int sources, int points, long seed) {
        if (samples < 1 || sources < 1 || points < 1) {
            throw new IllegalArgumentException("samples, sources and points must be at least 1; got " + samples + ", "
                    + sources + ", " + points);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom centres = root.split(), moments = root.split(), where = root.split();
        double[] src = new double[samples * sources * 4];
        for (int k = 0; k < samples * sources; k++) {
            src[4 * k + 2] = LIM / 3 * centres.nextGaussian();
            src[4 * k + 3] = LIM / 3 * centres.nextGaussian();
        }
        for (int k = 0; k < samples * sources; k++) {
            src[4 * k] = moments.nextGaussian();
            src[4 * k + 1] = moments.nextGaussian();
        }
        double[] x = new double[points], y = new double[points];
        for (int p = 0; p < points; p++) {
            x[p] = where.nextDouble(-LIM, LIM);
            y[p] = where.nextDouble(-LIM, LIM);
        }
        double[] phi = new double[samples * points], hx = new double[samples * points], hy = new double[samples * points];
        double[] out = new double[3];
        for (int n = 0; n < samples; n++) {
            for (int p = 0; p < points; p++) {
                double f = 0, gx = 0, gy = 0;
                for (int s = 0; s < sources; s++) {
                    int o = 4 * (n * sources + s);
                    disc(src[o], src[o + 1], src[o + 2], src[o + 3], x[p], y[p], out);
                    f += out[0];
                    gx += out[1];
                    gy += out[2];
                }
                phi[n * points + p] = f;
                hx[n * points + p] = gx;
                hy[n * points + p] = gy;
            }
        }
        return new DataSet(samples, sources, points, src, x, y, phi, hx, hy, seed);
    }

    /**
     * The potential and field of one disc of radius 1.
     *
     * @param mx moment x
     * @param my moment y
     * @param cx centre x
     * @param cy centre y
     * @param x point x
     * @param y point y
     * @param out receives {φ, H_x, H_y}
     */
    public static void disc(double mx, double my, double cx, double cy, double x, double y, double[] out) {
        double dx = x - cx, dy = y - cy, d2 = dx * dx + dy * dy, md = mx * dx + my * dy, c = 1 / (2 * Math.PI);
        if (d2 <= 1) {
            out[0] = c * md;
            out[1] = -c * mx;
            out[2] = -c * my;
        } else {
            out[0] = c * md / d2;
            out[1] = c * (2 * md * dx / d2 - mx) / d2;
            out[2] = c * (2 * md * dy / d2 - my) / d2;
        }
    }

    /** The data sets of the protocol (config/run-configuration.yaml): sizes and seeds. */
    public enum Set {
        /** 10⁴ samples of one source, 32² points, seed 100. */
        TRAIN(10_000, 1, 1024, 100),
        /** 1000 samples of four sources, 32² points, seed 101. */
        TEST(1000, 4, 1024, 101),
        /**
         * 1000 samples of one source, 32² points, seed 103: not in the authors' code, this project's single-source
         * counterpart of {@link #TEST}, so that a single-source error is also measured on more than one sample.
         */
        TEST_SINGLE(1000, 1, 1024, 103),
        /** One sample of one source, 50² points, seed 102: Table 2's single-source column. */
        VAL_SINGLE(1, 1, 2500, 102),
        /** One sample of four sources, 50² points, seed 102: Table 2's multi-source column. */
        VAL_MULTI(1, 4, 2500, 102);

        /** Samples, sources per sample, points, seed. */
        public final int samples, sources, points;
        public final long seed;

        Set(int samples, int sources, int points, long seed) {
            this.samples = samples;
            this.sources = sources;
            this.points = points;
            this.seed = seed;
        }

        /**
         * @param fraction of the samples to draw (reduced runs), in (0, 1]
         * @param seedOffset added to the protocol's seed (other realisations)
         * @return the data set
         */
        public DataSet generate(double fraction, long seedOffset) {
            return Discs.generate(samples(fraction), sources, points, seed + seedOffset);
        }

        /**
         * @param fraction of the samples to draw, in (0, 1]
         * @return how many samples {@link #generate} draws for it (at least 1)
         */
        public int samples(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("the fraction of samples must be in (0, 1]; got " + fraction);
            }
            return Math.max(1, (int) Math.round(samples * fraction));
        }
    }
}
