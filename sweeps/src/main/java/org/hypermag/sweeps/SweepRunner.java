package org.hypermag.sweeps;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.hypermag.output.AtomicTextFile;
import org.hypermag.output.RunLock;

/**
 * Runs a sweep's variants on Spark and writes its summary. The driver writes every variant's scenario to
 * {@code variants/}, hands the variants that are not finished to Spark (one task each, one Spark slot per thread of a
 * variant), shows progress from the variants' status files, turns a stop request into the stop file the variants
 * watch, and writes {@code sweep.csv} and {@code sweep.h5} from the status files whatever happened: a variant's
 * result is never lost with the job.
 */
final class SweepRunner {
    /** Exit statuses: all completed; some failed; stopped on request (resumable). */
    static final int OK = 0;
    static final int SOME_FAILED = 3;
    static final int STOPPED = 130;

    /**
     * @param out the sweep's output directory
     * @param master the Spark master (null: the sweep file's, else local[*])
     * @param resume whether to continue a sweep in out (skip completed variants, resume interrupted ones)
     * @param version hypermag's version
     * @param progressSeconds seconds between progress lines
     */
    record Options(Path out, String master, boolean resume, String version, double progressSeconds) {
    }

    private final SweepSpec spec;
    private final List<SweepPlan.Variant> variants;
    private final Options o;
    private final PrintWriter log;

    SweepRunner(SweepSpec spec, List<SweepPlan.Variant> variants, Options o, PrintWriter log) {
        this.spec = spec;
        this.variants = variants;
        this.o = o;
        this.log = log;
    }

    /**
     * @param stop polled: true asks the variants to stop at their next safe point (Ctrl-C)
     * @return {@link #OK}, {@link #SOME_FAILED} or {@link #STOPPED}
     * @throws IllegalStateException if the output directory holds another sweep (without resume) or is in use
     */
    int run(BooleanSupplier stop) {
        String master = master();
        Path out = o.out().toAbsolutePath().normalize();
        // the directory is this sweep's before anything in it is read or written
        try (RunLock lock = RunLock.acquire(out, "hypermag sweep")) {
            prepare(out);
            List<SweepPlan.Variant> todo = new ArrayList<>();
            int done = 0;
            for (SweepPlan.Variant v : variants) {
                VariantResult r = o.resume() ? VariantResult.read(out, v.id()) : null;
                if (r != null && r.status().equals(VariantResult.COMPLETED)) {
                    done++;
                } else {
                    todo.add(v);
                }
            }
            log.printf(Locale.ROOT, "hypermag sweep %s: %d variants (%s) of %s%s; Spark master %s%n", spec.name(),
                    variants.size(), describeAxes(), spec.baseSource(), o.resume() ? ", " + done + " already "
                    + "completed" : "", master);
            log.printf("  output: %s%n", out);
            log.flush();
            boolean stopped = false;
            String jobError = null;
            if (!todo.isEmpty()) {
                try (JavaSparkContext sc = new JavaSparkContext(conf(master, out))) {
                    sc.setLogLevel("WARN");
                    sc.setJobGroup("sweep", "hypermag sweep " + spec.name(), true);
                    JavaRDD<SweepPlan.Variant> rdd = sc.parallelize(todo, todo.size());
                    VariantTask task = new VariantTask(out, spec.baseSource(), spec.baseDir(), spec.name(),
                            spec.retries(), o.version());
                    AtomicReference<Throwable> failure = new AtomicReference<>();
                    Thread job = new Thread(() -> {
                        try {
                            rdd.map(task).collect();
                        } catch (Throwable t) {
                            failure.set(t);
                        }
                    }, "hypermag-sweep-job");
                    job.setDaemon(true);
                    job.start();
                    stopped = watch(job, out, todo, stop);
                    if (failure.get() != null && !stopped) {
                        jobError = rootMessage(failure.get());
                    }
                }
            }
            Files.deleteIfExists(out.resolve(VariantTask.STOP_FILE));
            List<VariantResult> results = new ArrayList<>();
            for (SweepPlan.Variant v : variants) {
                results.add(VariantResult.read(out, v.id()));
            }
            SweepSummary.write(out, spec, variants, results, master);
            return report(results, stopped, jobError, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output directory: refused if it holds a sweep and this is not a resume; the variants written. */
    private void prepare(Path out) {
        boolean earlier = Files.isDirectory(out.resolve(VariantResult.DIR)) || Files.exists(out.resolve(
                SweepSummary.CSV));
        if (earlier && !o.resume()) {
            throw new IllegalStateException(out + " holds an earlier sweep; continue it with --resume, or choose "
                    + "another --out");
        }
        if (!earlier && o.resume()) {
            throw new IllegalStateException(out + " holds no sweep to resume (no " + VariantResult.DIR
                    + "/ folder)");
        }
        for (SweepPlan.Variant v : variants) {
            AtomicTextFile.write(out.resolve("variants").resolve(v.id() + ".yaml"), w -> w.write(v.text()));
        }
    }

    private String master() {
        String m = o.master() != null ? o.master() : spec.master() != null ? spec.master() : "local[*]";
        if (!validMaster(m)) {
            throw new IllegalStateException("Spark master '" + m + "': expected local, local[N], local[*], "
                    + "local[N,F], local-cluster[W,C,MB], spark://HOST:PORT[,HOST:PORT...] or k8s://https://HOST:PORT");
        }
        int slots = localSlots(m);
        if (slots > 0 && slots < spec.threads()) {
            throw new IllegalStateException("Spark master '" + m + "' gives " + slots + " slot(s) per process, "
                    + "fewer than threads_per_variant = " + spec.threads() + " (" + spec.file() + "): no variant "
                    + "could start; use local[" + spec.threads() + "] or more, or fewer threads per variant");
        }
        return m;
    }

    /** @return the task slots per process of a master on this machine (local, local-cluster), else 0 (unknown) */
    static int localSlots(String m) {
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?\\])?")
                .matcher(m);
        if (local.matches()) {
            String n = local.group(1);
            return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
        java.util.regex.Matcher cluster = java.util.regex.Pattern.compile("local-cluster\\[\\d+,(\\d+),\\d+\\]")
                .matcher(m);
        return cluster.matches() ? Integer.parseInt(cluster.group(1)) : 0;
    }

    /** @return whether a master URL has one of the forms Spark accepts (it is checked before Spark starts) */
    static boolean validMaster(String m) {
        return m.matches("local(\\[(\\d+|\\*)(,\\d+)?\\])?") || m.matches("local-cluster\\[\\d+,\\d+,\\d+\\]")
                || m.matches("spark://[^\\s/]+:\\d+(,[^\\s/]+:\\d+)*") || m.matches("k8s://\\S+");
    }

    private SparkConf conf(String master, Path out) {
        SparkConf c = new SparkConf().setMaster(master).setAppName("hypermag sweep " + spec.name())
                .set("spark.ui.enabled", "false")
                .set("spark.task.cpus", Integer.toString(spec.threads()))
                .set("spark.task.maxFailures", "4");
        boolean local = master.startsWith("local[") || master.equals("local");
        if (local || master.startsWith("local-cluster")) {
            // on this machine: no network, and Spark's scratch files beside the sweep (a cluster's workers have
            // their own, SPARK_LOCAL_DIRS)
            c.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.local.dir", out.resolve(".spark-tmp").toString());
        }
        if (!local) {
            // executors elsewhere run this process's classes: the sweeps jar and its dependencies
            c.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            c.setIfMissing("spark.executorEnv.SPARK_SCALA_VERSION", "2.13");
        }
        for (Map.Entry<String, String> e : spec.conf().entrySet()) {
            c.set(e.getKey(), e.getValue());
        }
        return c;
    }

    /** Shows progress until the job ends; a stop request writes the stop file. @return whether it was stopped */
    private boolean watch(Thread job, Path out, List<SweepPlan.Variant> todo, BooleanSupplier stop) {
        long start = System.nanoTime(), lastLine = start;
        boolean stopped = false;
        while (job.isAlive()) {
            try {
                job.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
            if (!stopped && stop.getAsBoolean()) {
                stopped = true;
                AtomicTextFile.write(out.resolve(VariantTask.STOP_FILE), w -> w.write("stop requested\n"));
                log.println("  stopping: the running variants stop at their next safe point (resume with "
                        + "--resume)");
                log.flush();
            }
            long now = System.nanoTime();
            if (job.isAlive() && (now - lastLine) * 1e-9 >= o.progressSeconds()) {
                lastLine = now;
                log.println("  " + progress(out, todo, (now - start) * 1e-9));
                log.flush();
            }
        }
        return stopped;
    }

    /** "variants: 3 of 8 done, 2 running, 1 failed; 40 s, about 1 min 5 s left". */
    static String progress(Path out, List<SweepPlan.Variant> todo, double seconds) {
        int done = 0, running = 0, failed = 0;
        for (SweepPlan.Variant v : todo) {
            VariantResult r = VariantResult.read(out, v.id());
            if (r == null) {
                continue;
            }
            switch (r.status()) {
                case VariantResult.COMPLETED -> done++;
                case VariantResult.RUNNING -> running++;
                case VariantResult.FAILED -> failed++;
                default -> { }
            }
        }
        int finished = done + failed;
        String eta = finished == 0 ? "?" : format(seconds * (todo.size() - finished) / finished);
        return String.format(Locale.ROOT, "variants: %d of %d done, %d running, %d failed; %s, about %s left%s",
                done, todo.size(), running, failed, format(seconds), eta, running == 0 && finished < todo.size()
                        ? " (none running: waiting for Spark executors)" : "");
    }

    private static String format(double s) {
        return s < 60 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%d min %.0f s",
                (long) (s / 60), s % 60);
    }

    private int report(List<VariantResult> results, boolean stopped, String jobError, Path out) {
        int completed = 0, failed = 0, other = 0;
        for (int i = 0; i < results.size(); i++) {
            VariantResult r = results.get(i);
            if (r != null && r.status().equals(VariantResult.COMPLETED)) {
                completed++;
            } else if (r != null && r.status().equals(VariantResult.FAILED)) {
                failed++;
                log.printf("  %s failed after %d attempt(s): %s%n", r.id(), r.attempts(), r.message());
            } else {
                other++;
            }
        }
        log.printf("summary: %d completed, %d failed, %d not finished%s%n", completed, failed, other,
                stopped ? " (stopped; continue with --resume)" : "");
        if (jobError != null) {
            log.println("  Spark: " + jobError);
        }
        log.printf("  %s%n  %s%n", out.resolve(SweepSummary.CSV), out.resolve(SweepSummary.H5));
        log.flush();
        return stopped ? STOPPED : failed > 0 || other > 0 ? SOME_FAILED : OK;
    }

    private String describeAxes() {
        StringBuilder b = new StringBuilder();
        for (SweepSpec.Axis a : spec.axes()) {
            b.append(b.length() == 0 ? "" : spec.zip() ? " with " : " x ").append(a.path()).append(" (")
                    .append(a.values().size()).append(')');
        }
        return b.toString();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
