package org.hypermag.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.hypermag.solver.parallel.Cancellation;

/**
 * Ctrl-C (SIGINT) and SIGTERM handling of the long commands ({@code run}, {@code validate}): while open, a shutdown
 * hook turns a signal into a stop request, which the command polls ({@link #getAsBoolean()}) and answers by stopping
 * at its next safe point; the hook then holds the JVM's shutdown until {@link #close()} says everything is written
 * and reported (at most {@value #GRACE_SECONDS} s).
 *
 * <p>Use: {@code try (StopOnSignal stop = StopOnSignal.install()) { ... work polling stop ... }}.
 */
final class StopOnSignal implements BooleanSupplier, AutoCloseable {
    /** The longest a signal waits for the command to finish writing (s). */
    static final int GRACE_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnSignal() {
        hook = new Thread(() -> {
            requested.set(true);
            Cancellation.request();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hypermag-ctrl-c");
    }

    /** @return a handler with its shutdown hook registered */
    static StopOnSignal install() {
        Cancellation.clear();
        StopOnSignal s = new StopOnSignal();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** @return whether a stop was requested (a signal arrived, or {@link #request()}) */
    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    /** Requests a stop as a signal would (for tests and embedding). */
    void request() {
        requested.set(true);
        Cancellation.request();
    }

    /** Lets a signal's shutdown proceed (everything is written), and removes the hook when there was none. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down (a signal): the hook is running and now ends
        }
    }
}
