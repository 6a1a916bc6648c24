package org.hypermag.solver.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void everyIndexIsVisitedExactlyOnce() {
        try (WorkerPool pool = new WorkerPool(4)) {
            for (int n : new int[] {0, 1, 7, 1000, 12345}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
                for (int repeat = 0; repeat < 3; repeat++) {
                    pool.forRange(n, 13, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            seen.incrementAndGet(i);
                        }
                    });
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(3, seen.get(i), "index " + i + " of " + n);
                }
            }
        }
    }

    @Test
    void exceptionInAChunkReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(3)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forRange(1000, 10, (f, t) -> {
                if (f <= 500 && 500 < t) {
                    throw new IllegalStateException("boom");
                }
            }));
            assertEquals("boom", e.getMessage());
            // the pool still works afterwards
            AtomicIntegerArray seen = new AtomicIntegerArray(100);
            pool.forRange(100, 7, (f, t) -> {
                for (int i = f; i < t; i++) {
                    seen.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(1, seen.get(i));
            }
        }
    }

    @Test
    void nestedLoopsRunWithoutDeadlock() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(100 * 50);
            pool.forRange(100, 1, (f, t) -> {
                for (int i = f; i < t; i++) {
                    int row = i;
                    pool.forRange(50, 5, (f2, t2) -> {
                        for (int j = f2; j < t2; j++) {
                            seen.incrementAndGet(row * 50 + j);
                        }
                    });
                }
            });
            for (int i = 0; i < 5000; i++) {
                assertEquals(1, seen.get(i));
            }
        }
    }

    /**
     * Loops between pauses longer than the workers' spin (they block and wake late, possibly after the caller has
     * taken every chunk, or into the next loop): every index is done exactly once per loop, and every chunk a
     * worker ran is finished and visible when forRange returns.
     */
    @Test
    void lateWakingWorkersNeitherLoseNorRepeatChunks() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        try (WorkerPool pool = new WorkerPool(3)) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(120), () -> {
                for (int loop = 0; loop < 3000; loop++) {
                    int n = rnd.nextInt(2, 300), grain = rnd.nextInt(1, 8);
                    int[] visits = new int[n];
                    pool.forRange(n, grain, (f, t) -> {
                        for (int i = f; i < t; i++) {
                            visits[i]++;
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        assertEquals(1, visits[i], "loop " + loop + ", index " + i + " of " + n);
                    }
                    if (loop % 7 == 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(WorkerPool.SPIN_NANOS + rnd.nextInt(400_000));
                    }
                }
            });
        }
    }

    @Test
    void localLoopsSplitIntoOneChunkOfWholeCacheLinesPerThread() {
        for (int threads : new int[] {2, 3, 7}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                for (int n : new int[] {1, 63, 2048, 4096, 10_000, 1 << 20}) {
                    int g = pool.localGrain(n);
                    assertEquals(0, g % 64, "whole cache lines of doubles");
                    assertTrue((long) g * threads >= n, "the threads' chunks cover the loop");
                    assertTrue(g - 64 < (n + threads - 1) / threads, "no chunk longer than needed");
                }
            }
        }
    }
}
