package org.hypermag.output.ovf;

import java.util.List;

/**
 * One segment of an OVF file (OOMMF Vector Field, the NIST OOMMF user guide's "OVF file format"): a mesh and one
 * vector (or scalar) per node. Lengths are in metres whatever {@code meshunit} the file declared; values are as
 * stored (OVF 1.0's {@code valuemultiplier} applied), in {@link #units()}.
 *
 * @param title the file's Title (may be empty)
 * @param irregular whether the mesh is irregular (positions listed per node) rather than rectangular
 * @param nodes {nx, ny, nz} of a rectangular mesh; {count, 1, 1} of an irregular one
 * @param base centre of the first cell, {x, y, z} (m); rectangular meshes (irregular: zeros)
 * @param step cell size {dx, dy, dz} (m); rectangular meshes (irregular: the file's step sizes, or zeros)
 * @param min lower corner of the mesh's bounding box {xmin, ymin, zmin} (m)
 * @param max upper corner {xmax, ymax, zmax} (m)
 * @param labels one label per value component
 * @param units one unit per value component
 * @param values the values, node by node (x fastest, then y, then z on rectangular meshes), components interleaved
 * @param positions node positions {x, y, z} interleaved (m) on irregular meshes; null on rectangular ones
 * @param desc the file's Desc lines, in order
 */
public record OvfData(String title, boolean irregular, int[] nodes, double[] base, double[] step, double[] min,
        double[] max, List<String> labels, List<String> units, double[] values, double[] positions, List<String> desc) {

    /**
     * @return the simulation time a Desc line states ({@code Total simulation time: 1e-9 s}, as OOMMF and mumax3
     *     write it), in s; NaN when none does
     */
    public double simulationTime() {
        for (String d : desc) {
            String s = d.strip();
            if (s.regionMatches(true, 0, "Total simulation time:", 0, 22)) {
                String[] w = s.substring(22).strip().split("\\s+");
                try {
                    return Double.parseDouble(w[0]);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }

    /** @return the number of nodes */
    public int count() {
        return nodes[0] * nodes[1] * nodes[2];
    }

    /** @return the number of components per node */
    public int valueDim() {
        return labels.size();
    }

    /**
     * A rectangular mesh of unit vectors (m), as hypermag writes its frames.
     *
     * @param title the title
     * @param nodes {nx, ny, nz}
     * @param origin the mesh's lower corner (m)
     * @param step the cell size (m)
     * @param x x components, node by node (x fastest)
     * @param y y components
     * @param z z components
     * @param label the quantity's name (labels are {label}_x, {label}_y, {label}_z)
     * @param unit the values' unit
     * @return the segment
     */
    public static OvfData rectangular(String title, int[] nodes, double[] origin, double[] step, double[] x,
            double[] y, double[] z, String label, String unit) {
        int n = nodes[0] * nodes[1] * nodes[2];
        double[] v = new double[3 * n];
        for (int i = 0; i < n; i++) {
            v[3 * i] = x[i];
            v[3 * i + 1] = y[i];
            v[3 * i + 2] = z[i];
        }
        double[] base = new double[3], max = new double[3];
        for (int a = 0; a < 3; a++) {
            base[a] = origin[a] + 0.5 * step[a];
            max[a] = origin[a] + nodes[a] * step[a];
        }
        return new OvfData(title, false, nodes.clone(), base, step.clone(), origin.clone(), max,
                List.of(label + "_x", label + "_y", label + "_z"), List.of(unit, unit, unit), v, null, List.of());
    }
}
