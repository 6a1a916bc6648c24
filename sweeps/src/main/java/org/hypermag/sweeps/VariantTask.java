package org.hypermag.sweeps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.function.Function;
import org.hypermag.output.FrameSegmentWriter;
import org.hypermag.output.RunLayout;
import org.hypermag.scenarios.sim.ScenarioRunner;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;

/**
 * Runs one variant where Spark puts it (the driver's JVM with local[N], an executor elsewhere): the ordinary
 * {@link ScenarioRunner} into {@code runs/ID} of the sweep's directory, retried up to the sweep's retries when it
 * fails, its result written to {@code status/ID.properties} ({@link VariantResult}). A variant interrupted earlier
 * continues from its checkpoint; a completed one is not run again (so a task Spark repeats after losing an executor
 * does no work twice). A stop file in the sweep's directory (Ctrl-C on the driver) stops it at its next safe point,
 * resumable. Never throws for a failing variant: failures are results.
 */
final class VariantTask implements Function<SweepPlan.Variant, String> {
    private static final long serialVersionUID = 1L;
    /** The file whose presence asks every variant to stop (written by the driver on Ctrl-C). */
    static final String STOP_FILE = ".stop";
    /** The folder of the variants' run directories. */
    static final String RUNS = "runs";

    private final String sweepDir, baseSource, baseDir, name, version;
    private final int retries;

    /**
     * @param sweepDir the sweep's output directory (reachable from every worker)
     * @param baseSource the base scenario's name in messages
     * @param baseDir where the base scenario's relative paths resolve
     * @param name the sweep's name
     * @param retries extra attempts of a failing variant
     * @param version hypermag's version, for the runs' metadata
     */
    VariantTask(Path sweepDir, String baseSource, Path baseDir, String name, int retries, String version) {
        this.sweepDir = sweepDir.toAbsolutePath().toString();
        this.baseSource = baseSource;
        this.baseDir = baseDir.toAbsolutePath().toString();
        this.name = name;
        this.retries = retries;
        this.version = version;
    }

    @Override
    public String call(SweepPlan.Variant v) {
        Path dir = Path.of(sweepDir);
        Path stopFile = dir.resolve(STOP_FILE);
        if (Files.exists(stopFile)) {
            return v.id() + " not started";
        }
        VariantResult before = VariantResult.read(dir, v.id());
        if (before != null && before.status().equals(VariantResult.COMPLETED)) {
            return v.id() + " " + VariantResult.COMPLETED;
        }
        Path runDir = dir.resolve(RUNS).resolve(v.id());
        boolean resume = before != null && Files.isRegularFile(runDir.resolve(RunLayout.CHECKPOINT_FILE))
                && !before.status().equals(VariantResult.FAILED);
        BooleanSupplier stop = () -> Files.exists(stopFile) || Thread.currentThread().isInterrupted();
        String message = "";
        int attempts = 0;
        long t0 = System.nanoTime();
        while (attempts <= retries) {
            attempts++;
            t0 = System.nanoTime();
            new VariantResult(v.id(), VariantResult.RUNNING, attempts, 0, "", VariantResult.here(), Map.of())
                    .write(dir);
            try {
                Scenario s = ScenarioParser.parse(v.text(), baseSource + " (variant " + v.id() + ")",
                        Path.of(baseDir), name + "-" + v.id());
                ScenarioRunner.Result r = new ScenarioRunner(s, new ScenarioRunner.Options(runDir, resume, !resume,
                        version, FrameSegmentWriter.DEFAULT_SEGMENT_BYTES), new ScenarioRunner.Progress() { },
                        stop).run();
                double wall = (System.nanoTime() - t0) * 1e-9;
                if (r.status() == ScenarioRunner.Status.COMPLETED) {
                    new VariantResult(v.id(), VariantResult.COMPLETED, attempts, wall, "", VariantResult.here(),
                            SweepLandmarks.of(s, runDir)).write(dir);
                    return v.id() + " " + VariantResult.COMPLETED;
                }
                if (r.status() == ScenarioRunner.Status.INTERRUPTED) {
                    new VariantResult(v.id(), VariantResult.INTERRUPTED, attempts, wall, r.message(),
                            VariantResult.here(), Map.of()).write(dir);
                    return v.id() + " " + VariantResult.INTERRUPTED;
                }
                message = r.message();
            } catch (ScenarioRunner.StoppedException e) {
                new VariantResult(v.id(), VariantResult.INTERRUPTED, attempts, (System.nanoTime() - t0) * 1e-9,
                        e.getMessage(), VariantResult.here(), Map.of()).write(dir);
                return v.id() + " " + VariantResult.INTERRUPTED;
            } catch (RuntimeException e) {
                message = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (stop.getAsBoolean()) {
                break;
            }
            // a failed attempt starts afresh
            resume = false;
        }
        new VariantResult(v.id(), VariantResult.FAILED, attempts, (System.nanoTime() - t0) * 1e-9, message,
                VariantResult.here(), Map.of()).write(dir);
        return v.id() + " " + VariantResult.FAILED;
    }
}
