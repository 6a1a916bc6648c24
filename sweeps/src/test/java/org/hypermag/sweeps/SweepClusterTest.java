package org.hypermag.sweeps;

import static org.hypermag.sweeps.SweepTestSupport.csv;
import static org.hypermag.sweeps.SweepTestSupport.eight;
import static org.hypermag.sweeps.SweepTestSupport.run;
import static org.hypermag.sweeps.SweepTestSupport.sweepFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sweep on Spark's local-cluster master: two executors, each a JVM of its own started by an in-process
 * worker, as on a standalone cluster. The results equal the in-process run's; killing one executor mid-sweep loses
 * nothing: Spark runs its task again elsewhere, and the variant continues from its checkpoint or starts afresh.
 */
class SweepClusterTest {
    @TempDir
    Path dir;

    @Test
    void localClusterGivesTheSameResultsAndSurvivesAKilledExecutor() throws Exception {
        // a Spark home with an (empty) jars folder: what a worker asks for (../shared/notes/spark.md)
        String home = System.getenv("SPARK_HOME");
        assertTrue(home != null, "SPARK_HOME is set by the build (sweeps/pom.xml)");
        Files.createDirectories(Path.of(home, "jars"));
        // variants of a second or two each (1 us of precession), so that the kill lands while variants run
        Path file = sweepFile(dir, "eight.yaml", eight("").replace("small-granular.yaml",
                "small-granular-run.yaml"));
        Path local = dir.resolve("local"), cluster = dir.resolve("cluster");
        SweepTestSupport.Outcome o = run(new SweepCommand(), file.toString(), "--master", "local[2]", "--out",
                local.toString());
        assertEquals(0, o.code(), o.out() + o.err());

        AtomicLong killed = new AtomicLong(-1);
        List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread killer = new Thread(() -> {
            long deadline = System.nanoTime() + 120_000_000_000L;
            try {
                // once two variants are done, kill the executor of a variant that is running (a child JVM of this
                // one, started by the in-process worker). Not after the first: the variants take the same time, so
                // the other executor's first variant may be finishing as it is read as running (killed after it
                // completed, it is not run again); after the second, the running ones have just started
                while (System.nanoTime() < deadline && killed.get() < 0) {
                    Thread.sleep(10);
                    if (done(cluster) < 2) {
                        continue;
                    }
                    for (int i = 1; i <= 8 && killed.get() < 0; i++) {
                        String id = String.format("v%04d", i);
                        VariantResult r = read(cluster, id);
                        if (r == null || !r.status().equals(VariantResult.RUNNING)) {
                            continue;
                        }
                        long pid = Long.parseLong(r.host().substring(r.host().lastIndexOf(':') + 1));
                        Optional<ProcessHandle> executor = ProcessHandle.current().children()
                                .filter(p -> p.pid() == pid).findFirst();
                        if (executor.isPresent()) {
                            lost.add(id);
                            killed.set(pid);
                            executor.get().destroyForcibly();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        o = run(new SweepCommand(), file.toString(), "--master", "local-cluster[2,1,1024]", "--out",
                cluster.toString());
        killer.join();
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(killed.get() > 0, "an executor was found and killed");
        assertTrue(!lost.isEmpty(), "it was running a variant when killed");
        for (String id : lost) {
            VariantResult r = VariantResult.read(cluster, id);
            assertTrue(r.status().equals(VariantResult.COMPLETED) && !r.host().endsWith(":" + killed.get()),
                    id + " was run again elsewhere: " + r);
        }
        assertTrue(done(cluster) == 8, "every variant completed");
        List<String[]> rows = csv(cluster.resolve(SweepSummary.CSV));
        assertEquals(9, rows.size(), "each variant once: a header and 8 rows");
        List<String[]> reference = csv(local.resolve(SweepSummary.CSV));
        int landmarks = List.of(rows.get(0)).indexOf("mx");
        for (int i = 1; i <= 8; i++) {
            String id = rows.get(i)[0];
            assertEquals(reference.get(i)[0], id);
            assertEquals("completed", rows.get(i)[3]);
            // the same trajectory and landmarks (final <m>, reversal time) as in-process, whichever executor ran it
            SweepTestSupport.assertSameFile(cluster.resolve(VariantTask.RUNS).resolve(id),
                    local.resolve(VariantTask.RUNS).resolve(id), "table.csv", id);
            for (int k = landmarks; k < landmarks + SweepLandmarks.NAMES.size(); k++) {
                assertEquals(reference.get(i)[k], rows.get(i)[k], id + " " + rows.get(0)[k]);
            }
        }
    }

    private static int done(Path out) {
        int n = 0;
        for (int i = 1; i <= 8; i++) {
            VariantResult r = read(out, String.format("v%04d", i));
            n += r != null && r.status().equals(VariantResult.COMPLETED) ? 1 : 0;
        }
        return n;
    }

    private static VariantResult read(Path out, String id) {
        try {
            return VariantResult.read(out, id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
