package org.hypermag.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.VectorField;

/**
 * The files a run writes into its directory ({@link RunLayout}), opened for a new run or to continue one: the run
 * table, the hysteresis table, the relaxation log, the frame segments, the checkpoint and the copy of the scenario.
 * The caller holds the directory's {@link RunLock} for as long as these are open.
 *
 * <p>A new run refuses a directory that holds another run unless asked to overwrite it, and says what is there; a
 * resumed run is checked first ({@link RunIntegrity}) and its tables and segments are cut back to its checkpoint.
 */
public final class RunOutputs implements AutoCloseable {

    /**
     * What a run writes.
     *
     * @param dir the run directory
     * @param scenarioText the scenario's text (copied to scenario.yaml, kept in checkpoints)
     * @param domains the number of domains
     * @param hysteresis whether the run has hysteresis stages (hysteresis.csv)
     * @param contents what frames hold
     * @param segmentBytes memory budget of a frame segment (bytes)
     */
    public record Spec(Path dir, String scenarioText, int domains, boolean hysteresis,
                       FrameSegmentWriter.Contents contents, long segmentBytes) {
    }

    /**
     * Where a run stands, as a checkpoint records it.
     *
     * @param stage the stage to continue
     * @param stageStart its start time (s)
     * @param time the time reached (s)
     * @param nextStep the integrator's proposed next step (s), NaN if none
     * @param stepMemory the step controller's memory (the last accepted step's error estimate, rad), NaN if none
     * @param point the next hysteresis point
     * @param outputs table rows written in a run stage
     * @param stageCounts {accepted steps, rejected steps, evaluations} of the current run stage so far
     * @param stageConverged per completed stage: 1, 0 or −1
     * @param stageSummaries per completed stage: its summary
     * @param thermalSeed the seed of the thermal field's random numbers (0 in a run at 0 K)
     * @param thermalDraws the number of thermal fields drawn up to this position
     */
    public record Position(int stage, double stageStart, double time, double nextStep, double stepMemory, int point,
                           long outputs, long[] stageCounts,
                           int[] stageConverged, List<String> stageSummaries, long thermalSeed, long thermalDraws) {
    }

    /** The directory cannot be used; the message says why and what to do. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private static final String[] RUN_FILES = {RunLayout.RUN_FILE, RunLayout.TABLE_FILE, RunLayout.CHECKPOINT_FILE,
        RunLayout.HYSTERESIS_FILE, RunLayout.RELAX_FILE, "m.png", "energy.png", "hysteresis.png", "relax.png",
        RunLayout.SCENARIO_FILE};

    private final Spec spec;
    private final TableWriter table;
    private final TableWriter hysteresis;
    private final TableWriter relaxLog;
    private final FrameSegmentWriter frames;

    private RunOutputs(Spec spec, TableWriter table, TableWriter hysteresis, TableWriter relaxLog,
                       FrameSegmentWriter frames) {
        this.spec = spec;
        this.table = table;
        this.hysteresis = hysteresis;
        this.relaxLog = relaxLog;
        this.frames = frames;
    }

    /**
     * Opens a new run's files, removing an earlier run's when asked to.
     *
     * @param spec what the run writes
     * @param overwrite whether to replace an earlier run in the directory
     * @return the outputs
     * @throws RefusedException if the directory holds another run and overwrite is false
     * @throws UncheckedIOException if the files cannot be written (the message says why: permission denied, ...)
     */
    public static RunOutputs create(Spec spec, boolean overwrite) {
        Path dir = spec.dir();
        try {
            List<Path> old = new ArrayList<>();
            for (String f : RUN_FILES) {
                if (Files.exists(dir.resolve(f))) {
                    old.add(dir.resolve(f));
                }
            }
            old.addAll(RunLayout.segments(dir));
            if (!old.isEmpty() && !overwrite) {
                boolean resumable = Files.exists(dir.resolve(RunLayout.CHECKPOINT_FILE));
                throw new RefusedException(dir + " already holds a run (" + old.get(0).getFileName() + "); "
                        + (resumable ? "continue it with --resume, replace it with --overwrite, or choose another "
                        + "directory with --out" : "it has no checkpoint, so it cannot be continued: replace it "
                        + "with --overwrite, or choose another directory with --out"));
            }
            for (Path p : old) {
                Files.delete(p);
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(RunLayout.SCENARIO_FILE), spec.scenarioText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + RunLock.describe(e), e);
        }
        return new RunOutputs(spec, new TableWriter(dir.resolve(RunLayout.TABLE_FILE)),
                spec.hysteresis() ? TableWriter.create(dir.resolve(RunLayout.HYSTERESIS_FILE),
                        TableWriter.HYSTERESIS_HEADER) : null,
                TableWriter.create(dir.resolve(RunLayout.RELAX_FILE), RunPlots.RELAX_HEADER),
                new FrameSegmentWriter(dir, spec.domains(), spec.contents(), spec.segmentBytes(), 0, 0,
                        new long[0]));
    }

    /**
     * Reopens a run's files at its checkpoint: later table rows and frame segments are removed.
     *
     * @param spec what the run writes
     * @param cp the checkpoint (read and verified, and the directory checked with {@link RunIntegrity})
     * @return the outputs
     * @throws RefusedException if a table does not hold the rows the checkpoint names
     */
    public static RunOutputs resume(Spec spec, Checkpoint cp) {
        Path dir = spec.dir();
        try {
            TableWriter table = TableWriter.resume(dir.resolve(RunLayout.TABLE_FILE), TableWriter.HEADER,
                    cp.tableRows());
            TableWriter hyst = spec.hysteresis() ? resumeOrCreate(dir.resolve(RunLayout.HYSTERESIS_FILE),
                    TableWriter.HYSTERESIS_HEADER, cp.hysteresisRows()) : null;
            TableWriter relax = resumeOrCreate(dir.resolve(RunLayout.RELAX_FILE), RunPlots.RELAX_HEADER,
                    cp.relaxRows());
            for (Path p : RunLayout.segments(dir)) {
                if (RunLayout.segmentIndex(p) >= cp.segments()) {
                    Files.delete(p);
                }
            }
            return new RunOutputs(spec, table, hyst, relax, new FrameSegmentWriter(dir, spec.domains(),
                    spec.contents(), spec.segmentBytes(), cp.segments(), cp.frames(), cp.segmentChecksums()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot continue the run in " + dir + ": " + RunLock.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new RefusedException(e.getMessage() + "; the directory cannot be continued: start the run "
                    + "again with --overwrite");
        }
    }

    /** A table that a run written before its checkpoint may lack (a stage kind it had not reached). */
    private static TableWriter resumeOrCreate(Path file, String header, long rows) {
        return Files.exists(file) ? TableWriter.resume(file, header, rows) : TableWriter.create(file, header);
    }

    /** @return the run table */
    public TableWriter table() {
        return table;
    }

    /** @return the hysteresis table, or null without hysteresis stages */
    public TableWriter hysteresis() {
        return hysteresis;
    }

    /** @return the relaxation log (relax.csv) */
    public TableWriter relaxLog() {
        return relaxLog;
    }

    /** @return the frame segments */
    public FrameSegmentWriter frames() {
        return frames;
    }

    /**
     * Writes the open frame segment, then a checkpoint consistent with everything on disk.
     *
     * @param p where the run stands
     * @param m the magnetisation at that position
     */
    public void checkpoint(Position p, VectorField m) {
        frames.closeSegment();
        new Checkpoint(spec.scenarioText(), p.stage(), p.stageStart(), p.time(), p.nextStep(), p.stepMemory(), p.point(),
                table.rows(), hysteresis == null ? 0 : hysteresis.rows(), relaxLog.rows(), frames.durableFrames(),
                frames.nextSegment(), frames.checksums(), p.outputs(), p.stageCounts(), p.stageConverged(),
                p.stageSummaries(),
                p.thermalSeed(), p.thermalDraws(), m)
                .write(spec.dir());
    }

    /** Writes the open frame segment and closes the tables. */
    @Override
    public void close() {
        try {
            frames.close();
        } finally {
            table.close();
            relaxLog.close();
            if (hysteresis != null) {
                hysteresis.close();
            }
        }
    }
}
