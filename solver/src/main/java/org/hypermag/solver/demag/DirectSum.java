package org.hypermag.solver.demag;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.Cancellation;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The exact field of M source prisms at N target points by direct summation, H_i = −Σ_j N(r_i − c_j; s_j)·M_j.
 *
 * <p>Cost O(N·M) per evaluation, spread over the threads of a {@link WorkerPool} (each thread owns a range of
 * targets). The 3×3 interaction tensors (6 doubles, 48 bytes per pair) are precomputed once when N·M·48 bytes fit the
 * memory budget, and evaluated on the fly at every call beyond it. When the targets are the sources' own centres
 * and the coupling is reciprocal (equal prisms, or {@link #amongDomains} with reciprocal coupling), V_i T_ij =
 * V_j T_ji halves the precomputation.
 *
 * <p>Not thread-safe: one caller at a time. {@link #addField} allocates nothing after the first call on each thread.
 */
public final class DirectSum implements DemagField {
    private static final int GRAIN = 16;
    private static final long BYTES_PER_PAIR = 6 * Double.BYTES;

    private final Prisms sources;
    private final double[] tx, ty, tz;
    private final TensorKind kind;
    private final boolean reciprocal;
    private final WorkerPool pool;
    private final double[][] rows;
    private final ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[6]);
    private final ThreadLocal<double[]> backScratch = ThreadLocal.withInitial(() -> new double[6]);
    private final WorkerPool.RangeTask task = this::sumRange;
    private VectorField currentM;
    private VectorField currentH;

    /**
     * @param sources the source prisms (M of them)
     * @param tx target x (m), length N
     * @param ty target y (m), length N
     * @param tz target z (m), length N
     * @param kind the tensor; {@link TensorKind#CELL_AVERAGED} needs all sources the same size
     * @param memoryBudgetBytes precompute the tensors if N·M·48 bytes fit; 0 never precomputes
     * @param pool threads to use
     */
    public DirectSum(Prisms sources, double[] tx, double[] ty, double[] tz, TensorKind kind, long memoryBudgetBytes,
                     WorkerPool pool) {
        this(sources, tx, ty, tz, kind, false, memoryBudgetBytes, pool);
    }

    /**
     * The domains of a collection acting on each other (targets = the sources' centres), optionally with reciprocal
     * coupling: for prisms of different sizes the point tensor at centres is not reciprocal (V_i N_ij ≠ V_j N_ji),
     * and the reciprocal coupling T_ij = ½ [N(r_i − r_j; s_j) + (V_j/V_i) N(r_j − r_i; s_i)] restores V_i T_ij =
     * V_j T_ji, so that the field is the gradient of the demag energy. It equals N_ij for equal prisms and has the same
     * dipole far field.
     *
     * @param sources the domains
     * @param reciprocal whether to couple reciprocally
     * @param memoryBudgetBytes precompute the tensors if N²·48 bytes fit
     * @param pool threads
     * @return the sum
     */
    public static DirectSum amongDomains(Prisms sources, boolean reciprocal, long memoryBudgetBytes, WorkerPool pool) {
        return new DirectSum(sources, sources.centresX(), sources.centresY(), sources.centresZ(), TensorKind.POINT,
                reciprocal, memoryBudgetBytes, pool);
    }

    private DirectSum(Prisms sources, double[] tx, double[] ty, double[] tz, TensorKind kind, boolean reciprocal,
                      long memoryBudgetBytes, WorkerPool pool) {
        if (ty.length != tx.length || tz.length != tx.length) {
            throw new IllegalArgumentException("target coordinate arrays differ in length");
        }
        for (int i = 0; i < tx.length; i++) {
            if (!Double.isFinite(tx[i]) || !Double.isFinite(ty[i]) || !Double.isFinite(tz[i])) {
                throw new IllegalArgumentException("target " + i + " has a non-finite coordinate");
            }
        }
        if (kind == TensorKind.CELL_AVERAGED && !sources.allSameSize()) {
            throw new IllegalArgumentException("the cell-averaged tensor needs all sources the same size");
        }
        this.sources = sources;
        this.tx = tx.clone();
        this.ty = ty.clone();
        this.tz = tz.clone();
        this.kind = kind;
        this.reciprocal = reciprocal && !sources.allSameSize();
        this.pool = pool;
        long bytes = (long) tx.length * sources.size() * BYTES_PER_PAIR;
        this.rows = bytes <= memoryBudgetBytes && 6L * sources.size() <= Integer.MAX_VALUE - 8 ? precompute() : null;
    }

    /** @return a budget of a quarter of the JVM's maximum heap (bytes), the default for precomputed tensors */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** @return true if the interaction tensors are stored, false if they are evaluated at every call */
    public boolean isPrecomputed() {
        return rows != null;
    }

    /** @return the number of targets N */
    @Override
    public int targets() {
        return targetCount();
    }

    @Override
    public int sources() {
        return sourceCount();
    }

    @Override
    public String describe() {
        return "exact direct sum, " + kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " tensor, "
                + sourceCount() + " sources, " + targetCount() + " targets";
    }

    /** @return the number of targets */
    public int targetCount() {
        return tx.length;
    }

    /** @return the number of sources M */
    public int sourceCount() {
        return sources.size();
    }

    /** @return the tensor used */
    public TensorKind kind() {
        return kind;
    }

    /**
     * Writes the interaction tensor between a target and a source.
     *
     * @param target target index
     * @param source source index
     * @param out receives the six components at {@code out[offset..]}
     * @param offset first index written
     */
    public void tensor(int target, int source, double[] out, int offset) {
        kind.evaluate(tx[target] - sources.cx(source), ty[target] - sources.cy(source), tz[target] - sources.cz(source),
                sources.sx(source), sources.sy(source), sources.sz(source), out, offset);
        if (reciprocal && target != source) {
            // T_ij = (N(r_i - r_j; s_j) + (V_j / V_i) N(r_j - r_i; s_i)) / 2
            double[] back = backScratch.get();
            kind.evaluate(sources.cx(source) - sources.cx(target), sources.cy(source) - sources.cy(target),
                    sources.cz(source) - sources.cz(target), sources.sx(target), sources.sy(target), sources.sz(target),
                    back, 0);
            double ratio = sources.volume(source) / sources.volume(target);
            for (int k = 0; k < 6; k++) {
                out[offset + k] = 0.5 * (out[offset + k] + ratio * back[k]);
            }
        }
    }

    /** @return true if prisms of different sizes are coupled reciprocally */
    public boolean isReciprocal() {
        return reciprocal;
    }

    private double[][] precompute() {
        int n = tx.length, m = sources.size();
        double[][] r = new double[n][6 * m];
        // reciprocal couplings: V_i T_ij = V_j T_ji (T_ij = T_ji for equal prisms), so half the pairs suffice
        boolean symmetric = n == m && (sources.allSameSize() || reciprocal) && targetsAreCentres();
        pool.forRange(n, 4, (from, to) -> {
            Cancellation.check();
            for (int i = from; i < to; i++) {
                int start = symmetric ? i : 0;
                for (int j = start; j < m; j++) {
                    tensor(i, j, r[i], 6 * j);
                    if (symmetric && j != i) {
                        double ratio = sources.volume(i) / sources.volume(j);
                        for (int k = 0; k < 6; k++) {
                            r[j][6 * i + k] = ratio * r[i][6 * j + k];
                        }
                    }
                }
            }
        });
        return r;
    }

    private boolean targetsAreCentres() {
        for (int i = 0; i < tx.length; i++) {
            if (tx[i] != sources.cx(i) || ty[i] != sources.cy(i) || tz[i] != sources.cz(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the field of the sources at every target.
     *
     * @param magnetisation M of each source (A/m), size M
     * @param h receives H (A/m) added at each target, size N
     */
    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != sources.size()) {
            throw new IllegalArgumentException("magnetisation has " + magnetisation.size() + " entries for "
                    + sources.size() + " sources");
        }
        if (h.size() != tx.length) {
            throw new IllegalArgumentException("field has " + h.size() + " entries for " + tx.length + " targets");
        }
        currentM = magnetisation;
        currentH = h;
        try {
            pool.forRange(tx.length, GRAIN, task);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    private void sumRange(int from, int to) {
        double[] mx = currentM.x, my = currentM.y, mz = currentM.z;
        double[] hx = currentH.x, hy = currentH.y, hz = currentH.z;
        int m = mx.length;
        if (rows != null) {
            for (int i = from; i < to; i++) {
                double[] row = rows[i];
                double sx = 0, sy = 0, sz = 0;
                for (int j = 0, o = 0; j < m; j++, o += 6) {
                    double ax = mx[j], ay = my[j], az = mz[j];
                    sx += row[o] * ax + row[o + 3] * ay + row[o + 4] * az;
                    sy += row[o + 3] * ax + row[o + 1] * ay + row[o + 5] * az;
                    sz += row[o + 4] * ax + row[o + 5] * ay + row[o + 2] * az;
                }
                hx[i] -= sx;
                hy[i] -= sy;
                hz[i] -= sz;
            }
        } else {
            double[] t = scratch.get();
            for (int i = from; i < to; i++) {
                double sx = 0, sy = 0, sz = 0;
                for (int j = 0; j < m; j++) {
                    tensor(i, j, t, 0);
                    double ax = mx[j], ay = my[j], az = mz[j];
                    sx += t[0] * ax + t[3] * ay + t[4] * az;
                    sy += t[3] * ax + t[1] * ay + t[5] * az;
                    sz += t[4] * ax + t[5] * ay + t[2] * az;
                }
                hx[i] -= sx;
                hy[i] -= sy;
                hz[i] -= sz;
            }
        }
    }
}
