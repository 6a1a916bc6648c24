package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/** How the steppers treat a random field: held per attempt, redrawn per attempt, reproducible, refused where needed. */
class StochasticSteppingTest {

    private static LlgEquation film(Magnet magnet, StageDrive drive) {
        return new LlgEquation(magnet, Physics.effectiveField(new TermInputs(magnet,
                new FftDemag(magnet.grid(), WorkerPool.shared()), drive)));
    }

    /** @return a drive of a run above 0 K with this seed, its stage at a constant temperature */
    private static StageDrive warm(long seed, double kelvin) {
        StageDrive d = new StageDrive();
        d.enableThermal(seed);
        d.set(null, Temperature.constant(kelvin), 0);
        return d;
    }

    private static ThermalField thermal(LlgEquation llg) {
        return (ThermalField) llg.effectiveField().terms().stream().filter(t -> t instanceof ThermalField)
                .findFirst().orElseThrow();
    }

    private static void run(RungeKuttaStepper stepper, double from, double to) {
        for (double t = from; t < to; ) {
            t += stepper.step(t, to - t);
        }
    }

    private static double[] flat(VectorField m) {
        double[] v = new double[3 * m.size()];
        for (int i = 0; i < m.size(); i++) {
            v[3 * i] = m.x[i];
            v[3 * i + 1] = m.y[i];
            v[3 * i + 2] = m.z[i];
        }
        return v;
    }

    /** Issue 14, test 4: at 0 K the thermal term changes nothing, bit for bit (the adaptive default, 0.2 ns). */
    @Test
    void zeroTemperatureReproducesTheDeterministicPathExactly() {
        Magnet magnet = Systems.film(16, 8, 1, 0.02);
        LlgEquation withTerm = film(magnet, warm(5, 0));
        assertTrue(withTerm.effectiveField().terms().stream().anyMatch(t -> t instanceof ThermalField));
        LlgEquation without = film(magnet, new StageDrive());
        assertTrue(without.effectiveField().terms().stream().noneMatch(t -> t instanceof ThermalField));
        VectorField a = Systems.twisted(magnet), b = a.copy();
        run(RungeKuttaStepper.dormandPrince(withTerm, a), 0, 2e-10);
        run(RungeKuttaStepper.dormandPrince(without, b), 0, 2e-10);
        assertArrayEquals(flat(b), flat(a), 0.0);
        assertEquals(0, thermal(withTerm).draws());
    }

    /**
     * Issue 14, test 4: a run continued from its state, step proposal and draw count equals the uninterrupted run bit
     * for bit, for the adaptive scheme (whose start derivative is the kept deterministic part plus the new random
     * part) and for Heun.
     */
    @Test
    void continuingFromAStateAndDrawCountEqualsTheUninterruptedRun() {
        Magnet magnet = Systems.film(16, 8, 1, 0.1);
        for (ButcherTableau method : new ButcherTableau[] {ButcherTableau.BOGACKI_SHAMPINE_32,
            ButcherTableau.DORMAND_PRINCE_54, ButcherTableau.HEUN}) {
            LlgEquation whole = film(magnet, warm(99, 300)), parts = film(magnet, warm(99, 300));
            VectorField a = Systems.twisted(magnet), b = a.copy();
            RungeKuttaStepper s1 = stepper(method, whole, a);
            run(s1, 0, 2e-11); // lands on 2e-11, as a run lands on its output times, and goes on with its cache
            run(s1, 2e-11, 4e-11);
            RungeKuttaStepper s2a = stepper(method, parts, b);
            run(s2a, 0, 2e-11);
            long draws = thermal(parts).draws();
            assertTrue(draws > 10, method.name() + " drew " + draws);
            // a new equation and stepper, as after a restart: the state, the controller's proposal and memory and
            // the count carried over
            LlgEquation resumed = film(magnet, warm(99, 300));
            thermal(resumed).setDraws(draws);
            RungeKuttaStepper s2b = stepper(method, resumed, b);
            s2b.setProposedStep(s2a.proposedStep());
            s2b.setControllerMemory(s2a.controllerMemory());
            run(s2b, 2e-11, 4e-11);
            assertArrayEquals(flat(a), flat(b), 0.0, method.name());
        }
    }

    private static RungeKuttaStepper stepper(ButcherTableau method, LlgEquation f, VectorField m) {
        return method.isAdaptive() ? RungeKuttaStepper.adaptive(f, m, method, RungeKuttaStepper.DEFAULT_TOLERANCE,
                Double.POSITIVE_INFINITY) : RungeKuttaStepper.fixed(f, m, method, 1e-13);
    }

    /** Every attempt, rejected ones too, draws a new field: the draw count is accepted + rejected steps. */
    @Test
    void everyStepAttemptDrawsANewField() {
        Magnet magnet = Systems.film(8, 8, 1, 0.1);
        LlgEquation llg = film(magnet, warm(3, 300));
        VectorField m = Systems.twisted(magnet);
        RungeKuttaStepper s = RungeKuttaStepper.adaptive(llg, m, ButcherTableau.BOGACKI_SHAMPINE_32, 1e-5,
                Double.POSITIVE_INFINITY);
        long steps = 0;
        for (double t = 0; t < 1e-11; steps++) {
            t += s.step(t, 1e-11 - t);
        }
        assertEquals(steps + s.rejectedSteps(), thermal(llg).draws());
        assertTrue(s.rejectedSteps() > 0, "some attempts were rejected");
    }

    /**
     * The adaptive default at T &gt; 0 (Bogacki–Shampine, tolerance 1e-5 rad) samples the Boltzmann distribution of
     * uniaxial macrospins, exp(σ m_z²) at σ = 2: the same χ² test as for Heun (ThermalFluctuationTest), 12 bins, 0.1 %
     * critical value 31.3. (Its steps are short here, about 2e-4 τ_N against Heun's 5e-3 τ_N: with the field held
     * over a step, the error estimate sees the random kicks.)
     */
    @Test
    void adaptiveDefaultSamplesTheBoltzmannDistribution() {
        double sigma = 2, edge = 4e-9, kelvin = 300;
        int n = 800;
        Material mat = Material.of(8e5).with(LlgEquation.ALPHA, 0.5)
                .with(UniaxialAnisotropyField.K1, sigma * Constants.K_B * kelvin / Math.pow(edge, 3));
        Macrospins s = new Macrospins(Macrospins.fill(n, edge), new int[n], List.of(mat), 12, null,
                Temperature.constant(kelvin));
        for (int i = 0; i < n; i++) {
            s.m.set(i, 0, 0, i % 2 == 0 ? 1 : -1);
        }
        double tauN = 1 / (2 * s.diffusion(0, kelvin));
        RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(s.llg, s.m, ButcherTableau.BOGACKI_SHAMPINE_32,
                RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY);
        int bins = 12;
        long[] counts = new long[bins];
        double t = 0;
        long steps = 0;
        for (double at : new double[] {3 * tauN, 10 * tauN, 17 * tauN}) {
            while (t < at) {
                t += stepper.step(t, at - t);
                steps++;
            }
            for (int i = 0; i < n; i++) {
                counts[Math.min(bins - 1, (int) ((s.m.z[i] + 1) / 2 * bins))]++;
            }
        }
        double chi2 = ThermalFluctuationTest.chiSquareAgainstBoltzmann(sigma, counts);
        System.out.printf("adaptive Boltzmann: %d steps (%.4f tau_N each), %d rejected, chi2 = %.2f%n", steps,
                17.0 / steps, stepper.rejectedSteps(), chi2);
        assertTrue(chi2 < 31.26, "chi^2 = " + chi2);
    }

    /** Hipparchus chooses its own evaluation times: it refuses an equation with a thermal field. */
    @Test
    void hipparchusIntegratorsRefuseAThermalEquation() {
        Magnet magnet = Systems.film(4, 4, 1, 0.1);
        LlgEquation llg = film(magnet, warm(1, 300));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HipparchusStepper.dormandPrince54(llg, Systems.twisted(magnet), 1e-6, 1e-6));
        assertTrue(e.getMessage().contains("thermal"), e.getMessage());
    }
}
