package org.hypermag.surrogate;

import java.util.Arrays;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.parallel.Cancellation;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The far-field surrogate between two layers of domains: the field at the domains of a target layer from the
 * magnetisation of a source layer whose mid-plane lies dz below (or above) theirs. The far part by non-uniform FFTs
 * with the smeared kernel between the layers (six components: xz and yz no longer vanish off a source's plane,
 * {@link FarFieldSmeared}); the near part (in-plane distance at most R) exact minus that kernel, in blocks of nine
 * components.
 *
 * <p>Coupling as the exact path's: between prisms the reciprocal point tensor of {@code DirectSum},
 * T_ij = ½ [N(r_i − r_j; s_j) + (V_j/V_i) N(r_i − r_j; s_i)], which the surrogate writes ½ V_j [G_A(s_j) + G_B(s_i)]
 * with G_A made for the source layer's thickness and G_B for the target layer's; between grid cells the
 * cell-averaged tensor, one kernel for all.
 *
 * <p>Not thread-safe; {@link #addField} allocates nothing.
 */
final class FarFieldInterLayer {
    /** Indices, into the whole collection, of the targets (one layer) and of the sources (another). */
    final int[] targets, sources;
    /** The far part: by the moment channels, or (exact size map: both models carry line kernels) by rectangles. */
    private final FarFieldSpectral spectral;
    private final FarFieldBoxTransforms boxes;
    private final int[] start, index;
    /** Per near pair, exact minus surrogate, 3 × 3 row-major (dimensionless). */
    private final double[] block;
    private final VectorField m, h;
    private VectorField currentOut;
    private final WorkerPool.RangeTask nearTask = this::addNear;

    /**
     * @param px source centres x (m), the source layer's domains in order
     * @param py source centres y (m)
     * @param volume source volumes (m³)
     * @param sx source x sides (m)
     * @param sy source y sides (m)
     * @param sources where each source's magnetisation is in the field {@link #addField} takes
     * @param tx target x (m)
     * @param ty target y (m)
     * @param tsx target x sides (m) for the reciprocal coupling among domains, or null at points
     * @param tsy target y sides (m), or null
     * @param targets where each target's field goes in the field {@link #addField} adds to
     * @param modelA the kernel from the source layer (its thickness) to the targets' plane, its features over the
     *     sources' sizes
     * @param modelB among domains: the kernel with the target layer's thickness over the targets' sizes (the
     *     reciprocal half), or the same object as modelA when every domain of both layers has one size and thickness
     *     (then T = V_j G); at points: null (T = V_j G_A(s_j), the plain point tensor)
     * @param exact the exact coupling of target i and source j (indices in the arrays above): 6 components (xx, yy,
     *     zz, xy, xz, yz), H_i = −T M_j
     * @param pool threads
     */
    FarFieldInterLayer(double[] px, double[] py, double[] volume, double[] sx, double[] sy, int[] sources,
                       double[] tx, double[] ty, double[] tsx, double[] tsy, int[] targets, FarFieldModel modelA,
                       FarFieldModel modelB, FarFieldNearZone.PairTensor exact, WorkerPool pool) {
        this.targets = targets.clone();
        this.sources = sources.clone();
        int nt = tx.length, n = px.length;
        boolean points = modelB == null, single = modelA == modelB;
        double[] featA = rows(modelA, sx, sy), featB = points ? null : rows(modelB, tsx, tsy);
        double wA = points ? 1 : single ? 0 : 0.5, wB = points ? 0 : single ? 1 : 0.5;
        Nufft2d fft = new Nufft2d(modelA.ax.modes, modelA.ay.modes, FarFieldSpectral.TOLERANCE, pool);
        boolean exactMap = !single && modelA.line != null && (points || modelB.line != null);
        spectral = exactMap ? null : new FarFieldSpectral(modelA, points ? modelA : modelB, px, py, volume, featA, tx,
                ty, featB, wA, wB, fft);
        boxes = exactMap ? new FarFieldBoxTransforms(modelA.line, points ? null : modelB.line, px, py, volume, sx, sy,
                tx, ty, tsx, tsy, wA, wB, modelA.ax, modelA.ay, fft) : null;
        double r = points ? modelA.radius : Math.max(modelA.radius, modelB.radius);
        int[][] csr = FarFieldNearZone.pairs(px, py, tx, ty, r, pool);
        start = csr[0];
        index = csr[1];
        block = new double[9 * index.length];
        // the surrogate's own near kernels: the line kernels averaged over each rectangle (exact map), or the
        // coefficient sets combined with each domain's features
        FarFieldNearKernels tableB = points ? null : exactMap ? FarFieldNearKernels.boxes(modelB, r, tsx, tsy, fft)
                : new FarFieldNearKernels(modelB, r, fft);
        FarFieldNearKernels tableA = single ? null : exactMap ? FarFieldNearKernels.boxes(modelA, r, sx, sy, fft)
                : new FarFieldNearKernels(modelA, r, fft);
        int kB = points ? 0 : modelB.sets.length;
        // pass 1, by target: exact minus the target's half (all of it for one kernel), blocks combined once
        pool.forRange(nt, 64, (from, to) -> {
            double[] combined = points || exactMap ? null : tableB.combinedBuffer();
            double[] buffer = points ? null : tableB.buffer();
            double[] wf = new double[kB], t = new double[6], k = new double[9];
            for (int i = from; i < to; i++) {
                Cancellation.check();
                if (!points && !exactMap) {
                    System.arraycopy(featB, i * kB, wf, 0, kB);
                    tableB.combine(wf, combined);
                }
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = index[e];
                    exact.tensor(i, j, t);
                    storeExact(block, e, t);
                    if (!points) {
                        if (exactMap) {
                            tableB.boxTensor(tx[i] - px[j], ty[i] - py[j], tsx[i], tsy[i], buffer, k);
                        } else {
                            tableB.tensorCombined(tx[i] - px[j], ty[i] - py[j], combined, buffer, k);
                        }
                        subtract(block, e, k, wB * volume[j]);
                    }
                }
            }
        });
        if (!single) {
            // pass 2, by source: minus the source's half, its blocks combined once per source
            int[][] bySource = transpose(start, index, n);
            int kA = modelA.sets.length;
            pool.forRange(n, 64, (from, to) -> {
                double[] combined = exactMap ? null : tableA.combinedBuffer(), buffer = tableA.buffer();
                double[] wf = new double[kA], k = new double[9];
                for (int j = from; j < to; j++) {
                    Cancellation.check();
                    if (!exactMap) {
                        System.arraycopy(featA, j * kA, wf, 0, kA);
                        tableA.combine(wf, combined);
                    }
                    for (int q = bySource[0][j]; q < bySource[0][j + 1]; q++) {
                        int e = bySource[1][q], i = bySource[2][q];
                        if (exactMap) {
                            tableA.boxTensor(tx[i] - px[j], ty[i] - py[j], sx[j], sy[j], buffer, k);
                        } else {
                            tableA.tensorCombined(tx[i] - px[j], ty[i] - py[j], combined, buffer, k);
                        }
                        subtract(block, e, k, wA * volume[j]);
                    }
                }
            });
        }
        m = new VectorField(n);
        h = new VectorField(nt);
    }

    /** @return whether the far part uses the exact size map (rectangles) */
    boolean exactSizeMap() {
        return boxes != null;
    }

    /** @return the number of near pairs */
    int nearPairs() {
        return index.length;
    }

    /**
     * Adds the field at the target layer from the source layer into h.
     *
     * @param all the magnetisation of the whole collection (A/m)
     * @param out the field of the whole collection (A/m), added to at the targets
     * @param pool threads for the near part
     */
    void addField(VectorField all, VectorField out, WorkerPool pool) {
        for (int j = 0; j < sources.length; j++) {
            int g = sources[j];
            m.x[j] = all.x[g];
            m.y[j] = all.y[g];
            m.z[j] = all.z[g];
        }
        h.clear();
        if (boxes != null) {
            boxes.addField(m, h);
        } else {
            spectral.addField(m, h);
        }
        currentOut = out;
        try {
            pool.forRange(targets.length, 64, nearTask);
        } finally {
            currentOut = null;
        }
    }

    /** The near corrections of targets [from, to) plus their far field, added into the collection's field. */
    private void addNear(int from, int to) {
        VectorField out = currentOut;
        for (int i = from; i < to; i++) {
            double hx = 0, hy = 0, hz = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                int j = index[e], o = 9 * e;
                double ax = m.x[j], ay = m.y[j], az = m.z[j];
                hx -= block[o] * ax + block[o + 1] * ay + block[o + 2] * az;
                hy -= block[o + 3] * ax + block[o + 4] * ay + block[o + 5] * az;
                hz -= block[o + 6] * ax + block[o + 7] * ay + block[o + 8] * az;
            }
            int g = targets[i];
            out.x[g] += h.x[i] + hx;
            out.y[g] += h.y[i] + hy;
            out.z[g] += h.z[i] + hz;
        }
    }

    /** Stores the exact coupling of pair e, given in PrismTensor's order (xx, yy, zz, xy, xz, yz), as 3 × 3. */
    private static void storeExact(double[] b, int e, double[] t) {
        int o = 9 * e;
        b[o] = t[0];
        b[o + 1] = t[3];
        b[o + 2] = t[4];
        b[o + 3] = t[3];
        b[o + 4] = t[1];
        b[o + 5] = t[5];
        b[o + 6] = t[4];
        b[o + 7] = t[5];
        b[o + 8] = t[2];
    }

    /**
     * Subtracts v·k from pair e's block: k the surrogate per unit volume in {@link FarFieldSpectral#PAIRS} order
     * (xx, xy, yx, yy, zz, xz, zx, yz, zy).
     */
    private static void subtract(double[] b, int e, double[] k, double v) {
        int o = 9 * e;
        b[o] -= v * k[0];
        b[o + 1] -= v * k[1];
        b[o + 2] -= v * k[5];
        b[o + 3] -= v * k[2];
        b[o + 4] -= v * k[3];
        b[o + 5] -= v * k[7];
        b[o + 6] -= v * k[6];
        b[o + 7] -= v * k[8];
        b[o + 8] -= v * k[4];
    }

    /** The pairs by source: {start per source (n + 1), pair index, target index}. */
    private static int[][] transpose(int[] start, int[] index, int n) {
        int[] count = new int[n + 1];
        for (int j : index) {
            count[j + 1]++;
        }
        for (int j = 0; j < n; j++) {
            count[j + 1] += count[j];
        }
        int[] fill = Arrays.copyOf(count, n), pair = new int[index.length], target = new int[index.length];
        for (int i = 0; i + 1 < start.length; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                int at = fill[index[e]]++;
                pair[at] = e;
                target[at] = i;
            }
        }
        return new int[][] {count, pair, target};
    }

    /** Feature rows of the model for domains of the given sides (one-hot for classes). */
    private static double[] rows(FarFieldModel model, double[] sx, double[] sy) {
        int k = model.sets.length;
        double[] rows = new double[sx.length * k], buf = new double[k];
        for (int i = 0; i < sx.length; i++) {
            model.features.evaluate(sx[i], sy[i], buf);
            System.arraycopy(buf, 0, rows, i * k, k);
        }
        return rows;
    }

}
