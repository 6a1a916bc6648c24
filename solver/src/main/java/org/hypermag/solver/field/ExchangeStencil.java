package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.math.LocalSimd;

/**
 * The exchange couplings of a magnet that fills its grid (domain i is cell i), stored per axis as a stencil: for
 * each axis with more than one cell, the coupling of every cell to its + and − neighbour along it (0 where it has
 * none) and each + pair's energy coefficient. The same couplings as {@link ExchangeField}'s compressed rows, read
 * with constant offsets (±1, ±nx, ±nx·ny) instead of an index per entry, so that the loops stream and the JIT can
 * vectorise them. The sums run in another order than the rows': equal to them to rounding (about 1e-16 relative).
 */
final class ExchangeStencil {
    /** Index offset of the + neighbour along each stored axis. */
    private final int[] offset;
    /** Per stored axis: the coupling 2 A S/(d μ0 Ms V) of each cell to its + and to its − neighbour (A/m). */
    private final double[][] plus, minus;
    /** Per stored axis: A S/d (J) of the pair of each cell with its + neighbour (0 where none). */
    private final double[][] pairEnergy;
    private final int n;

    private ExchangeStencil(int[] offset, double[][] plus, double[][] minus, double[][] pairEnergy, int n) {
        this.offset = offset;
        this.plus = plus;
        this.minus = minus;
        this.pairEnergy = pairEnergy;
        this.n = n;
    }

    /**
     * The stencil read off {@link ExchangeField}'s compressed rows: on a full grid every entry couples a cell to a
     * lattice neighbour, and the offsets of the stored axes (1, nx, nx·ny, axes of one cell left out) are distinct,
     * so the offset of an entry names its axis and side.
     *
     * @param magnet the system
     * @param start the rows' starts (n + 1)
     * @param neighbour each entry's neighbour
     * @param coefficient each entry's coupling 2 A S/(d μ0 Ms V) (A/m)
     * @param pairEnergy each entry's half pair energy A S/(2d) (J)
     * @return the stencil, or null when the magnet's domains are not all the cells of its grid in order
     */
    static ExchangeStencil of(Magnet magnet, int[] start, int[] neighbour, double[] coefficient, double[] pairEnergy) {
        if (!magnet.isOnGrid() || magnet.gridCells() != null) { // null: every cell of the grid, in order
            return null;
        }
        RegularGrid g = magnet.grid();
        int n = magnet.size();
        int[] cells = {g.nx(), g.ny(), g.nz()};
        int[] step = {1, g.nx(), g.nx() * g.ny()};
        int axes = 0;
        int[] offset = new int[3];
        for (int a = 0; a < 3; a++) {
            if (cells[a] > 1) {
                offset[axes++] = step[a];
            }
        }
        offset = java.util.Arrays.copyOf(offset, axes);
        double[][] plus = new double[axes][n], minus = new double[axes][n], energy = new double[axes][n];
        for (int i = 0; i < n; i++) {
            for (int q = start[i]; q < start[i + 1]; q++) {
                int d = neighbour[q] - i, s = 0;
                while (offset[s] != Math.abs(d)) {
                    s++;
                }
                if (d > 0) {
                    plus[s][i] = coefficient[q];
                    energy[s][i] = 2 * pairEnergy[q]; // each row holds half the pair's energy
                } else {
                    minus[s][i] = coefficient[q];
                }
            }
        }
        return new ExchangeStencil(offset, plus, minus, energy, n);
    }

    /** Adds the exchange field of cells [from, to) to h (A/m). */
    void addField(VectorField m, VectorField h, int from, int to) {
        for (int s = 0; s < offset.length; s++) {
            addAxis(offset[s], plus[s], minus[s], m, h, from, to);
        }
    }

    /** One axis: h_i += c⁺_i (m_{i+o} − m_i) + c⁻_i (m_{i−o} − m_i) for cells [from, to). */
    private void addAxis(int o, double[] cp, double[] cm, VectorField m, VectorField h, int from, int to) {
        double[] mx = m.x, my = m.y, mz = m.z, hx = h.x, hy = h.y, hz = h.z;
        int lo = Math.max(from, o), hi = Math.min(to, n - o);
        for (int i = from; i < Math.min(lo, to); i++) { // the first layer: no − neighbour
            hx[i] += cp[i] * (mx[i + o] - mx[i]);
            hy[i] += cp[i] * (my[i + o] - my[i]);
            hz[i] += cp[i] * (mz[i + o] - mz[i]);
        }
        LocalSimd.stencilAxis(o, cp, cm, mx, my, mz, hx, hy, hz, lo, hi, LocalSimd.VECTOR);
        for (int i = Math.max(from, Math.max(lo, hi)); i < to; i++) { // the last layer: no + neighbour
            hx[i] += cm[i] * (mx[i - o] - mx[i]);
            hy[i] += cm[i] * (my[i - o] - my[i]);
            hz[i] += cm[i] * (mz[i - o] - mz[i]);
        }
    }

    /** @return the exchange energy Σ_pairs A S/d |m_j − m_i|² (J) */
    double energy(VectorField m) {
        double[] mx = m.x, my = m.y, mz = m.z;
        double e = 0;
        for (int s = 0; s < offset.length; s++) {
            int o = offset[s];
            double[] w = pairEnergy[s];
            for (int i = 0; i < n - o; i++) {
                double dx = mx[i + o] - mx[i], dy = my[i + o] - my[i], dz = mz[i + o] - mz[i];
                e += w[i] * (dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }
}
