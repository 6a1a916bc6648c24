package org.hypermag.solver.parallel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of daemon threads that run one index-range loop at a time, with no allocation per loop.
 *
 * <p>{@link #forRange} splits [0, n) into chunks of {@code grain} indices that the calling thread and the workers take
 * in turn (dynamic scheduling, so uneven chunks balance out); a worker that wakes after the caller has taken the last
 * chunk does not join, so a loop never waits for a sleeping worker to wake up. A task must write only to indices of
 * its own chunk, or to per-thread scratch it owns. If a loop is started while another one runs (a nested or
 * concurrent call), the new loop runs on the calling thread alone, so the pool never deadlocks.
 *
 * <p>Exceptions thrown by a chunk are rethrown by {@link #forRange} after every thread has stopped.
 */
public final class WorkerPool implements AutoCloseable {

    /** The body of a parallel loop over an index range. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * Processes indices [from, to).
         *
         * @param from first index, inclusive
         * @param to last index, exclusive
         */
        void run(int from, int to);
    }

    private static volatile WorkerPool shared;

    private final int threads;
    private final Thread[] workers;
    private final Object lock = new Object();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger next = new AtomicInteger();
    /**
     * The workers inside the current loop, plus {@link #CLOSED} once the caller has finished its own chunks: a
     * worker joins only while the bit is clear, so the caller never waits for a worker that has not woken up yet.
     */
    private final AtomicInteger inside = new AtomicInteger();
    private static final int CLOSED = 1 << 30;
    private volatile long generation;
    private boolean closed;
    private RangeTask task;
    private int n;
    private int grain;
    private volatile Throwable failure;

    /**
     * How long an idle worker, and the caller waiting for the workers, spin before they block (ns): a field
     * evaluation is a dozen short loops, and waking a blocked thread costs tens of microseconds each time.
     */
    static final long SPIN_NANOS = 200_000;

    /** Most threads a pool may have: far above any machine's cores, far below what exhausts memory. */
    public static final int MAX_THREADS = 1024;

    /**
     * Domains from which a local loop (a few flops per domain: the exchange field, the LLG torque) is split over a
     * pool's threads; below it handing the loop over costs more than it saves.
     */
    public static final int LOCAL_LOOP_MIN = 1 << 11;

    /**
     * The chunk of a split local loop over n domains: one chunk per thread (a multiple of 64 domains, whole cache
     * lines). Few large chunks keep each thread on the same domains loop after loop, so their arrays stay in its
     * core's cache: on the 2-core machine of docs/benchmarks.md the exchange field of 4 096 cells took 15.1 µs on
     * two threads in chunks of 1 024 and 9.2 µs in two chunks (16.2 µs on one thread).
     *
     * @param n the domains, &ge; 1
     * @return the chunk size for {@link #forRange}
     */
    public int localGrain(int n) {
        int per = (n + threads - 1) / threads;
        return (per + 63) & ~63;
    }

    /**
     * @param pool a pool, or null for the calling thread alone
     * @param n the domains a local loop runs over
     * @return whether to split the loop over the pool's threads: a pool of several threads and at least
     *     {@value #LOCAL_LOOP_MIN} domains
     */
    public static boolean splitsLocalLoop(WorkerPool pool, int n) {
        return pool != null && pool.threads() > 1 && n >= LOCAL_LOOP_MIN;
    }

    /**
     * Starts a pool that runs loops on {@code threads} threads in all (the caller plus {@code threads - 1} workers).
     *
     * @param threads total threads, 1 to {@link #MAX_THREADS}
     * @throws IllegalArgumentException outside that range
     */
    public WorkerPool(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
        }
        this.threads = threads;
        workers = new Thread[threads - 1];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(this::workerLoop, "hypermag-worker-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
    }

    /** @return the process-wide pool with one thread per available processor, created on first use */
    public static WorkerPool shared() {
        WorkerPool p = shared;
        if (p == null) {
            synchronized (WorkerPool.class) {
                if (shared == null) {
                    shared = new WorkerPool(Runtime.getRuntime().availableProcessors());
                }
                p = shared;
            }
        }
        return p;
    }

    /** @return the number of threads a loop runs on */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} over [0, n) in chunks of {@code grain} indices and returns when all chunks are done.
     *
     * @param n number of indices, &ge; 0
     * @param grain chunk size, &ge; 1
     * @param task loop body
     */
    public void forRange(int n, int grain, RangeTask task) {
        if (grain < 1) {
            throw new IllegalArgumentException("grain must be >= 1, got " + grain);
        }
        if (n <= 0) {
            return;
        }
        if (workers.length == 0 || n <= grain || !busy.compareAndSet(false, true)) {
            task.run(0, n);
            return;
        }
        try {
            this.task = task;
            this.n = n;
            this.grain = grain;
            failure = null;
            next.set(0);
            inside.set(0); // open: publishes the loop's fields to a worker that joins
            synchronized (lock) {
                if (closed) {
                    throw new IllegalStateException("worker pool is closed");
                }
                generation++;
                lock.notifyAll();
            }
            try {
                runChunks();
            } catch (RuntimeException | Error e) {
                failure = e;
                next.set(n);
            }
            // no chunk is left: close the loop to late workers, then wait for those inside
            inside.getAndAdd(CLOSED);
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (inside.get() != CLOSED && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            synchronized (lock) {
                while (inside.get() != CLOSED) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            this.task = null;
            Throwable f = failure;
            if (f instanceof RuntimeException) {
                throw (RuntimeException) f;
            } else if (f instanceof Error) {
                throw (Error) f;
            } else if (f != null) {
                throw new IllegalStateException(f);
            }
        } finally {
            busy.set(false);
        }
    }

    private void runChunks() {
        RangeTask t = task;
        int total = n;
        int g = grain;
        while (true) {
            int from = next.getAndAdd(g);
            if (from >= total) {
                return;
            }
            t.run(from, Math.min(total, from + g));
        }
    }

    private void workerLoop() {
        long seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (generation == seen && !closed && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            synchronized (lock) {
                while (generation == seen && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
            }
            if (!join()) {
                continue; // the caller took every chunk already
            }
            try {
                runChunks();
            } catch (Throwable e) {
                failure = e;
                next.set(Integer.MAX_VALUE / 2);
            }
            if (inside.decrementAndGet() == CLOSED) {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }
    }

    /** @return whether this worker joined the open loop (counted in {@link #inside}); false once it is closed */
    private boolean join() {
        while (true) {
            int v = inside.get();
            if ((v & CLOSED) != 0) {
                return false;
            }
            if (inside.compareAndSet(v, v + 1)) {
                return true;
            }
        }
    }

    /** Stops the worker threads; later loops fail. The shared pool is never closed. */
    @Override
    public void close() {
        if (this == shared) {
            return;
        }
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
