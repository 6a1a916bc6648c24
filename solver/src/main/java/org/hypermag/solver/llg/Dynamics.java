package org.hypermag.solver.llg;

import org.hypermag.solver.VectorField;

/**
 * The right-hand side dm/dt = f(t, m) of the magnetisation dynamics of N unit vectors, as the integrators see it.
 */
public interface Dynamics {

    /** @return the number of domains */
    int size();

    /**
     * Computes dm/dt (overwrites {@code dmdt}); allocates nothing.
     *
     * @param t time (s)
     * @param m magnetisation (unit vectors up to the integrator's rounding); not modified
     * @param dmdt receives dm/dt (1/s)
     */
    void derivative(double t, VectorField m, VectorField dmdt);

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
