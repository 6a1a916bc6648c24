package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/**
 * The stochastic LLG equation against analytic equilibrium and escape statistics of non-interacting macrospins
 * (W. F. Brown, "Thermal fluctuations of a single-domain particle", Phys. Rev. 130, 1677 (1963)). Every test uses a
 * fixed seed; every tolerance is a multiple (4) of the standard error estimated from the same samples, with
 * independent samples where the test says so, plus the discretisation bias where stated.
 */
class ThermalFluctuationTest {
    private static final double MS = 8e5;
    private static final double ALPHA = 0.5;
    private static final double GAMMA = Constants.GAMMA_OOMMF;

    private static Material material() {
        return Material.of(MS).with(LlgEquation.ALPHA, ALPHA);
    }

    private static ThermalField thermal(Macrospins s) {
        return (ThermalField) s.llg.effectiveField().terms().stream().filter(t -> t instanceof ThermalField)
                .findFirst().orElseThrow();
    }

    /** Issue 14, test 5: each component has mean 0 and variance 2 α k_B T / (γ μ0 Ms V Δt), per domain size. */
    @Test
    void thermalFieldHasZeroMeanAndBrownsVarianceForEachDomainSize() {
        int perSize = 500, draws = 40;
        double[] edges = new double[2 * perSize];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = i < perSize ? 3e-9 : 6e-9;
        }
        double kelvin = 300, dt = 1e-13;
        Macrospins s = new Macrospins(edges, new int[edges.length], List.of(material()), 42, null,
                Temperature.constant(kelvin));
        ThermalField th = thermal(s);
        for (int size = 0; size < 2; size++) {
            double v = Math.pow(size == 0 ? 3e-9 : 6e-9, 3);
            double expected = 2 * ALPHA * Constants.K_B * kelvin / (GAMMA * Constants.MU0 * MS * v * dt);
            double sum = 0, sum2 = 0, cross = 0;
            long n = 0;
            for (int d = 0; d < draws; d++) {
                th.beginStep(d * dt, dt);
                VectorField h = th.drawn();
                for (int i = size * perSize; i < (size + 1) * perSize; i++) {
                    for (double x : new double[] {h.x[i], h.y[i], h.z[i]}) {
                        sum += x;
                        sum2 += x * x;
                        n++;
                    }
                    cross += h.x[i] * h.y[i];
                }
            }
            double mean = sum / n, variance = sum2 / n - mean * mean;
            double sd = Math.sqrt(expected);
            // standard errors: of the mean sd/sqrt(n); of the variance sd^2 sqrt(2/n) (normal samples)
            assertEquals(0, mean, 4 * sd / Math.sqrt(n), "mean of the components, edge " + edges[size * perSize]);
            assertEquals(expected, variance, 4 * expected * Math.sqrt(2.0 / n), "variance, volume " + v + " m^3");
            assertEquals(expected, th.standardDeviation(size * perSize, kelvin, dt) * sd, 1e-9 * expected);
            double pairs = n / 3.0;
            assertEquals(0, cross / pairs, 4 * expected / Math.sqrt(pairs), "x and y components uncorrelated");
        }
    }

    /**
     * Issue 14, test 1: macrospins in a field H along z, at ξ = μ0 Ms V H / (k_B T) = 10, 2 and 0.3 (three regions,
     * each with its own temperature): the time and ensemble average of m·ĥ is the Langevin function
     * L(ξ) = coth ξ − 1/ξ. Heun with a fixed step (the reference scheme).
     */
    @Test
    void averageAlongTheFieldFollowsTheLangevinFunction() {
        double edge = 4e-9, v = edge * edge * edge;
        double[] xi = {10, 2, 0.3};
        double h = 1.07e5; // A/m
        int[] counts = {300, 300, 600};
        Material[] mats = new Material[3];
        for (int q = 0; q < 3; q++) {
            double kelvin = Constants.MU0 * MS * v * h / (Constants.K_B * xi[q]);
            mats[q] = material().with(ThermalField.TEMPERATURE, kelvin);
        }
        int[] regions = Macrospins.regions(counts);
        Macrospins s = new Macrospins(Macrospins.fill(regions.length, edge), regions, List.of(mats), 7,
                new double[] {0, 0, h}, Temperature.constant(0));
        for (int i = 0; i < regions.length; i++) {
            s.m.set(i, 0, 0, 1);
        }
        double rate = GAMMA / (1 + ALPHA * ALPHA) * ALPHA * h; // relaxation rate along the field (1/s)
        double hottest = Constants.MU0 * MS * v * h / (Constants.K_B * 0.3);
        double dt = 0.0025 / s.diffusion(regions.length - 1, hottest) * 0.6; // rms turn per step 0.077 rad
        RungeKuttaStepper stepper = RungeKuttaStepper.fixed(s.llg, s.m, ButcherTableau.HEUN, dt);
        double burn = 4 / rate, sample = 0.5 / rate, end = burn + 16 / rate;
        double[] perDomain = new double[regions.length];
        int samples = 0;
        double t = 0, nextSample = burn;
        while (t < end) {
            t += stepper.step(t, Math.min(dt, nextSample - t));
            if (t >= nextSample - 1e-9 * dt) {
                for (int i = 0; i < perDomain.length; i++) {
                    perDomain[i] += s.m.z[i];
                }
                samples++;
                nextSample += sample;
            }
        }
        int start = 0;
        for (int q = 0; q < 3; q++) {
            // each domain's time average is independent of the others': the standard error comes from their spread
            double sum = 0, sum2 = 0;
            for (int i = start; i < start + counts[q]; i++) {
                double a = perDomain[i] / samples;
                sum += a;
                sum2 += a * a;
            }
            double mean = sum / counts[q];
            double se = Math.sqrt((sum2 / counts[q] - mean * mean) / (counts[q] - 1));
            double langevin = 1 / Math.tanh(xi[q]) - 1 / xi[q];
            System.out.printf("Langevin xi = %.1f: <m.h> = %.5f +- %.5f, L = %.5f%n", xi[q], mean, se, langevin);
            assertEquals(langevin, mean, 4 * se, "xi = " + xi[q]);
            start += counts[q];
        }
    }

    /** A uniaxial material with K V / (k_B T) = sigma for a cube of the given edge at the given temperature. */
    private static Material uniaxial(double sigma, double edge, double kelvin) {
        return material().with(UniaxialAnisotropyField.K1, sigma * Constants.K_B * kelvin / Math.pow(edge, 3))
                .with(UniaxialAnisotropyField.AXIS, 0, 0, 1);
    }

    /**
     * Issue 14, test 2: uniaxial macrospins at zero field sample m_z with density ∝ exp(σ m_z²), σ = K V / (k_B T)
     * (Brown 1963; uniform in m_z on the sphere without anisotropy). Half start along +z, half along −z, so the
     * ensemble is symmetric; snapshots 3 relaxation times apart (correlation below 5 %) are pooled; a χ² test on 12
     * bins against the exact bin probabilities, at the 0.1 % critical value (31.3 for 11 degrees of freedom).
     */
    @Test
    void zeroFieldUniaxialHistogramIsBoltzmann() {
        double sigma = 2, edge = 4e-9, kelvin = 300;
        int n = 4000;
        Macrospins s = new Macrospins(Macrospins.fill(n, edge), new int[n], List.of(uniaxial(sigma, edge, kelvin)),
                11, null, Temperature.constant(kelvin));
        for (int i = 0; i < n; i++) {
            s.m.set(i, 0, 0, i % 2 == 0 ? 1 : -1);
        }
        double tauN = 1 / (2 * s.diffusion(0, kelvin));
        double dt = 0.005 * tauN; // rms turn per step sqrt(4 D dt) = 0.1 rad
        RungeKuttaStepper stepper = RungeKuttaStepper.fixed(s.llg, s.m, ButcherTableau.HEUN, dt);
        int bins = 12;
        long[] counts = new long[bins];
        double[] snapshots = {3 * tauN, 10 * tauN, 17 * tauN}; // tau_rel = 2.3 tau_N at sigma = 2
        double t = 0;
        for (double at : snapshots) {
            while (t < at - 1e-9 * dt) {
                t += stepper.step(t, Math.min(dt, at - t));
            }
            for (int i = 0; i < n; i++) {
                counts[Math.min(bins - 1, (int) ((s.m.z[i] + 1) / 2 * bins))]++;
            }
        }
        double chi2 = chiSquareAgainstBoltzmann(sigma, counts);
        System.out.printf("Boltzmann sigma = %.1f: chi2 = %.2f (11 degrees of freedom)%n", sigma, chi2);
        assertTrue(chi2 < 31.26, "chi^2 = " + chi2 + " against exp(sigma m_z^2)");
    }

    /** Pearson's χ² of a histogram of m_z over equal bins of [−1, 1] against the density ∝ exp(σ m_z²). */
    static double chiSquareAgainstBoltzmann(double sigma, long[] counts) {
        int bins = counts.length;
        double total = 0, chi2 = 0;
        for (long c : counts) {
            total += c;
        }
        double norm = boltzmannIntegral(sigma, -1, 1);
        for (int b = 0; b < bins; b++) {
            double p = boltzmannIntegral(sigma, -1 + 2.0 * b / bins, -1 + 2.0 * (b + 1) / bins) / norm;
            chi2 += Math.pow(counts[b] - total * p, 2) / (total * p);
        }
        return chi2;
    }

    /** ∫ exp(σ z²) dz from a to b (Simpson, 2000 intervals: relative error below 1e-12 here). */
    private static double boltzmannIntegral(double sigma, double a, double b) {
        int k = 2000;
        double h = (b - a) / k, sum = 0;
        for (int j = 0; j <= k; j++) {
            double z = a + j * h;
            sum += (j == 0 || j == k ? 1 : j % 2 == 1 ? 4 : 2) * Math.exp(sigma * z * z);
        }
        return sum * h / 3;
    }

    /**
     * Issue 14, test 3 (Néel–Brown): the mean switching time of uniaxial macrospins at zero field, σ = K V /(k_B T)
     * = 4, 6, 8. A switch is m_z going from above +1/2 to below −1/2 (or back): the barrier at m_z = 0 crossed and
     * left behind. References: (a) Brown's high-barrier formula for the relaxation time τ = τ_N (√π/2) σ^(−3/2) e^σ,
     * τ_N = (1 + α²) μ0 Ms V / (2 γ α k_B T) (Brown 1963, Eq. 4.33 in W. T. Coffey and Y. P. Kalmykov, J. Appl.
     * Phys. 112, 121301 (2012)): the escape rate out of a well is 1/(2τ), the mean time between switches 2τ, within
     * 25 % (the tolerance; the formula is asymptotic in σ); (b) the exact mean first-passage time of the
     * axially symmetric Fokker–Planck equation of m_z from +1/2 to −1/2,
     * T = 2 τ_N ∫_{−1/2}^{1/2} e^(−σy²)/(1 − y²) ∫_y^1 e^(σx²) dx dy, within 4 standard errors of the measured mean
     * (the counts are Poisson: relative standard error 1/√switches) plus 5 % for the bias of looking at m_z only at
     * the end of each step (a crossing and return within a step goes unseen, so passages look longer: measured at
     * σ = 4 with 2 900 switches, +5.3 % at Δt = 0.005 τ_N, +3.8 % at 0.002 τ_N, +3.2 % at 0.0008 τ_N, each ±1.9 %).
     */
    @Test
    void meanSwitchingTimeFollowsNeelBrown() {
        double edge = 4e-9, kelvin = 300;
        double[] sigmas = {4, 6, 8};
        int[] domains = {200, 200, 250};
        double[] runFor = {60, 150, 350}; // in tau_N: several mean switching times
        for (int c = 0; c < sigmas.length; c++) {
            double sigma = sigmas[c];
            int n = domains[c];
            Macrospins s = new Macrospins(Macrospins.fill(n, edge), new int[n],
                    List.of(uniaxial(sigma, edge, kelvin)), 100 + c, null, Temperature.constant(kelvin));
            int[] state = new int[n];
            for (int i = 0; i < n; i++) {
                // every passage, the first too, starts where a switch ends: at m_z = +1/2 (a renewal process)
                s.m.set(i, Math.sqrt(0.75), 0, 0.5);
                state[i] = 1;
            }
            double tauN = 1 / (2 * s.diffusion(0, kelvin));
            assertEquals((1 + ALPHA * ALPHA) * Constants.MU0 * MS * edge * edge * edge
                    / (2 * GAMMA * ALPHA * Constants.K_B * kelvin), tauN, 1e-9 * tauN);
            double dt = 0.003 * tauN;
            RungeKuttaStepper stepper = RungeKuttaStepper.fixed(s.llg, s.m, ButcherTableau.HEUN, dt);
            long switches = 0;
            double end = runFor[c] * tauN;
            for (double t = 0; t < end; ) {
                t += stepper.step(t, dt);
                for (int i = 0; i < n; i++) {
                    double z = s.m.z[i];
                    if (state[i] > 0 ? z < -0.5 : z > 0.5) {
                        state[i] = -state[i];
                        switches++;
                    }
                }
            }
            // every domain is at risk all the time (the wells are symmetric): mean time = exposure / switches
            double measured = n * end / switches / tauN;
            double brown = 2 * Math.sqrt(Math.PI) / 2 * Math.pow(sigma, -1.5) * Math.exp(sigma);
            double exact = firstPassage(sigma, 0.5);
            double se = measured / Math.sqrt(switches);
            System.out.printf("Neel-Brown sigma = %.0f: %d switches, mean %.2f +- %.2f tau_N; 2 tau_Brown %.2f, "
                    + "exact first passage %.2f%n", sigma, switches, measured, se, brown, exact);
            assertEquals(brown, measured, 0.25 * brown, "against Brown's formula, sigma = " + sigma);
            assertEquals(exact, measured, 4 * se + 0.05 * exact, "against the exact first passage, sigma = " + sigma);
        }
    }

    /** The mean first-passage time from m_z = z to −z (units of τ_N) of the axially symmetric problem. */
    private static double firstPassage(double sigma, double z) {
        int k = 400;
        double h = 2 * z / k, sum = 0;
        for (int j = 0; j <= k; j++) {
            double y = -z + j * h;
            double w = j == 0 || j == k ? 1 : j % 2 == 1 ? 4 : 2;
            sum += w * Math.exp(-sigma * y * y) / (1 - y * y) * boltzmannIntegral(sigma, y, 1);
        }
        return 2 * sum * h / 3;
    }
}
