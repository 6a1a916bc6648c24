package org.hypermag.output;

import java.util.Arrays;

/**
 * Domains whose centres lie on a rectangular lattice in the x-y plane, grouped into columns (all domains with the
 * same x and y, whatever their z): a grid, possibly shaped, with one or more cells through the thickness. Found from
 * the centres alone, so it applies to frames read back from a run or from a file.
 */
public final class ColumnLattice {
    private final int nx;
    private final int ny;
    private final double x0;
    private final double y0;
    private final double dx;
    private final double dy;
    private final int[] column;
    private final boolean singleLayer;

    private ColumnLattice(int nx, int ny, double x0, double y0, double dx, double dy, int[] column,
            boolean singleLayer) {
        this.nx = nx;
        this.ny = ny;
        this.x0 = x0;
        this.y0 = y0;
        this.dx = dx;
        this.dy = dy;
        this.column = column;
        this.singleLayer = singleLayer;
    }

    /**
     * @param centres domain centres, {@code [n][3]} (m)
     * @param maxColumns the largest number of lattice columns accepted
     * @return the lattice, or null when the centres are not on one (or it would have more than maxColumns columns)
     */
    public static ColumnLattice of(double[][] centres, long maxColumns) {
        int n = centres.length;
        if (n == 0) {
            return null;
        }
        double[] xs = new double[n], ys = new double[n];
        double z0 = centres[0][2];
        boolean single = true;
        for (int i = 0; i < n; i++) {
            xs[i] = centres[i][0];
            ys[i] = centres[i][1];
            single &= Math.abs(centres[i][2] - z0) <= 1e-12;
        }
        double dx = spacing(xs), dy = spacing(ys);
        if (!(dx > 0) || !(dy > 0)) {
            return null;
        }
        double x0 = Arrays.stream(xs).min().orElse(0), y0 = Arrays.stream(ys).min().orElse(0);
        long nx = Math.round((Arrays.stream(xs).max().orElse(0) - x0) / dx) + 1;
        long ny = Math.round((Arrays.stream(ys).max().orElse(0) - y0) / dy) + 1;
        if (nx * ny > maxColumns) {
            return null;
        }
        int[] col = new int[n];
        for (int i = 0; i < n; i++) {
            col[i] = (int) (Math.round((xs[i] - x0) / dx) + nx * Math.round((ys[i] - y0) / dy));
        }
        return new ColumnLattice((int) nx, (int) ny, x0, y0, dx, dy, col, single);
    }

    /** @return columns along x */
    public int nx() {
        return nx;
    }

    /** @return columns along y */
    public int ny() {
        return ny;
    }

    /** @return x of the first column's centre (m) */
    public double x0() {
        return x0;
    }

    /** @return y of the first column's centre (m) */
    public double y0() {
        return y0;
    }

    /** @return lattice spacing along x (m) */
    public double dx() {
        return dx;
    }

    /** @return lattice spacing along y (m) */
    public double dy() {
        return dy;
    }

    /** @return whether every domain has the same z (one layer) */
    public boolean singleLayer() {
        return singleLayer;
    }

    /**
     * @param domain a domain's index
     * @return its column, ix + nx·iy
     */
    public int column(int domain) {
        return column[domain];
    }

    /**
     * The mean of a per-domain value over each column (unweighted: a lattice's cells have one size).
     *
     * @param values one value per domain
     * @return one value per column, NaN for a column with no domain
     */
    public double[] columnMeans(double[] values) {
        double[] sum = new double[nx * ny];
        int[] count = new int[nx * ny];
        for (int i = 0; i < column.length; i++) {
            sum[column[i]] += values[i];
            count[column[i]]++;
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
        }
        return sum;
    }

    /** @return the smallest positive difference between the sorted values (the lattice spacing), or 0 */
    private static double spacing(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double best = Double.POSITIVE_INFINITY;
        double tol = 1e-9 * (Math.abs(s[s.length - 1]) + Math.abs(s[0]) + 1e-30);
        for (int k = 1; k < s.length; k++) {
            double d = s[k] - s[k - 1];
            if (d > tol && d < best) {
                best = d;
            }
        }
        if (!Double.isFinite(best)) {
            return 1e-9; // one column: any spacing describes it
        }
        for (int k = 1; k < s.length; k++) {
            double steps = (s[k] - s[0]) / best;
            if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
                return 0; // not on a lattice
            }
        }
        return best;
    }
}
