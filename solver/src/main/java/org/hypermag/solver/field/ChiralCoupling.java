package org.hypermag.solver.field;

import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * The Dzyaloshinskii–Moriya interaction as a sum over the pairs of domains that share a face ({@link FacePairs}):
 * E_ij = D_ij S_ij d_ij·(m_i × m_j) (J), S_ij the face area, d_ij a unit DMI vector fixed by the crystal class and
 * the direction r̂_ij from i to j, D_ij the region's constant or between regions the harmonic mean times the
 * regions' scaling ({@link Magnet#harmonicMeanBetween}). Domain i feels H_i = (1/(μ0 Ms_i V_i)) Σ_j D_ij S_ij
 * d_ij × m_j (A/m). On a grid this is the central difference of the continuum energy density at each bond's
 * midpoint (second order in the cell size inside, first order at free surfaces, where the discrete energy's minimum
 * carries the boundary condition ∂m/∂n = (D/2A)(...) × m that the continuum imposes); the subclasses say which
 * d_ij. Allocates nothing per call; not thread-safe.
 */
public abstract class ChiralCoupling implements FieldTerm {
    private final int[] start;
    private final int[] neighbour;
    private final double[] fx, fy, fz;
    private final double[] ex, ey, ez;
    private final double[] volume;
    private final int pairs;

    /**
     * @param magnet the system
     * @param d the DMI constant's parameter (J/m²)
     * @param in which pairs take part, by face normal axis (0 x, 1 y, 2 z)
     */
    ChiralCoupling(Magnet magnet, Parameter d, boolean[] in) {
        FacePairs p = FacePairs.of(magnet);
        int n = magnet.size();
        int used = 0;
        double[][] vector = new double[p.size()][];
        double[] strength = new double[p.size()];
        boolean[] use = new boolean[p.size()];
        for (int k = 0; k < p.size(); k++) {
            strength[k] = in[p.axis[k]] ? magnet.harmonicMeanBetween(d, magnet.region(p.first[k]),
                    magnet.region(p.second[k])) * p.area[k] : 0;
            if (strength[k] != 0) {
                vector[k] = dmiVector(p.axis[k], p.sign[k]);
                use[k] = true;
                used++;
            }
        }
        pairs = used;
        int[] count = p.rowStarts(n, use);
        start = count.clone();
        int m = 2 * used;
        neighbour = new int[m];
        fx = new double[m];
        fy = new double[m];
        fz = new double[m];
        ex = new double[m];
        ey = new double[m];
        ez = new double[m];
        volume = magnet.volumeArray();
        int[] fill = java.util.Arrays.copyOf(count, n);
        for (int k = 0; k < p.size(); k++) {
            if (strength[k] == 0) {
                continue;
            }
            int i = p.first[k], j = p.second[k];
            double[] v = vector[k];
            put(fill[i]++, j, strength[k] / (Constants.MU0 * magnet.ms(i) * magnet.volume(i)), v,
                    0.5 * strength[k]);
            // the pair seen from j: d_ji = −d_ij, and d_ji·(m_j × m_i) = d_ij·(m_i × m_j)
            put(fill[j]++, i, -strength[k] / (Constants.MU0 * magnet.ms(j) * magnet.volume(j)), v,
                    -0.5 * strength[k]);
        }
    }

    private void put(int q, int j, double field, double[] v, double energy) {
        neighbour[q] = j;
        fx[q] = field * v[0];
        fy[q] = field * v[1];
        fz[q] = field * v[2];
        ex[q] = energy * v[0];
        ey[q] = energy * v[1];
        ez[q] = energy * v[2];
    }

    /**
     * @param axis the face normal of a pair (0 x, 1 y, 2 z)
     * @param sign +1 if the second domain is on the + side of the first
     * @return the unit DMI vector d_ij of the pair, for r̂_ij = sign · e_axis
     */
    abstract double[] dmiVector(int axis, int sign);

    /** @return the number of coupled pairs */
    public int pairCount() {
        return pairs;
    }

    /** @return the compressed rows' starts, one per domain plus one (a copy; for device kernels) */
    public int[] rowStarts() {
        return start.clone();
    }

    /** @return each row's neighbours (a copy) */
    public int[] neighbours() {
        return neighbour.clone();
    }

    /** @return each row entry's vector f (A/m per unit of m), x, y, z interleaved: H_i = Σ f × m_j */
    public double[] fieldVectors() {
        double[] v = new double[3 * fx.length];
        for (int q = 0; q < fx.length; q++) {
            v[3 * q] = fx[q];
            v[3 * q + 1] = fy[q];
            v[3 * q + 2] = fz[q];
        }
        return v;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        double[] mx = m.x, my = m.y, mz = m.z;
        for (int i = 0; i < start.length - 1; i++) {
            double sx = 0, sy = 0, sz = 0;
            for (int q = start[i]; q < start[i + 1]; q++) {
                int j = neighbour[q];
                // (f × m_j)
                sx += fy[q] * mz[j] - fz[q] * my[j];
                sy += fz[q] * mx[j] - fx[q] * mz[j];
                sz += fx[q] * my[j] - fy[q] * mx[j];
            }
            h.x[i] += sx;
            h.y[i] += sy;
            h.z[i] += sz;
        }
    }

    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        double e = 0;
        for (int i = 0; i < start.length - 1; i++) {
            e += rowEnergy(i, m);
        }
        return e;
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        for (int i = 0; i < start.length - 1; i++) {
            density[i] = rowEnergy(i, m) / volume[i];
        }
    }

    /** @return Σ_q e_q·(m_i × m_j) over the pairs of domain i (half of each pair's energy) */
    private double rowEnergy(int i, VectorField m) {
        double e = 0, xi = m.x[i], yi = m.y[i], zi = m.z[i];
        for (int q = start[i]; q < start[i + 1]; q++) {
            int j = neighbour[q];
            double cx = yi * m.z[j] - zi * m.y[j], cy = zi * m.x[j] - xi * m.z[j], cz = xi * m.y[j] - yi * m.x[j];
            e += ex[q] * cx + ey[q] * cy + ez[q] * cz;
        }
        return e;
    }
}
