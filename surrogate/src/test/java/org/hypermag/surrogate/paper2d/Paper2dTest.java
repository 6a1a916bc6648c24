package org.hypermag.surrogate.paper2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.surrogate.nn.Init;
import org.junit.jupiter.api.Test;

/**
 * The paper's own 2-D protocol (issue 20): the discs' potential and field, the data sets, the Huber loss's gradient
 * and LINEAR against the paper's Table 2 (70.0 % single, 71.2 % multi by the code's metric; an independent numpy least
 * squares on this protocol gave 73.7 % and 75.8 %, with 61–98 % over 400 seeds of the one-sample validation set).
 */
class Paper2dTest {

    @Test
    void theDiscsFieldIsMinusTheGradientOfItsPotentialAndThePotentialIsContinuous() {
        Random rnd = new Random(3);
        double[] a = new double[3], b = new double[3], c = new double[3];
        double h = 1e-6, worst = 0;
        for (int t = 0; t < 400; t++) {
            double mx = rnd.nextGaussian(), my = rnd.nextGaussian(), cx = rnd.nextGaussian(), cy = rnd.nextGaussian();
            double x = 6 * rnd.nextDouble() - 3, y = 6 * rnd.nextDouble() - 3;
            double r = Math.hypot(x - cx, y - cy);
            if (Math.abs(r - 1) < 1e-3) {
                continue;
            }
            Discs.disc(mx, my, cx, cy, x, y, a);
            Discs.disc(mx, my, cx, cy, x + h, y, b);
            Discs.disc(mx, my, cx, cy, x - h, y, c);
            double gx = -(b[0] - c[0]) / (2 * h);
            Discs.disc(mx, my, cx, cy, x, y + h, b);
            Discs.disc(mx, my, cx, cy, x, y - h, c);
            double gy = -(b[0] - c[0]) / (2 * h);
            worst = Math.max(worst, Math.hypot(gx - a[1], gy - a[2]) / Math.max(1e-3, Math.hypot(a[1], a[2])));
        }
        assertTrue(worst < 1e-6, "largest relative difference of H and -grad phi " + worst);
        // across the rim |d| = 1 the potential is continuous (m.d/2pi on both sides)
        Discs.disc(0.3, -0.7, 0, 0, Math.cos(0.4) * (1 - 1e-12), Math.sin(0.4) * (1 - 1e-12), a);
        Discs.disc(0.3, -0.7, 0, 0, Math.cos(0.4) * (1 + 1e-12), Math.sin(0.4) * (1 + 1e-12), b);
        assertEquals(a[0], b[0], 1e-11);
    }

    @Test
    void dataSetsHaveTheProtocolsSizesStandardNormalSourcesAndAreReproducible() {
        Discs.DataSet d = Discs.Set.TRAIN.generate(1, 0);
        assertEquals(10_000, d.samples());
        assertEquals(1024, d.points());
        // centres and moments N(0, 1): mean within 5 standard errors (0.01 for 10^4 draws), variance within 5 of
        // its standard error (sqrt(2/n) = 0.014)
        for (int col = 0; col < 4; col++) {
            double sum = 0, sq = 0;
            for (int n = 0; n < d.samples(); n++) {
                double v = d.src()[4 * n + col];
                sum += v;
                sq += v * v;
            }
            double mean = sum / d.samples(), var = sq / d.samples() - mean * mean;
            assertEquals(0, mean, 0.05, "column " + col);
            assertEquals(1, var, 0.07, "column " + col);
        }
        for (int p = 0; p < d.points(); p++) {
            assertTrue(Math.abs(d.x()[p]) <= 3 && Math.abs(d.y()[p]) <= 3);
        }
        Discs.DataSet again = Discs.Set.TRAIN.generate(1, 0);
        assertArrayEquals(d.phi(), again.phi());
        assertEquals(4, Discs.Set.TEST.generate(0.01, 0).sources());
        // the single-source test set (this project's addition) draws other sources than the training set
        Discs.DataSet single = Discs.Set.TEST_SINGLE.generate(1, 0);
        assertEquals(1000, single.samples());
        assertEquals(1, single.sources());
        assertTrue(single.src()[0] != d.src()[0] && single.x()[0] != d.x()[0]);
    }

    @Test
    void theHuberLossGradientMatchesFiniteDifferences() {
        Discs.DataSet d = Discs.generate(40, 3, 64, 7);
        Random rnd = new Random(5);
        double[] w = new double[Linear2d.PARAMETERS], g = new double[Linear2d.PARAMETERS];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.3 * rnd.nextGaussian();
        }
        Linear2d.loss(d, w, g);
        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
            double[] up = w.clone(), down = w.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (Linear2d.loss(d, up, null) - Linear2d.loss(d, down, null)) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + i);
        }
    }

    @Test
    void leastSquaresIsTheMinimumOfTheMeanSquareLossAndAdamApproachesIt() {
        Discs.DataSet train = Discs.Set.TRAIN.generate(0.1, 0);
        Linear2d ls = Linear2d.leastSquares(train);
        // the mean-square loss is smallest there: every perturbation raises it
        double base = meanSquare(train, ls.parameters());
        Random rnd = new Random(2);
        for (int t = 0; t < 20; t++) {
            double[] w = ls.parameters();
            w[rnd.nextInt(w.length)] += 1e-3 * (rnd.nextBoolean() ? 1 : -1);
            assertTrue(meanSquare(train, w) > base, "perturbation " + t);
        }
        // full-batch Adam on the Huber loss (the code's training) gets within 2 % of the least-squares Huber loss
        Linear2d adam = Linear2d.train(train, Schedule.constant(2000, 1e-2), line -> { });
        double lsHuber = Linear2d.loss(train, ls.parameters(), null), adamHuber = Linear2d.loss(train,
                adam.parameters(), null);
        assertTrue(adamHuber < 1.02 * lsHuber, "Adam " + adamHuber + " against least squares " + lsHuber);
        // mini-batches of 100 samples (10 steps per epoch), the rate decayed by a cosine: the same minimum
        Linear2d mini = Linear2d.train(train, new Schedule(200, 1e-2, 1e-4, 100), line -> { });
        double miniHuber = Linear2d.loss(train, mini.parameters(), null);
        assertTrue(miniHuber < 1.02 * lsHuber, "mini-batch Adam " + miniHuber + " against least squares " + lsHuber);
    }

    private static double meanSquare(Discs.DataSet d, double[] w) {
        Linear2d m = new Linear2d(w);
        int n = d.phi().length;
        double[] phi = new double[n], hx = new double[n], hy = new double[n];
        m.predict(d, phi, hx, hy);
        double sp = 0, sh = 0;
        for (int i = 0; i < n; i++) {
            sp += Math.pow(phi[i] - d.phi()[i], 2);
            sh += Math.pow(hx[i] - d.hx()[i], 2) + Math.pow(hy[i] - d.hy()[i], 2);
        }
        return sp / n + sh / (2.0 * n);
    }

    @Test
    void linearOnTheProtocolFallsInTheSeedScatterOfTable2() {
        Linear2d ls = Linear2d.leastSquares(Discs.Set.TRAIN.generate(1, 0));
        Metrics2d.Errors single = ls.errors(Discs.Set.VAL_SINGLE.generate(1, 0));
        Metrics2d.Errors multi = ls.errors(Discs.Set.VAL_MULTI.generate(1, 0));
        Metrics2d.Errors test = ls.errors(Discs.Set.TEST.generate(1, 0));
        System.out.printf("LINEAR (least squares): single %.1f %%, multi %.1f %%, test set %.1f %% (code metric); "
                + "medians %.1f / %.1f / %.1f %%; H %.1f / %.1f / %.1f %%%n", single.codePhi(), multi.codePhi(),
                test.codePhi(), single.medianPhi(), multi.medianPhi(), test.medianPhi(), single.codeH(),
                multi.codeH(), test.codeH());
        // the paper: 70.0 and 71.2 %; one-sample validation sets scatter over 61-98 % between seeds
        assertTrue(single.codePhi() > 55 && single.codePhi() < 100, "single " + single);
        assertTrue(multi.codePhi() > 55 && multi.codePhi() < 100, "multi " + multi);
    }

    @Test
    void aModelsMethodLineNamesTheBatchesItTrainedOn() {
        // 20 training samples (fraction 0.002): a batch of 50 is the whole set, a batch of 8 three mini-batches
        Schedule batch50 = new Schedule(1, 1e-3, 1e-5, 50), batch8 = new Schedule(1, 1e-3, 1e-5, 8);
        String whole = Protocol2d.fourier(2, 4, 1, batch50, 0.002, 0, Init.FAN_IN,
                org.hypermag.solver.parallel.WorkerPool.shared(), line -> { }).getValue().method();
        assertTrue(whole.contains("full-batch Adam on the Huber loss, 1 epochs, rate 0.00100 cosine to 1.00e-05")
                && !whole.contains("mini-batches"), whole);
        String mini = Protocol2d.fourier(2, 4, 1, batch8, 0.002, 0, Init.FAN_IN,
                org.hypermag.solver.parallel.WorkerPool.shared(), line -> { }).getValue().method();
        assertTrue(mini.contains("mini-batch Adam on the Huber loss") && mini.contains("mini-batches of 8 samples"),
                mini);
    }

    /**
     * Other draws of the one-sample validation sets scatter as the independent numpy check found for LINEAR
     * (61-98 % over 400 seeds, issue 20): the median of 200 draws lies inside that range, the spread is wide, and the
     * percentiles are ordered.
     */
    @Test
    void validationDrawsOfLinearScatterAsTheIndependentCheckFound() {
        Linear2d ls = Linear2d.leastSquares(Discs.Set.TRAIN.generate(1, 0));
        Protocol2d.Draws d = Protocol2d.validationDraws(ls, 200, 0, org.hypermag.solver.parallel.WorkerPool.shared());
        double lo = Protocol2d.Draws.percentile(d.single(), 5), mid = Protocol2d.Draws.percentile(d.single(), 50);
        double hi = Protocol2d.Draws.percentile(d.single(), 95);
        System.out.print(d.markdown(0));
        assertTrue(mid > 61 && mid < 98, "single-source median " + mid);
        assertTrue(lo < mid && mid < hi && hi - lo > 5, "5th/50th/95th " + lo + " / " + mid + " / " + hi);
        double multi = Protocol2d.Draws.percentile(d.multi(), 50);
        assertTrue(multi > 61 && multi < 98, "four-source median " + multi);
        assertEquals(2.5, Protocol2d.Draws.percentile(new double[] {1, 2, 3, 4}, 50), 1e-12);
        assertEquals(4, Protocol2d.Draws.percentile(new double[] {1, 2, 3, 4}, 100), 1e-12);
    }
}
