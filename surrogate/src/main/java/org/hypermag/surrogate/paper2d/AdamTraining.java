package org.hypermag.surrogate.paper2d;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hypermag.surrogate.nn.Adam;

/**
 * Adam over a paper-2d training set: full batch as the authors' code trains (one step per epoch on the whole set's
 * loss), or mini-batches (a {@link Schedule#batch()} of samples per step, a departure for reduced budgets: the set is
 * cut once into ⌈samples / batch⌉ contiguous batches — the samples are drawn independently, so any cut is a random
 * one — and each epoch visits every batch once, in an order shuffled with a seed taken from the set's).
 */
final class AdamTraining {
    private AdamTraining() {
    }

    /**
     * @param start the initial parameters (not modified)
     * @param schedule the epochs, the learning rate of each step and the samples per step
     * @param d the training set
     * @param lossOver the loss over a data set (the whole set, or one batch of it)
     * @param name the model's name, for progress lines
     * @param progress a line every tenth of the epochs (the epoch's mean loss, time, time left)
     * @return the trained parameters
     * @throws IllegalStateException when the loss becomes non-finite (naming the epoch)
     */
    static double[] adam(double[] start, Schedule schedule, Discs.DataSet d, Function<Discs.DataSet, Loss> lossOver,
                         String name, Consumer<String> progress) {
        int batches = schedule.stepsPerEpoch(d.samples());
        if (batches == 1) {
            return adam(start, schedule, lossOver.apply(d), name, progress);
        }
        Loss[] losses = new Loss[batches];
        for (int b = 0; b < batches; b++) {
            losses[b] = lossOver.apply(d.samples((int) ((long) d.samples() * b / batches),
                    (int) ((long) d.samples() * (b + 1) / batches)));
        }
        return adam(start, schedule, losses, new SplittableRandom(d.seed() * 0x9E3779B97F4A7C15L + 1), name,
                progress);
    }

    /**
     * Full-batch Adam, one step per epoch.
     *
     * @param start the initial parameters (not modified)
     * @param schedule the epochs and the learning rate of each
     * @param loss the loss
     * @param name the model's name, for progress lines
     * @param progress a line every tenth of the epochs (loss, time, time left)
     * @return the trained parameters
     * @throws IllegalStateException when the loss becomes non-finite (naming the epoch)
     */
    static double[] adam(double[] start, Schedule schedule, Loss loss, String name, Consumer<String> progress) {
        return adam(start, schedule, new Loss[] {loss}, null, name, progress);
    }

    /**
     * The loop: each epoch one step per loss, in an order shuffled by {@code shuffle} (unused for one loss), the rate
     * of step s of S the schedule's {@link Schedule#rate(long, long)} — for one loss the epoch's {@link
     * Schedule#rate(int)}.
     */
    private static double[] adam(double[] start, Schedule schedule, Loss[] losses, SplittableRandom shuffle,
                                 String name, Consumer<String> progress) {
        int epochs = schedule.epochs(), batches = losses.length;
        int[] order = new int[batches];
        for (int b = 0; b < batches; b++) {
            order[b] = b;
        }
        long steps = (long) epochs * batches;
        double[] p = start.clone(), g = new double[p.length];
        Adam adam = new Adam(p.length);
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            for (int i = batches - 1; i > 0; i--) { // Fisher–Yates
                int j = shuffle.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double sum = 0;
            for (int i = 0; i < batches; i++) {
                long step = (long) e * batches + i;
                double l = losses[order[i]].value(p, g);
                if (!Double.isFinite(l)) {
                    throw nonFinite(name, l, e, epochs, schedule.rate(step, steps));
                }
                sum += l;
                adam.step(p, g, schedule.rate(step, steps));
            }
            report(progress, name, e, epochs, batches == 1 ? "loss" : "mean loss of its batches", sum / batches, t0);
        }
        return p;
    }

    private static IllegalStateException nonFinite(String name, double loss, int epoch, int epochs, double rate) {
        return new IllegalStateException(String.format(Locale.ROOT, "%s: the loss became %s at epoch %d of %d "
                + "(learning rate %.3g): lower --rate", name, loss, epoch + 1, epochs, rate));
    }

    private static void report(Consumer<String> progress, String name, int e, int epochs, String what, double loss,
                               long t0) {
        if ((e + 1) % Math.max(1, epochs / 10) == 0 || e == epochs - 1) {
            double s = (System.nanoTime() - t0) * 1e-9;
            progress.accept(String.format(Locale.ROOT, "%s: epoch %d of %d, %s %.6g, %.0f s, about %.0f s left",
                    name, e + 1, epochs, what, loss, s, s / (e + 1) * (epochs - e - 1)));
        }
    }
}
