package org.hypermag.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.NewellTensor;
import org.hypermag.solver.parallel.Cancellation;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The exact near zone of a {@link FarFieldSurrogate}: for every pair of target and source closer than the near radius
 * R, the exact coupling minus the surrogate's own far-field kernel (a block of the five mid-plane components xx, xy,
 * yx, yy, zz), so that far field plus near correction is exact inside R. Pairs are stored as compressed rows per
 * target; on a grid one block per lattice offset is shared by all pairs with that offset.
 */
final class FarFieldNearZone {

    /** The exact coupling of a near pair, 6 components (xx, yy, zz, xy, xz, yz). */
    @FunctionalInterface
    interface PairTensor {
        void tensor(int target, int source, double[] out6);
    }

    private final FarFieldSources s;
    final int[] start, index, ref;
    final double[] block;

    /**
     * @param s the sources and targets
     * @param exact exact coupling of near pairs (point coupling), null for grid cells
     * @param fft the transforms of the far field, whose oversampled grid gives the surrogate's near kernel cheaply,
     *     or null (the kernel by its series)
     * @param pool threads
     */
    FarFieldNearZone(FarFieldSources s, PairTensor exact, Nufft2d fft, WorkerPool pool) {
        this.s = s;
        FarFieldModel model = s.model;
        double r = model.radius;
        int[][] csr = pairs(r, pool);
        start = csr[0];
        index = csr[1];
        int pairCount = index.length;
        ref = new int[pairCount];
        if (model.coupling == FarFieldModel.Coupling.CELL_AVERAGED) {
            block = gridBlocks();
        } else {
            block = new double[5 * pairCount];
            // the surrogate's own near kernel: from the transform's upsampled grid where the far field is evaluated
            // by transforms (O(w²) per pair), else by its series (O(L) per pair)
            // (with the exact size map: the line kernel averaged over each source's rectangle)
            FarFieldNearKernels table = fft == null ? null : s.exactMap ? FarFieldNearKernels.boxes(model, r, s.sx,
                    s.sy, fft) : new FarFieldNearKernels(model, r, fft);
            if (table != null && s.reciprocal && !s.singleSet) {
                bySymmetry(table, exact, pool);
            } else {
                pool.forRange(s.nt, 8, (from, to) -> {
                    double[] t = new double[6], k = new double[5], wf = new double[s.features];
                    double[] buffer = table == null ? null : table.buffer();
                    for (int i = from; i < to; i++) {
                        for (int e = start[i]; e < start[i + 1]; e++) {
                            int j = index[e];
                            ref[e] = e;
                            exact.tensor(i, j, t);
                            double dx = s.tx[i] - s.px[j], dy = s.ty[i] - s.py[j];
                            if (table == null) {
                                s.pairKernel(i, j).tensor(dx, dy, k);
                            } else if (s.exactMap) {
                                // at points: the source's own kernel
                                table.boxTensor(dx, dy, s.sx[j], s.sy[j], buffer, k);
                            } else {
                                s.pairWeights(i, j, wf);
                                table.tensor(dx, dy, wf, buffer, k);
                            }
                            store(block, e, t, k, s.volume[j]);
                        }
                    }
                });
            }
        }
    }

    /** @return the number of stored pairs (self included) */
    int pairs() {
        return index.length;
    }

    /**
     * Adds the near corrections of targets [from, to) into h.
     *
     * @param m the sources' magnetisation (A/m)
     * @param h receives the field (A/m)
     * @param from first target
     * @param to end of the targets
     */
    void addField(VectorField m, VectorField h, int from, int to) {
        double[] mx = m.x, my = m.y, mz = m.z;
        for (int i = from; i < to; i++) {
            double hx = 0, hy = 0, hz = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                int j = index[e];
                int o = 5 * ref[e];
                double ax = mx[j], ay = my[j];
                hx -= block[o] * ax + block[o + 1] * ay;
                hy -= block[o + 2] * ax + block[o + 3] * ay;
                hz -= block[o + 4] * mz[j];
            }
            h.x[i] += hx;
            h.y[i] += hy;
            h.z[i] += hz;
        }
    }

    /**
     * Near blocks among domains of mixed sizes with the kernel table: the surrogate's pair kernel ½ Σ_k (φ_ik + φ_jk)
     * S_k(d) is split into the target's half, interpolated from blocks combined once per target, and the source's
     * half, which is the target half of the reverse pair (j, i) at −d (S_k is even in d). Pass 1 stores each pair's
     * target half in its block; pass 2 visits each unordered pair once (from its smaller index) and writes both
     * orientations, so no block is read after it is overwritten.
     */
    private void bySymmetry(FarFieldNearKernels table, PairTensor exact, WorkerPool pool) {
        // chunks of 256 targets: each allocates its combined blocks once (5 blocks of the near grid)
        pool.forRange(s.nt, 256, (from, to) -> {
            double[] combined = s.exactMap ? null : table.combinedBuffer(), buffer = table.buffer();
            double[] wf = new double[s.features];
            double[] k = new double[5];
            for (int i = from; i < to; i++) {
                if (!s.exactMap) {
                    Arrays.fill(wf, 0);
                    s.addPhi(i, wf);
                    table.combine(wf, combined);
                }
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = index[e];
                    ref[e] = e;
                    double dx = s.tx[i] - s.px[j], dy = s.ty[i] - s.py[j];
                    if (s.exactMap) {
                        // the target's own kernel: the line kernel averaged over its rectangle
                        table.boxTensor(dx, dy, s.sx[i], s.sy[i], buffer, k);
                    } else {
                        table.tensorCombined(dx, dy, combined, buffer, k);
                    }
                    System.arraycopy(k, 0, block, 5 * e, 5);
                }
            }
        });
        pool.forRange(s.nt, 8, (from, to) -> {
            double[] t = new double[6], k = new double[5];
            for (int i = from; i < to; i++) {
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = index[e];
                    if (j < i) {
                        continue;
                    }
                    int r = j == i ? e : Arrays.binarySearch(index, start[j], start[j + 1], i);
                    for (int c = 0; c < 5; c++) {
                        k[c] = 0.5 * (block[5 * e + c] + block[5 * r + c]);
                    }
                    exact.tensor(i, j, t);
                    store(block, e, t, k, s.volume[j]);
                    if (r != e) {
                        exact.tensor(j, i, t);
                        store(block, r, t, k, s.volume[i]);
                    }
                }
            }
        });
    }

    /** Stores exact − surrogate for pair e: exact 6 components t, surrogate per unit volume k (5), source volume. */
    private static void store(double[] blocks, int e, double[] t, double[] k, double vj) {
        int o = 5 * e;
        blocks[o] = t[0] - vj * k[0];
        blocks[o + 1] = t[3] - vj * k[1];
        blocks[o + 2] = t[3] - vj * k[2];
        blocks[o + 3] = t[1] - vj * k[3];
        blocks[o + 4] = t[2] - vj * k[4];
    }

    /** Grid cells: one block per lattice offset, shared by all pairs with that offset. */
    private double[] gridBlocks() {
        FarFieldModel model = s.model;
        double dx = model.cell[0], dy = model.cell[1], dz = model.cell[2];
        Map<Long, Integer> offsets = new HashMap<>();
        List<double[]> table = new ArrayList<>();
        FarFieldKernel g = model.sets[0];
        double v = dx * dy * dz;
        double[] t = new double[6], k = new double[5];
        for (int i = 0; i < s.nt; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                int j = index[e];
                long ix = Math.round((s.tx[i] - s.px[j]) / dx), iy = Math.round((s.ty[i] - s.py[j]) / dy);
                long key = key(ix, iy);
                Integer at = offsets.get(key);
                if (at == null) {
                    at = table.size();
                    offsets.put(key, at);
                    NewellTensor.evaluate(ix * dx, iy * dy, 0, dx, dy, dz, t, 0);
                    g.tensor(ix * dx, iy * dy, k);
                    double[] b = new double[5];
                    store(b, 0, t, k, v);
                    table.add(b);
                }
                ref[e] = at;
            }
        }
        double[] blocks = new double[5 * table.size()];
        for (int q = 0; q < table.size(); q++) {
            System.arraycopy(table.get(q), 0, blocks, 5 * q, 5);
        }
        return blocks;
    }

    /**
     * The pairs closer than r, as compressed rows: {start (nt + 1), source index per pair}, sources ascending per
     * target. Sources are binned into cells of side r; two passes (count, fill), parallel over targets.
     */
    private int[][] pairs(double r, WorkerPool pool) {
        return pairs(s.px, s.py, s.tx, s.ty, r, pool);
    }

    /**
     * The pairs of targets and sources whose in-plane distance is at most r, as compressed rows.
     *
     * @param px source x (m)
     * @param py source y (m)
     * @param tx target x (m)
     * @param ty target y (m)
     * @param r the radius (m)
     * @param pool threads
     * @return {start (targets + 1), source index per pair}, sources ascending per target
     */
    static int[][] pairs(double[] px, double[] py, double[] tx, double[] ty, double r, WorkerPool pool) {
        int n = px.length, nt = tx.length;
        long[] keys = new long[n];
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            keys[j] = key((long) Math.floor(px[j] / r), (long) Math.floor(py[j] / r));
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
        int[] sorted = new int[n];
        Map<Long, int[]> bins = new HashMap<>();
        for (int k = 0; k < n; k++) {
            sorted[k] = order[k];
            int[] range = bins.computeIfAbsent(keys[order[k]], key -> new int[] {-1, 0});
            if (range[0] < 0) {
                range[0] = k;
            }
            range[1] = k + 1;
        }
        double r2 = r * r;
        int[] first = new int[nt + 1];
        int[][] perTarget = new int[nt][];
        pool.forRange(nt, 64, (from, to) -> {
            int[] buf = new int[16];
            Cancellation.check();
            for (int i = from; i < to; i++) {
                long bx = (long) Math.floor(tx[i] / r), by = (long) Math.floor(ty[i] / r);
                int count = 0;
                for (long ox = -1; ox <= 1; ox++) {
                    for (long oy = -1; oy <= 1; oy++) {
                        int[] range = bins.get(key(bx + ox, by + oy));
                        if (range == null) {
                            continue;
                        }
                        for (int k = range[0]; k < range[1]; k++) {
                            int j = sorted[k];
                            double dx = tx[i] - px[j], dy = ty[i] - py[j];
                            if (dx * dx + dy * dy <= r2) {
                                if (count == buf.length) {
                                    buf = Arrays.copyOf(buf, 2 * count);
                                }
                                buf[count++] = j;
                            }
                        }
                    }
                }
                int[] near = Arrays.copyOf(buf, count);
                Arrays.sort(near);
                perTarget[i] = near;
            }
        });
        for (int i = 0; i < nt; i++) {
            first[i + 1] = first[i] + perTarget[i].length;
        }
        int[] all = new int[first[nt]];
        for (int i = 0; i < nt; i++) {
            System.arraycopy(perTarget[i], 0, all, first[i], perTarget[i].length);
            perTarget[i] = null;
        }
        return new int[][] {first, all};
    }

    private static long key(long x, long y) {
        return (x & 0xFFFFFFFFL) | (y << 32);
    }
}
