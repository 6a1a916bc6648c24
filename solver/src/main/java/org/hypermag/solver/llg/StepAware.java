package org.hypermag.solver.llg;

/**
 * A term or torque that must know the time step: one that draws something once per step (a stochastic thermal
 * field, held fixed during the stages of a step and scaled with its length) or keeps state from one accepted step to
 * the next. The stepper calls {@link #beginStep} before the stages of every attempt and {@link #endStep} after it,
 * with whether the attempt was accepted. Implementations allocate nothing in either.
 */
public interface StepAware {

    /**
     * Called before the stages of a step attempt from t to t + dt (again, with a smaller dt, after a rejection).
     *
     * @param t start of the step (s)
     * @param dt length of the attempt (s), &gt; 0
     * @return true if what it adds at time t changed (a new random field was drawn): the stepper then evaluates the
     *     derivative at the step's start again instead of reusing a cached one
     */
    boolean beginStep(double t, double dt);

    /**
     * Called after a step attempt.
     *
     * @param t start of the step (s)
     * @param dt its length (s)
     * @param accepted whether the state advanced to t + dt (false: it was restored to t)
     */
    void endStep(double t, double dt, boolean accepted);
}
