package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.Constants;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Each term's energy E_k (J) and its rate of change dE_k/dt (W) at a state whose effective field H_eff and dm/dt
 * are already known (the end of an integrator step), without computing the demag again: the local terms' fields are
 * computed (cheap), and the demag's is H_eff less their sum. The rate follows from the effective field being the
 * energy's gradient, H_k,i = −∂E_k/∂m_i / (μ0 Ms_i V_i):
 * dE_k/dt = −μ0 Σ_i Ms_i V_i H_k,i · (dm/dt)_i, exact for terms without explicit time dependence (the caller
 * checks that the applied field is constant). With the energies and rates at both ends of a step, a table row inside
 * the step takes its energies from the cubic Hermite interpolant (third order, like the interpolated m).
 *
 * <p>After each local term's field and energy (the term's own code), one pass over the domains gives every rate and
 * the demag's energy (its field H_eff − Σ local never stored), split over the pool in chunks of a size fixed by the
 * domain count whose sums are added in chunk order, so any number of threads gives the same bits. (It was a serial
 * pass per term and quantity: about 107 µs per step for 10⁴ cells, a tenth of standard problem 4's run at 2.5 nm.)
 * Work space: one vector field per local term; allocates nothing per call.
 */
public final class EnergyRates {
    /** Domains per chunk of the pass: its sums do not depend on the threads. */
    static final int CHUNK = 2048;

    private final FieldTerm[] terms;
    /** The index of the demag term (the remainder), or −1; the local terms' indices, in order. */
    private final int costly;
    private final int[] local;
    private final VectorField[] own;
    private final double[] ms, volume;
    /** Zeros standing in for a missing first or second local term's field (null with two or more local terms). */
    private final double[] zero;
    private final WorkerPool pool;
    private final int n, chunks;
    /** Per chunk: each local term's Σ Ms V H·dm/dt, then the demag's Σ Ms V H·m and Σ Ms V H·dm/dt. */
    private final double[][] partial;
    private final WorkerPool.RangeTask chunkTask = this::chunk;
    /** The arguments of the pass in progress, for the pool's threads. */
    private VectorField m, heff, dmdt;

    /**
     * @param magnet the system (Ms and the volumes)
     * @param field the effective field whose terms are rated
     */
    public EnergyRates(Magnet magnet, EffectiveField field) {
        this(magnet, field, null);
    }

    /**
     * @param magnet the system (Ms and the volumes)
     * @param field the effective field whose terms are rated
     * @param pool threads for the pass over the domains, or null for the calling thread
     */
    public EnergyRates(Magnet magnet, EffectiveField field, WorkerPool pool) {
        terms = field.terms().toArray(new FieldTerm[0]);
        int demag = -1, locals = 0;
        for (int k = 0; k < terms.length; k++) {
            if (terms[k] instanceof DemagTerm && demag < 0) {
                demag = k;
            } else {
                locals++;
            }
        }
        costly = demag;
        local = new int[locals];
        own = new VectorField[locals];
        for (int k = 0, j = 0; k < terms.length; k++) {
            if (k != demag) {
                local[j] = k;
                own[j++] = new VectorField(magnet.size());
            }
        }
        ms = magnet.msArray();
        volume = magnet.volumeArray();
        n = magnet.size();
        zero = locals < 2 ? new double[n] : null;
        this.pool = pool != null && pool.threads() > 1 && n > CHUNK ? pool : null;
        chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
        partial = new double[chunks][locals + 2];
    }

    /** @return the number of terms, the length the output arrays need */
    public int terms() {
        return terms.length;
    }

    /**
     * @param t time (s)
     * @param m unit magnetisation
     * @param heff H_eff at (t, m), the sum of every term (A/m), as {@link EffectiveField#compute} gave it
     * @param dmdt dm/dt at (t, m) (1/s)
     * @param energies receives E_k (J) in {@link EffectiveField#terms()} order
     * @param rates receives dE_k/dt (W), same order
     */
    public void compute(double t, VectorField m, VectorField heff, VectorField dmdt, double[] energies,
                        double[] rates) {
        for (int j = 0; j < local.length; j++) {
            own[j].clear();
            terms[local[j]].addField(t, m, own[j]);
            energies[local[j]] = terms[local[j]].energy(t, m, own[j]);
        }
        this.m = m;
        this.heff = heff;
        this.dmdt = dmdt;
        try {
            if (pool == null) {
                for (int c = 0; c < chunks; c++) {
                    chunk(c * CHUNK, Math.min(n, (c + 1) * CHUNK));
                }
            } else {
                pool.forRange(n, CHUNK, chunkTask);
            }
        } finally {
            this.m = null;
            this.heff = null;
            this.dmdt = null;
        }
        for (int j = 0; j < local.length; j++) {
            double r = 0;
            for (int c = 0; c < chunks; c++) {
                r += partial[c][j];
            }
            rates[local[j]] = -Constants.MU0 * r;
        }
        if (costly >= 0) {
            double e = 0, r = 0;
            for (int c = 0; c < chunks; c++) {
                e += partial[c][local.length];
                r += partial[c][local.length + 1];
            }
            energies[costly] = -0.5 * Constants.MU0 * e; // DemagTerm.energy: −½ μ0 Σ Ms V m·H
            rates[costly] = -Constants.MU0 * r;
        }
    }

    /** The sums of the chunks in [from, to) (from a multiple of {@link #CHUNK}). */
    private void chunk(int from, int to) {
        double[] mx = m.x, my = m.y, mz = m.z, hx = heff.x, hy = heff.y, hz = heff.z;
        double[] dx = dmdt.x, dy = dmdt.y, dz = dmdt.z;
        // the first two local terms (exchange and Zeeman, the usual pair) in the one loop, zeros where missing
        double[] ax = local.length > 0 ? own[0].x : zero, ay = local.length > 0 ? own[0].y : zero;
        double[] az = local.length > 0 ? own[0].z : zero, bx = local.length > 1 ? own[1].x : zero;
        double[] by = local.length > 1 ? own[1].y : zero, bz = local.length > 1 ? own[1].z : zero;
        for (int c0 = from; c0 < to; c0 += CHUNK) {
            int c1 = Math.min(to, c0 + CHUNK);
            double[] p = partial[c0 / CHUNK];
            double rateA = 0, rateB = 0, energy = 0, rate = 0;
            for (int i = c0; i < c1; i++) {
                double w = ms[i] * volume[i];
                double ux = ax[i], uy = ay[i], uz = az[i], vx = bx[i], vy = by[i], vz = bz[i];
                double ex = dx[i], ey = dy[i], ez = dz[i];
                rateA += w * (ux * ex + uy * ey + uz * ez);
                rateB += w * (vx * ex + vy * ey + vz * ez);
                double rx = hx[i] - ux - vx, ry = hy[i] - uy - vy, rz = hz[i] - uz - vz;
                for (int j = 2; j < own.length; j++) {
                    rx -= own[j].x[i];
                    ry -= own[j].y[i];
                    rz -= own[j].z[i];
                }
                energy += w * (mx[i] * rx + my[i] * ry + mz[i] * rz);
                rate += w * (ex * rx + ey * ry + ez * rz);
            }
            if (local.length > 0) {
                p[0] = rateA;
            }
            if (local.length > 1) {
                p[1] = rateB;
            }
            for (int j = 2; j < local.length; j++) {
                double[] ox = own[j].x, oy = own[j].y, oz = own[j].z;
                double r = 0;
                for (int i = c0; i < c1; i++) {
                    r += ms[i] * volume[i] * (ox[i] * dx[i] + oy[i] * dy[i] + oz[i] * dz[i]);
                }
                p[j] = r;
            }
            p[local.length] = costly >= 0 ? energy : 0;
            p[local.length + 1] = costly >= 0 ? rate : 0;
        }
    }
}
