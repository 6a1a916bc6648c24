package org.hypermag.solver.llg;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The right-hand side dm/dt = f(t, m) of the magnetisation dynamics of N unit vectors, as the integrators see it.
 */
public interface Dynamics {

    /** @return the number of domains */
    int size();

    /**
     * @return the threads this equation computes on, which an integrator may use for its own passes over the
     *     domains; null (the default) for the calling thread alone
     */
    default WorkerPool pool() {
        return null;
    }

    /**
     * Computes dm/dt (overwrites {@code dmdt}); allocates nothing.
     *
     * @param t time (s)
     * @param m magnetisation (unit vectors up to the integrator's rounding); not modified
     * @param dmdt receives dm/dt (1/s)
     */
    void derivative(double t, VectorField m, VectorField dmdt);

    /**
     * The deterministic dm/dt and its long-range part from one evaluation (overwrites both), for a partitioned
     * integrator that evaluates the long-range part (the precession and damping of the demagnetising field) on fewer
     * stages than the rest; the LLG right-hand side is linear in H, so splitting the field splits dm/dt. The default
     * has no long-range part: {@link #deterministicDerivative} and zeros.
     *
     * @param t time (s)
     * @param m magnetisation; not modified
     * @param dmdt receives the deterministic dm/dt (1/s), both parts
     * @param longRange receives its long-range part alone (1/s)
     */
    default void longRangeSplit(double t, VectorField m, VectorField dmdt, VectorField longRange) {
        deterministicDerivative(t, m, dmdt);
        longRange.clear();
    }

    /**
     * The local part of the deterministic dm/dt: everything but the long-range part (overwrites dmdt), at a
     * fraction of a whole evaluation's cost where the long-range part is the demag. The default is the whole
     * deterministic dm/dt (no long-range part).
     *
     * @param t time (s)
     * @param m magnetisation; not modified
     * @param dmdt receives dm/dt less its long-range part (1/s)
     */
    default void localDerivative(double t, VectorField m, VectorField dmdt) {
        deterministicDerivative(t, m, dmdt);
    }

    /**
     * Whether the equation is stochastic now: a random part, drawn in {@link #beginStep} and held for the stages of
     * the attempt, is added by {@link #addStochastic}. An integrator that cannot hold a random part over its step
     * (one that evaluates at times of its own choosing without telling the equation its steps) must refuse a
     * stochastic equation.
     *
     * @return true if {@link #addStochastic} may add anything
     */
    default boolean isStochastic() {
        return false;
    }

    /**
     * The deterministic part of dm/dt. This followed by {@link #addStochastic} equals {@link #derivative} up to
     * rounding, and is itself deterministic: a stepper that keeps the deterministic part of an evaluation and adds a
     * new random part to it (after {@link #beginStep} drew one) gets the same bits as computing that stage afresh in
     * the same two operations (which is how it must compute such a stage when it is not kept).
     *
     * @param t time (s)
     * @param m magnetisation; not modified
     * @param dmdt receives the deterministic dm/dt (1/s)
     */
    default void deterministicDerivative(double t, VectorField m, VectorField dmdt) {
        derivative(t, m, dmdt);
    }

    /**
     * Adds the random part of dm/dt drawn for the current step attempt (nothing for a deterministic equation).
     *
     * @param t time (s)
     * @param m magnetisation; not modified
     * @param dmdt receives the random part (1/s), added to its contents
     */
    default void addStochastic(double t, VectorField m, VectorField dmdt) {
    }

    /**
     * Called by the stepper before the stages of every step attempt (see {@link StepAware#beginStep}).
     *
     * @param t start of the step (s)
     * @param dt length of the attempt (s)
     * @return true if the derivative at the step's start changed (a cached one must be evaluated again)
     */
    default boolean beginStep(double t, double dt) {
        return false;
    }

    /**
     * Called by the stepper after every step attempt (see {@link StepAware#endStep}).
     *
     * @param t start of the step (s)
     * @param dt its length (s)
     * @param accepted whether the state advanced
     */
    default void endStep(double t, double dt, boolean accepted) {
    }
}
