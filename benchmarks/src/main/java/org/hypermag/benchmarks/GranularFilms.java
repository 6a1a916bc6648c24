package org.hypermag.benchmarks;

import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.Prisms;

/**
 * The irregular collections of the surrogate benchmarks: granular films of N square grains, 10 nm mean side with a
 * 15 % log-normal spread, 10 nm thick, at least 1.5 nm apart, placed by random sequential addition in a square sized
 * for 30 % area coverage (so the film's side grows as √N), with a fixed seed; and random unit M times Ms = 8e5 A/m.
 */
final class GranularFilms {
    static final double MEAN = 10e-9, SPREAD = 0.15, THICKNESS = 10e-9, GAP = 1.5e-9, COVERAGE = 0.30;
    static final long SEED = 42;

    private GranularFilms() {
    }

    /** @return the film side (m) for n grains at the target coverage */
    static double side(int n) {
        return Math.sqrt(n * MEAN * MEAN * (1 + SPREAD * SPREAD) / COVERAGE);
    }

    /** @return n grains, deterministic */
    static Prisms film(int n) {
        double side = side(n);
        return new GranularFilm(side, side, THICKNESS, MEAN, SPREAD, GAP, n, SEED).generate();
    }

    /** @return random directions of magnitude Ms = 8e5 A/m, fixed seed */
    static VectorField randomM(int n, long seed) {
        Random rnd = new Random(seed);
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
            double r = Math.sqrt(x * x + y * y + z * z);
            m.set(i, 8e5 * x / r, 8e5 * y / r, 8e5 * z / r);
        }
        return m;
    }

    /** @return {xmin, xmax, ymin, ymax} of the centres (m) */
    static double[] bounds(Prisms p) {
        return java.util.Arrays.copyOf(p.centreBounds(), 4);
    }
}
