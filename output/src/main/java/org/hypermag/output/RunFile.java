package org.hypermag.output;

import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.Physics;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.magnet.Parameter;

/**
 * Writes {@code run.h5}: the run's description, readable with h5py, h5dump or ParaView's HDF5 reader.
 *
 * <pre>
 * /                        attributes: format = "hypermag-run", format_version, hypermag_version, status
 *                          (running, completed, interrupted, failed), scenario_name, scenario_source, units,
 *                          demag_method, demag_settings, device, integrator, seeds, created, frames_pattern, and
 *                          any others the run adds (all bounded: no attribute holds a file's text)
 * /scenario_text           the scenario file's text (a string dataset: it may be long)
 * /scenario_description    its description (a string dataset)
 * /stages/kind             per stage: relax, run or hysteresis; /stages/converged per stage: 1 converged, 0 not
 *                          (a relaxation or a hysteresis point stopped above its torque tolerance), -1 not
 *                          applicable; /stages/summary per stage: its one-line summary (when the run has ended)
 * /geometry/centres        N × 3 (m)
 * /geometry/sizes          N × 3 (m)
 * /geometry/regions        N (region index)
 * /geometry/grid_cells     N (linear grid cell index i + nx (j + ny k)), only for grids; the group then has the
 *                          attributes cells (nx, ny, nz), cell_size (m) and origin (m)
 * /materials/KEY           per region, one dataset per material parameter of Physics.materialParameters() (Ms,
 *                          alpha, gamma, A, K1, anisotropy_axis, ...): R (scalars), R × 3 (directions) or
 *                          R × 2 × 3 (pairs of axes), attributes units and description; NaN where a region
 *                          does not give a parameter that has no default (temperature: the stage's applies)
 * /table                   rows × columns of RunTable (when the run has ended), attributes columns and units
 * /frames/time             F (s), /frames/stage F, /frames/point F (hysteresis field point, -1 elsewhere),
 *                          /frames/segment F, /frames/index F: what and where each frame is
 * </pre>
 * The file is rewritten whole, atomically, when the run starts and when it ends.
 */
public final class RunFile {
    /** Rows of the geometry's N × 3 datasets per chunk. */
    private static final int GEOMETRY_CHUNK = 1 << 16;

    /**
     * What describes a run.
     *
     * @param attributes root attributes (String, Integer, Long, Double or arrays of them), in order
     * @param prisms the domains
     * @param regions region of each domain
     * @param grid the grid, or null
     * @param gridCells grid cell of each domain (null when all cells in order, or not on a grid)
     * @param materials material of each region
     */
    public record Metadata(Map<String, Object> attributes, String scenarioText, String description, Prisms prisms,
                           int[] regions, RegularGrid grid, int[] gridCells, List<Material> materials) {
    }

    /** What and where each frame is (for the index in run.h5). */
    public record FrameIndex(double[] time, int[] stage, int[] point, int[] segment, int[] index) {
    }

    /**
     * What each stage did (written when the run ends).
     *
     * @param kind per stage: relax, run or hysteresis
     * @param converged per completed stage: 1, 0 or −1 (see the layout above)
     * @param summary per completed stage: its one-line summary
     */
    public record Stages(List<String> kind, int[] converged, List<String> summary) {
    }

    private RunFile() {
    }

    /**
     * Writes run.h5 (atomically).
     *
     * @param dir run directory
     * @param md the description
     * @param status running, completed, interrupted or failed
     * @param table the table so far, or null
     * @param frames the frame index, or null
     * @param stages what the stages did, or null
     */
    public static void write(Path dir, Metadata md, String status, TableData table, FrameIndex frames,
                             Stages stages) {
        Hdf5Files.writeAtomically(dir.resolve(RunLayout.RUN_FILE), h -> {
            h.putAttribute("format", "hypermag-run");
            h.putAttribute("format_version", RunLayout.FORMAT_VERSION);
            h.putAttribute("status", status);
            h.putAttribute("frames_pattern", RunLayout.FRAMES_DIR + "/segment-NNNNN.h5 (5 digits, from 00000)");
            for (Map.Entry<String, Object> e : md.attributes().entrySet()) {
                h.putAttribute(e.getKey(), e.getValue());
            }
            h.putDataset("scenario_text", new String[] {md.scenarioText()});
            h.putDataset("scenario_description", new String[] {md.description()});
            geometry(h, md);
            materials(h, md.materials());
            if (table != null && !table.rows().isEmpty()) {
                double[][] rows = table.rows().toArray(new double[0][]);
                WritableDataset t = h.putDataset("table", rows);
                t.putAttribute("columns", table.columns().toArray(new String[0]));
                t.putAttribute("units", RunTable.UNITS.toArray(new String[0]));
            }
            if (frames != null && frames.time().length > 0) {
                WritableGroup g = h.putGroup("frames");
                g.putDataset("time", frames.time()).putAttribute("units", "s");
                g.putDataset("stage", frames.stage());
                g.putDataset("point", frames.point());
                g.putDataset("segment", frames.segment());
                g.putDataset("index", frames.index());
            }
            if (stages != null && !stages.kind().isEmpty()) {
                WritableGroup g = h.putGroup("stages");
                g.putDataset("kind", stages.kind().toArray(new String[0]));
                if (stages.converged().length > 0) {
                    g.putDataset("converged", stages.converged());
                    g.putDataset("summary", stages.summary().toArray(new String[0]));
                }
            }
        });
    }

    private static void geometry(WritableHdfFile h, Metadata md) {
        Prisms p = md.prisms();
        int n = p.size();
        double[][] c = new double[n][], s = new double[n][];
        for (int i = 0; i < n; i++) {
            c[i] = new double[] {p.cx(i), p.cy(i), p.cz(i)};
            s[i] = new double[] {p.sx(i), p.sy(i), p.sz(i)};
        }
        WritableGroup g = h.putGroup("geometry");
        g.putAttribute("domains", n);
        // stored in chunks of rows: jhdf writes a contiguous N × 3 array one row per system call (0.9 s for 2^20
        // rows) and a chunk in one; readers see the same N × 3 dataset
        int chunk = Math.max(1, Math.min(n, GEOMETRY_CHUNK));
        DatasetCreationOptions rows = DatasetCreationOptions.builder().chunkDimensions(chunk, 3).build();
        g.putDataset("centres", c, rows).putAttribute("units", "m");
        g.putDataset("sizes", s, rows).putAttribute("units", "m");
        g.putDataset("regions", md.regions());
        if (md.grid() != null) {
            RegularGrid grid = md.grid();
            g.putAttribute("cells", new int[] {grid.nx(), grid.ny(), grid.nz()});
            g.putAttribute("cell_size", new double[] {grid.dx(), grid.dy(), grid.dz()});
            g.putAttribute("origin", new double[] {grid.centreX(0) - 0.5 * grid.dx(), grid.centreY(0) - 0.5 * grid.dy(),
                grid.centreZ(0) - 0.5 * grid.dz()});
            int[] cells = md.gridCells();
            if (cells == null) {
                cells = new int[n];
                for (int i = 0; i < n; i++) {
                    cells[i] = i;
                }
            }
            g.putDataset("grid_cells", cells);
        }
    }

    private static void materials(WritableHdfFile h, List<Material> materials) {
        int r = materials.size();
        WritableGroup g = h.putGroup("materials");
        g.putAttribute("regions", r);
        for (Parameter p : Physics.materialParameters()) {
            WritableDataset d;
            if (p.shape() == Parameter.Shape.SCALAR) {
                double[] v = new double[r];
                for (int q = 0; q < r; q++) {
                    // a parameter without a default that a region does not give is NaN there
                    v[q] = materials.get(q).isSet(p) || p.defaultValue() != null ? materials.get(q).get(p)
                            : Double.NaN;
                }
                d = g.putDataset(p.key(), v);
            } else if (p.shape() == Parameter.Shape.DIRECTION) {
                double[][] v = new double[r][];
                for (int q = 0; q < r; q++) {
                    v[q] = materials.get(q).isSet(p) || p.defaultValue() != null ? materials.get(q).vector(p)
                            : new double[] {Double.NaN, Double.NaN, Double.NaN};
                }
                d = g.putDataset(p.key(), v);
            } else {
                double[][][] v = new double[r][][];
                for (int q = 0; q < r; q++) {
                    double[] a = materials.get(q).vector(p);
                    v[q] = new double[][] {{a[0], a[1], a[2]}, {a[3], a[4], a[5]}};
                }
                d = g.putDataset(p.key(), v);
            }
            d.putAttribute("units", p.unit());
            d.putAttribute("description", p.doc());
        }
    }
}
