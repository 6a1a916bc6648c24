package org.hypermag.surrogate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.hypermag.output.ModelFile;
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

    /** Reports fitting progress. */
    @FunctionalInterface
    public interface Progress {
        /** Called after each fitted anchor size. */
        void fitted(int done, int total);

        /** Reports nothing. */
        Progress NONE = (d, t) -> { };
    }

    final FarFieldSettings settings;
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
    /**
     * The line kernel per unit volume (a source of no in-plane extent), from which a prism's coefficients follow
     * exactly (times sinc(w_m s_x/2) sinc(w_n s_y/2)): smeared models of prisms of many sizes (moment features)
     * carry it, and the surrogate evaluates with this exact size map instead of the moment sets; null otherwise.
     */
    final FarFieldKernel line;

    FarFieldModel(FarFieldSettings settings, Coupling coupling, double thickness, double[] cell, double reference,
                          double spanX, double spanY, HarmonicAxis ax, HarmonicAxis ay, SizeFeatures features,
                          FarFieldKernel[] sets) {
        this(settings, coupling, thickness, cell, reference, spanX, spanY, ax, ay, features, sets, null);
    }

    FarFieldModel(FarFieldSettings settings, Coupling coupling, double thickness, double[] cell, double reference,
                  double spanX, double spanY, HarmonicAxis ax, HarmonicAxis ay, SizeFeatures features,
                  FarFieldKernel[] sets, FarFieldKernel line) {
        if (line != null && (coupling != Coupling.POINT || features.kind != SizeFeatures.Kind.MOMENTS)) {
            throw new IllegalArgumentException("only a point-coupled model with moment features uses a line kernel");
        }
        this.line = line;
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
    public FarFieldSettings settings() {
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

    /**
     * The same model evaluated with its moment features instead of the exact size map (the form the device kernels
     * evaluate, {@code org.hypermag.surrogate.gpu}); this model itself when it has no line kernel.
     *
     * @return the model without its line kernel
     */
    public FarFieldModel withMomentMap() {
        return line == null ? this : new FarFieldModel(settings, coupling, thickness, cell, reference, spanX, spanY,
                ax, ay, features, sets, null);
    }

    /** @return whether the model carries a line kernel and so is evaluated with the exact size map */
    public boolean exactSizeMap() {
        return line != null;
    }

    /** @return a one-line description */
    public String describe() {
        return String.format(Locale.ROOT, "far-field model (%s coupling): %d x %d harmonics (L = %d per channel), "
                + "periods %.4g x %.4g m, near radius R = %.4g m (%.3g x %.4g m), k_max R = %.3g, %s",
                coupling == Coupling.CELL_AVERAGED ? "cell-averaged" : "point", ax.modes + 1, ay.modes + 1,
                basisSize(), ax.period, ay.period, radius, settings.nearRadius(), reference, settings.kR(),
                features.describe() + (line != null ? " (evaluated with the exact size map: the line kernel times "
                        + "each prism's sinc factors)" : ""));
    }

    /** The model's name in model files and on the command line. */
    public static final String NAME = FarFieldModelFile.NAME;

    /**
     * The model as a model file ({@link FarFieldModelFile#write}).
     *
     * @param extraText text attributes to add
     * @param extraNumbers numeric attributes to add
     * @return the file contents
     */
    public ModelFile toFile(Map<String, String> extraText, Map<String, double[]> extraNumbers) {
        return FarFieldModelFile.write(this, extraText, extraNumbers);
    }

    /**
     * Reads and validates a far-field model ({@link FarFieldModelFile#read}).
     *
     * @param f the file's contents
     * @param path the file, for messages
     * @return the model
     * @throws IllegalArgumentException if the file is not a valid far-field model
     */
    public static FarFieldModel fromFile(ModelFile f, Path path) {
        return FarFieldModelFile.read(f, path);
    }

    /**
     * Makes the model for a one-layer grid ({@link FarFieldFit#grid}): by the settings' construction.
     *
     * @param grid the grid
     * @param settings accuracy settings
     * @param progress progress callback
     * @return the model
     */
    public static FarFieldModel fitGrid(RegularGrid grid, FarFieldSettings settings, Progress progress) {
        return FarFieldFit.grid(grid, settings, WorkerPool.shared(), progress);
    }

    /**
     * {@link #fitGrid(RegularGrid, FarFieldSettings, Progress)} on the given threads.
     *
     * @param grid the grid
     * @param settings accuracy settings
     * @param pool threads
     * @param progress progress callback
     * @return the model
     */
    public static FarFieldModel fitGrid(RegularGrid grid, FarFieldSettings settings, WorkerPool pool,
                                        Progress progress) {
        return FarFieldFit.grid(grid, settings, pool, progress);
    }

    /**
     * Fits a model for a single-layer collection of prisms ({@link FarFieldFit#prisms}).
     *
     * @param prisms the prisms
     * @param spanX largest |offset| along x to cover (m)
     * @param spanY largest |offset| along y to cover (m)
     * @param settings accuracy settings
     * @param pool threads
     * @param progress progress callback
     * @return the model
     */
    public static FarFieldModel fitPrisms(Prisms prisms, double spanX, double spanY, FarFieldSettings settings,
                                          WorkerPool pool, Progress progress) {
        return FarFieldFit.prisms(prisms, spanX, spanY, settings, pool, progress);
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
