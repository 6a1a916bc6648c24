package org.hypermag.solver.geometry;

/**
 * A regular grid of nx × ny × nz equal cells (rectangular prisms).
 *
 * <p>Cell (i, j, k) has the linear index {@code i + nx * (j + ny * k)} and its centre at
 * {@code origin + ((i + ½) dx, (j + ½) dy, (k + ½) dz)}; the origin is the grid's lower corner. Lengths in m.
 */
public final class RegularGrid {
    private final int nx, ny, nz;
    private final double dx, dy, dz;
    private final double x0, y0, z0;

    /**
     * Creates a grid with its lower corner at the origin.
     *
     * @param nx cells along x, &ge; 1
     * @param ny cells along y, &ge; 1
     * @param nz cells along z, &ge; 1
     * @param dx cell size along x (m), &gt; 0
     * @param dy cell size along y (m), &gt; 0
     * @param dz cell size along z (m), &gt; 0
     */
    public RegularGrid(int nx, int ny, int nz, double dx, double dy, double dz) {
        this(nx, ny, nz, dx, dy, dz, 0, 0, 0);
    }

    /**
     * Creates a grid.
     *
     * @param nx cells along x, &ge; 1
     * @param ny cells along y, &ge; 1
     * @param nz cells along z, &ge; 1
     * @param dx cell size along x (m), &gt; 0
     * @param dy cell size along y (m), &gt; 0
     * @param dz cell size along z (m), &gt; 0
     * @param x0 lower corner x (m)
     * @param y0 lower corner y (m)
     * @param z0 lower corner z (m)
     * @throws IllegalArgumentException on non-positive counts or sizes, or a cell count above 2^31 - 1
     */
    public RegularGrid(int nx, int ny, int nz, double dx, double dy, double dz, double x0, double y0, double z0) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("grid cell counts must be >= 1, got " + nx + " x " + ny + " x " + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid has too many cells: " + nx + " x " + ny + " x " + nz);
        }
        requirePositive("dx", dx);
        requirePositive("dy", dy);
        requirePositive("dz", dz);
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(z0)) {
            throw new IllegalArgumentException("grid origin must be finite (m)");
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
        this.x0 = x0;
        this.y0 = y0;
        this.z0 = z0;
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("grid cell size " + what + " must be a finite number > 0 (m), got " + v);
        }
    }

    /** @return cells along x */
    public int nx() {
        return nx;
    }

    /** @return cells along y */
    public int ny() {
        return ny;
    }

    /** @return cells along z */
    public int nz() {
        return nz;
    }

    /** @return cell size along x (m) */
    public double dx() {
        return dx;
    }

    /** @return cell size along y (m) */
    public double dy() {
        return dy;
    }

    /** @return cell size along z (m) */
    public double dz() {
        return dz;
    }

    /** @return total number of cells */
    public int cellCount() {
        return nx * ny * nz;
    }

    /**
     * @param i cell index along x
     * @param j cell index along y
     * @param k cell index along z
     * @return the linear cell index
     */
    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    /** @param i x index @return centre x of that column (m) */
    public double centreX(int i) {
        return x0 + (i + 0.5) * dx;
    }

    /** @param j y index @return centre y of that row (m) */
    public double centreY(int j) {
        return y0 + (j + 0.5) * dy;
    }

    /** @param k z index @return centre z of that layer (m) */
    public double centreZ(int k) {
        return z0 + (k + 0.5) * dz;
    }

    /**
     * @param cells linear indices of some cells
     * @return those cells as prisms, in the given order
     */
    public Prisms toPrisms(int[] cells) {
        int n = cells.length;
        double[] cx = new double[n], cy = new double[n], cz = new double[n], sx = new double[n], sy = new double[n],
                sz = new double[n];
        for (int d = 0; d < n; d++) {
            int c = cells[d];
            if (c < 0 || c >= cellCount()) {
                throw new IllegalArgumentException("cell " + c + " is outside the grid's 0.." + (cellCount() - 1));
            }
            cx[d] = centreX(c % nx);
            cy[d] = centreY((c / nx) % ny);
            cz[d] = centreZ(c / (nx * ny));
            sx[d] = dx;
            sy[d] = dy;
            sz[d] = dz;
        }
        return Prisms.of(cx, cy, cz, sx, sy, sz);
    }

    /** @return every cell as a prism, in linear-index order */
    public Prisms toPrisms() {
        int n = cellCount();
        double[] cx = new double[n], cy = new double[n], cz = new double[n];
        double[] sx = new double[n], sy = new double[n], sz = new double[n];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int c = index(i, j, k);
                    cx[c] = centreX(i);
                    cy[c] = centreY(j);
                    cz[c] = centreZ(k);
                    sx[c] = dx;
                    sy[c] = dy;
                    sz[c] = dz;
                }
            }
        }
        return Prisms.of(cx, cy, cz, sx, sy, sz);
    }

    @Override
    public String toString() {
        return nx + " x " + ny + " x " + nz + " cells of " + dx + " x " + dy + " x " + dz + " m";
    }
}
