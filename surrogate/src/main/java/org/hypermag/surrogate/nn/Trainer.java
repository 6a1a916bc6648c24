package org.hypermag.surrogate.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Minibatch Adam training with a step-wise learning-rate schedule, early stopping on a held-out loss and a progress
 * callback.
 *
 * <p>Each stage of the schedule runs a fresh Adam optimiser (moments reset) at its own learning rate for its number
 * of epochs, as the paper's "step-wise schedule of Adam optimisers". An epoch visits every training example once in
 * an order shuffled with a {@link SplittableRandom} seeded from the settings. After every epoch the held-out loss is
 * evaluated; the parameters with the lowest held-out loss are kept, and training stops after {@code patience} epochs
 * without improvement. A minibatch is split into equal contiguous parts over the threads, whose gradients are summed
 * in a fixed order, so results are reproducible for a given thread count.
 */
public final class Trainer {

    /**
     * Training settings.
     *
     * @param learningRates learning rate of each stage (e.g. 1e-3, 1e-4, 1e-5, 1e-6), each &gt; 0
     * @param stageEpochs epochs of each stage (same length), each ≥ 0
     * @param batchSize examples per minibatch, ≥ 1
     * @param patience epochs without held-out improvement before stopping, ≥ 1
     * @param seed seed of the shuffling
     * @param threads worker threads, ≥ 1
     */
    public record Settings(double[] learningRates, int[] stageEpochs, int batchSize, int patience, long seed,
                           int threads) {
        /** Validates and copies. */
        public Settings {
            if (learningRates.length == 0 || learningRates.length != stageEpochs.length) {
                throw new IllegalArgumentException("need one epoch count per learning rate, got " + learningRates.length
                        + " rates and " + stageEpochs.length + " epoch counts");
            }
            for (int i = 0; i < learningRates.length; i++) {
                if (!(learningRates[i] > 0) || !Double.isFinite(learningRates[i]) || stageEpochs[i] < 0) {
                    throw new IllegalArgumentException("stage " + i + ": learning rate must be finite and > 0, epochs "
                            + ">= 0; got " + learningRates[i] + ", " + stageEpochs[i]);
                }
            }
            if (batchSize < 1 || patience < 1 || threads < 1) {
                throw new IllegalArgumentException("batch size, patience and threads must be >= 1, got " + batchSize
                        + ", " + patience + ", " + threads);
            }
            learningRates = learningRates.clone();
            stageEpochs = stageEpochs.clone();
        }

        /** @return the total number of epochs of the schedule */
        public int totalEpochs() {
            int n = 0;
            for (int e : stageEpochs) {
                n += e;
            }
            return n;
        }
    }

    /**
     * The outcome of training.
     *
     * @param trainLoss mean training loss per epoch run
     * @param validationLoss held-out loss per epoch run
     * @param bestEpoch the epoch (0-based) whose parameters were kept, -1 if none ran
     * @param stoppedEarly whether early stopping ended training
     * @param seconds wall-clock time
     */
    public record Result(double[] trainLoss, double[] validationLoss, int bestEpoch, boolean stoppedEarly,
                         double seconds) {
    }

    private Trainer() {
    }

    /**
     * Trains in place: on return {@code params} holds the parameters of the best held-out epoch.
     *
     * @param objective what to minimise
     * @param params initial parameters, replaced by the trained ones
     * @param settings schedule and batching
     * @param progress receives one line per epoch (epoch, losses, learning rate, ETA); may be null
     * @return losses and timing
     */
    public static Result train(Objective objective, double[] params, Settings settings, Consumer<String> progress) {
        int n = objective.examples(), np = objective.parameterCount();
        if (params.length != np) {
            throw new IllegalArgumentException("parameter array has " + params.length + " entries, objective needs "
                    + np);
        }
        if (n < 1) {
            throw new IllegalArgumentException("no training examples");
        }
        int threads = Math.min(settings.threads(), settings.batchSize());
        double[][] grads = new double[threads][np];
        double[] grad = new double[np];
        double[] best = params.clone();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        Adam adam = new Adam(np);
        int total = settings.totalEpochs();
        List<Double> trainHist = new ArrayList<>(), valHist = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1, sinceBest = 0, epoch = 0;
        boolean stopped = false;
        long start = System.nanoTime();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "hypermag-trainer");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            stages:
            for (int s = 0; s < settings.learningRates().length; s++) {
                adam.reset();
                double lr = settings.learningRates()[s];
                for (int e = 0; e < settings.stageEpochs()[s]; e++, epoch++) {
                    shuffle(order, random);
                    double sum = 0;
                    for (int b0 = 0; b0 < n; b0 += settings.batchSize()) {
                        int b1 = Math.min(n, b0 + settings.batchSize());
                        sum += batch(objective, params, order, b0, b1, grads, pool);
                        java.util.Arrays.fill(grad, 0);
                        for (double[] g : grads) {
                            for (int i = 0; i < np; i++) {
                                grad[i] += g[i];
                            }
                        }
                        double inv = 1.0 / (b1 - b0);
                        for (int i = 0; i < np; i++) {
                            grad[i] *= inv;
                        }
                        adam.step(params, grad, lr);
                    }
                    double train = sum / n, val = objective.validationLoss(params);
                    if (!Double.isFinite(train) || !Double.isFinite(val)) {
                        throw new IllegalStateException("training diverged at epoch " + epoch + ": train loss " + train
                                + ", held-out loss " + val);
                    }
                    trainHist.add(train);
                    valHist.add(val);
                    if (val < bestLoss) {
                        bestLoss = val;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        System.arraycopy(params, 0, best, 0, np);
                    } else {
                        sinceBest++;
                    }
                    if (progress != null) {
                        double el = (System.nanoTime() - start) * 1e-9;
                        double eta = el / (epoch + 1) * (total - epoch - 1);
                        progress.accept(String.format(Locale.ROOT, "epoch %d/%d  lr %.0e  train %.4e  held-out %.4e"
                                + "  best %.4e@%d  elapsed %.0f s  ETA %.0f s", epoch + 1, total, lr, train, val,
                                bestLoss, bestEpoch + 1, el, eta));
                    }
                    if (sinceBest >= settings.patience()) {
                        stopped = true;
                        epoch++;
                        break stages;
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (bestEpoch >= 0) {
            System.arraycopy(best, 0, params, 0, np);
        }
        if (progress != null && stopped) {
            progress.accept("early stop after epoch " + epoch + ": no held-out improvement for " + settings.patience()
                    + " epochs; keeping epoch " + (bestEpoch + 1));
        }
        return new Result(trainHist.stream().mapToDouble(Double::doubleValue).toArray(),
                valHist.stream().mapToDouble(Double::doubleValue).toArray(), bestEpoch, stopped,
                (System.nanoTime() - start) * 1e-9);
    }

    private static double batch(Objective objective, double[] params, int[] order, int b0, int b1, double[][] grads,
                                ExecutorService pool) {
        int threads = grads.length, len = b1 - b0;
        for (double[] g : grads) {
            java.util.Arrays.fill(g, 0);
        }
        if (pool == null || len < threads) {
            return objective.lossAndGradient(params, order, b0, b1, grads[0], 0);
        }
        List<Future<Double>> futures = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            int from = b0 + (int) ((long) len * t / threads), to = b0 + (int) ((long) len * (t + 1) / threads);
            int tt = t;
            futures.add(pool.submit(() -> objective.lossAndGradient(params, order, from, to, grads[tt], tt)));
        }
        double sum = objective.lossAndGradient(params, order, b0, b0 + len / threads, grads[0], 0);
        try {
            for (Future<Double> f : futures) {
                sum += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        }
        return sum;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
