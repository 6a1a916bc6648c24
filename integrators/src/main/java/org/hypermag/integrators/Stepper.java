package org.hypermag.integrators;

/**
 * Advances a magnetisation (owned by the caller, bound at construction) in time, one step at a time.
 */
public interface Stepper {

    /**
     * Advances the state from t by one accepted step of at most {@code dtLimit}.
     *
     * @param t current time (s)
     * @param dtLimit largest step allowed (s), &gt; 0 (e.g. up to the next output time)
     * @return the step taken (s), 0 &lt; dt &le; dtLimit
     * @throws IntegrationException if no step can be taken; the state is left at time t
     */
    double step(double t, double dtLimit);

    /** Forgets cached derivatives: call after the state or the equation changed outside the stepper. */
    void reset();

    /** @return a description of the method and its settings */
    String describe();
}
