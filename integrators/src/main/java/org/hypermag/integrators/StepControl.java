package org.hypermag.integrators;

/**
 * The adaptive step controller of the explicit Runge–Kutta steppers ({@link RungeKuttaStepper} on the CPU and the
 * device's stepper): the elementary controller Δt_new = Δt · min(5, max(0.2, 0.9 (tolerance/err)^(1/(q+1)))) and the
 * first step, declared once.
 */
public final class StepControl {
    private StepControl() {
    }

    /**
     * The controller after an accepted step.
     *
     * @param err the step's error estimate (rad)
     * @param tolerance the tolerance (rad)
     * @param exponent 1/(q + 1), q the order of the error estimate
     * @return the next step over this one: min(5, max(0.2, 0.9 (tolerance/err)^exponent)), 5 for err = 0
     */
    public static double acceptedFactor(double err, double tolerance, double exponent) {
        return err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(tolerance / err, exponent)));
    }

    /**
     * The controller after a rejected step.
     *
     * @param err the step's error estimate (rad)
     * @param tolerance the tolerance (rad)
     * @param exponent 1/(q + 1)
     * @param nonFinite whether the candidate was not finite
     * @return the retried step over this one: 0.1 after a non-finite candidate, else max(0.2, 0.9
     * (tolerance/err)^exponent)
     */
    public static double rejectedFactor(double err, double tolerance, double exponent, boolean nonFinite) {
        return nonFinite ? 0.1 : Math.max(0.2, 0.9 * Math.pow(tolerance / err, exponent));
    }

    /**
     * The first step of an adaptive run: m turns 0.01 rad at the largest |dm/dt|.
     *
     * @param maxRate max_i |dm_i/dt| at the start (1/s)
     * @param minStep the smallest step (s)
     * @param maxStep the largest step (s)
     * @return the step (s)
     */
    public static double firstStep(double maxRate, double minStep, double maxStep) {
        double dt = maxRate > 0 ? 0.01 / maxRate : 1e-12;
        return Math.max(minStep * 10, Math.min(dt, maxStep));
    }
}
