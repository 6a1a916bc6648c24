package org.hypermag.integrators;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The Runge–Kutta stepper's passes over the domains — the stage sums, the renormalisation, the finiteness check and
 * the error norm — split over the equation's pool where {@link WorkerPool#splitsLocalLoop} says so (one chunk per
 * thread, {@link WorkerPool#localGrain}), else on the calling thread. Each domain is computed by one thread in the
 * same operations as the serial loop, and the chunks' results are combined exactly (a first index, a maximum), so
 * any number of threads gives the same bits. Allocates nothing per call.
 */
final class StageLoops {
    private final WorkerPool pool;
    private final int n;
    private final int grain;
    /** Per chunk: the first bad domain (or −1), or the largest squared error. */
    private final int[] chunkIndex;
    private final double[] chunkValue;
    /** Per chunk: the error sums of one block (x, y, z parts of {@link #BLOCK} domains each). */
    private final double[][] errorSums;
    private final WorkerPool.RangeTask combineTask = this::combineChunk;
    private final WorkerPool.RangeTask normaliseTask = this::normaliseChunk;
    private final WorkerPool.RangeTask finiteTask = this::finiteChunk;
    private final WorkerPool.RangeTask errorTask = this::errorChunk;
    /** The arguments of the pass in progress, for the pool's threads. */
    private VectorField out;
    private VectorField base;
    private VectorField[] stages;
    private double[] weights;
    private int count;
    private double scale;

    /**
     * @param pool the equation's threads, or null
     * @param n the domains
     */
    StageLoops(WorkerPool pool, int n) {
        boolean split = WorkerPool.splitsLocalLoop(pool, n);
        this.pool = split ? pool : null;
        this.n = n;
        grain = split ? pool.localGrain(n) : Math.max(1, n);
        int chunks = (n + grain - 1) / grain;
        chunkIndex = new int[Math.max(1, chunks)];
        chunkValue = new double[Math.max(1, chunks)];
        errorSums = new double[Math.max(1, chunks)][3 * BLOCK];
    }

    private void run(WorkerPool.RangeTask task) {
        // a pool busy with another loop runs this one whole on the caller: no chunk may keep an old result
        java.util.Arrays.fill(chunkIndex, -1);
        java.util.Arrays.fill(chunkValue, 0);
        if (pool == null) {
            task.run(0, n);
        } else {
            pool.forRange(n, grain, task);
        }
    }

    /** out = base + dt Σ_{j&lt;count} w_j k_j, term by term in order (the stage sum). */
    void combine(VectorField out, VectorField base, double dt, double[] w, VectorField[] k, int count) {
        this.out = out;
        this.base = base;
        this.scale = dt;
        this.weights = w;
        this.stages = k;
        this.count = count;
        try {
            run(combineTask);
        } finally {
            release();
        }
    }

    /**
     * Domains per block of a stage sum: the block's three output arrays (3 × 4 KB) stay in the first-level cache
     * while every stage adds into them, where a pass per stage would stream the whole output through the caches once
     * per stage.
     */
    static final int BLOCK = 512;

    private void combineChunk(int from, int to) {
        double[] ox = out.x, oy = out.y, oz = out.z;
        for (int b = from; b < to; b += BLOCK) {
            int e = Math.min(to, b + BLOCK);
            System.arraycopy(base.x, b, ox, b, e - b);
            System.arraycopy(base.y, b, oy, b, e - b);
            System.arraycopy(base.z, b, oz, b, e - b);
            for (int j = 0; j < count; j++) {
                double s = scale * weights[j];
                if (s == 0) {
                    continue;
                }
                double[] kx = stages[j].x, ky = stages[j].y, kz = stages[j].z;
                for (int i = b; i < e; i++) {
                    ox[i] += s * kx[i];
                    oy[i] += s * ky[i];
                    oz[i] += s * kz[i];
                }
            }
        }
    }

    /**
     * Normalises every vector of v to unit length.
     *
     * @return the first domain with a zero or non-finite vector (its chunk is left from there on), else −1
     */
    int normalise(VectorField v) {
        return firstBad(v, normaliseTask);
    }

    private void normaliseChunk(int from, int to) {
        double[] x = out.x, y = out.y, z = out.z;
        int bad = -1;
        for (int i = from; i < to; i++) {
            double n2 = x[i] * x[i] + y[i] * y[i] + z[i] * z[i];
            if (!(n2 > 0) || !Double.isFinite(n2)) {
                bad = i;
                break;
            }
            double inv = 1 / Math.sqrt(n2);
            x[i] *= inv;
            y[i] *= inv;
            z[i] *= inv;
        }
        chunkIndex[from / grain] = bad;
    }

    /** @return the first domain of v with a non-finite component, else −1 */
    int firstNonFinite(VectorField v) {
        return firstBad(v, finiteTask);
    }

    /** Runs a pass over v that records each chunk's first bad domain; returns the first over all chunks, or −1. */
    private int firstBad(VectorField v, WorkerPool.RangeTask task) {
        out = v;
        try {
            run(task);
        } finally {
            release();
        }
        for (int i : chunkIndex) {
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private void finiteChunk(int from, int to) {
        double[] x = out.x, y = out.y, z = out.z;
        int bad = -1;
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i] + y[i] + z[i])) {
                bad = i;
                break;
            }
        }
        chunkIndex[from / grain] = bad;
    }

    /**
     * @param w a weight per stage (0: skipped)
     * @param k the stages
     * @return max_i |Σ_s w_s k_s,i|² (NaN if any is NaN)
     */
    double maxWeightedNorm2(double[] w, VectorField[] k) {
        weights = w;
        stages = k;
        try {
            run(errorTask);
        } finally {
            release();
        }
        double max2 = 0;
        for (double v : chunkValue) {
            if (!(v <= max2) && !Double.isNaN(max2)) {
                max2 = v; // a NaN stays
            }
        }
        return max2;
    }

    private void errorChunk(int from, int to) {
        double[] sum = errorSums[from / grain];
        double max2 = 0;
        for (int b = from; b < to; b += BLOCK) {
            int len = Math.min(to, b + BLOCK) - b;
            java.util.Arrays.fill(sum, 0, 3 * BLOCK, 0);
            // Σ_s w_s k_s over the block, stage by stage (per domain the same sum in the same order as one domain at
            // a time: the same bits), each stage's arrays read once in order
            for (int s = 0; s < weights.length; s++) {
                double w = weights[s];
                if (w == 0) {
                    continue;
                }
                double[] kx = stages[s].x, ky = stages[s].y, kz = stages[s].z;
                for (int i = 0; i < len; i++) {
                    sum[i] += w * kx[b + i];
                    sum[BLOCK + i] += w * ky[b + i];
                    sum[2 * BLOCK + i] += w * kz[b + i];
                }
            }
            for (int i = 0; i < len; i++) {
                double ex = sum[i], ey = sum[BLOCK + i], ez = sum[2 * BLOCK + i];
                double e2 = ex * ex + ey * ey + ez * ez;
                if (!(e2 <= max2) && !Double.isNaN(max2)) {
                    max2 = e2; // a NaN stays
                }
            }
        }
        chunkValue[from / grain] = max2;
    }

    private void release() {
        out = null;
        base = null;
        stages = null;
        weights = null;
    }
}
