package org.hypermag.surrogate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.demag.NewellTensor;
import org.hypermag.solver.demag.PrismTensor;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The fitted far-field model of a thin film: harmonic axes, size features and one coefficient set per feature, so
 * that a source of size s and magnetisation M contributes the coefficients V(s) Σ_k φ_k(s) C_k ⊙ M (linear in M)
 * with its position in exact Fourier phases. The model depends on the film (thickness, coupling, the largest
 * in-plane offset it covers) but not on where the domains are or how they are magnetised; a
 * {@link FarFieldSurrogate} binds it to domains.
 *
 * <p>Immutable.
 */
public final class FarFieldModel {

    /** How the exact path couples the domains, and so what the model reproduces. */
    public enum Coupling {
        /** Cells of a regular grid: the cell-averaged (Newell) tensor. */
        CELL_AVERAGED,
        /** Arbitrary prisms: the point tensor at centres, reciprocal between sizes. */
        POINT
    }

    /** The hypernetwork's map from a prism's size to its features, for collections of more than 9 sizes. */
    public enum SizeMap {
        /** Quadratic in the squared sides, fixed by the prism's multipole expansion (no training). */
        MOMENTS,
        /** An MLP over the sides, trained on exact fits at anchor sizes (variable projection, Adam). */
        MLP
    }

    /**
     * Accuracy settings.
     *
     * @param nearRadius R, the radius of the exact near zone, in units of the reference size (a grid's largest
     *     in-plane cell side; the median largest in-plane side of prisms)
     * @param kR k_max·R, the highest wavenumber of the basis times R: the far-field accuracy depends on this product
     * @param periodMargin the basis period is 2·(largest offset) + periodMargin·R along each axis: the margin lets the
     *     periodic potential return smoothly, without which the fit has an error floor (docs/surrogate.md)
     * @param sizeMap the size features of collections of more than 9 distinct sizes (fewer: one class per size)
     * @param mlpWidth width of the MLP's tanh layers (MLP size map), ≥ 1
     * @param mlpDepth number of tanh layers (MLP size map), ≥ 1
     */
    public record Settings(double nearRadius, double kR, double periodMargin, SizeMap sizeMap, int mlpWidth,
                           int mlpDepth) {
        /** R = 10 sizes, k_max R = 8, margin 4 R, moment features (docs/surrogate.md). */
        public static final Settings DEFAULT = new Settings(10, 8, 4);

        /** Validates. */
        public Settings {
            if (!(nearRadius > 0) || !(kR > 0) || !(periodMargin >= 0) || !Double.isFinite(nearRadius)
                    || !Double.isFinite(kR) || !Double.isFinite(periodMargin)) {
                throw new IllegalArgumentException("near radius and k_max R must be finite and > 0, the period "
                        + "margin finite and >= 0; got " + nearRadius + ", " + kR + ", " + periodMargin);
            }
            if (sizeMap == null || mlpWidth < 1 || mlpDepth < 1 || mlpWidth > 64 || mlpDepth > 8) {
                throw new IllegalArgumentException("size map must be given, MLP width in 1..64 and depth in 1..8; got "
                        + sizeMap + ", " + mlpWidth + ", " + mlpDepth);
            }
        }

        /**
         * Settings with moment size features.
         *
         * @param nearRadius R in reference sizes
         * @param kR k_max·R
         * @param periodMargin margin in near radii
         */
        public Settings(double nearRadius, double kR, double periodMargin) {
            this(nearRadius, kR, periodMargin, SizeMap.MOMENTS, MlpSizeMap.WIDTH, MlpSizeMap.DEPTH);
        }

        /**
         * @param map the size map
         * @param width MLP width
         * @param depth MLP depth
         * @return these settings with another size map
         */
        public Settings withSizeMap(SizeMap map, int width, int depth) {
            return new Settings(nearRadius, kR, periodMargin, map, width, depth);
        }
    }

    /** Reports fitting progress. */
    @FunctionalInterface
    public interface Progress {
        /** Called after each fitted anchor size. */
        void fitted(int done, int total);

        /** Reports nothing. */
        Progress NONE = (d, t) -> { };
    }

    final Settings settings;
    final Coupling coupling;
    /** The film's thickness (m); CELL_AVERAGED: the cell {dx, dy, dz}. */
    final double thickness;
    final double[] cell;
    /** The reference size a (m) and the near radius R = nearRadius·a (m). */
    final double reference, radius;
    /** The largest |offset| the fit covers, per axis (m). */
    final double spanX, spanY;
    final HarmonicAxis ax, ay;
    final SizeFeatures features;
    /** C_k, per unit volume. */
    final FarFieldKernel[] sets;

    private FarFieldModel(Settings settings, Coupling coupling, double thickness, double[] cell, double reference,
                          double spanX, double spanY, HarmonicAxis ax, HarmonicAxis ay, SizeFeatures features,
                          FarFieldKernel[] sets) {
        this.settings = settings;
        this.coupling = coupling;
        this.thickness = thickness;
        this.cell = cell;
        this.reference = reference;
        this.radius = settings.nearRadius() * reference;
        this.spanX = spanX;
        this.spanY = spanY;
        this.ax = ax;
        this.ay = ay;
        this.features = features;
        this.sets = sets;
    }

    /**
     * Fits the model for the cells of a one-layer grid (any subset of its cells), on the lattice offsets.
     *
     * @param grid the grid, nz = 1
     * @param settings accuracy settings
     * @param progress progress callback
     * @return the model
     */
    public static FarFieldModel fitGrid(RegularGrid grid, Settings settings, Progress progress) {
        if (grid.nz() != 1) {
            throw new IllegalArgumentException("the far-field surrogate supports one layer of cells; the grid has "
                    + grid.nz() + " layers");
        }
        double dx = grid.dx(), dy = grid.dy(), dz = grid.dz();
        double reference = Math.max(dx, dy), r = settings.nearRadius() * reference;
        double spanX = (grid.nx() - 1) * dx, spanY = (grid.ny() - 1) * dy;
        HarmonicAxis[] axes = axes(settings, spanX, spanY, r);
        // the fit folds (±dx, ±dy): one quadrant of the cell offsets, weighted by its multiplicity
        OffsetLattice lattice = OffsetLattice.ofGrid(grid.nx(), grid.ny(), dx, dy, r);
        lattice.requireFarZone();
        SizeFeatures features = SizeFeatures.classes(new double[][] {{dx, dy}});
        FarFieldKernel fit = fitKernel(axes, lattice, iterative(axes, null) ? null : lattice.farPoints(),
                (ox, oy, out) -> NewellTensor.evaluate(ox, oy, 0, dx, dy, dz, out, 0));
        progress.fitted(1, 1);
        FarFieldKernel perVolume = FarFieldKernel.combine(new FarFieldKernel[] {fit},
                new double[] {1 / (dx * dy * dz)});
        return new FarFieldModel(settings, Coupling.CELL_AVERAGED, dz, new double[] {dx, dy, dz}, reference, spanX,
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
    public static FarFieldModel fitPrisms(Prisms prisms, double spanX, double spanY, Settings settings,
                                          WorkerPool pool, Progress progress) {
        return fitPrisms(prisms, spanX, spanY, settings, pool, progress, null);
    }

    /** Above this many harmonics per channel the fit is iterative (CGLS on the offset lattice), at or below it dense. */
    public static final int ITERATIVE_ABOVE = 1500;

    /**
     * {@link #fitPrisms(Prisms, double, double, Settings, WorkerPool, Progress)} with the solver chosen: dense normal
     * equations (false), iterative on the lattice (true), or by size (null: iterative above {@link #ITERATIVE_ABOVE}
     * harmonics per channel).
     */
    static FarFieldModel fitPrisms(Prisms prisms, double spanX, double spanY, Settings settings, WorkerPool pool,
                                   Progress progress, Boolean iterative) {
        requireSingleLayer(prisms);
        int n = prisms.size();
        double[] sx = new double[n], sy = new double[n], sides = new double[n];
        double minSide = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            sx[i] = prisms.sx(i);
            sy[i] = prisms.sy(i);
            sides[i] = Math.max(sx[i], sy[i]);
            minSide = Math.min(minSide, Math.min(sx[i], sy[i]));
        }
        java.util.Arrays.sort(sides);
        double reference = sides[n / 2], r = settings.nearRadius() * reference, sz = prisms.sz(0);
        HarmonicAxis[] axes = axes(settings, spanX, spanY, r);
        // the offsets between arbitrary prisms are continuous: fit on a lattice fine enough for the basis
        // (4 points per shortest wavelength) and for the prisms (half the smallest side)
        double kmax = settings.kR() / r;
        OffsetLattice lattice = OffsetLattice.ofSpans(spanX, spanY, Math.PI / (4 * kmax), r);
        lattice.requireFarZone();
        double[][] farPoints = iterative(axes, iterative) ? null : lattice.farPoints();
        SizeFeatures features = SizeFeatures.forSizes(sx, sy, reference);
        boolean mlp = features.kind == SizeFeatures.Kind.MOMENTS && settings.sizeMap() == SizeMap.MLP;
        double[][] anchors = mlp ? MlpSizeMap.anchors(features.range(), MlpSizeMap.ANCHORS) : features.anchors();
        double[][] held = mlp ? MlpSizeMap.heldOut(features.range()) : new double[0][];
        double[][] all = new double[anchors.length + held.length][];
        System.arraycopy(anchors, 0, all, 0, anchors.length);
        System.arraycopy(held, 0, all, anchors.length, held.length);
        FarFieldKernel[] fitted = new FarFieldKernel[all.length];
        int[] done = {0};
        pool.forRange(all.length, 1, (from, to) -> {
            for (int a = from; a < to; a++) {
                double ax0 = all[a][0], ay0 = all[a][1];
                FarFieldKernel k = fitKernel(axes, lattice, farPoints,
                        (ox, oy, out) -> PrismTensor.evaluate(ox, oy, 0, ax0, ay0, sz, out, 0));
                fitted[a] = FarFieldKernel.combine(new FarFieldKernel[] {k}, new double[] {1 / (ax0 * ay0 * sz)});
                synchronized (done) {
                    progress.fitted(++done[0], all.length);
                }
            }
        });
        FarFieldKernel[] fits = java.util.Arrays.copyOf(fitted, anchors.length);
        if (mlp) {
            double[][] xTrain = new double[anchors.length][], xHeld = new double[held.length][];
            for (int a = 0; a < anchors.length; a++) {
                xTrain[a] = fitted[a].fieldWeighted();
            }
            for (int a = 0; a < held.length; a++) {
                xHeld[a] = fitted[anchors.length + a].fieldWeighted();
            }
            MlpSizeMap.Trained t = MlpSizeMap.train(settings.mlpWidth(), settings.mlpDepth(), features.range(),
                    anchors, xTrain, held, xHeld, 1);
            features = SizeFeatures.mlp(t, reference);
        }
        double[][] w = features.anchorWeights();
        FarFieldKernel[] sets = new FarFieldKernel[w.length];
        for (int k = 0; k < w.length; k++) {
            sets[k] = FarFieldKernel.combine(fits, w[k]);
        }
        return new FarFieldModel(settings, Coupling.POINT, sz, null, reference, spanX, spanY, axes[0], axes[1],
                features, sets);
    }

    private static HarmonicAxis[] axes(Settings settings, double spanX, double spanY, double r) {
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

    static void requireSingleLayer(Prisms p) {
        for (int i = 1; i < p.size(); i++) {
            if (Math.abs(p.cz(i) - p.cz(0)) > 1e-9 * p.sz(0) || p.sz(i) != p.sz(0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the far-field surrogate supports "
                        + "thin films: all domains at one height with one thickness; domain %d is at z = %.6g m with "
                        + "thickness %.6g m, domain 0 at z = %.6g m with %.6g m", i, p.cz(i), p.sz(i), p.cz(0),
                        p.sz(0)));
            }
        }
    }

    /**
     * Why this model cannot represent a collection of domains, or null if it can.
     *
     * @param p the domains
     * @return the reason, or null
     */
    public String unsupported(Prisms p) {
        try {
            requireSingleLayer(p);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (p.size() > 0 && Math.abs(p.sz(0) - thickness) > 1e-9 * thickness) {
            return String.format(Locale.ROOT, "the domains are %.6g m thick, the model was fitted for %.6g m",
                    p.sz(0), thickness);
        }
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < p.size(); i++) {
            b[0] = Math.min(b[0], p.cx(i));
            b[1] = Math.max(b[1], p.cx(i));
            b[2] = Math.min(b[2], p.cy(i));
            b[3] = Math.max(b[3], p.cy(i));
            if (coupling == Coupling.CELL_AVERAGED) {
                if (p.sx(i) != cell[0] || p.sy(i) != cell[1]) {
                    return String.format(Locale.ROOT, "domain %d is %.6g x %.6g m; the model was fitted for grid "
                            + "cells of %.6g x %.6g m", i, p.sx(i), p.sy(i), cell[0], cell[1]);
                }
            } else {
                String why = features.unsupported(p.sx(i), p.sy(i));
                if (why != null) {
                    return "domain " + i + ": " + why;
                }
            }
        }
        double tol = 1e-9 * Math.max(spanX, spanY) + 1e-300;
        if (b[1] - b[0] > spanX + tol || b[3] - b[2] > spanY + tol) {
            return String.format(Locale.ROOT, "the domains extend %.6g x %.6g m; the model covers offsets up to "
                    + "%.6g x %.6g m", b[1] - b[0], b[3] - b[2], spanX, spanY);
        }
        return null;
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /** @return the coupling the model reproduces */
    public Coupling coupling() {
        return coupling;
    }

    /** @return basis functions per channel, L = (Kx + 1)(Ky + 1) */
    public int basisSize() {
        return (ax.modes + 1) * (ay.modes + 1);
    }

    /** @return the near radius R (m) */
    public double nearRadius() {
        return radius;
    }

    /** @return a one-line description */
    public String describe() {
        return String.format(Locale.ROOT, "far-field model (%s coupling): %d x %d harmonics (L = %d per channel), "
                + "periods %.4g x %.4g m, near radius R = %.4g m (%.3g x %.4g m), k_max R = %.3g, %s",
                coupling == Coupling.CELL_AVERAGED ? "cell-averaged" : "point", ax.modes + 1, ay.modes + 1,
                basisSize(), ax.period, ay.period, radius, settings.nearRadius(), reference, settings.kR(),
                features.describe());
    }

    /** The model's name in model files and on the command line. */
    public static final String NAME = "far-field";

    /**
     * The model as a model file, with extra attributes (training settings, measured accuracy).
     *
     * @param extraText text attributes to add
     * @param extraNumbers numeric attributes to add
     * @return the file contents
     */
    public ModelFile toFile(Map<String, String> extraText, Map<String, double[]> extraNumbers) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("description", describe());
        text.put("coupling", coupling == Coupling.CELL_AVERAGED ? "cell-averaged" : "point");
        text.put("features", features.kind.name().toLowerCase(Locale.ROOT));
        text.put("size_map", settings.sizeMap().name().toLowerCase(Locale.ROOT));
        text.putAll(extraText);
        Map<String, double[]> num = new LinkedHashMap<>();
        num.put("near_radius", new double[] {settings.nearRadius()});
        num.put("k_max_R", new double[] {settings.kR()});
        num.put("period_margin", new double[] {settings.periodMargin()});
        num.put("mlp_shape", new double[] {settings.mlpWidth(), settings.mlpDepth()});
        num.put("thickness", new double[] {thickness});
        if (cell != null) {
            num.put("cell", cell.clone());
        }
        num.put("reference_size", new double[] {reference});
        num.put("span", new double[] {spanX, spanY});
        num.put("period", new double[] {ax.period, ay.period});
        num.put("modes", new double[] {ax.modes, ay.modes});
        if (features.kind == SizeFeatures.Kind.CLASSES) {
            double[][] c = features.classSizes();
            double[] flat = new double[2 * c.length];
            for (int k = 0; k < c.length; k++) {
                flat[2 * k] = c[k][0];
                flat[2 * k + 1] = c[k][1];
            }
            num.put("size_classes", flat);
        } else {
            num.put("size_range", features.range().clone());
            num.put("moment_reference", new double[] {features.reference()});
            if (features.kind == SizeFeatures.Kind.MLP) {
                MlpSizeMap.Trained t = features.trained();
                num.put("mlp_parameters", t.map().params.clone());
                num.put("mlp_errors", new double[] {t.trainError(), t.heldOutError()});
            }
        }
        num.putAll(extraNumbers);
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        double[][] p = new double[sets.length][], z = new double[sets.length][];
        for (int k = 0; k < sets.length; k++) {
            p[k] = sets[k].psi;
            z[k] = sets[k].cz;
        }
        arrays.put("coefficients_psi", p);
        arrays.put("coefficients_zz", z);
        return new ModelFile(NAME, text, num, arrays);
    }

    /**
     * Reads a far-field model from a model file.
     *
     * @param f the file's contents
     * @param path the file, for messages
     * @return the model
     * @throws IllegalArgumentException if the file is not a far-field model or is inconsistent
     */
    public static FarFieldModel fromFile(ModelFile f, Path path) {
        if (!NAME.equals(f.model())) {
            throw new IllegalArgumentException("model file " + path + " holds a '" + f.model() + "' model, not "
                    + NAME);
        }
        String mapName = f.text().getOrDefault("size_map", "moments");
        SizeMap map = switch (mapName) {
            case "moments" -> SizeMap.MOMENTS;
            case "mlp" -> SizeMap.MLP;
            default -> throw new IllegalArgumentException("model file " + path + ": size_map '" + mapName
                    + "', expected moments or mlp");
        };
        double[] shape = f.numbers().containsKey("mlp_shape") ? f.requireNumbers(path, "mlp_shape", 2)
                : new double[] {MlpSizeMap.WIDTH, MlpSizeMap.DEPTH};
        Settings settings = new Settings(f.requireNumbers(path, "near_radius", 1)[0],
                f.requireNumbers(path, "k_max_R", 1)[0], f.requireNumbers(path, "period_margin", 1)[0], map,
                (int) shape[0], (int) shape[1]);
        String couplingName = f.requireText(path, "coupling");
        Coupling coupling = switch (couplingName) {
            case "cell-averaged" -> Coupling.CELL_AVERAGED;
            case "point" -> Coupling.POINT;
            default -> throw new IllegalArgumentException("model file " + path + ": coupling '" + couplingName
                    + "', expected cell-averaged or point");
        };
        double[] cell = coupling == Coupling.CELL_AVERAGED ? f.requireNumbers(path, "cell", 3) : null;
        double[] span = f.requireNumbers(path, "span", 2), period = f.requireNumbers(path, "period", 2);
        double[] modes = f.requireNumbers(path, "modes", 2);
        HarmonicAxis ax = new HarmonicAxis(period[0], (int) modes[0]), ay = new HarmonicAxis(period[1], (int) modes[1]);
        SizeFeatures features;
        String kind = f.requireText(path, "features");
        if (kind.equals("classes")) {
            double[] flat = f.requireNumbers(path, "size_classes", -1);
            double[][] c = new double[flat.length / 2][];
            for (int k = 0; k < c.length; k++) {
                c[k] = new double[] {flat[2 * k], flat[2 * k + 1]};
            }
            features = SizeFeatures.classes(c);
        } else if (kind.equals("moments")) {
            double[] r = f.requireNumbers(path, "size_range", 4);
            features = SizeFeatures.moments(r[0], r[1], r[2], r[3], f.requireNumbers(path, "moment_reference", 1)[0]);
        } else if (kind.equals("mlp")) {
            double[] r = f.requireNumbers(path, "size_range", 4), e = f.requireNumbers(path, "mlp_errors", 2);
            MlpSizeMap m = new MlpSizeMap(settings.mlpWidth(), settings.mlpDepth(), r,
                    f.requireNumbers(path, "mlp_parameters", -1));
            features = SizeFeatures.mlp(new MlpSizeMap.Trained(m, e[0], e[1], -1, -1),
                    f.requireNumbers(path, "moment_reference", 1)[0]);
        } else {
            throw new IllegalArgumentException("model file " + path + ": features '" + kind + "', expected classes, "
                    + "moments or mlp");
        }
        int size = (ax.modes + 1) * (ay.modes + 1), k = features.count();
        double[][] p = f.requireArray(path, "coefficients_psi", k, size), z = f.requireArray(path, "coefficients_zz",
                k, size);
        FarFieldKernel[] sets = new FarFieldKernel[k];
        for (int q = 0; q < k; q++) {
            sets[q] = new FarFieldKernel(ax, ay, p[q], z[q]);
        }
        return new FarFieldModel(settings, coupling, f.requireNumbers(path, "thickness", 1)[0], cell,
                f.requireNumbers(path, "reference_size", 1)[0], span[0], span[1], ax, ay, features, sets);
    }

    /**
     * The combined coefficients for a size: Σ_k φ_k(s) C_k (per unit volume).
     *
     * @param sx x side (m)
     * @param sy y side (m)
     * @return the kernel per unit volume
     */
    FarFieldKernel kernelPerVolume(double sx, double sy) {
        double[] phi = new double[features.count()];
        features.evaluate(sx, sy, phi);
        return FarFieldKernel.combine(sets, phi);
    }
}
