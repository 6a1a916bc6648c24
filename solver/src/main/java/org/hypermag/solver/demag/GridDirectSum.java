package org.hypermag.solver.demag;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Direct summation over the cells of a regular grid using translation invariance: the cell-averaged tensor is stored
 * once per offset ((2nx−1)(2ny−1)(2nz−1) offsets, 48 bytes each), not per pair, so memory is O(N) while the work is
 * the full O(N²) double sum. The reference {@link FftDemag} is checked against.
 */
final class GridDirectSum {
    private static final int GRAIN = 8;
    private final int nx, ny, nz, wx, wy;
    private final double[] txx, tyy, tzz, txy, txz, tyz;
    private final WorkerPool pool;
    private final WorkerPool.RangeTask task = this::sumRows;
    private VectorField currentM;
    private VectorField currentH;

    GridDirectSum(RegularGrid grid, WorkerPool pool) {
        this.pool = pool;
        nx = grid.nx();
        ny = grid.ny();
        nz = grid.nz();
        wx = 2 * nx - 1;
        wy = 2 * ny - 1;
        int wz = 2 * nz - 1;
        GridTensorTable table = new GridTensorTable(grid, pool);
        int size = wx * wy * wz;
        txx = new double[size];
        tyy = new double[size];
        tzz = new double[size];
        txy = new double[size];
        txz = new double[size];
        tyz = new double[size];
        for (int k = -(nz - 1); k < nz; k++) {
            for (int j = -(ny - 1); j < ny; j++) {
                for (int i = -(nx - 1); i < nx; i++) {
                    int q = index(i, j, k);
                    txx[q] = table.value(PrismTensor.XX, i, j, k);
                    tyy[q] = table.value(PrismTensor.YY, i, j, k);
                    tzz[q] = table.value(PrismTensor.ZZ, i, j, k);
                    txy[q] = table.value(PrismTensor.XY, i, j, k);
                    txz[q] = table.value(PrismTensor.XZ, i, j, k);
                    tyz[q] = table.value(PrismTensor.YZ, i, j, k);
                }
            }
        }
    }

    private int index(int i, int j, int k) {
        return (i + nx - 1) + wx * ((j + ny - 1) + wy * (k + nz - 1));
    }

    int size() {
        return nx * ny * nz;
    }

    void addField(VectorField m, VectorField h) {
        if (m.size() != size() || h.size() != size()) {
            throw new IllegalArgumentException("grid direct sum has " + size() + " cells; got magnetisation of size "
                    + m.size() + " and field of size " + h.size());
        }
        currentM = m;
        currentH = h;
        try {
            pool.forRange(size(), GRAIN, task);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    private void sumRows(int from, int to) {
        double[] mx = currentM.x, my = currentM.y, mz = currentM.z;
        for (int t = from; t < to; t++) {
            int i = t % nx, j = (t / nx) % ny, k = t / (nx * ny);
            double sx = 0, sy = 0, sz = 0;
            for (int ks = 0; ks < nz; ks++) {
                for (int js = 0; js < ny; js++) {
                    int s0 = nx * (js + ny * ks);
                    // offset index of (i - is, j - js, k - ks) at is = 0; it decreases by one per source step in x
                    int q0 = index(i, j - js, k - ks);
                    for (int is = 0; is < nx; is++) {
                        int q = q0 - is, s = s0 + is;
                        double ax = mx[s], ay = my[s], az = mz[s];
                        sx += txx[q] * ax + txy[q] * ay + txz[q] * az;
                        sy += txy[q] * ax + tyy[q] * ay + tyz[q] * az;
                        sz += txz[q] * ax + tyz[q] * ay + tzz[q] * az;
                    }
                }
            }
            currentH.x[t] -= sx;
            currentH.y[t] -= sy;
            currentH.z[t] -= sz;
        }
    }
}
