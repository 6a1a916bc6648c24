package org.hypermag.output;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hypermag.solver.VectorField;

/**
 * Reads a run's output directory: the attributes and geometry of run.h5 and the frames of all segment files, joined
 * in order. Works on a run that is still going or was interrupted (it reads the segments present). Frames are
 * numbered from 0 in the order written; each knows its stage and (in a hysteresis stage) its field point.
 */
public final class RunReader {
    private final Path dir;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final double[][] centres;
    private final int[] regions;
    private final List<Path> segments = new ArrayList<>();
    private final List<double[]> times = new ArrayList<>();
    private final List<int[]> stages = new ArrayList<>();
    private final List<int[]> points = new ArrayList<>();
    private final List<int[]> where = new ArrayList<>();
    private final List<Segment> segmentInfo = new ArrayList<>();
    private final int[] gridCounts;
    private final double[] cellSize;
    private final double[] origin;
    private final int[] gridCells;
    private final double[][] sizes;

    /**
     * What one frame segment holds.
     *
     * @param frames its number of frames
     * @param datasets the per-domain datasets it has (m first; demag_field, effective_field, energy_density)
     * @param bytes bytes per stored number of m (4: float32, 8: float64)
     * @param energyColumns the columns of energy_density, or an empty list
     */
    public record Segment(int frames, List<String> datasets, int bytes, List<String> energyColumns) {
    }

    private RunReader(Path dir) {
        this.dir = dir;
        Path run = dir.resolve(RunLayout.RUN_FILE);
        if (!Files.isRegularFile(run)) {
            throw new IllegalArgumentException(run + ": not found; expected the output directory of a hypermag run");
        }
        try (HdfFile h = new HdfFile(run)) {
            for (Map.Entry<String, Attribute> e : h.getAttributes().entrySet()) {
                attributes.put(e.getKey(), e.getValue().getData());
            }
            if (!"hypermag-run".equals(attributes.get("format"))) {
                throw new IllegalArgumentException(run + ": not a hypermag run file");
            }
            centres = (double[][]) h.getDatasetByPath("geometry/centres").getData();
            regions = (int[]) h.getDatasetByPath("geometry/regions").getData();
            sizes = (double[][]) h.getDatasetByPath("geometry/sizes").getData();
            io.jhdf.api.Node g = h.getByPath("geometry");
            Map<String, Attribute> ga = g.getAttributes();
            if (ga.containsKey("cells")) {
                gridCounts = (int[]) ga.get("cells").getData();
                cellSize = (double[]) ga.get("cell_size").getData();
                origin = (double[]) ga.get("origin").getData();
                gridCells = (int[]) h.getDatasetByPath("geometry/grid_cells").getData();
            } else {
                gridCounts = null;
                cellSize = null;
                origin = null;
                gridCells = null;
            }
        }
        try {
            segments.addAll(RunLayout.segments(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int k = 0; k < segments.size(); k++) {
            try (HdfFile h = new HdfFile(segments.get(k))) {
                double[] t = (double[]) h.getDatasetByPath("time").getData();
                times.add(t);
                int[] st = (int[]) h.getDatasetByPath("stage").getData();
                stages.add(st);
                points.add(h.getChildren().containsKey("point") ? (int[]) h.getDatasetByPath("point").getData()
                        : filled(st.length, -1));
                for (int f = 0; f < t.length; f++) {
                    where.add(new int[] {k, f});
                }
                List<String> sets = new ArrayList<>();
                for (String name : List.of("m", "demag_field", "effective_field", "energy_density")) {
                    if (h.getChildren().containsKey(name)) {
                        sets.add(name);
                    }
                }
                Dataset md = h.getDatasetByPath("m");
                List<String> columns = List.of();
                if (sets.contains("energy_density")) {
                    Attribute c = h.getDatasetByPath("energy_density").getAttribute("columns");
                    Object v = c == null ? null : c.getData();
                    // an array of strings; runs written before 2026-12-05 joined them with commas
                    columns = v instanceof String[] a ? List.of(a) : v instanceof String j ? List.of(j.split(","))
                            : List.of();
                }
                segmentInfo.add(new Segment(t.length, List.copyOf(sets), md.getDataType().getSize(), columns));
            }
        }
    }

    /** @return the run's output directory */
    public Path dir() {
        return dir;
    }

    /** @return what each segment holds, in order */
    public List<Segment> segmentInfo() {
        return List.copyOf(segmentInfo);
    }

    /** @return domain side lengths, {@code [n][3]} (m) */
    public double[][] sizes() {
        return sizes;
    }

    /** @return {nx, ny, nz} of the grid the domains are cells of, or null when they are not on a grid */
    public int[] gridCounts() {
        return gridCounts == null ? null : gridCounts.clone();
    }

    /** @return the grid's cell size (m), or null */
    public double[] cellSize() {
        return cellSize == null ? null : cellSize.clone();
    }

    /** @return the grid's lower corner (m), or null */
    public double[] origin() {
        return origin == null ? null : origin.clone();
    }

    /** @return the grid cell i + nx (j + ny k) of each domain, or null when not on a grid */
    public int[] gridCells() {
        return gridCells == null ? null : gridCells.clone();
    }

    /** @return whether the domains are every cell of the grid, in order (frames reshape to nz × ny × nx × 3) */
    public boolean fullGrid() {
        if (gridCells == null || gridCells.length != gridCounts[0] * gridCounts[1] * gridCounts[2]) {
            return false;
        }
        for (int i = 0; i < gridCells.length; i++) {
            if (gridCells[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param dir a run's output directory
     * @return the reader
     * @throws IllegalArgumentException if the directory holds no hypermag run
     */
    public static RunReader open(Path dir) {
        return new RunReader(dir);
    }

    /** @return root attributes of run.h5 */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** @return number of domains */
    public int domains() {
        return centres.length;
    }

    /** @return domain centres (m), N × 3 */
    public double[][] centres() {
        return centres;
    }

    /** @return regions per domain */
    public int[] regions() {
        return regions;
    }

    /** @return segment files in order */
    public List<Path> segments() {
        return segments;
    }

    /** @return number of frames in all segments */
    public int frameCount() {
        return where.size();
    }

    /**
     * @param k frame index
     * @return its time (s)
     */
    public double time(int k) {
        int[] w = where.get(k);
        return times.get(w[0])[w[1]];
    }

    /**
     * @param k frame index
     * @return the stage index it belongs to
     */
    public int stage(int k) {
        int[] w = where.get(k);
        return stages.get(w[0])[w[1]];
    }

    /**
     * @param k frame index
     * @return the hysteresis field point it belongs to, or −1 outside hysteresis stages
     */
    public int point(int k) {
        int[] w = where.get(k);
        return points.get(w[0])[w[1]];
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /**
     * @param k frame index
     * @return the index of the segment file holding it
     */
    public int segmentOf(int k) {
        return where.get(k)[0];
    }

    /**
     * @param k frame index
     * @return its index inside its segment
     */
    public int indexInSegment(int k) {
        return where.get(k)[1];
    }

    /**
     * Reads one frame of a per-domain vector dataset.
     *
     * @param k frame index (negative counts from the end: −1 is the last)
     * @param dataset m, demag_field or effective_field
     * @return the vectors
     */
    public VectorField vectors(int k, String dataset) {
        if (k < 0) {
            k += frameCount();
        }
        if (k < 0 || k >= frameCount()) {
            throw new IllegalArgumentException("frame " + k + " does not exist; the run in " + dir + " has "
                    + frameCount() + " frames");
        }
        int[] w = where.get(k);
        try (HdfFile h = new HdfFile(segments.get(w[0]))) {
            Dataset d = h.getDatasetByPath(dataset);
            Object data = d.getData(new long[] {w[1], 0, 0}, new int[] {1, centres.length, 3});
            VectorField v = new VectorField(centres.length);
            if (data instanceof float[][][] f) {
                for (int i = 0; i < v.size(); i++) {
                    v.set(i, f[0][i][0], f[0][i][1], f[0][i][2]);
                }
            } else {
                double[][][] a = (double[][][]) data;
                for (int i = 0; i < v.size(); i++) {
                    v.set(i, a[0][i][0], a[0][i][1], a[0][i][2]);
                }
            }
            return v;
        }
    }

    /**
     * @param k frame index (negative from the end)
     * @return the unit magnetisation of that frame
     */
    public VectorField magnetisation(int k) {
        return vectors(k, "m");
    }
}
