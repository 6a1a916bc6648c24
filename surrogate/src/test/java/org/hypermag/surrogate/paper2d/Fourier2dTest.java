package org.hypermag.surrogate.paper2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * FOURIER on the paper's 2-D protocol: the gradient of the authors' loss (through the basis, the wavenumber bounds
 * and the hypernetwork) against finite differences, the field as minus the gradient of the potential, and a reduced
 * training run that a broken gradient could not pass.
 */
class Fourier2dTest {
    private static final WorkerPool POOL = WorkerPool.shared();

    @Test
    void theLossGradientMatchesFiniteDifferencesIncludingTheWavenumberBounds() {
        Discs.DataSet d = Discs.generate(5, 2, 16, 3);
        Fourier2d m = Fourier2d.initial(4, 6, 2, 9);
        double[] p = m.parameters(), g = new double[p.length];
        // bounds where the wavenumbers are of order one, so that their gradient is not negligible
        p[p.length - 2] = -0.5;
        p[p.length - 1] = 0.4;
        m.loss(d, p, g, POOL);
        Random rnd = new Random(4);
        int[] which = new int[14];
        for (int t = 0; t < which.length - 2; t++) {
            which[t] = rnd.nextInt(p.length - 2);
        }
        which[which.length - 2] = p.length - 2;
        which[which.length - 1] = p.length - 1;
        double h = 1e-6;
        for (int i : which) {
            double[] up = p.clone(), down = p.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (m.loss(d, up, null, POOL) - m.loss(d, down, null, POOL)) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(Math.abs(fd), 1e-3), "parameter " + i + " of " + p.length);
        }
    }

    @Test
    void thePredictedFieldIsMinusTheGradientOfThePredictedPotential() {
        Fourier2d m = Fourier2d.initial(5, 8, 2, 1);
        double[] p = m.parameters();
        p[p.length - 2] = -0.7;
        p[p.length - 1] = 0.5;
        Models2d.assertFieldIsMinusGradient(Fourier2d.of(5, 8, 2, p), Discs.generate(1, 3, 1, 8));
    }

    @Test
    void aReducedTrainingLearnsTheFieldOfSourcesItNeverSawTogether() {
        // reduced protocol (CI): 400 single-source samples of 64 points, N = 6, width 48, two hidden layers
        Discs.DataSet train = Discs.generate(400, 1, 64, 100);
        Fourier2d m = Fourier2d.initial(6, 48, 2, 42);
        double before = m.loss(train, m.parameters(), null, POOL);
        Fourier2d trained = m.train(train, Schedule.constant(TRAIN_EPOCHS, 3e-3), POOL, line -> { });
        double after = trained.loss(train, trained.parameters(), null, POOL);
        Metrics2d.Errors multi = trained.errors(Discs.generate(50, 4, 256, 101));
        System.out.printf("FOURIER (reduced): loss %.4g -> %.4g; four sources, 50 samples: phi %.1f %%, H %.1f %% "
                + "(code metric)%n", before, after, multi.codePhi(), multi.codeH());
        assertTrue(after < LOSS_FACTOR * before, "loss " + before + " -> " + after);
        assertTrue(multi.codePhi() < PHI_BOUND, "phi error on four-source samples " + multi.codePhi() + " %");
    }

    /**
     * Measured 2026-12-05 with Glorot's initialisation: loss 0.756 → 0.0027 (a factor 280) and 55.4 % on the
     * four-source samples (LINEAR: 74 % on the test set); 2026-12-06 with the authors' (fan-in, the default): 0.848 →
     * 0.0027 (a factor 316) and 55.0 %. The bounds leave a margin and still fail a gradient that does not train (e.g. a
     * sign error).
     */
    static final int TRAIN_EPOCHS = 300;
    static final double LOSS_FACTOR = 0.02, PHI_BOUND = 65;
}
