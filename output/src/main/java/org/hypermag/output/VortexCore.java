package org.hypermag.output;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.output.ovf.OvfData;

/**
 * The position of a vortex core (mumax3's {@code ext_corepos}) in a film of domains on a lattice: m_z is averaged
 * over each column (the thickness), the column with the largest |⟨m_z⟩| is the core's cell, and a parabola through
 * that column and its two neighbours along x (and along y) places the core between cell centres. Where a neighbour
 * is missing (the core at an edge of the lattice, or beside a hole) that axis keeps the cell centre.
 */
public final class VortexCore {
    /** The largest lattice searched (columns). */
    public static final long MAX_COLUMNS = 100_000_000L;

    private VortexCore() {
    }

    /**
     * @param lattice the domains' columns
     * @param mz m_z of every domain
     * @return {x (m), y (m), ⟨m_z⟩ of the core's column (its sign is the polarity)}
     */
    public static double[] locate(ColumnLattice lattice, double[] mz) {
        double[] col = lattice.columnMeans(mz);
        int best = -1;
        for (int c = 0; c < col.length; c++) {
            if (!Double.isNaN(col[c]) && (best < 0 || Math.abs(col[c]) > Math.abs(col[best]))) {
                best = c;
            }
        }
        int nx = lattice.nx(), ny = lattice.ny(), ix = best % nx, iy = best / nx;
        double sign = Math.signum(col[best]) == 0 ? 1 : Math.signum(col[best]);
        double fx = vertex(sign, col, best, ix > 0 ? best - 1 : -1, ix < nx - 1 ? best + 1 : -1);
        double fy = vertex(sign, col, best, iy > 0 ? best - nx : -1, iy < ny - 1 ? best + nx : -1);
        return new double[] {lattice.x0() + (ix + fx) * lattice.dx(), lattice.y0() + (iy + fy) * lattice.dy(),
            col[best]};
    }

    /**
     * The core in every frame of a run.
     *
     * @param run the run
     * @return one row per frame: {t (s), stage, point, x (m), y (m), ⟨m_z⟩ of the core's column}
     * @throws IllegalArgumentException when the run's domains are not on a lattice of columns
     */
    public static List<double[]> trajectory(RunReader run) {
        ColumnLattice lattice = ColumnLattice.of(run.centres(), MAX_COLUMNS);
        if (lattice == null) {
            throw new IllegalArgumentException("the run's domains are not on a rectangular lattice in x-y (a grid); "
                    + "a vortex core is located on grids only");
        }
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < run.frameCount(); k++) {
            double[] c = locate(lattice, run.magnetisation(k).z);
            rows.add(new double[] {run.time(k), run.stage(k), run.point(k), c[0], c[1], c[2]});
        }
        return rows;
    }

    /**
     * The core in an OVF file's field (nodes where the field is zero, outside the magnet, are left out; m_z is the
     * z component over the magnitude).
     *
     * @param d a three-component field
     * @return {x (m), y (m), ⟨m_z⟩ of the core's column}
     * @throws IllegalArgumentException when the field is not a vector field or every node is zero
     */
    public static double[] locate(OvfData d) {
        if (d.valueDim() != 3) {
            throw new IllegalArgumentException("a vortex core needs a vector field; this one has " + d.valueDim()
                    + " components");
        }
        int n = d.count(), nx = d.nodes()[0], ny = d.nodes()[1];
        double[] v = d.values();
        List<double[]> centres = new ArrayList<>();
        List<Double> mz = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double len = Math.sqrt(v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
            if (!(len > 0)) {
                continue;
            }
            if (d.irregular()) {
                double[] p = d.positions();
                centres.add(new double[] {p[3 * i], p[3 * i + 1], p[3 * i + 2]});
            } else {
                centres.add(new double[] {d.base()[0] + (i % nx) * d.step()[0],
                    d.base()[1] + (i / nx % ny) * d.step()[1], d.base()[2] + (i / nx / ny) * d.step()[2]});
            }
            mz.add(v[3 * i + 2] / len);
        }
        if (centres.isEmpty()) {
            throw new IllegalArgumentException("every node of the field is zero");
        }
        ColumnLattice lattice = ColumnLattice.of(centres.toArray(new double[0][]), MAX_COLUMNS);
        if (lattice == null) {
            throw new IllegalArgumentException("the nodes are not on a rectangular lattice in x-y");
        }
        return locate(lattice, mz.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The vertex of the parabola through (−1, a), (0, b), (1, c) in units of the spacing, within ±1/2. */
    private static double vertex(double sign, double[] col, int centre, int lo, int hi) {
        if (lo < 0 || hi < 0 || Double.isNaN(col[lo]) || Double.isNaN(col[hi])) {
            return 0;
        }
        double a = sign * col[lo], b = sign * col[centre], c = sign * col[hi];
        double curvature = a - 2 * b + c;
        if (!(curvature < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curvature));
    }
}
