package org.hypermag.integrators;

/**
 * The adaptive step controller of the explicit Runge–Kutta steppers ({@link RungeKuttaStepper} on the CPU and the
 * device's stepper): the PI controller (the elementary one Δt_new = Δt · min(5, max(0.2, 0.9 (tolerance/err)^(1/(q+1))))
 * for the first step) and the first step, declared once.
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
     * The weight β of the previous error in the PI controller: Gustafsson's 0.4/k for k = 5 (Dormand–Prince's and
     * Fehlberg's error order plus one), used for every method (Hairer's dopri5 uses 0.04).
     */
    public static final double PI_BETA = 0.08;

    /**
     * The PI controller after an accepted step (K. Gustafsson, ACM TOMS 17 (1991) 533; in the form of Hairer, Nørsett
     * and Wanner, <i>Solving Ordinary Differential Equations I</i>, §IV.2, and their dopri5): Δt_new/Δt =
     * min(5, max(0.2, 0.9 (tolerance/err)^(1/(q+1) − 0.75β) (previous/tolerance)^β)). Where stability rather than
     * accuracy holds the step (the fastest spin waves of an exchange-coupled grid), the elementary controller grows
     * the step past the stability limit every few steps and pays a rejection each time; the previous error's weight
     * damps that oscillation (standard problem 4 at 3.9 nm, adaptive RK4: 183 rejections fall to 2).
     *
     * @param err the step's error estimate (rad)
     * @param tolerance the tolerance (rad)
     * @param exponent 1/(q + 1), q the order of the error estimate
     * @param previous the controller's memory ({@link #memory}) of the previous accepted step; NaN: none (the first
     *     step, or a stepper without memory), then the elementary controller
     * @return the next step over this one
     */
    public static double acceptedFactor(double err, double tolerance, double exponent, double previous) {
        if (Double.isNaN(previous) || err == 0) {
            return acceptedFactor(err, tolerance, exponent);
        }
        return Math.min(5, Math.max(0.2, 0.9 * Math.pow(tolerance / err, exponent - 0.75 * PI_BETA)
                * Math.pow(previous / tolerance, PI_BETA)));
    }

    /**
     * The step to propose after an accepted one, the rule both steppers follow: the PI controller's factor, no growth
     * right after a rejection (Hairer's dopri5), and a step cut short by the caller's limit (dt below the proposal)
     * keeps at least the proposal it was cut from, since it says nothing about the controller's own choice.
     *
     * @param dt the accepted step (s)
     * @param proposed the step the controller had proposed for it (s)
     * @param err its error estimate (rad)
     * @param tolerance the tolerance (rad)
     * @param exponent 1/(q + 1)
     * @param previous the controller's memory before this step (NaN: none)
     * @param retried whether this step followed a rejection
     * @return the next proposal (s)
     */
    public static double nextStep(double dt, double proposed, double err, double tolerance, double exponent,
                                  double previous, boolean retried) {
        double factor = acceptedFactor(err, tolerance, exponent, previous);
        if (retried) {
            factor = Math.min(factor, 1);
        }
        return dt < proposed ? Math.max(proposed, dt * factor) : dt * factor;
    }

    /**
     * @param err an accepted step's error estimate (rad)
     * @param tolerance the tolerance (rad)
     * @return what the PI controller remembers of it: the error, at least 1e-4 of the tolerance (dopri5's floor)
     */
    public static double memory(double err, double tolerance) {
        return Math.max(err, 1e-4 * tolerance);
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
     * The first step of an adaptive run from dm/dt at its start ({@link #firstStep(double, double, double)}).
     *
     * @param dmdt dm/dt at the start (1/s)
     * @param minStep the smallest step (s)
     * @param maxStep the largest step (s)
     * @return the step (s)
     */
    static double firstStep(org.hypermag.solver.VectorField dmdt, double minStep, double maxStep) {
        double max2 = 0;
        for (int i = 0; i < dmdt.size(); i++) {
            max2 = Math.max(max2, dmdt.x[i] * dmdt.x[i] + dmdt.y[i] * dmdt.y[i] + dmdt.z[i] * dmdt.z[i]);
        }
        return firstStep(Math.sqrt(max2), minStep, maxStep);
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
