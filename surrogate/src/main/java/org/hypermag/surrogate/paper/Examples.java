package org.hypermag.surrogate.paper;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hypermag.solver.demag.PrismPotential;
import org.hypermag.solver.demag.PrismTensor;

/**
 * Examples in domain units (lengths in the domain unit, M in the magnetisation unit, φ in their product, H in the
 * magnetisation unit): each example is a set of sources and {@code points} uniformly random points of the film's
 * mid-plane z = 0 in the domain [−3, 3]², with the exact φ and H of all its sources summed.
 *
 * <p>Sampling (docs/paper-models.md): prism sides sx, sy uniform in [0.5, 2], thickness sz uniform in [0.1, 1]
 * (or one fixed thickness: {@link Sampling}), centre uniform in [−2, 2]² at z = 0, M in a uniformly random direction with |M| uniform in [0.5, 1]. Sources of a
 * multi-source example are drawn independently and may overlap (fields superpose). Every example has its own
 * {@link SplittableRandom} derived from (seed, stream, index), so data do not depend on the thread count, and
 * different streams (training, held-out, test) never share examples.
 */
final class Examples {
    /** Raw features per source: cx, cy, sx, sy, sz, mx, my, mz. */
    static final int FEATURES = 8;
    /** Half width of the domain (domain units). */
    static final double DOMAIN = 3;
    /** Half width of the square of source centres. */
    static final double CENTRES = 2;

    /** Streams: training, held-out, single-source test, multi-source test. */
    static final long TRAIN = 1, VALIDATION = 2, TEST_SINGLE = 3, TEST_MULTI = 4;

    final int count, points;
    final int[] sourceStart;
    final double[] sources;
    final double[] px, py, phi, hx, hy, hz;

    private Examples(int count, int points, int[] sourceStart) {
        this.count = count;
        this.points = points;
        this.sourceStart = sourceStart;
        sources = new double[sourceStart[count] * FEATURES];
        int n = count * points;
        px = new double[n];
        py = new double[n];
        phi = new double[n];
        hx = new double[n];
        hy = new double[n];
        hz = new double[n];
    }

    static SplittableRandom random(long seed, long stream, long index) {
        long s = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new SplittableRandom(s);
    }

    /**
     * Generates examples.
     *
     * @param count examples
     * @param minSources fewest sources per example
     * @param maxSources most sources per example
     * @param points points per example
     * @param seed seed
     * @param stream which stream of that seed
     * @return the examples with exact targets
     */
    static Examples generate(int count, int minSources, int maxSources, int points, long seed, long stream) {
        return generate(count, minSources, maxSources, points, seed, stream, Sampling.PAPER);
    }

    /**
     * Generates examples with the given thickness sampling; with a fixed thickness the sources' centres, sides,
     * magnetisations and the points are those of the paper's sampling for the same seed and stream.
     *
     * @param count examples
     * @param minSources fewest sources per example
     * @param maxSources most sources per example
     * @param points points per example
     * @param seed seed
     * @param stream which stream of that seed
     * @param sampling how thickness is drawn
     * @return the examples with exact targets
     */
    static Examples generate(int count, int minSources, int maxSources, int points, long seed, long stream,
                             Sampling sampling) {
        int[] start = new int[count + 1];
        for (int e = 0; e < count; e++) {
            SplittableRandom r = random(seed, stream, e);
            start[e + 1] = start[e] + minSources + r.nextInt(maxSources - minSources + 1);
        }
        Examples ex = new Examples(count, points, start);
        IntStream.range(0, count).parallel().forEach(e -> ex.fill(e, random(seed, stream, e), sampling));
        return ex;
    }

    private void fill(int e, SplittableRandom r, Sampling sampling) {
        r.nextInt(); // the source count, drawn in generate
        for (int s = sourceStart[e]; s < sourceStart[e + 1]; s++) {
            int o = s * FEATURES;
            sources[o] = CENTRES * (2 * r.nextDouble() - 1);
            sources[o + 1] = CENTRES * (2 * r.nextDouble() - 1);
            sources[o + 2] = 0.5 + 1.5 * r.nextDouble();
            sources[o + 3] = 0.5 + 1.5 * r.nextDouble();
            sources[o + 4] = sampling.thickness(r.nextDouble()); // always drawn: same streams
            double cz = 2 * r.nextDouble() - 1, az = 2 * Math.PI * r.nextDouble();
            double sin = Math.sqrt(1 - cz * cz), m = 0.5 + 0.5 * r.nextDouble();
            sources[o + 5] = m * sin * Math.cos(az);
            sources[o + 6] = m * sin * Math.sin(az);
            sources[o + 7] = m * cz;
        }
        double[] n = new double[6];
        for (int i = e * points; i < (e + 1) * points; i++) {
            double x = DOMAIN * (2 * r.nextDouble() - 1), y = DOMAIN * (2 * r.nextDouble() - 1);
            px[i] = x;
            py[i] = y;
            double p = 0, fx = 0, fy = 0, fz = 0;
            for (int s = sourceStart[e]; s < sourceStart[e + 1]; s++) {
                int o = s * FEATURES;
                double dx = x - sources[o], dy = y - sources[o + 1];
                double sx = sources[o + 2], sy = sources[o + 3], sz = sources[o + 4];
                double mx = sources[o + 5], my = sources[o + 6], mz = sources[o + 7];
                p += PrismPotential.unscaled(dx, dy, 0, 0.5 * sx, 0.5 * sy, 0.5 * sz, mx, my, mz);
                PrismTensor.evaluate(dx, dy, 0, sx, sy, sz, n, 0);
                fx -= n[0] * mx + n[3] * my + n[4] * mz;
                fy -= n[3] * mx + n[1] * my + n[5] * mz;
                fz -= n[4] * mx + n[5] * my + n[2] * mz;
            }
            phi[i] = p;
            hx[i] = fx;
            hy[i] = fy;
            hz[i] = fz;
        }
    }
}
