package org.hypermag.surrogate;

import org.hypermag.solver.demag.NewellTensor;
import org.hypermag.solver.demag.PrismTensor;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.Cancellation;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Fitting a {@link FarFieldModel}: the harmonic axes the settings give for a film, and the least-squares fit of the
 * coefficients to the exact kernel on the far-zone offsets (dense normal equations, or CGLS on the offset lattice
 * above {@link #ITERATIVE_ABOVE} harmonics per channel), per anchor size.
 */
public final class FarFieldFit {
    private FarFieldFit() {
    }

    /**
     * The number of harmonics per channel a model for these domains would have, computed before any fitting (to
     * refuse settings whose basis could not be allocated).
     *
     * @param target the domains
     * @param settings accuracy settings
     * @return (Kx + 1)(Ky + 1)
     */
    public static long basisSize(FarFieldModels.Target target, FarFieldSettings settings) {
        double reference, spanX, spanY;
        if (target.grid() != null) {
            RegularGrid g = target.grid();
            reference = Math.max(g.dx(), g.dy());
            spanX = (g.nx() - 1) * g.dx();
            spanY = (g.ny() - 1) * g.dy();
        } else {
            Prisms p = target.prisms();
            reference = medianSide(p);
            double[] span = FarFieldModels.span(p);
            spanX = span[0];
            spanY = span[1];
        }
        double r = settings.nearRadius() * reference, kmax = settings.kR() / r;
        double px = Math.max(2 * spanX + settings.periodMargin() * r, 2 * spanX * (1 + 1e-6) + 1e-300);
        double py = Math.max(2 * spanY + settings.periodMargin() * r, 2 * spanY * (1 + 1e-6) + 1e-300);
        double kx = Math.ceil(kmax * px / (2 * Math.PI)) + 1, ky = Math.ceil(kmax * py / (2 * Math.PI)) + 1;
        double l = kx * ky;
        return l >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) l;
    }

    /**
     * Fits the model for the cells of a one-layer grid (any subset of its cells), on the lattice offsets.
     *
     * @param grid the grid, nz = 1
     * @param settings accuracy settings
     * @param pool threads (the smeared kernel's sampling)
     * @param progress progress callback
     * @return the model
     */
    public static FarFieldModel grid(RegularGrid grid, FarFieldSettings settings, WorkerPool pool,
                                     FarFieldModel.Progress progress) {
        if (grid.nz() != 1) {
            throw new IllegalArgumentException("the far-field surrogate supports one layer of cells; the grid has "
                    + grid.nz() + " layers");
        }
        double dx = grid.dx(), dy = grid.dy(), dz = grid.dz();
        double reference = Math.max(dx, dy), r = settings.nearRadius() * reference;
        double spanX = (grid.nx() - 1) * dx, spanY = (grid.ny() - 1) * dy;
        HarmonicAxis[] axes = axes(settings, spanX, spanY, r);
        OffsetLattice lattice = gridLattice(grid, settings);
        lattice.requireFarZone();
        SizeFeatures features = SizeFeatures.classes(new double[][] {{dx, dy}});
        FarFieldKernel perVolume;
        if (settings.construction() == FarFieldSettings.Construction.SMEARED) {
            // every point of the source cell and of the target cell lies within a cell diagonal of the pair's offset
            perVolume = smeared(axes, settings, r, Math.hypot(dx, dy), 0, dz, dz, pool).forSize(dx, dy);
        } else {
            FarFieldKernel fit = fitKernel(axes, lattice, iterative(axes, null) ? null : lattice.farPoints(),
                    (ox, oy, out) -> NewellTensor.evaluate(ox, oy, 0, dx, dy, dz, out, 0));
            perVolume = FarFieldKernel.combine(new FarFieldKernel[] {fit}, new double[] {1 / (dx * dy * dz)});
        }
        progress.fitted(1, 1);
        return new FarFieldModel(settings, FarFieldModel.Coupling.CELL_AVERAGED, dz, new double[] {dx, dy, dz}, reference, spanX,
                spanY, axes[0], axes[1], features, new FarFieldKernel[] {perVolume});
    }

    /**
     * Fits the model for a single-layer collection of prisms coupled by the point tensor, covering in-plane offsets
     * up to the given spans (at least the collection's own extent).
     *
     * @param prisms the prisms: their sizes, reference size and thickness define the model
     * @param spanX largest |offset| along x to cover (m)
     * @param spanY largest |offset| along y to cover (m)
     * @param settings accuracy settings
     * @param pool threads (anchor sizes are fitted in parallel)
     * @param progress progress callback
     * @return the model
     */
    public static FarFieldModel prisms(Prisms prisms, double spanX, double spanY, FarFieldSettings settings,
                                          WorkerPool pool, FarFieldModel.Progress progress) {
        return prisms(prisms, spanX, spanY, settings, pool, progress, null);
    }

    /**
     * Whether the domains leave a far zone for a model to represent, checked before any fitting (so that {@code check}
     * refuses what the fit would).
     *
     * @param target the domains
     * @param settings accuracy settings
     * @return null if they do, else why not
     */
    public static String farZoneProblem(FarFieldModels.Target target, FarFieldSettings settings) {
        OffsetLattice lattice;
        if (target.grid() != null) {
            lattice = gridLattice(target.grid(), settings);
        } else {
            double[] span = FarFieldModels.span(target.prisms());
            lattice = prismLattice(span[0], span[1], medianSide(target.prisms()), settings);
        }
        try {
            lattice.requireFarZone();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The reference size of a collection of prisms: the median of their larger in-plane sides (m). */
    static double medianSide(Prisms prisms) {
        double[] sides = new double[prisms.size()];
        for (int i = 0; i < sides.length; i++) {
            sides[i] = Math.max(prisms.sx(i), prisms.sy(i));
        }
        java.util.Arrays.sort(sides);
        return sides[sides.length / 2];
    }

    /** The grid fit folds (±dx, ±dy): one quadrant of the cell offsets, weighted by its multiplicity. */
    private static OffsetLattice gridLattice(RegularGrid grid, FarFieldSettings settings) {
        double r = settings.nearRadius() * Math.max(grid.dx(), grid.dy());
        return OffsetLattice.ofGrid(grid.nx(), grid.ny(), grid.dx(), grid.dy(), r);
    }

    /**
     * The offsets between arbitrary prisms are continuous: the fit samples a lattice fine enough for the basis (4
     * points per shortest wavelength).
     */
    private static OffsetLattice prismLattice(double spanX, double spanY, double reference, FarFieldSettings settings) {
        double r = settings.nearRadius() * reference, kmax = settings.kR() / r;
        return OffsetLattice.ofSpans(spanX, spanY, Math.PI / (4 * kmax), r);
    }

    /** Above this many harmonics per channel the fit is iterative (CGLS on the offset lattice), at or below it dense. */
    public static final int ITERATIVE_ABOVE = 1500;

    /**
     * {@link #prisms(Prisms, double, double, FarFieldSettings, WorkerPool, FarFieldModel.Progress)} with the solver chosen: dense normal
     * equations (false), iterative on the lattice (true), or by size (null: iterative above {@link #ITERATIVE_ABOVE}
     * harmonics per channel).
     */
    static FarFieldModel prisms(Prisms prisms, double spanX, double spanY, FarFieldSettings settings, WorkerPool pool,
                                   FarFieldModel.Progress progress, Boolean iterative) {
        FarFieldModel.requireSingleLayer(prisms);
        int n = prisms.size();
        double[] sx = new double[n], sy = new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = prisms.sx(i);
            sy[i] = prisms.sy(i);
        }
        double reference = medianSide(prisms), r = settings.nearRadius() * reference, sz = prisms.sz(0);
        HarmonicAxis[] axes = axes(settings, spanX, spanY, r);
        OffsetLattice lattice = prismLattice(spanX, spanY, reference, settings);
        lattice.requireFarZone();
        boolean fitted = settings.construction() == FarFieldSettings.Construction.FITTED;
        double[][] farPoints = !fitted || iterative(axes, iterative) ? null : lattice.farPoints();
        SizeFeatures features = SizeFeatures.forSizes(sx, sy, reference);
        boolean mlp = features.kind == SizeFeatures.Kind.MOMENTS && settings.sizeMap() == FarFieldSettings.SizeMap.MLP;
        double[][] anchors = mlp ? MlpSizeMap.anchors(features.range(), MlpSizeMap.ANCHORS) : features.anchors();
        double[][] held = mlp ? MlpSizeMap.heldOut(features.range()) : new double[0][];
        double[][] all = new double[anchors.length + held.length][];
        System.arraycopy(anchors, 0, all, 0, anchors.length);
        System.arraycopy(held, 0, all, anchors.length, held.length);
        FarFieldKernel[] kernels = new FarFieldKernel[all.length];
        FarFieldKernel line = null;
        if (!fitted) {
            // the point coupling evaluates at the target's centre: only the source's half diagonal counts
            FarFieldSmeared sm = smeared(axes, settings, r, halfLargestDiagonal(sx, sy, all), 0, sz, 0, pool);
            line = features.kind == SizeFeatures.Kind.MOMENTS && !mlp ? sm.forSize(0, 0) : null;
            for (int a = 0; a < all.length; a++) {
                kernels[a] = sm.forSize(all[a][0], all[a][1]);
                progress.fitted(a + 1, all.length);
            }
        } else {
            fitAnchors(all, axes, lattice, farPoints, sz, kernels, pool, progress);
        }
        FarFieldKernel[] fits = java.util.Arrays.copyOf(kernels, anchors.length);
        if (mlp) {
            double[][] xTrain = new double[anchors.length][], xHeld = new double[held.length][];
            for (int a = 0; a < anchors.length; a++) {
                xTrain[a] = kernels[a].fieldWeighted();
            }
            for (int a = 0; a < held.length; a++) {
                xHeld[a] = kernels[anchors.length + a].fieldWeighted();
            }
            MlpSizeMap.Trained t = MlpSizeMap.train(settings.mlpWidth(), settings.mlpDepth(), features.range(),
                    anchors, xTrain, held, xHeld, 1);
            features = SizeFeatures.mlp(t, reference);
        }
        return new FarFieldModel(settings, FarFieldModel.Coupling.POINT, sz, null, reference, spanX, spanY, axes[0], axes[1],
                features, sets(features, fits), line);
    }

    /** Least-squares fits of the exact prism tensor at each anchor size, in parallel, per unit volume. */
    private static void fitAnchors(double[][] all, HarmonicAxis[] axes, OffsetLattice lattice, double[][] farPoints,
                                   double sz, FarFieldKernel[] fitted, WorkerPool pool,
                                   FarFieldModel.Progress progress) {
        int[] done = {0};
        pool.forRange(all.length, 1, (from, to) -> {
            for (int a = from; a < to; a++) {
                Cancellation.check();
                double ax0 = all[a][0], ay0 = all[a][1];
                FarFieldKernel k = fitKernel(axes, lattice, farPoints,
                        (ox, oy, out) -> PrismTensor.evaluate(ox, oy, 0, ax0, ay0, sz, out, 0));
                fitted[a] = FarFieldKernel.combine(new FarFieldKernel[] {k}, new double[] {1 / (ax0 * ay0 * sz)});
                synchronized (done) {
                    progress.fitted(++done[0], all.length);
                }
            }
        });
    }

    /**
     * A smeared model between two layers (or within one, dz = 0), on given harmonics: the kernel from sources of the
     * given sizes and thickness t_s to targets dz above their mid-plane, at the targets' mid-plane points (point
     * coupling) or averaged over grid cells ({@code cell} given). Used by {@link LayeredFarFieldSurrogate}, whose
     * pieces share one span and near radius.
     *
     * @param sx source x sides (m), every source of the layer (a grid: one cell)
     * @param sy source y sides (m)
     * @param reference the reference size a (m): R = near_radius · a
     * @param spanX largest |offset| along x to cover (m)
     * @param spanY largest |offset| along y (m)
     * @param dz target mid-plane minus source mid-plane (m)
     * @param thickness the source layer's thickness t_s (m)
     * @param cell grid cells {dx, dy, dz} (cell-averaged coupling), or null (point coupling)
     * @param settings accuracy settings (smeared; moment features above 9 sizes)
     * @param pool threads
     * @return the model
     */
    static FarFieldModel smearedPair(double[] sx, double[] sy, double reference, double spanX, double spanY, double dz,
                                     double thickness, double[] cell, FarFieldSettings settings, WorkerPool pool) {
        double r = settings.nearRadius() * reference;
        HarmonicAxis[] axes = axes(settings, spanX, spanY, r);
        SizeFeatures features = cell != null ? SizeFeatures.classes(new double[][] {{cell[0], cell[1]}})
                : SizeFeatures.forSizes(sx, sy, reference);
        double[][] anchors = features.anchors();
        double reach = cell != null ? Math.hypot(cell[0], cell[1]) : halfLargestDiagonal(sx, sy, anchors);
        FarFieldSmeared sm = smeared(axes, settings, r, reach, dz, thickness, cell != null ? cell[2] : 0, pool);
        FarFieldKernel[] fits = new FarFieldKernel[anchors.length];
        for (int a = 0; a < anchors.length; a++) {
            fits[a] = sm.forSize(anchors[a][0], anchors[a][1]);
        }
        // a model of many sizes carries its line kernel: the surrogates (a layer's own, and between layers) then use
        // the exact size map
        FarFieldKernel line = cell == null && features.kind == SizeFeatures.Kind.MOMENTS ? sm.forSize(0, 0) : null;
        return new FarFieldModel(settings.withConstruction(FarFieldSettings.Construction.SMEARED),
                cell != null ? FarFieldModel.Coupling.CELL_AVERAGED : FarFieldModel.Coupling.POINT, thickness,
                cell == null ? null : cell.clone(), reference, spanX, spanY, axes[0], axes[1], features,
                sets(features, fits), line);
    }

    /**
     * The coefficient sets of the size features from the kernels at their anchor sizes:
     * C_k = Σ_a W[k][a] kernel_a ({@link SizeFeatures#anchorWeights}).
     *
     * @param features the size features
     * @param atAnchors the kernels per unit volume at {@link SizeFeatures#anchors}, in that order
     * @return one set per feature
     */
    static FarFieldKernel[] sets(SizeFeatures features, FarFieldKernel[] atAnchors) {
        double[][] w = features.anchorWeights();
        FarFieldKernel[] sets = new FarFieldKernel[w.length];
        for (int k = 0; k < w.length; k++) {
            sets[k] = FarFieldKernel.combine(atAnchors, w[k]);
        }
        return sets;
    }

    /** Half the largest in-plane diagonal among the sizes and the anchor sizes (m): how far a source reaches. */
    private static double halfLargestDiagonal(double[] sx, double[] sy, double[][] anchors) {
        double largest = 0;
        for (int i = 0; i < sx.length; i++) {
            largest = Math.max(largest, Math.hypot(sx[i], sy[i]));
        }
        for (double[] a : anchors) {
            largest = Math.max(largest, Math.hypot(a[0], a[1]));
        }
        return 0.5 * largest;
    }

    /** Refuses a near radius that leaves the smearing window less than half of it. */
    private static void requireRoom(FarFieldSettings settings, double r, double reach) {
        if (!(r - reach >= 0.5 * r)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the near radius R = %.4g m "
                    + "(near_radius %s) leaves no room for the smeared far field: the domains reach %.4g m from "
                    + "their centres, and the smearing needs R minus that to be at least R/2; raise near_radius or "
                    + "use far_field: fitted", r, settings.nearRadius(), reach));
        }
    }

    /**
     * The smeared line kernel between two planes (or within one, dz = 0): the window's radius is the near radius
     * less the reach of the domains (so that the smeared kernel is exact for every pair beyond R), its shape set by
     * k_max.
     *
     * @param reach how far from a pair's centre offset the points of its source (and target, if averaged) lie (m)
     * @param dz target mid-plane minus source mid-plane (m)
     * @param sourceThickness the source's thickness (m)
     * @param targetThickness the target's thickness (m) for the cell-averaged coupling, 0 for the point coupling
     */
    private static FarFieldSmeared smeared(HarmonicAxis[] axes, FarFieldSettings settings, double r, double reach,
                                           double dz, double sourceThickness, double targetThickness,
                                           WorkerPool pool) {
        requireRoom(settings, r, reach);
        return new FarFieldSmeared(axes[0], axes[1], SmearingWindow.forBasis(r - reach, settings.kR() / r), dz,
                sourceThickness, targetThickness, pool);
    }

    private static HarmonicAxis[] axes(FarFieldSettings settings, double spanX, double spanY, double r) {
        double kmax = settings.kR() / r;
        double px = 2 * spanX + settings.periodMargin() * r, py = 2 * spanY + settings.periodMargin() * r;
        // a period must exceed twice the span so that no periodic image falls on an offset that occurs
        px = Math.max(px, 2 * spanX * (1 + 1e-6) + 1e-300);
        py = Math.max(py, 2 * spanY * (1 + 1e-6) + 1e-300);
        return new HarmonicAxis[] {new HarmonicAxis(px, (int) Math.ceil(kmax * px / (2 * Math.PI))),
            new HarmonicAxis(py, (int) Math.ceil(kmax * py / (2 * Math.PI)))};
    }

    /** Whether the fit is iterative: as asked, else above {@link #ITERATIVE_ABOVE} harmonics per channel. */
    private static boolean iterative(HarmonicAxis[] axes, Boolean asked) {
        return asked != null ? asked : (long) (axes[0].modes + 1) * (axes[1].modes + 1) > ITERATIVE_ABOVE;
    }

    /**
     * Fits one kernel on the lattice: by dense normal equations on its far points when they are given, else
     * iteratively ({@link LatticeFit}).
     */
    private static FarFieldKernel fitKernel(HarmonicAxis[] axes, OffsetLattice lattice, double[][] farPoints,
                                            FarFieldKernel.ExactKernel exact) {
        return farPoints == null ? LatticeFit.fit(axes[0], axes[1], lattice, exact).kernel()
                : FarFieldKernel.fitFolded(axes[0], axes[1], farPoints[0], farPoints[1], farPoints[2], exact);
    }
}
