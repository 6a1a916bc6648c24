package org.hypermag.integrators;

import java.util.function.BooleanSupplier;
import org.hypermag.solver.VectorField;

/**
 * Drives a {@link Stepper} in time, landing exactly on output times origin + k·interval (and on the end time).
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

    /** Called after every accepted step; decides whether to stop. */
    @FunctionalInterface
    public interface StepListener {
        /**
         * @param t time reached (s)
         * @param steps accepted steps so far
         * @param atOutput whether t is an output time (the observer has just seen it)
         * @return true to end the run here
         */
        boolean afterStep(double t, long steps, boolean atOutput);
    }

    private TimeEvolution() {
    }

    /**
     * Runs from t0 to t1 with outputs at t0 + k·interval.
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
        return run(stepper, t0, t0, t1, interval, true, observer, (t, steps, atOutput) -> stop.getAsBoolean());
    }

    /**
     * Runs from {@code start} to {@code end} on the output grid origin + k·interval; used to continue a run from a
     * checkpoint taken at an output time, so that the continued run takes exactly the steps of an uninterrupted one.
     *
     * @param stepper the stepper (bound to the state)
     * @param origin origin of the output grid (s)
     * @param start current time (s), an output time or the origin
     * @param end end time (s), &ge; start
     * @param interval output interval (s), &gt; 0
     * @param observeStart whether the observer sees the start time
     * @param observer called at output times and at the end
     * @param listener called after every step; may stop the run
     * @return the time reached
     * @throws IntegrationException if a step fails (state: the last good one)
     */
    public static double run(Stepper stepper, double origin, double start, double end, double interval,
                             boolean observeStart, Observer observer, StepListener listener) {
        checkTimes(origin, start, end, interval);
        long steps = 0;
        long outputs = Math.round((start - origin) / interval) + 1;
        double t = start;
        if (observeStart) {
            observer.observe(t, 0, 0);
        }
        while (t < end) {
            double next = origin + outputs * interval;
            if (next > end - 1e-9 * interval) {
                next = end; // do not leave a sliver of rounding size before the end
            }
            double limit = next - t;
            double dt = stepper.step(t, limit);
            steps++;
            t = dt >= limit ? next : t + dt;
            boolean atOutput = t == next;
            if (atOutput) {
                observer.observe(t, dt, steps);
                outputs++;
            }
            if (listener.afterStep(t, steps, atOutput)) {
                break;
            }
        }
        return t;
    }

    /**
     * Runs with outputs by dense interpolation: the steps are chosen by the error control alone (and end exactly at
     * {@code end}), never cut short to land on an output time; the state at each output time inside a step comes
     * from the stepper's continuous extension ({@link DenseStepper#interpolate}). While the observer looks at an
     * interpolated output, {@code state} holds it; afterwards the step's end state is put back bit for bit, so the
     * trajectory is the same with any output interval. An output time that a step lands on exactly (the end) is
     * observed with the step's own state.
     *
     * @param stepper a stepper that interpolates (Dormand–Prince 5(4), deterministic equation)
     * @param state the state the stepper advances
     * @param origin origin of the output grid (s)
     * @param start current time (s): the origin, or where a checkpoint was taken (any step boundary)
     * @param end end time (s), &ge; start
     * @param interval output interval (s), &gt; 0
     * @param observeStart whether the observer sees the start (an output time)
     * @param nextOutput index k of the first output origin + k·interval after the start still to observe
     * @param observer called at output times (interpolated state) and at the end
     * @param listener called after every step with the step's end state; may stop the run
     * @return the time reached (a step boundary)
     * @throws IntegrationException if a step fails (state: the last good step's end)
     */
    public static double runDense(DenseStepper stepper, VectorField state, double origin, double start,
                                  double end, double interval, boolean observeStart, long nextOutput,
                                  Observer observer, StepListener listener) {
        checkTimes(origin, start, end, interval);
        VectorField endState = new VectorField(state.size());
        long steps = 0;
        long k = nextOutput;
        double t = start;
        if (observeStart) {
            observer.observe(t, 0, 0);
        }
        while (t < end) {
            double dt = stepper.step(t, end - t);
            steps++;
            double reached = dt >= end - t ? end : t + dt;
            boolean atOutput = false;
            while (true) {
                double next = origin + k * interval;
                if (next > end - 1e-9 * interval) {
                    next = end; // the end is the last output
                }
                if (next > reached || (next == end && reached < end)) {
                    break;
                }
                if (next == reached) {
                    observer.observe(reached, dt, steps);
                    atOutput = true;
                } else {
                    endState.setFrom(state);
                    stepper.interpolate((next - t) / dt, state);
                    observer.observe(next, dt, steps);
                    state.setFrom(endState);
                }
                k++;
                if (next == end) {
                    break;
                }
            }
            t = reached;
            if (listener.afterStep(t, steps, atOutput)) {
                break;
            }
        }
        return t;
    }

    private static void checkTimes(double origin, double start, double end, double interval) {
        if (!(end >= start) || !(start >= origin) || !Double.isFinite(origin) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("need finite times with origin <= start <= end, got " + origin + ", "
                    + start + ", " + end);
        }
        if (!(interval > 0)) {
            throw new IllegalArgumentException("output interval must be > 0 s, got " + interval);
        }
    }
}
