package org.hypermag.integrators;

import java.util.function.BooleanSupplier;

/**
 * Drives a {@link Stepper} from t0 to t1, landing exactly on output times t0 + k·interval (and on t1).
 */
public final class TimeEvolution {

    /** Receives the state at output times; reads the magnetisation the stepper advances. */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param t output time (s)
         * @param lastStep the last step taken (s), 0 at the start
         * @param steps accepted steps so far
         */
        void observe(double t, double lastStep, long steps);
    }

    private TimeEvolution() {
    }

    /**
     * Runs from t0 to t1.
     *
     * @param stepper the stepper (bound to the state)
     * @param t0 start time (s)
     * @param t1 end time (s), &ge; t0
     * @param interval output interval (s), &gt; 0
     * @param observer called at t0, at every output time and at t1
     * @param stop polled after every step; when it answers true the run ends early at the current time
     * @return the time reached (t1, or earlier if stopped)
     * @throws IntegrationException if a step fails; the state is the last good one and the observer has seen every
     *     output time before it
     */
    public static double run(Stepper stepper, double t0, double t1, double interval, Observer observer,
                             BooleanSupplier stop) {
        if (!(t1 >= t0) || !Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("need finite times with t1 >= t0, got " + t0 + ", " + t1);
        }
        if (!(interval > 0)) {
            throw new IllegalArgumentException("output interval must be > 0 s, got " + interval);
        }
        long steps = 0;
        long outputs = 1;
        double t = t0;
        double lastStep = 0;
        observer.observe(t, 0, 0);
        while (t < t1) {
            double next = t0 + outputs * interval;
            if (next > t1 - 1e-9 * interval) {
                next = t1; // do not leave a sliver of rounding size before the end
            }
            double limit = next - t;
            double dt = stepper.step(t, limit);
            steps++;
            lastStep = dt;
            t = dt >= limit ? next : t + dt;
            if (t == next) {
                observer.observe(t, lastStep, steps);
                outputs++;
            }
            if (stop.getAsBoolean()) {
                break;
            }
        }
        return t;
    }
}
