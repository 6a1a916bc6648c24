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
