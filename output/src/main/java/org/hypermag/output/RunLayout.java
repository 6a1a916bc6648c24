package org.hypermag.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * File names inside a run's output directory (documented in docs/output.md).
 *
 * <ul>
 *   <li>{@code table.csv}: the table, one row per table interval, flushed row by row;</li>
 *   <li>{@code run.h5}: geometry, materials, attributes, and (once the run ends) the table and the frame index;</li>
 *   <li>{@code frames/segment-NNNNN.h5}: the frames, in segments of bounded size, each written completely when it is
 *   closed;</li>
 *   <li>{@code hysteresis.csv}: one row per hysteresis field point; {@code relax.csv}: the relaxations' progress;</li>
 *   <li>{@code checkpoint.h5}: the state to resume from, consistent with the closed segments and the table;</li>
 *   <li>{@code scenario.yaml}: a copy of the scenario file the run was started with.</li>
 * </ul>
 */
public final class RunLayout {
    /** Layout version written into every file as the attribute {@code format_version}. */
    public static final int FORMAT_VERSION = 5;
    /** Run file name. */
    public static final String RUN_FILE = "run.h5";
    /** Table file name. */
    public static final String TABLE_FILE = "table.csv";
    /** Checkpoint file name. */
    public static final String CHECKPOINT_FILE = "checkpoint.h5";
    /** Copy of the scenario. */
    public static final String SCENARIO_FILE = "scenario.yaml";
    /** Hysteresis table file name. */
    public static final String HYSTERESIS_FILE = "hysteresis.csv";
    /** Relaxation log file name. */
    public static final String RELAX_FILE = "relax.csv";
    /** Directory of the frame segments. */
    public static final String FRAMES_DIR = "frames";
    private static final String SEGMENT_NAME = "segment-\\d{5}\\.h5";

    private RunLayout() {
    }

    /**
     * @param dir run directory
     * @param segment segment index
     * @return the segment file
     */
    public static Path segment(Path dir, int segment) {
        return dir.resolve(FRAMES_DIR).resolve(String.format(Locale.ROOT, "segment-%05d.h5", segment));
    }

    /**
     * @param file a segment file ({@link #segment})
     * @return its index
     */
    public static int segmentIndex(Path file) {
        return Integer.parseInt(file.getFileName().toString().substring(8, 13));
    }

    /**
     * @param dir a run directory
     * @return its frame segment files, in order
     * @throws IOException if the directory cannot be listed
     */
    public static List<Path> segments(Path dir) throws IOException {
        Path frames = dir.resolve(FRAMES_DIR);
        if (!Files.isDirectory(frames)) {
            return List.of();
        }
        try (Stream<Path> st = Files.list(frames)) {
            return st.filter(p -> p.getFileName().toString().matches(SEGMENT_NAME)).sorted().toList();
        }
    }
}
