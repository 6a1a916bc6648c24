package org.hypermag.surrogate.paper2d;

import java.util.Locale;

/**
 * The learning rate of full-batch Adam over the epochs: constant (the authors' code) or a cosine decay from
 * {@code rate} at the first epoch to {@code finalRate} at the last (a departure, for reduced budgets).
 *
 * @param epochs full-batch Adam steps, ≥ 1 (≥ 0 for LINEAR, where 0 means exact least squares)
 * @param rate the learning rate of the first epoch, &gt; 0
 * @param finalRate the learning rate of the last epoch, &gt; 0 and ≤ rate; equal to rate for a constant rate
 */
public record Schedule(int epochs, double rate, double finalRate) {
    /** Checks the ranges. */
    public Schedule {
        if (epochs < 0 || !(rate > 0) || !(finalRate > 0) || !(finalRate <= rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("a schedule needs epochs >= 0 and 0 < final rate <= rate < infinity; "
                    + "got " + epochs + ", " + rate + ", " + finalRate);
        }
    }

    /**
     * @param epochs steps
     * @param rate the learning rate of every epoch
     * @return a constant rate, as the authors' code trains
     */
    public static Schedule constant(int epochs, double rate) {
        return new Schedule(epochs, rate, rate);
    }

    /**
     * @param epoch from 0 to epochs − 1
     * @return the learning rate of that epoch: finalRate + (rate − finalRate)·(1 + cos(π·epoch/(epochs − 1)))/2
     */
    public double rate(int epoch) {
        if (finalRate == rate || epochs < 2) {
            return rate;
        }
        return finalRate + (rate - finalRate) * 0.5 * (1 + Math.cos(Math.PI * epoch / (epochs - 1)));
    }

    /** @return "N epochs at R" or "N epochs, rate R cosine to F" */
    @Override
    public String toString() {
        return finalRate == rate ? String.format(Locale.ROOT, "%d epochs at %.3g", epochs, rate)
                : String.format(Locale.ROOT, "%d epochs, rate %.3g cosine to %.3g", epochs, rate, finalRate);
    }
}
