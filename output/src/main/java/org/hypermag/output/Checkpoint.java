package org.hypermag.output;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hypermag.solver.VectorField;

/**
 * The state a run resumes from ({@code checkpoint.h5}), written atomically whenever the frames on disk, the table and
 * the state agree: at a table row in a run stage, after a hysteresis point, or at a stage boundary.
 *
 * @param scenarioText the scenario text the run was started with (resume refuses a different one)
 * @param stage index of the stage to continue
 * @param stageStart time at which that stage started (s)
 * @param time current time (s)
 * @param nextStep the integrator's proposed next step (s), NaN if none yet
 * @param point next hysteresis point, or 0
 * @param tableRows rows of table.csv that belong to the checkpoint (later rows are dropped on resume)
 * @param hysteresisRows rows of hysteresis.csv that belong to it
 * @param frames frames on disk
 * @param segments segment files on disk
 * @param outputs run-stage outputs (table rows) done in the current stage
 * @param m the magnetisation
 */
public record Checkpoint(String scenarioText, int stage, double stageStart, double time, double nextStep, int point,
                         long tableRows, long hysteresisRows, int frames, int segments, long outputs, VectorField m) {

    /**
     * Writes the checkpoint into a run directory.
     *
     * @param dir run directory
     */
    public void write(Path dir) {
        int n = m.size();
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            v[i] = new double[] {m.x[i], m.y[i], m.z[i]};
        }
        Hdf5Files.writeAtomically(dir.resolve(RunLayout.CHECKPOINT_FILE), h -> {
            h.putAttribute("format", "hypermag-checkpoint");
            h.putAttribute("format_version", RunLayout.FORMAT_VERSION);
            h.putAttribute("scenario_text", scenarioText);
            h.putAttribute("stage", stage);
            h.putAttribute("stage_start", stageStart);
            h.putAttribute("time", time);
            h.putAttribute("next_step", nextStep);
            h.putAttribute("point", point);
            h.putAttribute("table_rows", tableRows);
            h.putAttribute("hysteresis_rows", hysteresisRows);
            h.putAttribute("frames", frames);
            h.putAttribute("segments", segments);
            h.putAttribute("outputs", outputs);
            h.putDataset("m", v);
        });
    }

    /**
     * @param dir run directory
     * @return the checkpoint
     * @throws IllegalArgumentException if there is none or it is not a hypermag checkpoint
     */
    public static Checkpoint read(Path dir) {
        Path f = dir.resolve(RunLayout.CHECKPOINT_FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(f + ": not found; expected a run directory with a checkpoint");
        }
        try (HdfFile h = new HdfFile(f)) {
            if (!"hypermag-checkpoint".equals(h.getAttribute("format").getData())) {
                throw new IllegalArgumentException(f + ": not a hypermag checkpoint");
            }
            double[][] v = (double[][]) h.getDatasetByPath("m").getData();
            VectorField m = new VectorField(v.length);
            for (int i = 0; i < v.length; i++) {
                m.set(i, v[i][0], v[i][1], v[i][2]);
            }
            return new Checkpoint((String) h.getAttribute("scenario_text").getData(), intAttr(h, "stage"),
                    dbl(h, "stage_start"), dbl(h, "time"), dbl(h, "next_step"), intAttr(h, "point"),
                    longAttr(h, "table_rows"), longAttr(h, "hysteresis_rows"), intAttr(h, "frames"),
                    intAttr(h, "segments"), longAttr(h, "outputs"), m);
        }
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
}
