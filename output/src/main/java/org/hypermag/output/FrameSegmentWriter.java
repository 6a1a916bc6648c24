package org.hypermag.output;

import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;

/**
 * Writes the frames of a run into segment files {@code frames/segment-NNNNN.h5} (see {@link RunLayout}).
 *
 * <p>jhdf cannot append to a file and writes nothing before it is closed, so frames are held in memory until their
 * segment is closed: when it holds {@link #framesPerSegment()} frames (a byte budget, default 64 MiB), when
 * {@link #closeSegment()} is called (checkpoints, stage ends, Ctrl-C, errors), and on {@link #close()}. Each segment
 * is written to a temporary name and moved into place, so a segment file on disk is always complete. Memory is
 * bounded by one segment.
 *
 * <p>A frame is identified by its stage and its index in the run (never by its time: two stages may end at the same
 * time). Segment contents: {@code /time} (F, s), {@code /stage} (F, stage index), {@code /point} (F, the field point
 * of a hysteresis stage, −1 elsewhere), {@code /m} (F × N × 3, unit
 * magnetisation), optionally {@code /demag_field} and {@code /effective_field} (F × N × 3, A/m) and
 * {@code /energy_density} (F × N × E, one column per energy column of
 * {@link org.hypermag.solver.Physics#energyColumns()}, named in its attribute {@code columns}; J/m³); attributes
 * {@code format},
 * {@code format_version}, {@code first_frame}, {@code frame_count}, {@code precision}.
 */
public final class FrameSegmentWriter implements AutoCloseable {
    /** Default memory budget of one segment's data (bytes). */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

    /** What each frame holds besides m. */
    public record Contents(boolean demagField, boolean effectiveField, boolean energyDensity, boolean float64) {
    }

    private final Path dir;
    private final int domains;
    private final Contents contents;
    private final int framesPerSegment;
    private final List<Frame> pending = new ArrayList<>();
    private final int energyColumns = Physics.energyColumns().size();
    private int segment;
    private int firstFrameOfSegment;
    private int durableFrames;

    private final List<Long> checksums = new ArrayList<>();

    private record Frame(double time, int stage, int point, Object m, Object demag, Object effective, Object energy) {
    }

    /**
     * @param dir run directory
     * @param domains number of domains N
     * @param contents fields per frame
     * @param segmentBytes memory budget of a segment's data
     * @param firstSegment index of the first segment to write (non-zero when resuming)
     * @param firstFrame index of the first frame to write (non-zero when resuming)
     * @param checksums CRC-32C of the segments already on disk (firstSegment of them)
     */
    public FrameSegmentWriter(Path dir, int domains, Contents contents, long segmentBytes, int firstSegment,
                              int firstFrame, long[] checksums) {
        this.dir = dir;
        this.domains = domains;
        this.contents = contents;
        long perFrame = (long) domains * 3 * (contents.float64 ? 8 : 4)
                * (1 + (contents.demagField ? 1 : 0) + (contents.effectiveField ? 1 : 0))
                + (contents.energyDensity ? (long) domains * Physics.energyColumns().size() * (contents.float64 ? 8 : 4)
                : 0);
        this.framesPerSegment = (int) Math.max(1, Math.min(10_000, segmentBytes / Math.max(1, perFrame)));
        this.segment = firstSegment;
        this.firstFrameOfSegment = firstFrame;
        this.durableFrames = firstFrame;
        if (checksums.length != firstSegment) {
            throw new IllegalArgumentException(firstSegment + " segments on disk but " + checksums.length
                    + " checksums");
        }
        for (long c : checksums) {
            this.checksums.add(c);
        }
    }

    /** @return CRC-32C of each segment file written (and of those on disk before a resume), in order */
    public long[] checksums() {
        long[] c = new long[checksums.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = checksums.get(k);
        }
        return c;
    }

    /** @return frames per segment under the byte budget */
    public int framesPerSegment() {
        return framesPerSegment;
    }

    /** @return frames on disk (in closed segments) */
    public int durableFrames() {
        return durableFrames;
    }

    /** @return frames added, on disk or pending */
    public int frames() {
        return durableFrames + pending.size();
    }

    /** @return index of the next segment to be written */
    public int nextSegment() {
        return segment;
    }

    /**
     * Adds a frame (copied); closes the segment when it is full.
     *
     * @param time time (s)
     * @param stage stage index
     * @param point the hysteresis field point, or −1
     * @param m unit magnetisation
     * @param demag demagnetising field (A/m), or null if not recorded
     * @param effective effective field (A/m), or null
     * @param energyDensity energy densities (J/m³), [column][domain] with the columns of
     *     {@link Physics#energyColumns()}, or null
     */
    public void add(double time, int stage, int point, VectorField m, VectorField demag, VectorField effective,
                    double[][] energyDensity) {
        pending.add(new Frame(time, stage, point, vectors(m), contents.demagField ? vectors(demag) : null,
                contents.effectiveField ? vectors(effective) : null,
                contents.energyDensity ? densities(energyDensity) : null));
        if (pending.size() >= framesPerSegment) {
            closeSegment();
        }
    }

    private Object vectors(VectorField v) {
        if (contents.float64) {
            double[][] a = new double[domains][];
            for (int i = 0; i < domains; i++) {
                a[i] = new double[] {v.x[i], v.y[i], v.z[i]};
            }
            return a;
        }
        float[][] a = new float[domains][];
        for (int i = 0; i < domains; i++) {
            a[i] = new float[] {(float) v.x[i], (float) v.y[i], (float) v.z[i]};
        }
        return a;
    }

    private Object densities(double[][] e) {
        if (contents.float64) {
            double[][] a = new double[domains][energyColumns];
            for (int i = 0; i < domains; i++) {
                for (int k = 0; k < energyColumns; k++) {
                    a[i][k] = e[k][i];
                }
            }
            return a;
        }
        float[][] a = new float[domains][energyColumns];
        for (int i = 0; i < domains; i++) {
            for (int k = 0; k < energyColumns; k++) {
                a[i][k] = (float) e[k][i];
            }
        }
        return a;
    }

    /** Writes the pending frames (if any) as a complete segment file. */
    public void closeSegment() {
        if (pending.isEmpty()) {
            return;
        }
        int f = pending.size();
        double[] time = new double[f];
        int[] stage = new int[f], point = new int[f];
        for (int k = 0; k < f; k++) {
            time[k] = pending.get(k).time;
            stage[k] = pending.get(k).stage;
            point[k] = pending.get(k).point;
        }
        int first = firstFrameOfSegment;
        DatasetCreationOptions chunked = DatasetCreationOptions.builder().chunkDimensions(1, domains, 3).shuffle()
                .deflate(4).build();
        Hdf5Files.writeAtomically(RunLayout.segment(dir, segment), h -> {
            h.putAttribute("format", "hypermag-frames");
            h.putAttribute("format_version", RunLayout.FORMAT_VERSION);
            h.putAttribute("first_frame", first);
            h.putAttribute("frame_count", f);
            h.putAttribute("precision", contents.float64 ? "float64" : "float32");
            WritableDataset t = h.putDataset("time", time);
            t.putAttribute("units", "s");
            h.putDataset("stage", stage);
            h.putDataset("point", point);
            put(h, "m", k -> pending.get(k).m, f, chunked, "1 (unit vector)");
            if (contents.demagField) {
                put(h, "demag_field", k -> pending.get(k).demag, f, chunked, "A/m");
            }
            if (contents.effectiveField) {
                put(h, "effective_field", k -> pending.get(k).effective, f, chunked, "A/m");
            }
            if (contents.energyDensity) {
                DatasetCreationOptions ce = DatasetCreationOptions.builder().chunkDimensions(1, domains, energyColumns)
                        .shuffle().deflate(4).build();
                WritableDataset d = put(h, "energy_density", k -> pending.get(k).energy, f, ce, "J/m^3");
                d.putAttribute("columns", Physics.energyColumns().toArray(new String[0]));
            }
        });
        checksums.add(RunIntegrity.checksum(RunLayout.segment(dir, segment)));
        durableFrames += f;
        firstFrameOfSegment += f;
        segment++;
        pending.clear();
    }

    private WritableDataset put(io.jhdf.WritableHdfFile h, String name, java.util.function.IntFunction<Object> frame,
                                int f, DatasetCreationOptions options, String units) {
        Object data;
        if (contents.float64) {
            double[][][] a = new double[f][][];
            for (int k = 0; k < f; k++) {
                a[k] = (double[][]) frame.apply(k);
            }
            data = a;
        } else {
            float[][][] a = new float[f][][];
            for (int k = 0; k < f; k++) {
                a[k] = (float[][]) frame.apply(k);
            }
            data = a;
        }
        WritableDataset d = h.putDataset(name, data, options);
        d.putAttribute("units", units);
        return d;
    }

    @Override
    public void close() {
        closeSegment();
    }
}
