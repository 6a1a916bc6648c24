package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.math.GaussLegendre;
import org.junit.jupiter.api.Test;

/**
 * The smearing window of the fit-free far field (issue 17): its mass, its spectrum, and the smeared dipole inside and
 * outside its radius, each checked against an independent numerical computation.
 */
class SmearingWindowTest {
    private static final double RHO = 2.0;
    private static final SmearingWindow W = new SmearingWindow(RHO, 9.5);

    /** ∫ f over [a, b] by composite Gauss–Legendre (20 panels of 16 points). */
    private static double integrate(java.util.function.DoubleUnaryOperator f, double a, double b) {
        GaussLegendre g = new GaussLegendre(16);
        int panels = 20;
        double h = (b - a) / panels, sum = 0;
        for (int p = 0; p < panels; p++) {
            double lo = a + p * h;
            for (int q = 0; q < g.size(); q++) {
                sum += 0.5 * h * g.weight(q) * f.applyAsDouble(lo + 0.5 * h * (g.node(q) + 1));
            }
        }
        return sum;
    }

    @Test
    void theProfileHasUnitIntegralSoTheWeightHasUnitMass() {
        // W = −φ′/(2π r) has mass 2∫₀^ρ φ: the profile's integral checks the relation between the two
        assertEquals(1, integrate(W::profile, -RHO, RHO), 1e-12);
        assertEquals(1, W.mass(RHO), 1e-15);
        assertEquals(1, integrate(r -> 4 * Math.PI * r * r * W.weight(r), 0, RHO), 1e-12);
        assertEquals(0, W.weight(RHO * 1.0001), 0);
        assertEquals(0, W.profile(RHO * 1.0001), 0);
    }

    @Test
    void itsThreeDimensionalSpectrumIsTheProfilesOneDimensionalTransformAndFallsBeyondBetaOverRho() {
        double tail = 0;
        for (double k : new double[] {0.3, 1, 2.5, 4, 4.75, 6, 8, 12}) {
            double w3 = integrate(r -> 4 * Math.PI * r * r * W.weight(r) * (r == 0 ? 1 : Math.sin(k * r) / (k * r)),
                    0, RHO);
            double w1 = integrate(x -> W.profile(x) * Math.cos(k * x), -RHO, RHO);
            assertEquals(w1, w3, 1e-12, "k = " + k);
            if (k > 1.2 * W.beta / RHO) {
                tail = Math.max(tail, Math.abs(w3));
            }
        }
        // a Kaiser-Bessel-like window falls like β e^{−β} beyond β/ρ (here 9.5 e^{−9.5} = 7e-4)
        assertTrue(tail < 9.5 * Math.exp(-9.5), "spectrum beyond 1.2 beta/rho: " + tail);
    }

    @Test
    void theSmearedDipoleEqualsTheDipoleBeyondTheRadiusByTheMeanValueProperty() {
        // (D * W)(r) computed as a 3-D integral of D(r − s) W(s) over the ball, in spherical coordinates
        GaussLegendre gr = new GaussLegendre(40), gt = new GaussLegendre(40);
        int nphi = 64;
        Random rnd = new Random(5);
        double[] out = new double[6];
        for (int trial = 0; trial < 6; trial++) {
            double len = RHO * (1.4 + 1.6 * rnd.nextDouble());
            double[] u = unit(rnd);
            double x = len * u[0], y = len * u[1], z = len * u[2];
            double[] conv = new double[6];
            for (int a = 0; a < gr.size(); a++) {
                double s = 0.5 * RHO * (gr.node(a) + 1), ws = 0.5 * RHO * gr.weight(a) * s * s * W.weight(s);
                for (int b = 0; b < gt.size(); b++) {
                    double ct = gt.node(b), st = Math.sqrt(1 - ct * ct);
                    for (int c = 0; c < nphi; c++) {
                        double ph = 2 * Math.PI * c / nphi, wt = ws * gt.weight(b) * 2 * Math.PI / nphi;
                        double rx = x - s * st * Math.cos(ph), ry = y - s * st * Math.sin(ph), rz = z - s * ct;
                        double[] d = dipole(rx, ry, rz);
                        for (int k = 0; k < 6; k++) {
                            conv[k] += wt * d[k];
                        }
                    }
                }
            }
            W.dipole(x, y, z, out);
            double[] exact = dipole(x, y, z);
            double scale = 1 / (4 * Math.PI * len * len * len);
            for (int k = 0; k < 6; k++) {
                assertEquals(exact[k], out[k], 1e-12 * scale, "component " + k);
                assertEquals(exact[k], conv[k], 1e-9 * scale, "mean value, component " + k + " at " + len);
            }
        }
    }

    @Test
    void insideTheRadiusTheSmearedDipoleIsMinusTheHessianOfTheSmearedPotential() {
        // U(r) = Q(r)/(4π r) + ∫_r^ρ W(s) s ds, the potential of the smeared unit charge; (D * W) = −∇∇U
        Random rnd = new Random(11);
        double[] out = new double[6];
        double h = 1e-3 * RHO;
        for (int trial = 0; trial < 5; trial++) {
            double[] u = unit(rnd);
            double len = RHO * (0.1 + 0.8 * rnd.nextDouble());
            double[] p = {len * u[0], len * u[1], len * u[2]};
            W.dipole(p[0], p[1], p[2], out);
            int[][] pairs = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
            for (int k = 0; k < 6; k++) {
                int a = pairs[k][0], b = pairs[k][1];
                double d2 = secondDerivative(p, a, b, h);
                assertEquals(-d2, out[k], 2e-6 * W.weight(0), "component " + k + " at r = " + len);
            }
        }
    }

    private static double potential(double[] p) {
        double r = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
        return W.mass(r) / (4 * Math.PI * r) + integrate(s -> W.weight(s) * s, r, RHO);
    }

    private static double secondDerivative(double[] p, int a, int b, double h) {
        double[] q = p.clone();
        double sum = 0;
        for (int sa = -1; sa <= 1; sa += 2) {
            for (int sb = -1; sb <= 1; sb += 2) {
                q[0] = p[0];
                q[1] = p[1];
                q[2] = p[2];
                q[a] += sa * h;
                q[b] += sb * h;
                sum += sa * sb * potential(q);
            }
        }
        return sum / (4 * h * h);
    }

    private static double[] unit(Random rnd) {
        double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian(), n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    /** The point dipole tensor (I − 3 r̂r̂ᵀ)/(4π r³): xx, yy, zz, xy, xz, yz. */
    private static double[] dipole(double x, double y, double z) {
        double r2 = x * x + y * y + z * z, r = Math.sqrt(r2), f = 1 / (4 * Math.PI * r2 * r), g = 3 * f / r2;
        return new double[] {f - g * x * x, f - g * y * y, f - g * z * z, -g * x * y, -g * x * z, -g * y * z};
    }
}
