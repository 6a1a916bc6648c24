package org.hypermag.scenarios.sim;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.hypermag.integrators.IntegrationException;
import org.hypermag.output.Checkpoint;
import org.hypermag.output.FrameSegmentWriter;
import org.hypermag.output.RunFile;
import org.hypermag.output.RunIntegrity;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunLock;
import org.hypermag.output.RunOutputs;
import org.hypermag.output.RunPlots;
import org.hypermag.output.RunReader;
import org.hypermag.output.TableData;
import org.hypermag.scenarios.spec.DemagMethods;
import org.hypermag.scenarios.spec.Problem;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.GpuUnavailableException;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.Cancellation;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Runs a scenario into an output directory (layout: {@link RunLayout}, docs/output.md): the stages in order
 * ({@link StageExecution}), the table row by row, frames in bounded HDF5 segments, checkpoints, run.h5, and the
 * plots at the end.
 *
 * <p>Before anything is written the scenario is checked as {@code check} checks it ({@link ScenarioPreflight}), and
 * the directory is locked against a second writer ({@link RunLock}); a resumed directory is verified against its
 * checkpoint ({@link RunIntegrity}).
 *
 * <p>Nothing completed is lost when a run stops: table rows are flushed as written; every stage ends with a frame
 * of its final state; when a stop is requested (Ctrl-C) a run stage continues to its next table row, a hysteresis
 * stage finishes its field point, a relaxation stops at once (it restarts from its stage start); then the open frame
 * segment is written, a checkpoint taken and run.h5 marked interrupted. On a failure (non-finite values, a fixed step
 * too large, a step too small) the same happens at the last good state. {@code --resume} continues from the
 * checkpoint and takes exactly the steps an uninterrupted run would have taken.
 */
public final class ScenarioRunner {

    /** How a run ended. */
    public enum Status {
        /** All stages done. */
        COMPLETED,
        /** Stopped on request; resumable. */
        INTERRUPTED,
        /** A step or relaxation failed (non-finite values, step too small or too large); resumable from the last
         * checkpoint. */
        FAILED
    }

    /** Progress of a run, for displays. All methods are optional. */
    public interface Progress {
        /**
         * @param index stage index
         * @param count number of stages
         * @param stage the stage
         */
        default void stageStarted(int index, int count, Scenario.Stage stage) {
        }

        /**
         * After each step of a run stage.
         *
         * @param t time (s)
         * @param start stage start (s)
         * @param end stage end (s)
         * @param steps steps in this call
         */
        default void running(double t, double start, double end, long steps) {
        }

        /**
         * @param iteration relaxation iteration
         * @param torque max torque (A/m)
         */
        default void relaxing(int iteration, double torque) {
        }

        /**
         * @param point hysteresis point done
         * @param points points in all
         */
        default void point(int point, int points) {
        }

        /**
         * @param index stage index
         * @param summary what the stage did
         */
        default void stageFinished(int index, String summary) {
        }

        /** @param text a note (device choice, resume position, a warning) */
        default void note(String text) {
        }
    }

    /**
     * @param outDir output directory
     * @param resume whether to continue from the directory's checkpoint
     * @param overwrite whether to replace an earlier run in the directory
     * @param version hypermag version, for metadata
     * @param segmentBytes memory budget of a frame segment (bytes)
     */
    public record Options(Path outDir, boolean resume, boolean overwrite, String version, long segmentBytes) {
    }

    /**
     * @param status how it ended
     * @param message a line explaining a stop or failure ("" when completed)
     * @param outDir the output directory
     * @param summaries one line per stage run in this call
     * @param files output files
     * @param time simulated time reached (s)
     */
    public record Result(Status status, String message, Path outDir, List<String> summaries, List<Path> files,
                         double time) {
    }

    /** The run cannot start (bad directory, unavailable method, geometry mismatch); the message says why. */
    public static final class SetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        SetupException(String message) {
            this(message, List.of());
        }

        SetupException(String message, List<Problem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        /** @return the scenario's problems when these are why (each with file:line:column), else empty */
        public List<Problem> problems() {
            return problems;
        }
    }

    /** The run was stopped on request during its set-up, before anything was written. */
    public static final class StoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedException(String message) {
            super(message);
        }
    }

    /** Largest table repeated inside run.h5 (rows); longer tables are in table.csv only. */
    public static final long MAX_TABLE_ROWS_IN_RUN_FILE = 1_000_000;

    private final Scenario s;
    private final Options o;
    private final Progress progress;
    private final BooleanSupplier stop;

    /**
     * @param scenario the scenario
     * @param options output options
     * @param progress progress display
     * @param stop polled during the run; true asks it to stop at the next safe point
     */
    public ScenarioRunner(Scenario scenario, Options options, Progress progress, BooleanSupplier stop) {
        this.s = scenario;
        this.o = options;
        this.progress = progress;
        this.stop = stop;
    }

    /**
     * Runs (or resumes) the scenario.
     *
     * @return how it ended
     * @throws SetupException if it cannot start (nothing was written)
     * @throws StoppedException if stopped on request during set-up (nothing was written)
     */
    public Result run() {
        List<Problem> problems = ScenarioPreflight.problems(s);
        if (!problems.isEmpty()) {
            throw new SetupException(problems.size() + " problem(s) in the scenario:\n  " + String.join("\n  ",
                    problems.stream().map(Object::toString).toList()), problems);
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(o.outDir(), o.resume() ? "run --resume" : "run");
        } catch (RunLock.BusyException | UncheckedIOException e) {
            throw new SetupException(e.getMessage());
        }
        try (lock) {
            return runLocked();
        }
    }

    private Result runLocked() {
        Checkpoint cp = null;
        if (o.resume()) {
            cp = verifiedCheckpoint();
        }
        Magnet magnet = ScenarioSystem.magnet(s);
        GpuDevices.Choice device;
        try {
            device = DemagMethods.chooseDevice(s, magnet);
        } catch (GpuUnavailableException e) {
            throw new SetupException(s.source() + ": compute.gpu: " + e.getMessage());
        }
        WorkerPool pool = pool(s, magnet);
        try {
            progress.note("compute: " + pool.threads() + " CPU thread(s)" + (s.compute().threads() == 0
                    && pool.threads() == 1 && WorkerPool.shared().threads() > 1 ? " (auto: " + magnet.size()
                    + " grid cells, fewer than " + AUTO_CELLS_PER_THREAD + " per thread)" : "") + "; "
                    + device.reason());
            DemagField demag;
            try {
                demag = DemagMethods.build(s, magnet, device, pool, progress::note);
            } catch (IllegalArgumentException e) {
                throw new SetupException(s.source() + ": demag: " + e.getMessage());
            } catch (Cancellation.CancelledException e) {
                throw new StoppedException("stopped on request while setting up the demag field; nothing was "
                        + "written");
            }
            progress.note("demag: " + (demag == null ? "none" : demag.describe()));
            if (demag == null && s.integrator().method().isPartitioned()) {
                progress.note("integrator: " + s.integrator().method().key() + " saves demag evaluations (the demag "
                        + "on 4 of its stages); without a demag each of its stages costs a whole evaluation, so rk46 "
                        + "(6 a step) is the cheaper choice here");
            }
            VectorField initial = cp != null ? cp.m() : ScenarioSystem.initial(s);
            return new Execution(magnet, demag, pool, initial, cp, device).run();
        } finally {
            if (pool != WorkerPool.shared()) {
                pool.close();
            }
        }
    }

    /**
     * With {@code threads: auto}, a grid (FFT or no demag: work per cell is small) gets one thread per this many
     * cells, up to the processors: handing a loop to another thread costs more than it saves below it. Measured on
     * the 2-core machine (2026-12-05): 64 cells (sot-switching) 1.1 s on 2 threads against 0.6 s on 1; 1 000 cells
     * (domain-wall-current) 4.4 s against 3.5 s; 4 096 cells (sp4-field1) 6.0 s against 7.1 s.
     */
    static final int AUTO_CELLS_PER_THREAD = 2048;

    /**
     * @param s a scenario
     * @param magnet its domains
     * @return the worker pool its compute section asks for (the caller closes it unless it is the shared pool)
     */
    static WorkerPool pool(Scenario s, Magnet magnet) {
        if (s.compute().threads() > 0) {
            return new WorkerPool(s.compute().threads());
        }
        boolean light = magnet.grid() != null && !(s.demag().provider()
                instanceof org.hypermag.surrogate.SurrogateDemagProvider);
        int cores = WorkerPool.shared().threads();
        int want = light ? Math.max(1, Math.min(cores, magnet.size() / AUTO_CELLS_PER_THREAD)) : cores;
        return want == cores ? WorkerPool.shared() : new WorkerPool(want);
    }

    /** Reads and checks the checkpoint and every file it names, before anything is written. */
    private Checkpoint verifiedCheckpoint() {
        Path dir = o.outDir();
        Checkpoint cp;
        try {
            cp = Checkpoint.read(dir);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage() + "; the run cannot be continued. --overwrite would start it "
                    + "again from the beginning (removing what the directory holds)");
        }
        if (!cp.scenarioText().equals(s.text())) {
            throw new SetupException(dir.resolve(RunLayout.CHECKPOINT_FILE) + ": the checkpoint belongs to a "
                    + "different scenario text than " + s.source());
        }
        if (cp.m().size() != s.domains().size()) {
            throw new SetupException("the checkpoint has " + cp.m().size() + " domains, the scenario "
                    + s.domains().size());
        }
        if (cp.stage() >= s.stages().size()) {
            throw new SetupException("the run in " + dir + " has completed all " + s.stages().size() + " stages; "
                    + "nothing to resume (start it again with --overwrite)");
        }
        List<String> damaged = RunIntegrity.problems(dir, cp);
        if (!damaged.isEmpty()) {
            throw new SetupException("the run in " + dir + " is damaged and cannot be continued:\n  "
                    + String.join("\n  ", damaged) + "\n--overwrite would start it again from the beginning "
                    + "(removing what the directory holds)");
        }
        return cp;
    }

    /** One run of the scenario into its locked directory. */
    private final class Execution implements StageExecution.Context {
        private final Simulation sim;
        private final DemagField demag;
        private final WorkerPool pool;
        private final RunOutputs outputs;
        private final RunFile.Metadata meta;
        private final FrameSegmentWriter.Contents contents;
        private final RunPosition pos;
        private final List<String> summaries = new ArrayList<>();
        private long lastCheckpoint;
        private final long thermalSeed;
        private boolean relaxNoted;

        Execution(Magnet magnet, DemagField demag, WorkerPool pool, VectorField initial, Checkpoint cp,
                  GpuDevices.Choice device) {
            this.demag = demag;
            this.pool = pool;
            Scenario.Output out = s.output();
            contents = new FrameSegmentWriter.Contents(
                    out.fields().contains(Scenario.FrameField.DEMAG_FIELD) && demag != null,
                    out.fields().contains(Scenario.FrameField.EFFECTIVE_FIELD),
                    out.fields().contains(Scenario.FrameField.ENERGY_DENSITY), out.float64());
            boolean hyst = s.stages().stream().anyMatch(st -> st instanceof Scenario.Hysteresis);
            RunOutputs.Spec spec = new RunOutputs.Spec(o.outDir(), s.text(), magnet.size(), hyst, contents,
                    o.segmentBytes());
            thermalSeed = s.isThermal() ? thermalSeed(cp) : 0;
            sim = new Simulation(magnet, demag, initial, s.isThermal() ? thermalSeed : null, pool);
            sim.setInterpolatedRows(s.output().interpolatedEnergies());
            if (device.isGpu() && demag != null) {
                Integration in = Integration.of(s.integrator());
                if (sim.enableDeviceStep(device.device(), s.compute().gpuPrecision(), progress::note)
                        && !sim.stepsOnDevice(in) && s.stages().stream().anyMatch(st -> st instanceof Scenario.Run)) {
                    progress.note("gpu: the device steps adaptive Dormand-Prince only: this scenario's run stages ("
                            + in.methodName() + ") step on the CPU; the demag runs on the device");
                }
                if (sim.relaxesOnTheCpu() && s.stages().stream().anyMatch(st -> !(st instanceof Scenario.Run))) {
                    progress.note("gpu: relaxations evaluate the demag on the CPU in double precision (their stopping "
                            + "torque lies below the device field's rounding)");
                }
            }
            pos = new RunPosition(magnet.size(), cp);
            if (cp != null) {
                sim.setThermalDraws(cp.thermalDraws());
            }
            try {
                outputs = cp == null ? RunOutputs.create(spec, o.overwrite()) : RunOutputs.resume(spec, cp);
            } catch (RunOutputs.RefusedException | UncheckedIOException e) {
                throw new SetupException(e.getMessage());
            }
            meta = RunMetadata.of(s, o.version(), magnet, demag, pool.threads(), integration().describe());
            if (s.isThermal()) {
                meta.attributes().put("thermal_seed", thermalSeed);
            }
            RunFile.write(o.outDir(), meta, "running", null, null, stages());
            lastCheckpoint = System.nanoTime();
            if (cp == null) {
                checkpointNow(sim.magnetisation());
            } else {
                progress.note(String.format(Locale.ROOT, "resuming stage %d of %d at t = %.6g s", pos.stage + 1,
                        s.stages().size(), pos.t));
            }
        }

        Result run() {
            StageExecution stages = new StageExecution(this);
            try {
                while (pos.stage < s.stages().size()) {
                    Scenario.Stage stage = s.stages().get(pos.stage);
                    progress.stageStarted(pos.stage, s.stages().size(), stage);
                    pos.saved = false;
                    boolean done = stages.execute(stage);
                    if (!done) {
                        return finish(Status.INTERRUPTED, "stopped on request at t = " + pos.t + " s in stage "
                                + (pos.stage + 1) + "; continue with: hypermag run --resume " + o.outDir());
                    }
                    pos.nextStage();
                    checkpointNow(sim.magnetisation());
                }
                return finish(Status.COMPLETED, "");
            } catch (IntegrationException e) {
                if (pos.saved) {
                    checkpointAt(pos.savedT, pos.savedStep, pos.savedMemory, pos.savedOutputs, pos.savedM,
                            pos.savedDraws);
                } else {
                    outputs.frames().closeSegment();
                }
                Magnet mg = sim.magnet();
                String where = e.domain() < 0 ? "" : String.format(Locale.ROOT, " (domain %d, centred at (%.4g, "
                        + "%.4g, %.4g) m)", e.domain(), mg.prisms().cx(e.domain()), mg.prisms().cy(e.domain()),
                        mg.prisms().cz(e.domain()));
                return finish(Status.FAILED, "the integration stopped in stage " + (pos.stage + 1) + ": "
                        + e.getMessage() + where);
            } catch (StageExecution.Failure e) {
                outputs.frames().closeSegment();
                return finish(Status.FAILED, "stage " + (pos.stage + 1) + " failed: " + e.getMessage());
            } catch (UncheckedIOException e) {
                // a full disk or a vanished directory: record what can still be recorded, say why it stopped
                try {
                    return finish(Status.FAILED, "stopped in stage " + (pos.stage + 1) + ": " + e.getMessage());
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                    throw e;
                }
            }
        }

        @Override
        public Simulation sim() {
            return sim;
        }

        @Override
        public RunOutputs outputs() {
            return outputs;
        }

        @Override
        public RunPosition position() {
            return pos;
        }

        @Override
        public Scenario scenario() {
            return s;
        }

        @Override
        public Progress progress() {
            return progress;
        }

        @Override
        public BooleanSupplier stop() {
            return stop;
        }

        @Override
        public Integration integration() {
            return Integration.of(s.integrator());
        }

        @Override
        public void frame(double time, int point) {
            FrameFields f = sim.frameFields(time, contents.demagField(), contents.effectiveField(),
                    contents.energyDensity());
            outputs.frames().add(time, pos.stage, point, sim.magnetisation(), f.demag(), f.effective(),
                    f.energyDensity());
        }

        @Override
        public void stageDone(String summary, int converged) {
            summaries.add(summary);
            pos.stageSummaries.add(summary);
            pos.stageConverged.add(converged);
            progress.stageFinished(pos.stage, summary);
        }

        @Override
        public boolean checkpointDue() {
            return System.nanoTime() - lastCheckpoint > s.output().checkpointInterval() * 1e9;
        }

        @Override
        public void checkpointNow(VectorField m) {
            // the current state has the current draw count; the last saved one (after a stop) its own
            checkpointAt(pos.t, pos.proposedStep, pos.stepMemory, pos.outputs, m, m == sim.magnetisation()
                    ? sim.thermalDraws()
                    : pos.savedDraws);
        }

        private void checkpointAt(double time, double next, double memory, long outs, VectorField m, long draws) {
            outputs.checkpoint(new RunOutputs.Position(pos.stage, pos.stageStart, time, next, memory, pos.point, outs,
                    pos.counts,
                    pos.converged(), pos.stageSummaries, thermalSeed, draws), m);
            lastCheckpoint = System.nanoTime();
        }

        /** The seed of a run above 0 K: the scenario's, the checkpoint's, or one drawn now (and said). */
        private long thermalSeed(Checkpoint cp) {
            if (s.thermal().seed() != null) {
                progress.note("thermal: seed " + s.thermal().seed() + " (the scenario's)");
                return s.thermal().seed();
            }
            if (cp != null) {
                return cp.thermalSeed();
            }
            long seed = Scenario.Thermal.drawSeed();
            progress.note("thermal: seed " + seed + " (drawn; add 'seed: " + seed + "' to the scenario to repeat "
                    + "this run; it is kept in run.h5 and the checkpoint)");
            return seed;
        }

        @Override
        public void noteDeterministicRelaxation() {
            if (s.isThermal() && !relaxNoted) {
                relaxNoted = true;
                progress.note("note: relax stages are deterministic energy minimisations; the temperature applies "
                        + "to run and hysteresis stages only");
            }
        }

        private RunFile.Stages stages() {
            List<String> kinds = new ArrayList<>();
            for (Scenario.Stage st : s.stages()) {
                kinds.add(st.kind());
            }
            return new RunFile.Stages(kinds, pos.converged(), pos.stageSummaries);
        }

        private Result finish(Status status, String message) {
            Path dir = o.outDir();
            outputs.close();
            // run.h5 repeats the table (jhdf writes datasets whole, from memory), up to a bound; table.csv has all
            TableData data = outputs.table().rows() <= MAX_TABLE_ROWS_IN_RUN_FILE
                    ? TableData.read(dir.resolve(RunLayout.TABLE_FILE)) : null;
            RunReader reader = RunReader.open(dir);
            int f = reader.frameCount();
            double[] time = new double[f];
            int[] stage = new int[f], point = new int[f], segment = new int[f], index = new int[f];
            for (int k = 0; k < f; k++) {
                time[k] = reader.time(k);
                stage[k] = reader.stage(k);
                point[k] = reader.point(k);
                segment[k] = reader.segmentOf(k);
                index[k] = reader.indexInSegment(k);
            }
            meta.attributes().put("device", demag == null ? "cpu" : demag.device());
            RunFile.write(dir, meta, status.name().toLowerCase(Locale.ROOT), data,
                    new RunFile.FrameIndex(time, stage, point, segment, index), stages());
            List<Path> files = new ArrayList<>();
            files.add(dir.resolve(RunLayout.TABLE_FILE));
            files.add(dir.resolve(RunLayout.RUN_FILE));
            if (f > 0 && s.output().ovfFormat() != null) {
                try {
                    List<Integer> all = new ArrayList<>();
                    for (int k = 0; k < f; k++) {
                        all.add(k);
                    }
                    List<Path> ovf = org.hypermag.output.RunConvert.toOvf(reader, all,
                            org.hypermag.output.RunConvert.VECTOR_FIELDS, dir.resolve("ovf"),
                            org.hypermag.output.ovf.OvfWriter.Format.parse(s.output().ovfFormat()));
                    if (!ovf.isEmpty()) {
                        files.add(dir.resolve("ovf")); // one file per frame and field: the directory is listed
                    }
                } catch (RuntimeException e) {
                    progress.note("OVF files not written (" + e.getMessage() + "); write them later with: "
                            + "hypermag convert " + dir + " --to ovf");
                }
            }
            if (f > 0) {
                try {
                    files.add(org.hypermag.output.RunXdmf.write(reader));
                } catch (RuntimeException e) {
                    // the frames are complete; the XDMF is an index over them ("hypermag convert DIR --to xdmf")
                    progress.note("run.xdmf not written (" + e.getMessage() + "); write it later with: hypermag "
                            + "convert " + dir + " --to xdmf");
                }
            }
            if (outputs.hysteresis() != null) {
                files.add(dir.resolve(RunLayout.HYSTERESIS_FILE));
            }
            if (outputs.relaxLog().rows() > 0) {
                files.add(dir.resolve(RunLayout.RELAX_FILE));
            }
            try {
                files.addAll(RunPlots.draw(dir, s.name()));
            } catch (RuntimeException e) {
                // the data files are complete; a plot is a convenience ("hypermag plot DIR" redraws them)
                progress.note("plots not written (" + e + "); draw them later with: hypermag plot " + dir);
            }
            files.addAll(reader.segments());
            files.add(dir.resolve(RunLayout.CHECKPOINT_FILE));
            return new Result(status, message, dir, summaries, files, pos.t);
        }
    }
}
