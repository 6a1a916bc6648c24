package org.hypermag.solver.parallel;

/**
 * The process-wide stop request for long set-up work that has no natural safe point to poll a caller's stop flag
 * (placing a million grains, fitting a far-field model, building near-field tables): the command line's Ctrl-C handler
 * calls {@link #request()}, and such loops call {@link #check()} now and then, which throws
 * {@link CancelledException}. Simulation loops do not use it: they poll their own stop flag and end at a safe point.
 * A command clears it when it starts ({@link #clear()}).
 */
public final class Cancellation {
    private static volatile boolean requested;

    private Cancellation() {
    }

    /** Thrown by {@link #check()} after a stop request: the set-up was abandoned, nothing of it is kept. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("stopped on request during set-up");
        }
    }

    /** Requests a stop (a signal handler calls this). */
    public static void request() {
        requested = true;
    }

    /** Clears a request (a command calls this when it starts). */
    public static void clear() {
        requested = false;
    }

    /** @return whether a stop was requested */
    public static boolean requested() {
        return requested;
    }

    /**
     * Throws if a stop was requested.
     *
     * @throws CancelledException after {@link #request()}
     */
    public static void check() {
        if (requested) {
            throw new CancelledException();
        }
    }
}
