package org.hypermag.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plots that mean something for a run's stages, drawn from its files: ⟨m⟩(t) ({@code m.png}) and the energies
 * against t ({@code energy.png}) when run stages advanced time; the relaxation's energy and largest torque against
 * iteration ({@code relax.png}) when there were relax stages; the loop ({@code hysteresis.png}) for hysteresis
 * stages; a colour image of m_z of the last frame ({@code mz.png}, {@link FrameImage}) for a single layer of cells,
 * and m at the end of every stage ({@code snapshot-stageK.png}, hue and lightness as mumax3's snapshots) for grids.
 * Used at the end of every run and by {@code hypermag plot}.
 */
public final class RunPlots {
    /** The relaxation log's header. */
    public static final String RELAX_HEADER = "stage,iteration,E_total,max_torque";

    /** The most stages a run draws an end-of-stage snapshot for. */
    public static final int MAX_SNAPSHOTS = 100;

    private RunPlots() {
    }

    /**
     * Draws the plots of a run directory.
     *
     * @param dir the run directory
     * @param name the run's name, for titles
     * @return the PNG files written
     * @throws IllegalArgumentException if a file is not a hypermag table
     */
    public static List<Path> draw(Path dir, String name) {
        List<Path> out = new ArrayList<>();
        Path table = dir.resolve(RunLayout.TABLE_FILE);
        if (Files.isRegularFile(table)) {
            TableData data = TableData.read(table);
            if (spansTime(data)) {
                TablePlots.magnetisation(data, "<m>(t), " + name, dir.resolve("m.png"));
                TablePlots.energies(data, "energies, " + name, dir.resolve("energy.png"));
                out.add(dir.resolve("m.png"));
                out.add(dir.resolve("energy.png"));
            }
        }
        Path relax = dir.resolve(RunLayout.RELAX_FILE);
        if (Files.isRegularFile(relax)) {
            TableData data = TableData.read(relax);
            if (!data.rows().isEmpty()) {
                TablePlots.relaxation(data, "relaxation, " + name, dir.resolve("relax.png"));
                out.add(dir.resolve("relax.png"));
            }
        }
        Path hyst = dir.resolve(RunLayout.HYSTERESIS_FILE);
        if (Files.isRegularFile(hyst)) {
            TableData data = TableData.read(hyst);
            if (!data.rows().isEmpty()) {
                TablePlots.hysteresis(data, "hysteresis, " + name, dir.resolve("hysteresis.png"));
                out.add(dir.resolve("hysteresis.png"));
            }
        }
        if (Files.isRegularFile(dir.resolve(RunLayout.RUN_FILE))) {
            RunReader run = RunReader.open(dir);
            if (FrameImage.mz(run, "mz of the last frame, " + name, dir.resolve("mz.png"))) {
                out.add(dir.resolve("mz.png"));
            }
            // m at the end of each stage (the stage's last frame), up to MAX_SNAPSHOTS stages
            int stages = 0;
            for (int k = 0; k < run.frameCount() && stages < MAX_SNAPSHOTS; k++) {
                if (k == run.frameCount() - 1 || run.stage(k + 1) != run.stage(k)) {
                    Path png = dir.resolve("snapshot-stage" + run.stage(k) + ".png");
                    if (!FrameImage.snapshot(run, k, "m at the end of stage " + run.stage(k) + ", " + name, png)) {
                        break;
                    }
                    out.add(png);
                    stages++;
                }
            }
        }
        return out;
    }

    /** Whether the table's times span an interval (a run stage advanced time), so plots against t mean something. */
    private static boolean spansTime(TableData data) {
        if (data.rows().size() < 2) {
            return false;
        }
        double[] t = data.column("t");
        double lo = t[0], hi = t[0];
        for (double x : t) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi > lo;
    }
}
