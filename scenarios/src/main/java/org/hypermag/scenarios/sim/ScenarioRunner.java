package org.hypermag.scenarios.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.hypermag.integrators.ButcherTableau;
import org.hypermag.integrators.IntegrationException;
import org.hypermag.integrators.Relaxer;
import org.hypermag.output.Checkpoint;
import org.hypermag.output.FrameSegmentWriter;
import org.hypermag.output.RunFile;
import org.hypermag.output.RunLayout;
import org.hypermag.output.RunReader;
import org.hypermag.output.RunTable;
import org.hypermag.output.TableData;
import org.hypermag.output.TablePlots;
import org.hypermag.output.TableWriter;
import org.hypermag.scenarios.spec.DemagMethods;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.GpuUnavailableException;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Runs a scenario into an output directory (layout: {@link RunLayout}, docs/output.md): the stages in order, the
 * table row by row, frames in bounded HDF5 segments, checkpoints, run.h5, and PNG plots at the end.
 *
 * <p>Nothing completed is lost when a run stops: table rows are flushed as written; when a stop is requested (Ctrl-C)
 * a run stage continues to its next table row, a hysteresis stage finishes its field point, a relaxation stops at
 * once (it restarts from its stage start); then the open frame segment is written, a checkpoint taken and run.h5
 * marked interrupted. On a failed step the same happens at the last table row. {@code --resume} continues from the
 * checkpoint and takes exactly the steps an uninterrupted run would have taken.
 */
public final class ScenarioRunner {

    /** How a run ended. */
    public enum Status {
        /** All stages done. */
        COMPLETED,
        /** Stopped on request; resumable. */
        INTERRUPTED,
        /** A step failed (NaN, step too small); resumable from the last checkpoint. */
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

        /** @param text a note (device choice, resume position) */
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

        SetupException(String message) {
            super(message);
        }
    }

    /** Largest table repeated inside run.h5 (rows); longer tables are in table.csv only. */
    public static final long MAX_TABLE_ROWS_IN_RUN_FILE = 1_000_000;

    private final Scenario s;
    private final Options o;
    private final Progress progress;
    private final BooleanSupplier stop;
    private final List<String> summaries = new ArrayList<>();

    private Simulation sim;
    private TableWriter table;
    private TableWriter hysteresisTable;
    private FrameSegmentWriter frames;
    private RunFile.Metadata meta;
    private Scenario.Output out;
    private boolean recordDemag, recordEffective, recordEnergy;

    private int stageIndex;
    private double t;
    private double stageStart;
    private int point;
    private long outputs;
    private double proposedStep = Double.NaN;
    private double lastRowTime = Double.NaN;
    private double lastFrameTime = Double.NaN;
    private long lastCheckpoint;
    private VectorField savedM;
    private double savedT;
    private double savedStep;
    private long savedOutputs;
    private boolean saved;

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
     * @throws SetupException if it cannot start
     */
    public Result run() {
        Magnet magnet;
        try {
            magnet = ScenarioSystem.magnet(s);
        } catch (IllegalArgumentException e) {
            throw new SetupException(s.source() + ": geometry: " + e.getMessage());
        }
        GpuDevices.Choice device;
        try {
            device = DemagMethods.chooseDevice(s, magnet);
        } catch (GpuUnavailableException e) {
            throw new SetupException(s.source() + ": compute.gpu: " + e.getMessage());
        }
        WorkerPool pool = s.compute().threads() == 0 ? WorkerPool.shared() : new WorkerPool(s.compute().threads());
        progress.note("compute: " + pool.threads() + " CPU thread(s); " + device.reason());
        DemagField demag;
        try {
            demag = DemagMethods.build(s, magnet, device, pool, progress::note);
        } catch (IllegalArgumentException e) {
            throw new SetupException(s.source() + ": demag: " + e.getMessage());
        }
        progress.note("demag: " + (demag == null ? "none" : demag.describe()));
        out = s.output();
        recordDemag = out.fields().contains(Scenario.FrameField.DEMAG_FIELD) && demag != null;
        recordEffective = out.fields().contains(Scenario.FrameField.EFFECTIVE_FIELD);
        recordEnergy = out.fields().contains(Scenario.FrameField.ENERGY_DENSITY);
        VectorField initial;
        Checkpoint cp = null;
        if (o.resume()) {
            cp = Checkpoint.read(o.outDir());
            if (!cp.scenarioText().equals(s.text())) {
                throw new SetupException(o.outDir().resolve(RunLayout.CHECKPOINT_FILE) + ": the checkpoint belongs to "
                        + "a different scenario text than " + s.source());
            }
            if (cp.m().size() != magnet.size()) {
                throw new SetupException("the checkpoint has " + cp.m().size() + " domains, the scenario "
                        + magnet.size());
            }
            initial = cp.m();
        } else {
            try {
                initial = ScenarioSystem.initial(s);
            } catch (IllegalArgumentException e) {
                throw new SetupException(s.source() + ": " + e.getMessage());
            }
        }
        sim = new Simulation(magnet, demag, initial);
        meta = metadata(magnet, demag, pool);
        prepareDirectory(cp, magnet.size());
        lastCheckpoint = System.nanoTime();
        if (cp == null) {
            checkpoint(0, 0, 0, Double.NaN, 0, 0, sim.magnetisation());
        } else {
            stageIndex = cp.stage();
            stageStart = cp.stageStart();
            t = cp.time();
            point = cp.point();
            outputs = cp.outputs();
            proposedStep = cp.nextStep();
            lastRowTime = cp.tableRows() > 0 ? t : Double.NaN;
            lastFrameTime = cp.frames() > 0 ? t : Double.NaN;
            progress.note(String.format(Locale.ROOT, "resuming stage %d of %d at t = %.6g s", stageIndex + 1,
                    s.stages().size(), t));
        }
        savedM = new VectorField(magnet.size());
        try {
            while (stageIndex < s.stages().size()) {
                Scenario.Stage stage = s.stages().get(stageIndex);
                progress.stageStarted(stageIndex, s.stages().size(), stage);
                saved = false;
                boolean done;
                if (stage instanceof Scenario.Relax r) {
                    done = relax(r);
                } else if (stage instanceof Scenario.Run r) {
                    done = runStage(r);
                } else {
                    done = hysteresis((Scenario.Hysteresis) stage);
                }
                if (!done) {
                    return finish(Status.INTERRUPTED, "stopped on request at t = " + t + " s in stage "
                            + (stageIndex + 1) + "; continue with: hypermag run --resume " + o.outDir());
                }
                stageIndex++;
                stageStart = t;
                point = 0;
                outputs = 0;
                proposedStep = Double.NaN;
                frames.closeSegment();
                checkpoint(stageIndex, t, t, Double.NaN, 0, 0, sim.magnetisation());
            }
            return finish(Status.COMPLETED, "");
        } catch (IntegrationException e) {
            frames.closeSegment();
            if (saved) {
                checkpoint(stageIndex, stageStart, savedT, savedStep, point, savedOutputs, savedM);
            }
            Magnet mg = sim.magnet();
            String where = e.domain() < 0 ? "" : String.format(Locale.ROOT, " (domain %d, centred at (%.4g, %.4g, "
                    + "%.4g) m)", e.domain(), mg.prisms().cx(e.domain()), mg.prisms().cy(e.domain()),
                    mg.prisms().cz(e.domain()));
            return finish(Status.FAILED, "the integration stopped in stage " + (stageIndex + 1) + ": "
                    + e.getMessage() + where);
        }
    }

    // ---------------------------------------------------------------- stages

    private boolean relax(Scenario.Relax r) {
        long wall = System.nanoTime();
        sim.enterStage(r.field() == null ? null : r.field().field(), t);
        Relaxer.Result res = sim.relax(t, r.torqueTolerance(), r.maxIterations(),
                (it, e, torque) -> progress.relaxing(it, torque), stop);
        if (res.outcome() == Relaxer.Outcome.INTERRUPTED) {
            return false;
        }
        table.row(sim.row(t, 0, stageIndex, -1));
        lastRowTime = t;
        frame(t);
        double[] m = sim.average();
        summary(String.format(Locale.ROOT, "relax: %s; <m> = (%.5f, %.5f, %.5f); %.1f s", res, m[0], m[1], m[2],
                (System.nanoTime() - wall) / 1e9));
        return true;
    }

    private boolean runStage(Scenario.Run r) {
        long wall = System.nanoTime();
        double end = stageStart + r.duration();
        double interval = out.tableInterval();
        long frameEvery = out.frameInterval() > 0 ? Math.max(1, Math.round(out.frameInterval() / interval)) : 0;
        sim.enterStage(r.field() == null ? null : r.field().field(), stageStart);
        boolean continuing = outputs > 0;
        boolean observeStart = !continuing && !(lastRowTime == t);
        double[][] previous = {null};
        double[][] zero = {null};
        long[] stepCount = {0};
        double reached = sim.run(stageStart, t, end, interval, integration(), proposedStep, observeStart,
                (tOut, dt, llg, proposed) -> {
                    double[] row = sim.row(tOut, dt, stageIndex, -1);
                    table.row(row);
                    if (zero[0] == null && previous[0] != null) {
                        zero[0] = Landmarks.firstZero(List.of(previous[0], row), 1, 0);
                    }
                    previous[0] = row;
                    lastRowTime = tOut;
                    long k = Math.round((tOut - stageStart) / interval);
                    boolean atEnd = tOut == end;
                    if ((frameEvery > 0 && k % frameEvery == 0) || atEnd) {
                        frame(tOut);
                    }
                    t = tOut;
                    outputs = k;
                    savedM.setFrom(sim.magnetisation());
                    savedT = tOut;
                    savedStep = proposed;
                    savedOutputs = k;
                    saved = true;
                    if (!atEnd && System.nanoTime() - lastCheckpoint > out.checkpointInterval() * 1e9) {
                        frames.closeSegment();
                        checkpoint(stageIndex, stageStart, tOut, proposed, 0, k, sim.magnetisation());
                    }
                }, (tNow, steps, atOutput) -> {
                    stepCount[0] = steps;
                    progress.running(tNow, stageStart, end, steps);
                    return atOutput && stop.getAsBoolean();
                });
        t = reached;
        if (reached < end) {
            frames.closeSegment();
            checkpoint(stageIndex, stageStart, savedT, savedStep, 0, savedOutputs, savedM);
            return false;
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        double[] m = sim.average();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "run %.4g s: %d steps in %.1f s (%.0f steps/s); "
                + "<m>(end) = (%.5f, %.5f, %.5f)", r.duration(), stepCount[0], seconds, stepCount[0] / seconds, m[0],
                m[1], m[2]));
        if (zero[0] != null) {
            b.append(String.format(Locale.ROOT, "; first zero of <mx> at t = %.6g s (<my> = %.4f, <mz> = %.4f)",
                    zero[0][0], zero[0][2], zero[0][3]));
        }
        summary(b.toString());
        return true;
    }

    private boolean hysteresis(Scenario.Hysteresis h) {
        long wall = System.nanoTime();
        int points = h.points();
        for (int k = point; k < points; k++) {
            double[] field = h.fieldAt(k);
            sim.enterStage(AppliedField.constant(field), t);
            Relaxer.Result res = sim.relax(t, h.torqueTolerance(), Relaxer.DEFAULT_MAX_ITERATIONS, null, stop);
            if (res.outcome() == Relaxer.Outcome.INTERRUPTED) {
                return false;
            }
            double[] row = sim.row(t, 0, stageIndex, k);
            table.row(row);
            lastRowTime = t;
            hysteresisTable.row(stageIndex, k, field[0], field[1], field[2], row[RunTable.MX], row[RunTable.MX + 1],
                    row[RunTable.MX + 2], row[RunTable.E_TOTAL], row[RunTable.MAX_TORQUE],
                    res.outcome() == Relaxer.Outcome.CONVERGED ? 1 : 0, res.iterations());
            if (h.frames() || k == points - 1) {
                frame(t);
            }
            point = k + 1;
            progress.point(point, points);
            if (k < points - 1 && (stop.getAsBoolean()
                    || System.nanoTime() - lastCheckpoint > out.checkpointInterval() * 1e9)) {
                frames.closeSegment();
                checkpoint(stageIndex, stageStart, t, Double.NaN, point, 0, sim.magnetisation());
                if (stop.getAsBoolean()) {
                    return false;
                }
            }
        }
        summary(String.format(Locale.ROOT, "hysteresis: %d field points in %.1f s; %s", points,
                (System.nanoTime() - wall) / 1e9, HysteresisLandmarks.describe(h, readHysteresis(stageIndex))));
        return true;
    }

    private List<double[]> readHysteresis(int stage) {
        List<double[]> rows = new ArrayList<>();
        for (double[] r : TableData.read(o.outDir().resolve("hysteresis.csv")).rows()) {
            if ((int) r[0] == stage) {
                rows.add(r);
            }
        }
        return rows;
    }

    private Simulation.Integration integration() {
        Scenario.Integrator i = s.integrator();
        return switch (i.method()) {
            case DORMAND_PRINCE -> new Simulation.Integration(ButcherTableau.DORMAND_PRINCE_54, i.tolerance(),
                    i.maxStep(), Double.NaN);
            case HEUN -> new Simulation.Integration(ButcherTableau.HEUN, Double.NaN, i.step(), i.step());
            case RK4 -> new Simulation.Integration(ButcherTableau.RK4, Double.NaN, i.step(), i.step());
        };
    }

    private void summary(String text) {
        summaries.add(text);
        progress.stageFinished(stageIndex, text);
    }

    // ---------------------------------------------------------------- outputs

    private void frame(double time) {
        if (time == lastFrameTime) {
            return;
        }
        Simulation.FrameFields f = sim.frameFields(time, recordDemag, recordEffective, recordEnergy);
        frames.add(time, stageIndex, sim.magnetisation(), f.demag(), f.effective(), f.energyDensity());
        lastFrameTime = time;
    }

    private void checkpoint(int stage, double start, double time, double next, int pt, long outs, VectorField m) {
        new Checkpoint(s.text(), stage, start, time, next, pt, table.rows(),
                hysteresisTable == null ? 0 : hysteresisTable.rows(), frames.durableFrames(), frames.nextSegment(), outs,
                m).write(o.outDir());
        lastCheckpoint = System.nanoTime();
    }

    private void prepareDirectory(Checkpoint cp, int domains) {
        Path dir = o.outDir();
        boolean hyst = s.stages().stream().anyMatch(st -> st instanceof Scenario.Hysteresis);
        FrameSegmentWriter.Contents contents = new FrameSegmentWriter.Contents(recordDemag, recordEffective,
                recordEnergy, out.float64());
        try {
            if (cp != null) {
                table = TableWriter.resume(dir.resolve(RunLayout.TABLE_FILE), TableWriter.HEADER, cp.tableRows());
                if (hyst) {
                    Path hp = dir.resolve("hysteresis.csv");
                    hysteresisTable = Files.exists(hp)
                            ? TableWriter.resume(hp, TableWriter.HYSTERESIS_HEADER, cp.hysteresisRows())
                            : TableWriter.create(hp, TableWriter.HYSTERESIS_HEADER);
                }
                for (Path p : segments(dir)) {
                    int index = Integer.parseInt(p.getFileName().toString().substring(8, 13));
                    if (index >= cp.segments()) {
                        Files.delete(p);
                    }
                }
                frames = new FrameSegmentWriter(dir, domains, contents, o.segmentBytes(), cp.segments(), cp.frames());
            } else {
                List<Path> old = new ArrayList<>();
                for (String f : new String[] {RunLayout.RUN_FILE, RunLayout.TABLE_FILE, RunLayout.CHECKPOINT_FILE,
                    "hysteresis.csv", "m.png", "energy.png", "hysteresis.png", RunLayout.SCENARIO_FILE}) {
                    if (Files.exists(dir.resolve(f))) {
                        old.add(dir.resolve(f));
                    }
                }
                old.addAll(segments(dir));
                if (!old.isEmpty() && !o.overwrite()) {
                    throw new SetupException(dir + " already holds a run (" + old.get(0).getFileName() + "); choose "
                            + "another directory with --out, replace it with --overwrite, or continue it with --resume");
                }
                for (Path p : old) {
                    Files.delete(p);
                }
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(RunLayout.SCENARIO_FILE), s.text(), StandardCharsets.UTF_8);
                table = new TableWriter(dir.resolve(RunLayout.TABLE_FILE));
                if (hyst) {
                    hysteresisTable = TableWriter.create(dir.resolve("hysteresis.csv"), TableWriter.HYSTERESIS_HEADER);
                }
                frames = new FrameSegmentWriter(dir, domains, contents, o.segmentBytes(), 0, 0);
            }
        } catch (IOException e) {
            throw new SetupException("cannot prepare " + dir + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new SetupException(e.getMessage());
        }
        RunFile.write(dir, meta, "running", null, null);
    }

    private static List<Path> segments(Path dir) throws IOException {
        Path frames = dir.resolve(RunLayout.FRAMES_DIR);
        if (!Files.isDirectory(frames)) {
            return List.of();
        }
        try (Stream<Path> st = Files.list(frames)) {
            return st.filter(p -> p.getFileName().toString().matches("segment-\\d{5}\\.h5")).sorted().toList();
        }
    }

    private RunFile.Metadata metadata(Magnet magnet, DemagField demag, WorkerPool pool) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("hypermag_version", o.version());
        a.put("created", Instant.now().toString());
        a.put("scenario_name", s.name());
        a.put("scenario_source", s.source());
        a.put("scenario_description", s.description());
        a.put("scenario_text", s.text());
        a.put("units", "SI: lengths m, fields A/m, energies J, energy densities J/m^3, times s; m is a unit vector");
        a.put("geometry", s.domains().summary());
        a.put("domains", magnet.size());
        a.put("demag_method", s.demag().method());
        a.put("demag_settings", demag == null ? "none" : demag.describe());
        a.put("integrator", integration().describe());
        a.put("threads", pool.threads());
        a.put("device", demag == null ? "cpu" : demag.device());
        if (s.domains().seed() != null) {
            a.put("geometry_seed", s.domains().seed());
        }
        if (s.initial() instanceof Scenario.RandomDirections r) {
            a.put("initial_seed", r.seed());
        }
        a.put("table_interval", out.tableInterval());
        a.put("frame_interval", out.frameInterval());
        return new RunFile.Metadata(a, magnet.prisms(), regions(magnet), magnet.grid(), magnet.gridCells(),
                s.materials());
    }

    private static int[] regions(Magnet magnet) {
        int[] r = new int[magnet.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = magnet.region(i);
        }
        return r;
    }

    private Result finish(Status status, String message) {
        Path dir = o.outDir();
        frames.close();
        table.close();
        if (hysteresisTable != null) {
            hysteresisTable.close();
        }
        // run.h5 repeats the table (jhdf writes datasets whole, from memory), up to a bound; table.csv has all rows
        TableData data = table.rows() <= MAX_TABLE_ROWS_IN_RUN_FILE ? TableData.read(dir.resolve(RunLayout.TABLE_FILE))
                : null;
        RunReader reader = RunReader.open(dir);
        int f = reader.frameCount();
        double[] time = new double[f];
        int[] stage = new int[f], segment = new int[f], index = new int[f];
        for (int k = 0; k < f; k++) {
            time[k] = reader.time(k);
            stage[k] = reader.stage(k);
            segment[k] = reader.segmentOf(k);
            index[k] = reader.indexInSegment(k);
        }
        RunFile.write(dir, meta, status.name().toLowerCase(Locale.ROOT), data,
                new RunFile.FrameIndex(time, stage, segment, index));
        List<Path> files = new ArrayList<>();
        files.add(dir.resolve(RunLayout.TABLE_FILE));
        files.add(dir.resolve(RunLayout.RUN_FILE));
        if (hysteresisTable != null) {
            files.add(dir.resolve("hysteresis.csv"));
        }
        try {
            if (data != null && !data.rows().isEmpty()) {
                TablePlots.magnetisation(data, "<m>(t), " + s.name(), dir.resolve("m.png"));
                TablePlots.energies(data, "energies, " + s.name(), dir.resolve("energy.png"));
                files.add(dir.resolve("m.png"));
                files.add(dir.resolve("energy.png"));
            }
            if (hysteresisTable != null) {
                TableData hd = TableData.read(dir.resolve("hysteresis.csv"));
                if (!hd.rows().isEmpty()) {
                    TablePlots.hysteresis(hd, "hysteresis, " + s.name(), dir.resolve("hysteresis.png"));
                    files.add(dir.resolve("hysteresis.png"));
                }
            }
        } catch (RuntimeException e) {
            // the data files are complete; a plot is a convenience ("hypermag plot DIR" redraws them)
            progress.note("plots not written (" + e + "); draw them later with: hypermag plot " + dir);
        }
        files.addAll(reader.segments());
        files.add(dir.resolve(RunLayout.CHECKPOINT_FILE));
        return new Result(status, message, dir, summaries, files, t);
    }
}
