package org.hypermag.surrogate.paper2d;

import java.util.Locale;

/**
 * How Adam trains a paper-2d model: the epochs, the learning rate over them — constant (the authors' code) or a
 * cosine decay from {@code rate} to {@code finalRate} (a departure, for reduced budgets) — and the samples per step:
 * the whole training set (full batch, the authors' code) or mini-batches (a departure, for reduced budgets).
 *
 * @param epochs passes over the training set, ≥ 1 (≥ 0 for LINEAR, where 0 means exact least squares)
 * @param rate the learning rate of the first step, &gt; 0
 * @param finalRate the learning rate of the last step, &gt; 0 and ≤ rate; equal to rate for a constant rate
 * @param batch samples per Adam step, ≥ 0; 0 (or at least the training set's samples) for one full-batch step per
 *     epoch
 */
public record Schedule(int epochs, double rate, double finalRate, int batch) {
    /** Checks the ranges. */
    public Schedule {
        if (epochs < 0 || !(rate > 0) || !(finalRate > 0) || !(finalRate <= rate) || Double.isInfinite(rate)
                || batch < 0) {
            throw new IllegalArgumentException("a schedule needs epochs >= 0, 0 < final rate <= rate < infinity and "
                    + "batch >= 0; got " + epochs + ", " + rate + ", " + finalRate + ", " + batch);
        }
    }

    /**
     * A full-batch schedule: one Adam step per epoch on the whole training set.
     *
     * @param epochs steps
     * @param rate the learning rate of the first step
     * @param finalRate the learning rate of the last step
     */
    public Schedule(int epochs, double rate, double finalRate) {
        this(epochs, rate, finalRate, 0);
    }

    /**
     * @param epochs steps
     * @param rate the learning rate of every epoch
     * @return a constant rate, full batch, as the authors' code trains
     */
    public static Schedule constant(int epochs, double rate) {
        return new Schedule(epochs, rate, rate);
    }

    /**
     * @param samples the training set's samples
     * @return the Adam steps per epoch on that set: 1 for full batch, else ⌈samples / batch⌉
     */
    public int stepsPerEpoch(int samples) {
        return batch == 0 || batch >= samples ? 1 : (samples + batch - 1) / batch;
    }

    /**
     * @param samples the training set's samples
     * @return this schedule as it trains on a set of that many samples: full batch (batch 0) when its batch is at
     *     least the samples, as {@link #stepsPerEpoch} counts it, else itself; what {@link #adam()} and
     *     {@link #toString()} describe for a model's method line
     */
    public Schedule on(int samples) {
        return batch != 0 && batch >= samples ? new Schedule(epochs, rate, finalRate, 0) : this;
    }

    /**
     * @param epoch from 0 to epochs − 1
     * @return the learning rate of that epoch's full-batch step: {@link #rate(long, long) rate(epoch, epochs)}
     */
    public double rate(int epoch) {
        return rate(epoch, epochs);
    }

    /**
     * @param step from 0 to steps − 1
     * @param steps all the steps of the training
     * @return the learning rate of that step: finalRate + (rate − finalRate)·(1 + cos(π·step/(steps − 1)))/2
     */
    public double rate(long step, long steps) {
        if (finalRate == rate || steps < 2) {
            return rate;
        }
        return finalRate + (rate - finalRate) * 0.5 * (1 + Math.cos(Math.PI * step / (steps - 1)));
    }

    /**
     * @return "full-batch Adam" (batch 0: one step per epoch) or "mini-batch Adam"; for a given training set ask
     *     {@link #on on(samples)}
     */
    public String adam() {
        return batch == 0 ? "full-batch Adam" : "mini-batch Adam";
    }

    /** @return "N epochs at R" or "N epochs, rate R cosine to F", and the batches when not full */
    @Override
    public String toString() {
        String rates = finalRate == rate ? String.format(Locale.ROOT, "%d epochs at %.3g", epochs, rate)
                : String.format(Locale.ROOT, "%d epochs, rate %.3g cosine to %.3g", epochs, rate, finalRate);
        return batch == 0 ? rates : rates + String.format(Locale.ROOT, ", mini-batches of %d samples (the rate per "
                + "step, the batches' order shuffled each epoch)", batch);
    }
}
