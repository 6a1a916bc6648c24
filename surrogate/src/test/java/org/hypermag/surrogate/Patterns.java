package org.hypermag.surrogate;

import java.util.Random;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.geometry.Prisms;

/** Magnetisation patterns and error measures for surrogate accuracy (shared by tests and the accuracy report). */
final class Patterns {
    static final double MS = 8e5;

    private Patterns() {
    }

    static VectorField random(Prisms p, long seed) {
        Random rnd = new Random(seed);
        VectorField m = new VectorField(p.size());
        for (int i = 0; i < p.size(); i++) {
            double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
            double r = Math.sqrt(x * x + y * y + z * z);
            m.set(i, MS * x / r, MS * y / r, MS * z / r);
        }
        return m;
    }

    /** A smooth pattern: slowly rotating in-plane and out of plane across the film. */
    static VectorField smooth(Prisms p) {
        double[] b = bounds(p);
        VectorField m = new VectorField(p.size());
        for (int i = 0; i < p.size(); i++) {
            double u = (p.cx(i) - b[0]) / (b[1] - b[0] + 1e-30), v = (p.cy(i) - b[2]) / (b[3] - b[2] + 1e-30);
            double th = 0.4 + 1.8 * u, ph = 2.5 * v + 0.7 * u;
            m.set(i, MS * Math.sin(th) * Math.cos(ph), MS * Math.sin(th) * Math.sin(ph), MS * Math.cos(th));
        }
        return m;
    }

    static VectorField uniform(Prisms p, double x, double y, double z) {
        double r = Math.sqrt(x * x + y * y + z * z);
        VectorField m = new VectorField(p.size());
        for (int i = 0; i < p.size(); i++) {
            m.set(i, MS * x / r, MS * y / r, MS * z / r);
        }
        return m;
    }

    static VectorField vortex(Prisms p) {
        double[] b = bounds(p);
        double cx = 0.5 * (b[0] + b[1]), cy = 0.5 * (b[2] + b[3]), rc = 0.05 * Math.min(b[1] - b[0], b[3] - b[2]);
        VectorField m = new VectorField(p.size());
        for (int i = 0; i < p.size(); i++) {
            double dx = p.cx(i) - cx, dy = p.cy(i) - cy, r = Math.hypot(dx, dy);
            double core = Math.exp(-r * r / (rc * rc)), in = Math.sqrt(1 - core * core);
            m.set(i, r > 0 ? -MS * in * dy / r : 0, r > 0 ? MS * in * dx / r : 0, MS * core);
        }
        return m;
    }

    static double[] bounds(Prisms p) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < p.size(); i++) {
            b[0] = Math.min(b[0], p.cx(i));
            b[1] = Math.max(b[1], p.cx(i));
            b[2] = Math.min(b[2], p.cy(i));
            b[3] = Math.max(b[3], p.cy(i));
        }
        return b;
    }

    static VectorField field(DemagField d, VectorField m) {
        VectorField h = new VectorField(d.size());
        d.addField(m, h);
        return h;
    }

    /** @return {median over domains of |dH|/|H|, relative L2 error sqrt(sum|dH|^2 / sum|H|^2)} */
    static double[] errors(VectorField approx, VectorField exact) {
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
        java.util.Arrays.sort(rel);
        double median = n % 2 == 1 ? rel[n / 2] : 0.5 * (rel[n / 2 - 1] + rel[n / 2]);
        return new double[] {median, Math.sqrt(num / den)};
    }
}
