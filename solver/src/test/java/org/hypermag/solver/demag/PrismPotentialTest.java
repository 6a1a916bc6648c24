package org.hypermag.solver.demag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hypermag.solver.math.GaussLegendre;
import org.junit.jupiter.api.Test;

class PrismPotentialTest {
    private static final double SX = 2e-9, SY = 1.2e-9, SZ = 0.6e-9;
    private static final double MX = 3e5, MY = -5e5, MZ = 7e5;
    /** Points relative to the centre, in units of the largest side: inside, outside, in face planes, far. */
    private static final double[][] POINTS = {
        {0, 0, 0}, {0.2, -0.1, 0.05}, {0.7, 0.1, 0.05}, {-0.3, 0.8, -0.4}, {1.3, 0.9, 0.7}, {0.5, 0.2, 0.0},
        {-1.5, 0.1, 0.2}, {0.1, -0.2, 0.9}, {2.5, -3, 1}, {0.5, 0.3, 0.15}, {-0.5, -0.3, -0.15},
    };

    /** φ by 48×48 Gauss–Legendre quadrature on each face (smooth integrand away from the face). */
    private static double quadrature(double x, double y, double z) {
        GaussLegendre g = new GaussLegendre(48);
        double[] t = g.nodes(), w = g.weights();
        double[] s = {SX, SY, SZ}, m = {MX, MY, MZ}, r = {x, y, z};
        double phi = 0;
        for (int axis = 0; axis < 3; axis++) {
            int u = (axis + 1) % 3, v = (axis + 2) % 3;
            for (int side = -1; side <= 1; side += 2) {
                double sigma = side * m[axis];
                double sum = 0;
                for (int i = 0; i < t.length; i++) {
                    for (int j = 0; j < t.length; j++) {
                        double[] p = new double[3];
                        p[axis] = side * 0.5 * s[axis];
                        p[u] = 0.5 * s[u] * t[i];
                        p[v] = 0.5 * s[v] * t[j];
                        double dx = r[0] - p[0], dy = r[1] - p[1], dz = r[2] - p[2];
                        sum += w[i] * w[j] * 0.25 * s[u] * s[v] / Math.sqrt(dx * dx + dy * dy + dz * dz);
                    }
                }
                phi += sigma * sum / (4 * Math.PI);
            }
        }
        return phi;
    }

    private static double phi(double x, double y, double z) {
        return PrismPotential.potential(x, y, z, SX, SY, SZ, MX, MY, MZ);
    }

    @Test
    void potentialMatchesQuadratureOfTheSurfaceChargeInsideAndOutside() {
        double l = SX;
        // Points at least 0.1 sizes from every face, where the 48-point rule converges to ~1e-12.
        double[][] pts = {{0, 0, 0}, {0.2, -0.1, 0.05}, {1.3, 0.9, 0.7}, {-1.5, 0.1, 0.2}, {0.1, -0.2, 0.9},
            {2.5, -3, 1}, {0.65, 0.1, 0.0}};
        for (double[] p : pts) {
            double exact = phi(p[0] * l, p[1] * l, p[2] * l);
            double ref = quadrature(p[0] * l, p[1] * l, p[2] * l);
            assertEquals(ref, exact, 1e-9 * Math.abs(ref) + 1e-12 * MZ * l, "point " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void minusGradientEqualsMinusTensorTimesM() {
        double l = SX, h = 1e-5 * l;
        double[] n = new double[6];
        // Off the faces (the field jumps there), inside and outside.
        double[][] pts = {{0, 0, 0}, {0.2, -0.1, 0.05}, {0.7, 0.1, 0.05}, {-0.3, 0.8, -0.4}, {1.3, 0.9, 0.7},
            {0.45, 0.25, 0.1}, {-1.5, 0.1, 0.2}, {0.1, -0.2, 0.9}, {2.5, -3, 1}};
        for (double[] p : pts) {
            double x = p[0] * l, y = p[1] * l, z = p[2] * l;
            double hx = -(phi(x + h, y, z) - phi(x - h, y, z)) / (2 * h);
            double hy = -(phi(x, y + h, z) - phi(x, y - h, z)) / (2 * h);
            double hz = -(phi(x, y, z + h) - phi(x, y, z - h)) / (2 * h);
            PrismTensor.evaluate(x, y, z, SX, SY, SZ, n, 0);
            double ex = -(n[0] * MX + n[3] * MY + n[4] * MZ);
            double ey = -(n[3] * MX + n[1] * MY + n[5] * MZ);
            double ez = -(n[4] * MX + n[5] * MY + n[2] * MZ);
            double norm = Math.sqrt(ex * ex + ey * ey + ez * ez);
            String at = java.util.Arrays.toString(p);
            assertEquals(ex, hx, 1e-6 * norm, "Hx at " + at);
            assertEquals(ey, hy, 1e-6 * norm, "Hy at " + at);
            assertEquals(ez, hz, 1e-6 * norm, "Hz at " + at);
        }
    }

    @Test
    void farFieldApproachesTheDipolePotentialAsSizeOverDistanceSquared() {
        double l = SX, vol = SX * SY * SZ;
        double[] dir = {0.6, -0.48, 0.64};
        double prev = Double.NaN;
        for (double d : new double[] {10, 20, 40, 80}) {
            double x = d * l * dir[0], y = d * l * dir[1], z = d * l * dir[2];
            double r = Math.sqrt(x * x + y * y + z * z);
            double dipole = vol * (MX * x + MY * y + MZ * z) / (4 * Math.PI * r * r * r);
            double rel = Math.abs(phi(x, y, z) - dipole) / Math.abs(dipole);
            assertTrue(rel < 2.0 / (d * d), "relative deviation " + rel + " at " + d + " sizes");
            if (!Double.isNaN(prev)) {
                // O((size/r)²): halving the size/distance ratio divides the deviation by about 4.
                assertEquals(4, prev / rel, 0.2, "ratio of deviations at " + d + " sizes");
            }
            prev = rel;
        }
    }

    @Test
    void potentialIsLinearInMagnetisation() {
        double l = SX;
        for (double[] p : POINTS) {
            double x = p[0] * l, y = p[1] * l, z = p[2] * l;
            double sum = 2 * PrismPotential.potential(x, y, z, SX, SY, SZ, MX, 0, 0)
                    - 3 * PrismPotential.potential(x, y, z, SX, SY, SZ, 0, MY, 0)
                    + 0.5 * PrismPotential.potential(x, y, z, SX, SY, SZ, 0, 0, MZ);
            double direct = PrismPotential.potential(x, y, z, SX, SY, SZ, 2 * MX, -3 * MY, 0.5 * MZ);
            assertEquals(direct, sum, 1e-14 * MZ * l);
        }
    }

    @Test
    void potentialIsContinuousAcrossFacesAndFiniteOnEdges() {
        double a = 0.5 * SX, eps = 1e-12 * SX;
        double in = phi(a - eps, 0.1e-9, 0.05e-9), on = phi(a, 0.1e-9, 0.05e-9), out = phi(a + eps, 0.1e-9, 0.05e-9);
        assertEquals(on, in, 1e-9 * Math.abs(on));
        assertEquals(on, out, 1e-9 * Math.abs(on));
        double edge = phi(a, 0.5 * SY, 0.1e-9), corner = phi(a, 0.5 * SY, 0.5 * SZ);
        assertTrue(Double.isFinite(edge) && Double.isFinite(corner), edge + " " + corner);
        assertEquals(edge, phi(a + eps, 0.5 * SY + eps, 0.1e-9), 1e-8 * Math.abs(edge));
    }

    @Test
    void rejectsNonPositiveSides() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrismPotential.potential(0, 0, 0, 1, 0, 1, 1, 1, 1));
        assertTrue(e.getMessage().contains("sides"), e.getMessage());
    }
}
