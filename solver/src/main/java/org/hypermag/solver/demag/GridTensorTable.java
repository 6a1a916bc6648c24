package org.hypermag.solver.demag;

import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The cell-averaged tensor of a regular grid for every offset between two of its cells, computed once per offset
 * class: N at offsets (i dx, j dy, k dz) with 0 ≤ i &lt; nx, 0 ≤ j &lt; ny, 0 ≤ k &lt; nz. Other offsets follow from
 * parity (diagonal components are even in each coordinate, N_ab is odd in a and in b); the odd components are set
 * to exactly zero on the planes where they vanish.
 */
final class GridTensorTable {
    private final int nx, ny, nz;
    private final double[][] octant;

    GridTensorTable(RegularGrid grid, WorkerPool pool) {
        nx = grid.nx();
        ny = grid.ny();
        nz = grid.nz();
        double dx = grid.dx(), dy = grid.dy(), dz = grid.dz();
        octant = new double[6][nx * ny * nz];
        pool.forRange(ny * nz, 1, (from, to) -> {
            double[] t = new double[6];
            for (int row = from; row < to; row++) {
                int j = row % ny, k = row / ny;
                for (int i = 0; i < nx; i++) {
                    NewellTensor.evaluate(i * dx, j * dy, k * dz, dx, dy, dz, t, 0);
                    int q = i + nx * row;
                    for (int c = 0; c < 6; c++) {
                        octant[c][q] = t[c];
                    }
                    if (i == 0 || j == 0) {
                        octant[PrismTensor.XY][q] = 0;
                    }
                    if (i == 0 || k == 0) {
                        octant[PrismTensor.XZ][q] = 0;
                    }
                    if (j == 0 || k == 0) {
                        octant[PrismTensor.YZ][q] = 0;
                    }
                }
            }
        });
    }

    /**
     * @param c component index (see {@link PrismTensor})
     * @param i offset in cells along x, |i| &lt; nx
     * @param j offset along y, |j| &lt; ny
     * @param k offset along z, |k| &lt; nz
     * @return the component at that offset
     */
    double value(int c, int i, int j, int k) {
        double v = octant[c][Math.abs(i) + nx * (Math.abs(j) + ny * Math.abs(k))];
        switch (c) {
            case PrismTensor.XY:
                return (i < 0) != (j < 0) ? -v : v;
            case PrismTensor.XZ:
                return (i < 0) != (k < 0) ? -v : v;
            case PrismTensor.YZ:
                return (j < 0) != (k < 0) ? -v : v;
            default:
                return v;
        }
    }
}
