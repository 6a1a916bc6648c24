package org.hypermag.integrators;

/**
 * The integration could not continue. The magnetisation is left at the last good (accepted) state, at time
 * {@link #time()}.
 */
public final class IntegrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the integration stopped. */
    public enum Reason {
        /** NaN or infinity appeared in the magnetisation or its derivative. */
        NON_FINITE,
        /** The adaptive step fell below its floor without meeting the tolerance. */
        STEP_TOO_SMALL,
        /** A fixed step turned m further than the method can follow accurately. */
        STEP_TOO_LARGE
    }

    private final Reason reason;
    private final double time;
    private final int domain;

    /**
     * @param reason why
     * @param time time of the last good state (s)
     * @param domain index of the offending domain, or −1
     * @param message details
     */
    public IntegrationException(Reason reason, double time, int domain, String message) {
        super(message);
        this.reason = reason;
        this.time = time;
        this.domain = domain;
    }

    /**
     * The derivative at the current state is not finite: nothing can be stepped from it.
     *
     * @param time the current time (s)
     * @param domain the first domain with a non-finite component
     * @return the exception
     */
    static IntegrationException nonFiniteTorque(double time, int domain) {
        return new IntegrationException(Reason.NON_FINITE, time, domain, "non-finite torque at domain " + domain
                + " at t = " + time + " s (at the current state: check the fields and parameters there)");
    }

    /**
     * A step's candidate or its stages stayed non-finite down to the smallest step (or in a fixed step).
     *
     * @param time the step's start (s)
     * @param domain the first domain with a non-finite value, or −1
     * @return the exception
     */
    static IntegrationException nonFiniteStep(double time, int domain) {
        return new IntegrationException(Reason.NON_FINITE, time, domain, "non-finite magnetisation or torque"
                + (domain >= 0 ? " at domain " + domain : "") + " in the step from t = " + time
                + " s; the state at t is kept");
    }

    /**
     * The adaptive step fell below its floor without meeting the tolerance.
     *
     * @param time the step's start (s)
     * @param minStep the floor (s)
     * @param error the last attempt's error estimate (rad)
     * @param tolerance the tolerance (rad)
     * @return the exception
     */
    static IntegrationException stepTooSmall(double time, double minStep, double error, double tolerance) {
        return new IntegrationException(Reason.STEP_TOO_SMALL, time, -1, "time step fell below " + minStep
                + " s at t = " + time + " s (error estimate " + error + " rad, tolerance " + tolerance
                + " rad); the state at t is kept");
    }

    /** @return why the integration stopped */
    public Reason reason() {
        return reason;
    }

    /** @return time of the last good state (s) */
    public double time() {
        return time;
    }

    /** @return the offending domain, or −1 */
    public int domain() {
        return domain;
    }
}
