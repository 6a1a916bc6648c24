package org.hypermag.solver.field;

import java.util.Arrays;
import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Exchange: a finite-volume coupling of domains that share a face.
 *
 * <p>Two domains i, j sharing a face of area S_ij whose centres are d_ij apart along its normal have the energy
 * E_ij = A_ij (S_ij/d_ij) |m_i − m_j|² (J), and domain i feels H_i = 2/(μ0 Ms_i V_i) Σ_j A_ij (S_ij/d_ij)(m_j − m_i)
 * (A/m). On a grid this is the 6-neighbour finite difference 2A/(μ0 Ms) Σ (m_j − m_i)/Δ² with free (Neumann)
 * boundaries, as in mumax3 and OOMMF. A_ij is the region's stiffness, or between regions the harmonic mean times the
 * scaling factor ({@link Magnet#harmonicMeanBetween}). Couplings are stored in compressed rows (CSR) and, where the
 * magnet fills its grid in order, also per axis as a stencil ({@link ExchangeStencil}), which the field and the energy
 * then use (constant neighbour offsets: about 1.5 times faster on 4 096 cells, docs/benchmarks.md).
 */
public final class ExchangeField implements FieldTerm {
    /** Exchange stiffness A (J/m), &ge; 0. */
    public static final Parameter A = Parameter.nonNegative("A", "J/m", "exchange stiffness (0: uncoupled domains)",
            0).requiredInFiles();
    /** The exchange term: energy density A |∇m|², built when some region has A &gt; 0. */
    public static final FieldTermType TYPE = new FieldTermType("exchange", "exchange",
            "Heisenberg exchange, energy density A |grad m|^2 (J/m^3), between domains sharing a face", List.of(A),
            in -> in.magnet().anyNonZero(A) ? of(in.magnet(), in.pool()) : null);
    private final int[] start;
    private final int[] neighbour;
    private final double[] coefficient;
    private final double[] pairEnergy;
    private final double[] volume;
    /** The same couplings as a stencil where the magnet fills its grid, else null. */
    private final ExchangeStencil stencil;
    private final WorkerPool pool;
    private final WorkerPool.RangeTask rows = this::addRows;
    /** The arguments of the {@link #addField} in progress, for the pool's threads. */
    private VectorField currentM, currentH;

    private ExchangeField(FacePairs pairs, Magnet magnet, WorkerPool pool) {
        this.pool = pool;
        int n = magnet.size();
        int[] count = pairs.rowStarts(n, null);
        start = count.clone();
        volume = magnet.volumeArray();
        int[] fill = Arrays.copyOf(count, n);
        neighbour = new int[2 * pairs.size()];
        coefficient = new double[2 * pairs.size()];
        pairEnergy = new double[2 * pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.first[k], j = pairs.second[k];
            double aw = magnet.harmonicMeanBetween(A, magnet.region(i), magnet.region(j)) * pairs.area[k]
                    / pairs.distance[k];
            int qi = fill[i]++, qj = fill[j]++;
            neighbour[qi] = j;
            neighbour[qj] = i;
            coefficient[qi] = 2 * aw / (Constants.MU0 * magnet.ms(i) * magnet.volume(i));
            coefficient[qj] = 2 * aw / (Constants.MU0 * magnet.ms(j) * magnet.volume(j));
            // each pair appears in both rows: half its energy in each
            pairEnergy[qi] = 0.5 * aw;
            pairEnergy[qj] = 0.5 * aw;
        }
        stencil = ExchangeStencil.of(magnet, start, neighbour, coefficient, pairEnergy);
    }

    /**
     * Builds the exchange of a magnet: lattice neighbours on a grid, shared faces otherwise ({@link FacePairs}).
     *
     * @param magnet the system
     * @return the term
     * @throws IllegalArgumentException if two prisms of an arbitrary collection overlap
     */
    public static ExchangeField of(Magnet magnet) {
        return of(magnet, null);
    }

    /**
     * As {@link #of(Magnet)}, computing the field on a pool's threads where {@link WorkerPool#splitsLocalLoop} says so
     * (each domain's sum is the same on any thread: the same bits).
     *
     * @param magnet the system
     * @param pool the threads, or null for the calling thread alone
     * @return the term
     */
    public static ExchangeField of(Magnet magnet, WorkerPool pool) {
        return new ExchangeField(FacePairs.of(magnet), magnet, pool);
    }

    /** @return whether the field and energy run as a stencil (the magnet fills its grid in order) */
    boolean usesStencil() {
        return stencil != null;
    }

    /** @return the number of coupled pairs */
    public int pairCount() {
        return neighbour.length / 2;
    }

    /** @return the compressed rows' starts, one per domain plus one (a copy; for device kernels) */
    public int[] rowStarts() {
        return start.clone();
    }

    /** @return each row's neighbours (a copy) */
    public int[] neighbours() {
        return neighbour.clone();
    }

    /** @return each row entry's coefficient 2 A S/(d μ0 Ms V) (A/m per unit of m; a copy): H_i = Σ c (m_j − m_i) */
    public double[] couplings() {
        return coefficient.clone();
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        int n = start.length - 1;
        if (!WorkerPool.splitsLocalLoop(pool, n)) {
            addRows(m, h, 0, n);
            return;
        }
        currentM = m;
        currentH = h;
        try {
            pool.forRange(n, pool.localGrain(n), rows);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    private void addRows(int from, int to) {
        addRows(currentM, currentH, from, to);
    }

    private void addRows(VectorField m, VectorField h, int from, int to) {
        if (stencil != null) {
            stencil.addField(m, h, from, to);
            return;
        }
        double[] mx = m.x, my = m.y, mz = m.z;
        for (int i = from; i < to; i++) {
            double sx = 0, sy = 0, sz = 0;
            double xi = mx[i], yi = my[i], zi = mz[i];
            for (int q = start[i]; q < start[i + 1]; q++) {
                int j = neighbour[q];
                double c = coefficient[q];
                sx += c * (mx[j] - xi);
                sy += c * (my[j] - yi);
                sz += c * (mz[j] - zi);
            }
            h.x[i] += sx;
            h.y[i] += sy;
            h.z[i] += sz;
        }
    }

    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        if (stencil != null) {
            return stencil.energy(m);
        }
        double e = 0;
        for (int i = 0; i < start.length - 1; i++) {
            for (int q = start[i]; q < start[i + 1]; q++) {
                int j = neighbour[q];
                double dx = m.x[j] - m.x[i], dy = m.y[j] - m.y[i], dz = m.z[j] - m.z[i];
                e += pairEnergy[q] * (dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        for (int i = 0; i < start.length - 1; i++) {
            double e = 0;
            for (int q = start[i]; q < start[i + 1]; q++) {
                int j = neighbour[q];
                double dx = m.x[j] - m.x[i], dy = m.y[j] - m.y[i], dz = m.z[j] - m.z[i];
                e += pairEnergy[q] * (dx * dx + dy * dy + dz * dz);
            }
            density[i] = e / volume[i];
        }
    }
}
