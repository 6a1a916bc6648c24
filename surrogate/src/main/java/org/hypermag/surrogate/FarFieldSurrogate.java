package org.hypermag.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectSum;
import org.hypermag.solver.demag.NewellTensor;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The far-field surrogate of the demagnetising field among the domains of a thin film: the paper's additive
 * architecture with an exact near field.
 *
 * <ul>
 *   <li>Far field: each source j contributes coefficients V_j g(s_j) ⊙ M_j, linear in its magnetisation, with its
 *   position in exact Fourier phases; the contributions of all sources are summed; the shared harmonic basis at each
 *   target turns the sum into the in-plane field −∇φ (gradient taken analytically) and H_z from a separate channel
 *   ({@link FarFieldKernel}, {@link FarFieldModel}). Cost O((M + N)·L) per evaluation.</li>
 *   <li>Near field: for pairs closer than R, the exact coupling minus the surrogate's own contribution (sparse
 *   blocks of the five mid-plane components), including the exact self term. The exact coupling is the one of the
 *   exact path: the cell-averaged tensor on grids, the reciprocal point tensor ({@link DirectSum#amongDomains}) for
 *   arbitrary prisms.</li>
 * </ul>
 * Between prisms of different sizes the exact path couples reciprocally, T_ij = ½ [N(d; s_j) + (V_j/V_i) N(d; s_i)];
 * with N(d; s) ≈ V(s) g_s(d) the surrogate's coupling is ½ V_j [g_j(d) + g_i(d)]: the sources' coefficients summed
 * (channel A) plus the target's own coefficients times the sum of the sources' volume-weighted phases (channel B).
 * Both are sums over sources, so the cost stays O(M + N).
 *
 * <p>Not thread-safe; {@link #addField} allocates nothing.
 */
public final class FarFieldSurrogate implements DemagField {
    private final FarFieldModel model;
    /** Sources: count, centres (m), volumes (m³). */
    private final int n;
    private final double[] px, py, volume;
    /** Source j's size class (CLASSES features), or -1 (moments: coefficients built per source). */
    private final int[] klass;
    /** Moment features φ_k of each source, n × K (null for classes). */
    private final double[] phi;
    /** Targets: count and positions (m); among domains they are the sources. */
    private final int nt;
    private final double[] tx, ty;
    /** Whether the targets are the domains, coupled reciprocally (else points, plain point tensor). */
    private final boolean reciprocal;
    /** One coefficient set for every source (and target): channel A equals g ⊙ B and is not needed. */
    private final boolean singleSet;
    /** Which source sums an evaluation needs: A (each source's own coefficients), B (volume-weighted phases). */
    private final boolean useA, useB;
    private final HarmonicAxis ax, ay;
    private final int kx, ky, size, features;
    private final int[] nearStart, nearIndex, nearRef;
    private final double[] nearBlock;
    private final WorkerPool pool;
    private final String description;

    // evaluation work space
    private final int chunks;
    private final double[][] partialA, partialB;
    private final double[] sumA, sumB;
    private final ThreadLocal<double[][]> work;
    private final ThreadLocal<double[][]> coefficientRefs = ThreadLocal.withInitial(() -> new double[3][]);
    private VectorField currentM, currentH;
    private final WorkerPool.RangeTask accumulateTask = this::accumulate;
    private final WorkerPool.RangeTask evaluateTask = this::evaluate;

    /** The exact coupling of a near pair, 6 components (xx, yy, zz, xy, xz, yz). */
    @FunctionalInterface
    private interface PairTensor {
        void tensor(int target, int source, double[] out6);
    }

    /**
     * @param model the model
     * @param p the sources
     * @param targetX target x, or null for the domains themselves (reciprocal coupling)
     * @param targetY target y
     * @param pool threads
     * @param exact exact coupling of near pairs (POINT coupling), null for grid cells
     */
    private FarFieldSurrogate(FarFieldModel model, Prisms p, double[] targetX, double[] targetY, WorkerPool pool,
                              PairTensor exact) {
        String why = model.unsupported(p);
        if (why != null) {
            throw new IllegalArgumentException("the far-field model cannot represent these sources: " + why);
        }
        this.model = model;
        this.pool = pool;
        n = p.size();
        px = p.centresX();
        py = p.centresY();
        reciprocal = targetX == null;
        tx = reciprocal ? px : targetX.clone();
        ty = reciprocal ? py : targetY.clone();
        nt = tx.length;
        if (!reciprocal) {
            requireCovered(model, p, tx, ty);
        }
        volume = new double[n];
        for (int i = 0; i < n; i++) {
            volume[i] = p.volume(i);
        }
        ax = model.ax;
        ay = model.ay;
        kx = ax.modes;
        ky = ay.modes;
        size = (kx + 1) * (ky + 1);
        SizeFeatures f = model.features;
        features = f.count();
        klass = new int[n];
        double[] buf = new double[features];
        if (f.kind == SizeFeatures.Kind.CLASSES) {
            phi = null;
            for (int i = 0; i < n; i++) {
                f.evaluate(p.sx(i), p.sy(i), buf);
                int k = 0;
                while (buf[k] == 0) {
                    k++;
                }
                klass[i] = k;
            }
        } else {
            phi = new double[n * features];
            for (int i = 0; i < n; i++) {
                klass[i] = -1;
                f.evaluate(p.sx(i), p.sy(i), buf);
                System.arraycopy(buf, 0, phi, i * features, features);
            }
        }
        boolean same = n > 0 && klass[0] >= 0;
        for (int i = 1; i < n && same; i++) {
            same = klass[i] == klass[0];
        }
        singleSet = same;
        // near zone
        double r = model.radius;
        List<int[]> pairs = nearPairs(r);
        nearStart = new int[nt + 1];
        for (int[] q : pairs) {
            nearStart[q[0] + 1]++;
        }
        for (int i = 0; i < nt; i++) {
            nearStart[i + 1] += nearStart[i];
        }
        nearIndex = new int[pairs.size()];
        nearRef = new int[pairs.size()];
        for (int e = 0; e < pairs.size(); e++) {
            nearIndex[e] = pairs.get(e)[1];
        }
        if (model.coupling == FarFieldModel.Coupling.CELL_AVERAGED) {
            nearBlock = gridBlocks(pairs);
        } else {
            nearBlock = new double[5 * pairs.size()];
            pool.forRange(nt, 8, (from, to) -> {
                double[] t = new double[6], s = new double[5];
                for (int i = from; i < to; i++) {
                    for (int e = nearStart[i]; e < nearStart[i + 1]; e++) {
                        int j = nearIndex[e];
                        nearRef[e] = e;
                        exact.tensor(i, j, t);
                        pairKernel(i, j).tensor(tx[i] - px[j], ty[i] - py[j], s);
                        store(nearBlock, e, t, s, volume[j]);
                    }
                }
            });
        }
        // work space
        chunks = Math.max(1, Math.min(n, 4 * pool.threads()));
        useA = !singleSet;
        useB = singleSet || reciprocal;
        partialA = useA ? new double[chunks][12 * size] : null;
        partialB = useB ? new double[chunks][12 * size] : null;
        sumA = useA ? new double[12 * size] : null;
        sumB = useB ? new double[12 * size] : null;
        int mx = Math.max(kx, ky) + 1;
        work = ThreadLocal.withInitial(() -> new double[][] {new double[mx], new double[mx], new double[mx],
            new double[mx], new double[size], new double[size], new double[size]});
        description = String.format(Locale.ROOT, "%s; %.1f exact near blocks per target, %d sources, %s",
                model.describe(), pairs.size() / (double) Math.max(1, nt), n, reciprocal ? "targets: the domains "
                        + "(reciprocal coupling)" : nt + " target points");
    }

    /**
     * The surrogate's kernel from source j at target i per unit source volume, in the given buffers: ½ (g_i + g_j)
     * between domains, g_j at points.
     */
    private FarFieldKernel pairKernel(int i, int j) {
        double[] w = new double[features];
        addPhi(j, w);
        if (reciprocal) {
            addPhi(i, w);
            for (int k = 0; k < features; k++) {
                w[k] *= 0.5;
            }
        }
        return FarFieldKernel.combine(model.sets, w);
    }

    private void addPhi(int i, double[] w) {
        if (klass[i] >= 0) {
            w[klass[i]] += 1;
        } else {
            for (int k = 0; k < features; k++) {
                w[k] += phi[i * features + k];
            }
        }
    }

    /** Stores exact − surrogate for pair e: exact 6 components t, surrogate per unit volume s (5), source volume. */
    private static void store(double[] blocks, int e, double[] t, double[] s, double vj) {
        int o = 5 * e;
        blocks[o] = t[0] - vj * s[0];
        blocks[o + 1] = t[3] - vj * s[1];
        blocks[o + 2] = t[3] - vj * s[2];
        blocks[o + 3] = t[1] - vj * s[3];
        blocks[o + 4] = t[2] - vj * s[4];
    }

    /** Grid cells: one block per lattice offset, shared by all pairs with that offset. */
    private double[] gridBlocks(List<int[]> pairs) {
        double dx = model.cell[0], dy = model.cell[1], dz = model.cell[2];
        Map<Long, Integer> index = new HashMap<>();
        List<double[]> table = new ArrayList<>();
        FarFieldKernel g = model.sets[0];
        double v = dx * dy * dz;
        double[] t = new double[6], s = new double[5];
        for (int e = 0; e < pairs.size(); e++) {
            int i = pairs.get(e)[0], j = pairs.get(e)[1];
            long ix = Math.round((tx[i] - px[j]) / dx), iy = Math.round((ty[i] - py[j]) / dy);
            long key = key(ix, iy);
            Integer ref = index.get(key);
            if (ref == null) {
                ref = table.size();
                index.put(key, ref);
                NewellTensor.evaluate(ix * dx, iy * dy, 0, dx, dy, dz, t, 0);
                g.tensor(ix * dx, iy * dy, s);
                double[] b = new double[5];
                store(b, 0, t, s, v);
                table.add(b);
            }
            nearRef[e] = ref;
        }
        double[] blocks = new double[5 * table.size()];
        for (int k = 0; k < table.size(); k++) {
            System.arraycopy(table.get(k), 0, blocks, 5 * k, 5);
        }
        return blocks;
    }

    /**
     * The surrogate among the cells of a one-layer grid, with a model fitted for it.
     *
     * @param grid the grid (nz = 1)
     * @param cells grid cells of the domains, or null for all cells in order
     * @param model a model with cell-averaged coupling for this grid's cells, e.g. {@link FarFieldModel#fitGrid}
     * @param pool threads
     * @return the surrogate
     */
    public static FarFieldSurrogate forGrid(RegularGrid grid, int[] cells, FarFieldModel model, WorkerPool pool) {
        if (model.coupling != FarFieldModel.Coupling.CELL_AVERAGED) {
            throw new IllegalArgumentException("grid cells need a model fitted for grid cells (cell-averaged "
                    + "coupling); this model was fitted for arbitrary prisms");
        }
        Prisms p = cells == null ? grid.toPrisms() : grid.toPrisms(cells);
        return new FarFieldSurrogate(model, p, null, null, pool, null);
    }

    /**
     * The surrogate among a single-layer collection of prisms coupled like
     * {@link org.hypermag.solver.demag.DirectDemag#forPrisms} (point tensor, reciprocal between sizes).
     *
     * @param p the prisms
     * @param model a model with point coupling that covers them, e.g. {@link FarFieldModel#fitPrisms}
     * @param pool threads
     * @return the surrogate
     */
    public static FarFieldSurrogate forPrisms(Prisms p, FarFieldModel model, WorkerPool pool) {
        requirePointCoupling(model);
        DirectSum exact = DirectSum.amongDomains(p, true, 0, pool);
        return new FarFieldSurrogate(model, p, null, null, pool, (i, j, out) -> exact.tensor(i, j, out, 0));
    }

    /**
     * The surrogate field of prisms at points in their mid-plane: H(r) = −Σ_j N(r − c_j; s_j)·M_j with the point
     * tensor (the {@code field} command's definition), the near part exact. {@link #addField} then takes the
     * sources' magnetisation and adds into a field over the points.
     *
     * @param sources the prisms
     * @param x points x (m)
     * @param y points y (m)
     * @param z points z (m): each must be the sources' mid-plane height
     * @param model a model with point coupling that covers the sources and the offsets to the points
     * @param pool threads
     * @return the surrogate
     * @throws IllegalArgumentException naming the first point off the mid-plane or out of the model's reach
     */
    public static FarFieldSurrogate atPoints(Prisms sources, double[] x, double[] y, double[] z, FarFieldModel model,
                                             WorkerPool pool) {
        requirePointCoupling(model);
        if (sources.size() > 0) {
            double zc = sources.cz(0), tol = 1e-9 * sources.sz(0);
            for (int i = 0; i < z.length; i++) {
                if (Math.abs(z[i] - zc) > tol) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "point %d is at z = %.9g m; the "
                            + "far-field surrogate evaluates in the sources' mid-plane z = %.9g m (use the exact "
                            + "method off the plane)", i + 1, z[i], zc));
                }
            }
        }
        double[] px0 = x, py0 = y;
        return new FarFieldSurrogate(model, sources, x, y, pool, (i, j, out) -> org.hypermag.solver.demag.PrismTensor
                .evaluate(px0[i] - sources.cx(j), py0[i] - sources.cy(j), 0, sources.sx(j), sources.sy(j),
                        sources.sz(j), out, 0));
    }

    private static void requirePointCoupling(FarFieldModel model) {
        if (model.coupling != FarFieldModel.Coupling.POINT) {
            throw new IllegalArgumentException("arbitrary prisms need a model fitted with point coupling; this model "
                    + "was fitted for grid cells");
        }
    }

    /** Every target must lie within the model's span of every source. */
    private static void requireCovered(FarFieldModel model, Prisms p, double[] x, double[] y) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int j = 0; j < p.size(); j++) {
            b[0] = Math.min(b[0], p.cx(j));
            b[1] = Math.max(b[1], p.cx(j));
            b[2] = Math.min(b[2], p.cy(j));
            b[3] = Math.max(b[3], p.cy(j));
        }
        double tol = 1e-9 * Math.max(model.spanX, model.spanY);
        for (int i = 0; i < x.length; i++) {
            double ox = Math.max(x[i] - b[0], b[1] - x[i]), oy = Math.max(y[i] - b[2], b[3] - y[i]);
            if (ox > model.spanX + tol || oy > model.spanY + tol) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "point %d at (%.6g, %.6g) m is %.6g x "
                        + "%.6g m from the farthest source; the model covers offsets up to %.6g x %.6g m", i + 1,
                        x[i], y[i], ox, oy, model.spanX, model.spanY));
            }
        }
    }

    /** @return the model in use */
    public FarFieldModel model() {
        return model;
    }

    /** @return the number of stored exact near-zone pairs (self included) */
    public int nearPairs() {
        return nearIndex.length;
    }

    private List<int[]> nearPairs(double r) {
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            buckets.computeIfAbsent(key((long) Math.floor(px[i] / r), (long) Math.floor(py[i] / r)),
                    k -> new ArrayList<>()).add(i);
        }
        List<int[]> pairs = new ArrayList<>();
        double r2 = r * r;
        List<Integer> near = new ArrayList<>();
        for (int i = 0; i < nt; i++) {
            long bx = (long) Math.floor(tx[i] / r), by = (long) Math.floor(ty[i] / r);
            near.clear();
            for (long ox = -1; ox <= 1; ox++) {
                for (long oy = -1; oy <= 1; oy++) {
                    List<Integer> b = buckets.get(key(bx + ox, by + oy));
                    if (b != null) {
                        for (int j : b) {
                            double dx = tx[i] - px[j], dy = ty[i] - py[j];
                            if (dx * dx + dy * dy <= r2) {
                                near.add(j);
                            }
                        }
                    }
                }
            }
            near.sort(Integer::compare);
            for (int j : near) {
                pairs.add(new int[] {i, j});
            }
        }
        return pairs;
    }

    private static long key(long x, long y) {
        return (x & 0xFFFFFFFFL) | (y << 32);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != n || h.size() != nt) {
            throw new IllegalArgumentException("surrogate has " + n + " sources and " + nt + " targets; got "
                    + "magnetisation of size " + magnetisation.size() + " and field of size " + h.size());
        }
        currentM = magnetisation;
        currentH = h;
        try {
            pool.forRange(chunks, 1, accumulateTask);
            if (useB) {
                reduce(partialB, sumB);
            }
            if (useA) {
                reduce(partialA, sumA);
            }
            pool.forRange(nt, 32, evaluateTask);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    private static void reduce(double[][] partial, double[] sum) {
        Arrays.fill(sum, 0);
        for (double[] p : partial) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] += p[k];
            }
        }
    }

    /** The per-unit-volume coefficients g of domain i: a class's set, or built from moments into the buffers. */
    private double[][] coefficients(int i, double[] bx, double[] by, double[] bz, double[][] out) {
        if (klass[i] >= 0) {
            FarFieldKernel k = model.sets[klass[i]];
            out[0] = k.cx;
            out[1] = k.cy;
            out[2] = k.cz;
            return out;
        }
        Arrays.fill(bx, 0);
        Arrays.fill(by, 0);
        Arrays.fill(bz, 0);
        for (int k = 0; k < features; k++) {
            double w = phi[i * features + k];
            FarFieldKernel s = model.sets[k];
            for (int l = 0; l < size; l++) {
                bx[l] += w * s.cx[l];
                by[l] += w * s.cy[l];
                bz[l] += w * s.cz[l];
            }
        }
        out[0] = bx;
        out[1] = by;
        out[2] = bz;
        return out;
    }

    /**
     * Sums the sources' contributions chunk by chunk (fixed chunks, so the result does not depend on the threads).
     * Layout: 12 numbers per basis index l, {x, y, z} × {cos cos, cos sin, sin cos, sin sin} of the source's phases.
     * B: V_j M_j ⊙ phases; A: V_j g_j ⊙ M_j ⊙ phases.
     */
    private void accumulate(int fromChunk, int toChunk) {
        double[][] t = work.get();
        double[] cxv = t[0], sxv = t[1], cyv = t[2], syv = t[3];
        double[][] g = coefficientRefs.get();
        for (int chunk = fromChunk; chunk < toChunk; chunk++) {
            double[] b = useB ? partialB[chunk] : null;
            double[] a = useA ? partialA[chunk] : null;
            if (b != null) {
                Arrays.fill(b, 0);
            }
            if (a != null) {
                Arrays.fill(a, 0);
            }
            int from = (int) ((long) n * chunk / chunks), to = (int) ((long) n * (chunk + 1) / chunks);
            for (int j = from; j < to; j++) {
                ax.trig(px[j], cxv, sxv);
                ay.trig(py[j], cyv, syv);
                double vx = volume[j] * currentM.x[j], vy = volume[j] * currentM.y[j], vz = volume[j] * currentM.z[j];
                if (b != null) {
                    addPhases(b, vx, vy, vz, null, cxv, sxv, cyv, syv);
                }
                if (a != null) {
                    addPhases(a, vx, vy, vz, coefficients(j, t[4], t[5], t[6], g), cxv, sxv, cyv, syv);
                }
            }
        }
    }

    /** Adds q ⊙ phases (times the coefficients g when given) into the 12-per-l sums. */
    private void addPhases(double[] sum, double qx, double qy, double qz, double[][] g, double[] cxv, double[] sxv,
                           double[] cyv, double[] syv) {
        for (int m = 0, l = 0; m <= kx; m++) {
            double cm = cxv[m], sm = sxv[m];
            for (int nn = 0; nn <= ky; nn++, l++) {
                double cc = cm * cyv[nn], cs = cm * syv[nn], sc = sm * cyv[nn], ss = sm * syv[nn];
                double gx = qx, gy = qy, gz = qz;
                if (g != null) {
                    gx *= g[0][l];
                    gy *= g[1][l];
                    gz *= g[2][l];
                }
                int o = 12 * l;
                sum[o] += gx * cc;
                sum[o + 1] += gx * cs;
                sum[o + 2] += gx * sc;
                sum[o + 3] += gx * ss;
                sum[o + 4] += gy * cc;
                sum[o + 5] += gy * cs;
                sum[o + 6] += gy * sc;
                sum[o + 7] += gy * ss;
                sum[o + 8] += gz * cc;
                sum[o + 9] += gz * cs;
                sum[o + 10] += gz * sc;
                sum[o + 11] += gz * ss;
            }
        }
    }

    /**
     * The field at targets: per basis index, T = wB g_target ⊙ B + wA A, contracted with the target's phases and
     * wavenumbers. Among domains of one size wB = 1, wA = 0; among domains of mixed sizes wB = wA = ½ (reciprocal);
     * at points from mixed sizes wB = 0, wA = 1.
     */
    private void evaluate(int from, int to) {
        double[][] t = work.get();
        double[] cxv = t[0], sxv = t[1], cyv = t[2], syv = t[3];
        double[][] g = coefficientRefs.get();
        double[] mx = currentM.x, my = currentM.y, mz = currentM.z;
        double wB = singleSet ? 1 : reciprocal ? 0.5 : 0, wA = singleSet ? 0 : reciprocal ? 0.5 : 1;
        double[] zero = t[4];
        if (!useB) {
            Arrays.fill(zero, 0);
        }
        for (int i = from; i < to; i++) {
            ax.trig(tx[i], cxv, sxv);
            ay.trig(ty[i], cyv, syv);
            double[] gxv = zero, gyv = zero, gzv = zero, sb = sumA;
            if (useB) {
                coefficients(reciprocal ? i : 0, t[4], t[5], t[6], g);
                gxv = g[0];
                gyv = g[1];
                gzv = g[2];
                sb = sumB;
            }
            double hx = 0, hy = 0, hz = 0;
            for (int m = 0, l = 0; m <= kx; m++) {
                double cm = cxv[m], sm = sxv[m], wm = ax.w(m);
                for (int nn = 0; nn <= ky; nn++, l++) {
                    double cn = cyv[nn], sn = syv[nn], wn = ay.w(nn);
                    double cc = cm * cn, cs = cm * sn, sc = sm * cn, ss = sm * sn;
                    int o = 12 * l;
                    double fx = wB * gxv[l], fy = wB * gyv[l], fz = wB * gzv[l];
                    double xcc = fx * sb[o], xcs = fx * sb[o + 1], xsc = fx * sb[o + 2], xss = fx * sb[o + 3];
                    double ycc = fy * sb[o + 4], ycs = fy * sb[o + 5], ysc = fy * sb[o + 6], yss = fy * sb[o + 7];
                    double zcc = fz * sb[o + 8], zcs = fz * sb[o + 9], zsc = fz * sb[o + 10], zss = fz * sb[o + 11];
                    if (useA) {
                        xcc += wA * sumA[o];
                        xcs += wA * sumA[o + 1];
                        xsc += wA * sumA[o + 2];
                        xss += wA * sumA[o + 3];
                        ycc += wA * sumA[o + 4];
                        ycs += wA * sumA[o + 5];
                        ysc += wA * sumA[o + 6];
                        yss += wA * sumA[o + 7];
                        zcc += wA * sumA[o + 8];
                        zcs += wA * sumA[o + 9];
                        zsc += wA * sumA[o + 10];
                        zss += wA * sumA[o + 11];
                    }
                    // E1 = Σ cos(X − x) cos(Y − y) q, E2 = −Σ sin(X − x) sin(Y − y) q
                    double e1x = cc * xcc + cs * xcs + sc * xsc + ss * xss;
                    double e2x = -ss * xcc + sc * xcs + cs * xsc - cc * xss;
                    double e1y = cc * ycc + cs * ycs + sc * ysc + ss * yss;
                    double e2y = -ss * ycc + sc * ycs + cs * ysc - cc * yss;
                    double e1z = cc * zcc + cs * zcs + sc * zsc + ss * zss;
                    hx -= wm * (e1x + e2y);
                    hy -= wn * (e2x + e1y);
                    hz -= e1z;
                }
            }
            for (int e = nearStart[i]; e < nearStart[i + 1]; e++) {
                int j = nearIndex[e];
                int o = 5 * nearRef[e];
                double ax0 = mx[j], ay0 = my[j];
                hx -= nearBlock[o] * ax0 + nearBlock[o + 1] * ay0;
                hy -= nearBlock[o + 2] * ax0 + nearBlock[o + 3] * ay0;
                hz -= nearBlock[o + 4] * mz[j];
            }
            currentH.x[i] += hx;
            currentH.y[i] += hy;
            currentH.z[i] += hz;
        }
    }

    /** @return the arrays the device kernels copy once ({@link SurrogateParts}); not modified */
    SurrogateParts parts() {
        return new SurrogateParts(model, n, px, py, volume, klass, phi, tx, ty, reciprocal, singleSet, nearStart,
                nearIndex, nearRef, nearBlock);
    }
}
