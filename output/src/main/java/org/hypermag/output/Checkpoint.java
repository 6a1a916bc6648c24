package org.hypermag.output;

import io.jhdf.HdfFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.hypermag.solver.VectorField;

/**
 * The state a run resumes from ({@code checkpoint.h5}), written atomically whenever the frames on disk, the tables
 * and the state agree: at a table row in a run stage, after a hysteresis point, or at a stage boundary.
 *
 * <p>It carries a CRC-32C checksum of everything it holds and the checksum of every frame segment written so far, so
 * that {@code --resume} can tell a damaged checkpoint or segment from a good one before continuing
 * ({@link RunIntegrity}). The scenario text and the stage summaries are datasets, not attributes (attributes hold
 * only bounded values).
 *
 * @param scenarioText the scenario text the run was started with (resume refuses a different one)
 * @param stage index of the stage to continue
 * @param stageStart time at which that stage started (s)
 * @param time current time (s)
 * @param nextStep the integrator's proposed next step (s), NaN if none yet
 * @param stepMemory the step controller's memory with it (the last accepted step's error estimate, rad), NaN if none
 *     (attribute {@code step_memory}; checkpoints written before it existed read as NaN)
 * @param point next hysteresis point, or 0
 * @param tableRows rows of table.csv that belong to the checkpoint (later rows are dropped on resume)
 * @param hysteresisRows rows of hysteresis.csv that belong to it
 * @param relaxRows rows of relax.csv that belong to it
 * @param frames frames on disk
 * @param segments segment files on disk
 * @param segmentChecksums CRC-32C of each segment file on disk, in order
 * @param outputs run-stage outputs (table rows) done in the current stage
 * @param stageCounts {accepted steps, rejected steps, evaluations of dm/dt} of the current run stage so far (the
 *     table's {@code steps}, {@code rejected}, {@code evaluations}; zeros outside a run stage)
 * @param stageConverged per completed stage: 1 converged, 0 not (a relaxation or some hysteresis point stopped
 *     above its torque tolerance), −1 not applicable (run stages)
 * @param stageSummaries per completed stage: its one-line summary
 * @param thermalSeed the seed of the thermal field's random numbers (0 at 0 K)
 * @param thermalDraws the number of thermal fields drawn so far: with the seed, where the random numbers go on
 * @param m the magnetisation
 */
public record Checkpoint(String scenarioText, int stage, double stageStart, double time, double nextStep,
                         double stepMemory, int point,
                         long tableRows, long hysteresisRows, long relaxRows, int frames, int segments,
                         long[] segmentChecksums, long outputs, long[] stageCounts, int[] stageConverged,
                         List<String> stageSummaries,
                         long thermalSeed, long thermalDraws, VectorField m) {

    /** Domains per update of the checksum's CRC over m. */
    private static final int CHECKSUM_BLOCK = 1024;

    /** Copies the arrays. */
    public Checkpoint {
        segmentChecksums = segmentChecksums.clone();
        if (stageCounts.length != 3) {
            throw new IllegalArgumentException("stage counts: expected 3 values, got " + stageCounts.length);
        }
        stageCounts = stageCounts.clone();
        stageConverged = stageConverged.clone();
        stageSummaries = List.copyOf(stageSummaries);
    }

    /**
     * Writes the checkpoint into a run directory (atomically).
     *
     * @param dir run directory
     */
    public void write(Path dir) {
        // component by component (3 × N): jhdf writes a multi-dimensional array one innermost row per system call,
        // so N × 3 took N calls (0.9 s for 2^20 domains) where 3 × N takes three
        double[][] v = {m.x, m.y, m.z};
        long checksum = checksum();
        Hdf5Files.writeAtomically(dir.resolve(RunLayout.CHECKPOINT_FILE), h -> {
            h.putAttribute("format", "hypermag-checkpoint");
            h.putAttribute("format_version", RunLayout.FORMAT_VERSION);
            h.putAttribute("stage", stage);
            h.putAttribute("stage_start", stageStart);
            h.putAttribute("time", time);
            h.putAttribute("next_step", nextStep);
            h.putAttribute("step_memory", stepMemory);
            h.putAttribute("point", point);
            h.putAttribute("table_rows", tableRows);
            h.putAttribute("hysteresis_rows", hysteresisRows);
            h.putAttribute("relax_rows", relaxRows);
            h.putAttribute("frames", frames);
            h.putAttribute("segments", segments);
            h.putAttribute("outputs", outputs);
            h.putAttribute("stage_steps", stageCounts[0]);
            h.putAttribute("stage_rejected", stageCounts[1]);
            h.putAttribute("stage_evaluations", stageCounts[2]);
            h.putAttribute("thermal_seed", thermalSeed);
            h.putAttribute("thermal_draws", thermalDraws);
            h.putAttribute("checksum", checksum);
            h.putDataset("scenario_text", new String[] {scenarioText});
            h.putDataset("segment_checksums", segmentChecksums.length == 0 ? new long[] {0} : segmentChecksums);
            h.putDataset("stage_converged", stageConverged.length == 0 ? new int[] {-2} : stageConverged);
            h.putDataset("stage_summaries", stageSummaries.isEmpty() ? new String[] {""}
                    : stageSummaries.toArray(new String[0]));
            h.putDataset("m", v);
        });
    }

    /**
     * Reads and verifies the checkpoint of a run directory.
     *
     * @param dir run directory
     * @return the checkpoint
     * @throws IllegalArgumentException if there is none, it is not a hypermag checkpoint, it cannot be read, or its
     *     checksum does not match (damaged); the message says which
     */
    public static Checkpoint read(Path dir) {
        Path f = dir.resolve(RunLayout.CHECKPOINT_FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(f + ": not found; expected a run directory with a checkpoint");
        }
        Checkpoint cp;
        long stored;
        try (HdfFile h = new HdfFile(f)) {
            if (!"hypermag-checkpoint".equals(h.getAttribute("format").getData())) {
                throw new IllegalArgumentException(f + ": not a hypermag checkpoint");
            }
            int version = ((Number) h.getAttribute("format_version").getData()).intValue();
            if (version != RunLayout.FORMAT_VERSION) {
                throw new IllegalArgumentException(f + ": written by a hypermag with layout version " + version
                        + "; this one resumes version " + RunLayout.FORMAT_VERSION + " only");
            }
            double[][] v = (double[][]) h.getDatasetByPath("m").getData();
            if (v.length != 3 || v[1].length != v[0].length || v[2].length != v[0].length) {
                throw new IllegalArgumentException(f + " is damaged: its magnetisation is not 3 x N");
            }
            VectorField m = new VectorField(v[0].length);
            System.arraycopy(v[0], 0, m.x, 0, v[0].length);
            System.arraycopy(v[1], 0, m.y, 0, v[0].length);
            System.arraycopy(v[2], 0, m.z, 0, v[0].length);
            int segments = intAttr(h, "segments");
            long[] sums = (long[]) h.getDatasetByPath("segment_checksums").getData();
            int[] conv = (int[]) h.getDatasetByPath("stage_converged").getData();
            String[] summaries = (String[]) h.getDatasetByPath("stage_summaries").getData();
            boolean noStages = conv.length == 1 && conv[0] == -2;
            cp = new Checkpoint(((String[]) h.getDatasetByPath("scenario_text").getData())[0], intAttr(h, "stage"),
                    dbl(h, "stage_start"), dbl(h, "time"), dbl(h, "next_step"), h.getAttributes().containsKey(
                    "step_memory") ? dbl(h, "step_memory") : Double.NaN, intAttr(h, "point"),
                    longAttr(h, "table_rows"), longAttr(h, "hysteresis_rows"), longAttr(h, "relax_rows"),
                    intAttr(h, "frames"), segments, segments == 0 ? new long[0] : sums, longAttr(h, "outputs"),
                    new long[] {longAttr(h, "stage_steps"), longAttr(h, "stage_rejected"),
                        longAttr(h, "stage_evaluations")},
                    noStages ? new int[0] : conv, noStages ? List.of() : List.of(summaries),
                    longAttr(h, "thermal_seed"), longAttr(h, "thermal_draws"), m);
            stored = longAttr(h, "checksum");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(f + " cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): it is damaged");
        }
        if (cp.checksum() != stored) {
            throw new IllegalArgumentException(f + " is damaged: its checksum does not match its contents");
        }
        if (cp.segmentChecksums.length != cp.segments || cp.stageConverged.length != cp.stageSummaries.size()) {
            throw new IllegalArgumentException(f + " is damaged: its segment or stage records are inconsistent");
        }
        return cp;
    }

    /** @return CRC-32C of every value the checkpoint holds */
    long checksum() {
        CRC32C c = new CRC32C();
        ByteBuffer b = ByteBuffer.allocate(8 * 21);
        b.putInt(stage).putDouble(stageStart).putDouble(time).putDouble(nextStep).putInt(point).putLong(tableRows)
                .putLong(hysteresisRows).putLong(relaxRows).putInt(frames).putInt(segments).putLong(outputs)
                .putLong(stageCounts[0]).putLong(stageCounts[1]).putLong(stageCounts[2])
                .putLong(thermalSeed).putLong(thermalDraws);
        b.flip();
        c.update(b);
        if (!Double.isNaN(stepMemory)) {
            // (absent from checkpoints written before the controller had a memory: their checksums stay valid)
            c.update(ByteBuffer.allocate(8).putDouble(stepMemory).flip());
        }
        c.update(scenarioText.getBytes(StandardCharsets.UTF_8));
        ByteBuffer w = ByteBuffer.allocate(8);
        for (long s : segmentChecksums) {
            w.clear();
            c.update(w.putLong(s).flip());
        }
        for (int s : stageConverged) {
            w.clear();
            c.update(w.putLong(s).flip());
        }
        for (String s : stageSummaries) {
            c.update(s.getBytes(StandardCharsets.UTF_8));
        }
        // m_x, m_y, m_z of each domain in turn, a block of domains per update (the same bytes as one at a time)
        ByteBuffer block = ByteBuffer.allocate(24 * CHECKSUM_BLOCK);
        for (int i0 = 0; i0 < m.size(); i0 += CHECKSUM_BLOCK) {
            block.clear();
            for (int i = i0; i < Math.min(m.size(), i0 + CHECKSUM_BLOCK); i++) {
                block.putDouble(m.x[i]).putDouble(m.y[i]).putDouble(m.z[i]);
            }
            c.update(block.flip());
        }
        return c.getValue();
    }

    private static int intAttr(HdfFile h, String name) {
        return ((Number) h.getAttribute(name).getData()).intValue();
    }

    private static long longAttr(HdfFile h, String name) {
        return ((Number) h.getAttribute(name).getData()).longValue();
    }

    private static double dbl(HdfFile h, String name) {
        return ((Number) h.getAttribute(name).getData()).doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.checksum() == checksum() && Arrays.equals(c.segmentChecksums,
                segmentChecksums);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(checksum());
    }
}
