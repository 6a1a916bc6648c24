package org.hypermag.output;

import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Material;

/**
 * Writes {@code run.h5}: the run's description, readable with h5py, h5dump or ParaView's HDF5 reader.
 *
 * <pre>
 * /                        attributes: format = "hypermag-run", format_version, hypermag_version, status
 *                          (running, completed, interrupted, failed), scenario_name, scenario_source,
 *                          scenario_text, units, demag_method, demag_settings, integrator, seeds, created,
 *                          frames_pattern, and any others the run adds
 * /geometry/centres        N × 3 (m)
 * /geometry/sizes          N × 3 (m)
 * /geometry/regions        N (region index)
 * /geometry/grid_cells     N (linear grid cell index i + nx (j + ny k)), only for grids; the group then has the
 *                          attributes cells (nx, ny, nz), cell_size (m) and origin (m)
 * /materials/*             per region: Ms (A/m), A (J/m), K1 (J/m^3), anisotropy_axis (R × 3), Kc1, Kc2 (J/m^3),
 *                          cubic_axis1, cubic_axis2 (R × 3), alpha, gamma (m/(A s))
 * /table                   rows × 11, the table (when the run has ended), attribute columns
 * /frames/time             F (s), /frames/stage F, /frames/segment F, /frames/index F: where each frame is
 * </pre>
 * The file is rewritten whole, atomically, when the run starts and when it ends.
 */
public final class RunFile {

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
    public record Metadata(Map<String, Object> attributes, Prisms prisms, int[] regions, RegularGrid grid,
                           int[] gridCells, List<Material> materials) {
    }

    /** Where each frame is (for the index in run.h5). */
    public record FrameIndex(double[] time, int[] stage, int[] segment, int[] index) {
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
     */
    public static void write(Path dir, Metadata md, String status, TableData table, FrameIndex frames) {
        Hdf5Files.writeAtomically(dir.resolve(RunLayout.RUN_FILE), h -> {
            h.putAttribute("format", "hypermag-run");
            h.putAttribute("format_version", RunLayout.FORMAT_VERSION);
            h.putAttribute("status", status);
            h.putAttribute("frames_pattern", RunLayout.FRAMES_DIR + "/segment-NNNNN.h5 (5 digits, from 00000)");
            for (Map.Entry<String, Object> e : md.attributes().entrySet()) {
                h.putAttribute(e.getKey(), e.getValue());
            }
            geometry(h, md);
            materials(h, md.materials());
            if (table != null && !table.rows().isEmpty()) {
                double[][] rows = table.rows().toArray(new double[0][]);
                WritableDataset t = h.putDataset("table", rows);
                t.putAttribute("columns", String.join(",", table.columns()));
                t.putAttribute("units", "s,1,1,1,J,J,J,J,J,A/m,s");
            }
            if (frames != null && frames.time().length > 0) {
                WritableGroup g = h.putGroup("frames");
                g.putDataset("time", frames.time()).putAttribute("units", "s");
                g.putDataset("stage", frames.stage());
                g.putDataset("segment", frames.segment());
                g.putDataset("index", frames.index());
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
        g.putDataset("centres", c).putAttribute("units", "m");
        g.putDataset("sizes", s).putAttribute("units", "m");
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
        Map<String, double[]> scalars = new LinkedHashMap<>();
        String[][] units = {{"Ms", "A/m"}, {"A", "J/m"}, {"K1", "J/m^3"}, {"Kc1", "J/m^3"}, {"Kc2", "J/m^3"},
            {"alpha", "1"}, {"gamma", "m/(A s)"}};
        for (String[] u : units) {
            scalars.put(u[0], new double[r]);
        }
        double[][] axis = new double[r][], c1 = new double[r][], c2 = new double[r][];
        for (int q = 0; q < r; q++) {
            Material m = materials.get(q);
            scalars.get("Ms")[q] = m.ms();
            scalars.get("A")[q] = m.exchange();
            scalars.get("K1")[q] = m.k1();
            scalars.get("Kc1")[q] = m.kc1();
            scalars.get("Kc2")[q] = m.kc2();
            scalars.get("alpha")[q] = m.alpha();
            scalars.get("gamma")[q] = m.gamma();
            axis[q] = m.axis();
            c1[q] = m.cubicAxis1();
            c2[q] = m.cubicAxis2();
        }
        WritableGroup g = h.putGroup("materials");
        g.putAttribute("regions", r);
        for (String[] u : units) {
            g.putDataset(u[0], scalars.get(u[0])).putAttribute("units", u[1]);
        }
        g.putDataset("anisotropy_axis", axis);
        g.putDataset("cubic_axis1", c1);
        g.putDataset("cubic_axis2", c2);
    }
}
