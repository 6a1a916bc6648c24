package org.hypermag.surrogate;

import java.util.Locale;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectSum;
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
    private final FarFieldSources s;
    private final FarFieldNearZone near;
    private final WorkerPool pool;
    private final String description;
    /** The far part: phase sums, transforms of the size features' channels, or transforms of rectangles. */
    private final java.util.function.BiConsumer<VectorField, VectorField> far;
    /** The far part's transforms for the device kernels, or null when it is evaluated by phase sums. */
    private final TransformPlan plan;
    private VectorField currentM, currentH;
    private final WorkerPool.RangeTask nearTask = (from, to) -> near().addField(currentM, currentH, from, to);

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
                              FarFieldNearZone.PairTensor exact, Evaluation evaluation) {
        String why = model.unsupported(p);
        if (why != null) {
            throw new IllegalArgumentException("the far-field model cannot represent these sources: " + why);
        }
        this.model = model;
        this.pool = pool;
        s = new FarFieldSources(model, p, targetX, targetY);
        if (!s.reciprocal) {
            requireCovered(model, p, s.tx, s.ty);
        }
        boolean transforms = chooseTransforms(evaluation);
        // one set of transforms serves the near kernels (at construction) and the far field
        Nufft2d fft = transforms ? new Nufft2d(model.ax.modes, model.ay.modes, FarFieldSpectral.TOLERANCE, pool)
                : null;
        near = new FarFieldNearZone(s, exact, fft, pool);
        String how;
        if (!transforms) {
            far = new FarFieldPhaseSums(s, pool)::addField;
            plan = null;
            how = "far field by phase sums";
        } else if (s.exactMap) {
            FarFieldBoxTransforms boxes = new FarFieldBoxTransforms(s, fft);
            far = boxes::addField;
            plan = boxes.plan();
            how = String.format(Locale.ROOT, "far field by non-uniform FFTs over the prisms' rectangles (%d "
                    + "transforms on %d x %d grids, kernel width %d, rectangles' footprints %d x %d)",
                    boxes.transforms(), fft.nfx, fft.nfy, fft.w, boxes.boxWidths()[0], boxes.boxWidths()[1]);
        } else {
            FarFieldSpectral spectral = new FarFieldSpectral(model, s.px, s.py, s.volume, s.featureRows(s.n, false),
                    s.tx, s.ty, s.useB ? s.featureRows(s.nt, !s.reciprocal) : null, s.weightA(), s.weightB(), fft);
            far = spectral::addField;
            plan = spectral.plan();
            how = String.format(Locale.ROOT, "far field by non-uniform FFTs (%d transforms on %d x %d grids, kernel "
                    + "width %d)", spectral.transforms(), fft.nfx, fft.nfy, fft.w);
        }
        description = String.format(Locale.ROOT, "%s; %.1f exact near blocks per target, %d sources, %s; %s",
                model.describe(), near.pairs() / (double) Math.max(1, s.nt), s.n, s.reciprocal ? "targets: the "
                        + "domains (reciprocal coupling)" : s.nt + " target points", how);
    }

    private FarFieldNearZone near() {
        return near;
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
        // with the exact size map a source's coefficients cost one set (its sinc factors), and the transforms are
        // three per channel over wider footprints (about w + 2 points per axis)
        int features = s.exactMap ? 1 : model.sets.length, kx = model.ax.modes, ky = model.ay.modes;
        boolean useA = s.useA, useB = s.useB;
        double sums = (double) s.size * (s.n * 12.0 * ((useB ? 1 : 0) + (useA ? 1 + 0.5 * features : 0))
                + s.nt * 24.0 * (useB && !s.singleSet ? 1 + 0.5 * features : 1));
        int w = Nufft2d.width(FarFieldSpectral.TOLERANCE) + (s.exactMap ? 2 : 0);
        double nfx = 2.0 * (2 * kx + 1), nfy = 2.0 * (2 * ky + 1);
        int inputs = (useB ? 3 : 0) + (useA ? 3 * features : 0);
        int outputs = (useB ? 3 * (s.singleSet ? 1 : features) : 0) + (useA ? 3 : 0);
        double transforms = (inputs + outputs) * (5 * nfx * nfy * Math.log(nfx * nfy) / Math.log(2)
                + 2.0 * w * w * Math.max(s.n, s.nt));
        return 2.9 * transforms + 2.9e6 * (inputs + outputs) < sums;
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
        return near.pairs();
    }

    @Override
    public int sources() {
        return s.n;
    }

    @Override
    public int targets() {
        return s.nt;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != s.n || h.size() != s.nt) {
            throw new IllegalArgumentException("surrogate has " + s.n + " sources and " + s.nt + " targets; got "
                    + "magnetisation of size " + magnetisation.size() + " and field of size " + h.size());
        }
        far.accept(magnetisation, h);
        currentM = magnetisation;
        currentH = h;
        try {
            pool.forRange(s.nt, 64, nearTask);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    /** @return the arrays the device kernels copy once ({@link SurrogateParts}); not modified */
    SurrogateParts parts() {
        return new SurrogateParts(model, s.n, s.px, s.py, s.volume, s.klass, s.phi, s.tx, s.ty, s.reciprocal,
                s.singleSet, near.start, near.index, near.ref, near.block, plan);
    }
}
