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
import org.hypermag.solver.parallel.Cancellation;
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

    /** How the far part is evaluated; both give the same field to about 1e-8 relative (tested). */
    public enum Evaluation {
        /** The cheaper of the two for the sizes at hand (an operation-count estimate). */
        AUTO,
        /** Explicit phase sums over sources and targets: O((M + N)·L). */
        PHASE_SUMS,
        /** Non-uniform FFTs ({@code FarFieldSpectral}): O((M + N)·w² + C·nf² log nf). */
        TRANSFORMS
    }

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
    /** The far part by transforms, or null for phase sums. */
    private final FarFieldSpectral spectral;

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
     * @param evaluation how to evaluate the far part
     */
    private FarFieldSurrogate(FarFieldModel model, Prisms p, double[] targetX, double[] targetY, WorkerPool pool,
                              PairTensor exact, Evaluation evaluation) {
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
        useA = !singleSet;
        useB = singleSet || reciprocal;
        boolean transforms = chooseTransforms(evaluation);
        // one set of transforms serves the near kernels (at construction) and the far field
        Nufft2d fft = transforms ? new Nufft2d(kx, ky, FarFieldSpectral.TOLERANCE, pool) : null;
        // near zone
        double r = model.radius;
        int[][] csr = nearPairs(r);
        nearStart = csr[0];
        nearIndex = csr[1];
        int pairCount = nearIndex.length;
        nearRef = new int[pairCount];
        if (model.coupling == FarFieldModel.Coupling.CELL_AVERAGED) {
            nearBlock = gridBlocks();
        } else {
            nearBlock = new double[5 * pairCount];
            // the surrogate's own near kernel: from the transform's upsampled grid where the far field is
            // evaluated by transforms (O(w²) per pair), else by its series (O(L) per pair)
            FarFieldNearKernels table = fft != null ? new FarFieldNearKernels(model, r, fft) : null;
            if (table != null && reciprocal && !singleSet) {
                nearBySymmetry(table, exact);
            } else {
                pool.forRange(nt, 8, (from, to) -> {
                    double[] t = new double[6], s = new double[5], wf = new double[features];
                    double[] buffer = table == null ? null : table.buffer();
                    for (int i = from; i < to; i++) {
                        for (int e = nearStart[i]; e < nearStart[i + 1]; e++) {
                            int j = nearIndex[e];
                            nearRef[e] = e;
                            exact.tensor(i, j, t);
                            pairWeights(i, j, wf);
                            if (table == null) {
                                FarFieldKernel.combine(model.sets, wf).tensor(tx[i] - px[j], ty[i] - py[j], s);
                            } else {
                                table.tensor(tx[i] - px[j], ty[i] - py[j], wf, buffer, s);
                            }
                            store(nearBlock, e, t, s, volume[j]);
                        }
                    }
                });
            }
        }
        // work space
        chunks = Math.max(1, Math.min(n, 4 * pool.threads()));
        double wB = singleSet ? 1 : reciprocal ? 0.5 : 0, wA = singleSet ? 0 : reciprocal ? 0.5 : 1;
        spectral = transforms ? new FarFieldSpectral(model, px, py, volume, featureRows(n, false),
                tx, ty, useB ? featureRows(nt, !reciprocal) : null, wA, wB, fft) : null;
        boolean sums = spectral == null;
        partialA = useA && sums ? new double[chunks][12 * size] : null;
        partialB = useB && sums ? new double[chunks][12 * size] : null;
        sumA = useA && sums ? new double[12 * size] : null;
        sumB = useB && sums ? new double[12 * size] : null;
        int mx = Math.max(kx, ky) + 1;
        work = ThreadLocal.withInitial(() -> new double[][] {new double[mx], new double[mx], new double[mx],
            new double[mx], new double[size], new double[size], new double[size]});
        String far = spectral == null ? "far field by phase sums" : String.format(Locale.ROOT, "far field by "
                + "non-uniform FFTs (%d transforms on %d x %d grids, kernel width %d)", spectral.transforms(),
                spectral.grid()[0], spectral.grid()[1], spectral.grid()[2]);
        description = String.format(Locale.ROOT, "%s; %.1f exact near blocks per target, %d sources, %s; %s",
                model.describe(), pairCount / (double) Math.max(1, nt), n, reciprocal ? "targets: the domains "
                        + "(reciprocal coupling)" : nt + " target points", far);
    }

    /**
     * Whether to evaluate the far part by transforms: as asked, or (AUTO) when their estimated time is below the
     * phase sums'. Operation counts: phase sums 12 per basis function, source and channel and 24 per basis function
     * and target; transforms 5 nf² log₂ nf² per grid and 2 w² per point and channel. Calibrated on granular films of
     * 10³–10⁴ grains (JMH, docs/benchmarks.md): phase sums take 0.072 ns per counted operation, transforms 0.21 ns
     * plus 0.21 ms per transform, so transforms win when 2.9 × (their count) + 2.9·10⁶ × (transforms) is below the
     * phase sums' count (at 1000 grains phase sums win: 6.5 against 20 ms; at 3000 transforms: 28 against 49 ms).
     */
    private boolean chooseTransforms(Evaluation evaluation) {
        if (evaluation != Evaluation.AUTO) {
            return evaluation == Evaluation.TRANSFORMS;
        }
        int features = model.sets.length;
        double sums = (double) size * (n * 12.0 * ((useB ? 1 : 0) + (useA ? 1 + 0.5 * features : 0))
                + nt * 24.0 * (useB && !singleSet ? 1 + 0.5 * features : 1));
        int w = Nufft2d.width(FarFieldSpectral.TOLERANCE);
        double nfx = 2.0 * (2 * kx + 1), nfy = 2.0 * (2 * ky + 1);
        int inputs = (useB ? 3 : 0) + (useA ? 3 * features : 0);
        int outputs = (useB ? 3 * (singleSet ? 1 : features) : 0) + (useA ? 3 : 0);
        double transforms = (inputs + outputs) * (5 * nfx * nfy * Math.log(nfx * nfy) / Math.log(2)
                + 2.0 * w * w * Math.max(n, nt));
        return 2.9 * transforms + 2.9e6 * (inputs + outputs) < sums;
    }

    /** Size features of the first count domains (one-hot for classes), n × K; sameAsFirst: every row domain 0's. */
    private double[] featureRows(int count, boolean sameAsFirst) {
        double[] rows = new double[count * features];
        for (int i = 0; i < count; i++) {
            int d = sameAsFirst ? 0 : i;
            if (klass[d] >= 0) {
                rows[i * features + klass[d]] = 1;
            } else {
                System.arraycopy(phi, d * features, rows, i * features, features);
            }
        }
        return rows;
    }

    /**
     * Near blocks among domains of mixed sizes with the kernel table: the surrogate's pair kernel ½ Σ_k (φ_ik + φ_jk)
     * S_k(d) is split into the target's half, interpolated from blocks combined once per target, and the source's
     * half, which is the target half of the reverse pair (j, i) at −d (S_k is even in d). Pass 1 stores each pair's
     * target half in its block; pass 2 visits each unordered pair once (from its smaller index) and writes both
     * orientations, so no block is read after it is overwritten.
     */
    private void nearBySymmetry(FarFieldNearKernels table, PairTensor exact) {
        pool.forRange(nt, 8, (from, to) -> {
            double[] combined = table.combinedBuffer(), buffer = table.buffer(), wf = new double[features];
            double[] s = new double[5];
            for (int i = from; i < to; i++) {
                Arrays.fill(wf, 0);
                addPhi(i, wf);
                table.combine(wf, combined);
                for (int e = nearStart[i]; e < nearStart[i + 1]; e++) {
                    int j = nearIndex[e];
                    nearRef[e] = e;
                    table.tensorCombined(tx[i] - px[j], ty[i] - py[j], combined, buffer, s);
                    System.arraycopy(s, 0, nearBlock, 5 * e, 5);
                }
            }
        });
        pool.forRange(nt, 8, (from, to) -> {
            double[] t = new double[6], s = new double[5];
            for (int i = from; i < to; i++) {
                for (int e = nearStart[i]; e < nearStart[i + 1]; e++) {
                    int j = nearIndex[e];
                    if (j < i) {
                        continue;
                    }
                    int r = j == i ? e : Arrays.binarySearch(nearIndex, nearStart[j], nearStart[j + 1], i);
                    for (int c = 0; c < 5; c++) {
                        s[c] = 0.5 * (nearBlock[5 * e + c] + nearBlock[5 * r + c]);
                    }
                    exact.tensor(i, j, t);
                    store(nearBlock, e, t, s, volume[j]);
                    if (r != e) {
                        exact.tensor(j, i, t);
                        store(nearBlock, r, t, s, volume[i]);
                    }
                }
            }
        });
    }

    /**
     * The feature weights of the surrogate's kernel from source j at target i per unit source volume: ½ (φ_i + φ_j)
     * between domains, φ_j at points.
     */
    private void pairWeights(int i, int j, double[] w) {
        Arrays.fill(w, 0);
        addPhi(j, w);
        if (reciprocal) {
            addPhi(i, w);
            for (int k = 0; k < features; k++) {
                w[k] *= 0.5;
            }
        }
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
    private double[] gridBlocks() {
        double dx = model.cell[0], dy = model.cell[1], dz = model.cell[2];
        Map<Long, Integer> index = new HashMap<>();
        List<double[]> table = new ArrayList<>();
        FarFieldKernel g = model.sets[0];
        double v = dx * dy * dz;
        double[] t = new double[6], s = new double[5];
        for (int i = 0; i < nt; i++) {
            for (int e = nearStart[i]; e < nearStart[i + 1]; e++) {
                int j = nearIndex[e];
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
        return forGrid(grid, cells, model, pool, Evaluation.AUTO);
    }

    /**
     * {@link #forGrid(RegularGrid, int[], FarFieldModel, WorkerPool)} with a chosen far-field evaluation.
     *
     * @param grid the grid (nz = 1)
     * @param cells grid cells of the domains, or null for all cells in order
     * @param model a model with cell-averaged coupling for this grid's cells
     * @param pool threads
     * @param evaluation how to evaluate the far part
     * @return the surrogate
     */
    public static FarFieldSurrogate forGrid(RegularGrid grid, int[] cells, FarFieldModel model, WorkerPool pool,
                                            Evaluation evaluation) {
        if (model.coupling != FarFieldModel.Coupling.CELL_AVERAGED) {
            throw new IllegalArgumentException("grid cells need a model fitted for grid cells (cell-averaged "
                    + "coupling); this model was fitted for arbitrary prisms");
        }
        Prisms p = cells == null ? grid.toPrisms() : grid.toPrisms(cells);
        return new FarFieldSurrogate(model, p, null, null, pool, null, evaluation);
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
        return forPrisms(p, model, pool, Evaluation.AUTO);
    }

    /**
     * {@link #forPrisms(Prisms, FarFieldModel, WorkerPool)} with a chosen far-field evaluation.
     *
     * @param p the prisms
     * @param model a model with point coupling that covers them
     * @param pool threads
     * @param evaluation how to evaluate the far part
     * @return the surrogate
     */
    public static FarFieldSurrogate forPrisms(Prisms p, FarFieldModel model, WorkerPool pool, Evaluation evaluation) {
        requirePointCoupling(model);
        DirectSum exact = DirectSum.amongDomains(p, true, 0, pool);
        return new FarFieldSurrogate(model, p, null, null, pool, (i, j, out) -> exact.tensor(i, j, out, 0),
                evaluation);
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
        return atPoints(sources, x, y, z, model, pool, Evaluation.AUTO);
    }

    /**
     * {@link #atPoints(Prisms, double[], double[], double[], FarFieldModel, WorkerPool)} with a chosen far-field
     * evaluation.
     *
     * @param sources the prisms
     * @param x points x (m)
     * @param y points y (m)
     * @param z points z (m), in the sources' mid-plane
     * @param model a model with point coupling
     * @param pool threads
     * @param evaluation how to evaluate the far part
     * @return the surrogate
     */
    public static FarFieldSurrogate atPoints(Prisms sources, double[] x, double[] y, double[] z, FarFieldModel model,
                                             WorkerPool pool, Evaluation evaluation) {
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
                        sources.sz(j), out, 0), evaluation);
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

    /**
     * The pairs closer than r, as compressed rows: {start (nt + 1), source index per pair}, sources ascending per
     * target. Sources are binned into cells of side r; two passes (count, fill), parallel over targets.
     */
    private int[][] nearPairs(double r) {
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
        int[] start = new int[nt + 1];
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
            start[i + 1] = start[i] + perTarget[i].length;
        }
        int[] index = new int[start[nt]];
        for (int i = 0; i < nt; i++) {
            System.arraycopy(perTarget[i], 0, index, start[i], perTarget[i].length);
            perTarget[i] = null;
        }
        return new int[][] {start, index};
    }

    private static long key(long x, long y) {
        return (x & 0xFFFFFFFFL) | (y << 32);
    }

    @Override
    public int sources() {
        return n;
    }

    @Override
    public int targets() {
        return nt;
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
            if (spectral == null) {
                pool.forRange(chunks, 1, accumulateTask);
                if (useB) {
                    reduce(partialB, sumB);
                }
                if (useA) {
                    reduce(partialA, sumA);
                }
            }
            pool.forRange(nt, 32, evaluateTask);
            if (spectral != null) {
                spectral.addField(magnetisation, h);
            }
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
        boolean sums = spectral == null;
        for (int i = from; i < to; i++) {
            double hx = 0, hy = 0, hz = 0;
            if (sums) {
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
