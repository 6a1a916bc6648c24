package org.hypermag.surrogate;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.geometry.Prisms;

/**
 * The simulation protocol of docs/surrogate.md: a surrogate's field against the exact field at every domain, for
 * test magnetisations of the domains (random, smooth, uniform, vortex), as median relative, relative L2 and maximum
 * relative error.
 */
public final class FieldAccuracy {
    private FieldAccuracy() {
    }

    /** The test magnetisations. */
    public enum Pattern {
        /** Independent random directions (seeded). */
        RANDOM("random"),
        /** Slowly rotating in-plane and out of plane across the film. */
        SMOOTH("smooth"),
        /** Uniform along z. */
        UNIFORM_Z("uniform z"),
        /** Uniform along (1, 1, 1). */
        UNIFORM_111("uniform (1,1,1)"),
        /** An in-plane vortex about the film's centre with an out-of-plane core of 5 % of its smaller side. */
        VORTEX("vortex");

        /** How the pattern is named in reports. */
        public final String label;

        Pattern(String label) {
            this.label = label;
        }
    }

    /**
     * Errors of one field against a reference.
     *
     * @param median median over domains of |ΔH|/|H|
     * @param l2 relative L2 error, sqrt(Σ|ΔH|² / Σ|H|²)
     * @param max largest |ΔH|/|H|
     */
    public record Errors(double median, double l2, double max) {
        /** @return "median / L2 / max" in %, three significant digits */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3g / %.3g / %.3g %%", 100 * median, 100 * l2, 100 * max);
        }
    }

    /**
     * @param pattern which magnetisation
     * @param p the domains
     * @param ms the magnitude (A/m)
     * @param seed for {@link Pattern#RANDOM}
     * @return M at every domain (A/m)
     */
    public static VectorField magnetisation(Pattern pattern, Prisms p, double ms, long seed) {
        int n = p.size();
        VectorField m = new VectorField(n);
        double[] b = p.centreBounds();
        double wx = b[1] - b[0] + 1e-30, wy = b[3] - b[2] + 1e-30;
        Random rnd = new Random(seed);
        double cx = 0.5 * (b[0] + b[1]), cy = 0.5 * (b[2] + b[3]), rc = 0.05 * Math.min(wx, wy);
        for (int i = 0; i < n; i++) {
            double x, y, z;
            switch (pattern) {
                case RANDOM -> {
                    x = rnd.nextGaussian();
                    y = rnd.nextGaussian();
                    z = rnd.nextGaussian();
                }
                case SMOOTH -> {
                    double u = (p.cx(i) - b[0]) / wx, v = (p.cy(i) - b[2]) / wy;
                    double th = 0.4 + 1.8 * u, ph = 2.5 * v + 0.7 * u;
                    x = Math.sin(th) * Math.cos(ph);
                    y = Math.sin(th) * Math.sin(ph);
                    z = Math.cos(th);
                }
                case UNIFORM_Z -> {
                    x = 0;
                    y = 0;
                    z = 1;
                }
                case UNIFORM_111 -> {
                    x = 1;
                    y = 1;
                    z = 1;
                }
                default -> {
                    double dx = p.cx(i) - cx, dy = p.cy(i) - cy, r = Math.hypot(dx, dy);
                    double core = Math.exp(-r * r / (rc * rc)), in = Math.sqrt(1 - core * core);
                    x = r > 0 ? -in * dy / r : 0;
                    y = r > 0 ? in * dx / r : 0;
                    z = core;
                }
            }
            double r = Math.sqrt(x * x + y * y + z * z);
            m.set(i, ms * x / r, ms * y / r, ms * z / r);
        }
        return m;
    }

    /**
     * @param approx the approximate field
     * @param exact the reference (no zero vectors)
     * @return the errors over all entries
     */
    public static Errors errors(VectorField approx, VectorField exact) {
        int n = exact.size();
        double[] rel = new double[n];
        double num = 0, den = 0;
        for (int i = 0; i < n; i++) {
            double dx = approx.x[i] - exact.x[i], dy = approx.y[i] - exact.y[i], dz = approx.z[i] - exact.z[i];
            double e2 = dx * dx + dy * dy + dz * dz;
            double h2 = exact.x[i] * exact.x[i] + exact.y[i] * exact.y[i] + exact.z[i] * exact.z[i];
            rel[i] = Math.sqrt(e2 / h2);
            num += e2;
            den += h2;
        }
        Arrays.sort(rel);
        double median = n % 2 == 1 ? rel[n / 2] : 0.5 * (rel[n / 2 - 1] + rel[n / 2]);
        return new Errors(median, Math.sqrt(num / den), rel[n - 1]);
    }

    /**
     * @param d a demag method
     * @param m magnetisation (A/m)
     * @return its field (A/m)
     */
    public static VectorField field(DemagField d, VectorField m) {
        VectorField h = new VectorField(d.targets());
        d.addField(m, h);
        return h;
    }

    /**
     * The errors of a surrogate for every pattern.
     *
     * @param surrogate the surrogate
     * @param exact the exact method for the same domains
     * @param p the domains
     * @param ms magnetisation magnitude (A/m)
     * @param seed for the random pattern
     * @return the errors per pattern, in {@link Pattern} order
     */
    public static Map<Pattern, Errors> measure(DemagField surrogate, DemagField exact, Prisms p, double ms,
                                               long seed) {
        Map<Pattern, Errors> out = new EnumMap<>(Pattern.class);
        for (Pattern pattern : Pattern.values()) {
            VectorField m = magnetisation(pattern, p, ms, seed);
            out.put(pattern, errors(field(surrogate, m), field(exact, m)));
        }
        return out;
    }
}
