package org.hypermag.surrogate.paper2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * FC + ILR on the paper's 2-D protocol: the gradient of the authors' loss through the read-out, the hypernetwork and
 * the basis network's values and tangents against finite differences; the field as minus the gradient of the
 * potential; a reduced training run that a broken gradient could not pass.
 */
class FcIlr2dTest {
    private static final WorkerPool POOL = WorkerPool.shared();

    @Test
    void theLossGradientMatchesFiniteDifferencesThroughTheBasisTangents() {
        Discs.DataSet d = Discs.generate(6, 2, 12, 5);
        FcIlr2d m = FcIlr2d.initial(5, 2, 7, 2, 3);
        double[] p = m.parameters(), g = new double[p.length];
        m.loss(d, p, g, POOL);
        Random rnd = new Random(8);
        int hyperEnd = m.hyper.end();
        double h = 1e-6;
        for (int t = 0; t < 16; t++) {
            // half in the hypernetwork, half in the basis network
            int i = t % 2 == 0 ? rnd.nextInt(hyperEnd) : hyperEnd + rnd.nextInt(p.length - hyperEnd);
            double[] up = p.clone(), down = p.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (m.loss(d, up, null, POOL) - m.loss(d, down, null, POOL)) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(Math.abs(fd), 1e-3), "parameter " + i + " of " + p.length);
        }
    }

    @Test
    void thePredictedFieldIsMinusTheGradientOfThePredictedPotential() {
        Models2d.assertFieldIsMinusGradient(FcIlr2d.initial(6, 3, 8, 2, 11), Discs.generate(1, 3, 1, 4));
    }

    @Test
    void theBestReadOutReproducesTargetsInTheBasisSpanAndNeverDoesWorseThanTheHypernetwork() {
        FcIlr2d m = FcIlr2d.initial(12, 2, 10, 2, 5);
        Discs.DataSet d = Discs.generate(20, 3, 90, 6);
        int n = d.samples() * d.points();
        double[] phi = new double[n], hx = new double[n], hy = new double[n];
        m.predict(d, phi, hx, hy);
        // targets the model itself produces lie in its basis's span: the least-squares read-out finds them
        Discs.DataSet own = new Discs.DataSet(d.samples(), d.sources(), d.points(), d.src(), d.x(), d.y(), phi, hx,
                hy, d.seed());
        Metrics2d.Errors exact = m.bestReadOutErrors(own);
        assertTrue(exact.codePhi() < 1e-6 && exact.codeH() < 1e-6, exact.toString());
        // on the true targets: the joint squared error of the best read-outs is at most the model's
        Metrics2d.Errors model = m.errors(d), best = m.bestReadOutErrors(d);
        double p2 = 0, h2 = 0;
        for (int i = 0; i < n; i++) {
            p2 += d.phi()[i] * d.phi()[i];
            h2 += d.hx()[i] * d.hx()[i] + d.hy()[i] * d.hy()[i];
        }
        double modelJoint = Math.pow(model.codePhi(), 2) * p2 + Math.pow(model.codeH(), 2) * h2;
        double bestJoint = Math.pow(best.codePhi(), 2) * p2 + Math.pow(best.codeH(), 2) * h2;
        assertTrue(bestJoint <= modelJoint * (1 + 1e-12), best + " against " + model);
    }

    @Test
    void aReducedTrainingLearnsTheFieldOfSourcesItNeverSawTogether() {
        Discs.DataSet train = Discs.generate(400, 1, 64, 100);
        FcIlr2d m = FcIlr2d.initial(32, 3, 48, 2, 42);
        double before = m.loss(train, m.parameters(), null, POOL);
        FcIlr2d trained = m.train(train, Schedule.constant(EPOCHS, 3e-3), POOL, line -> { });
        double after = trained.loss(train, trained.parameters(), null, POOL);
        Metrics2d.Errors multi = trained.errors(Discs.generate(50, 4, 256, 101));
        System.out.printf("FC + ILR (reduced): loss %.4g -> %.4g; four sources, 50 samples: phi %.1f %%, H %.1f %% "
                + "(code metric)%n", before, after, multi.codePhi(), multi.codeH());
        assertTrue(after < LOSS_FACTOR * before, "loss " + before + " -> " + after);
        assertTrue(multi.codePhi() < PHI_BOUND, "phi error on four-source samples " + multi.codePhi() + " %");
    }

    /**
     * Measured 2026-12-05 with Glorot's initialisation: loss 0.0216 → 0.0014 (a factor 15) and 38.0 % on the
     * four-source samples; 2026-12-06 with the authors' (fan-in, the default): 0.0150 → 0.00122 (a factor 12) and
     * 33.9 %. The bounds leave a margin and still fail a gradient that does not train.
     */
    static final int EPOCHS = 300;
    static final double LOSS_FACTOR = 0.2, PHI_BOUND = 50;
}
