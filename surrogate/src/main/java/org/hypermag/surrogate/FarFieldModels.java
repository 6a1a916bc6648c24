package org.hypermag.surrogate;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * Finding or fitting the far-field model for a geometry: a named model file, stored models that fit, a cache of
 * earlier automatic fits, or a new fit (saved to the cache).
 *
 * <p>A far-field model depends on the film (thickness, coupling, sizes, the largest offset) and the settings, not on
 * where the domains are: a stored model fits a geometry when {@link FarFieldModel#unsupported} finds nothing and its
 * settings are the ones asked for. Automatic fits are cached as {@code far-field-<key>.h5}, the key a hash of what the
 * fit depends on.
 */
public final class FarFieldModels {
    private FarFieldModels() {
    }

    /**
     * What a geometry needs.
     *
     * @param prisms the domains
     * @param grid the grid they lie on, or null for arbitrary prisms
     * @param cells the grid cells the domains occupy (null: all), ignored without a grid
     */
    public record Target(Prisms prisms, RegularGrid grid, int[] cells) {
        /** @return the coupling the exact path uses for these domains */
        public FarFieldModel.Coupling coupling() {
            return grid != null ? FarFieldModel.Coupling.CELL_AVERAGED : FarFieldModel.Coupling.POINT;
        }
    }

    /**
     * Binds a model to the domains.
     *
     * @param target the domains
     * @param model a model that fits them ({@link #load}, {@link #obtain})
     * @param pool threads
     * @return the surrogate demag field among the domains
     */
    public static FarFieldSurrogate bind(Target target, FarFieldModel model, WorkerPool pool) {
        return bind(target, model, pool, FarFieldSurrogate.Evaluation.AUTO);
    }

    /**
     * {@link #bind(Target, FarFieldModel, WorkerPool)} with a chosen far-field evaluation (the device path takes
     * transforms: {@code GpuNufftSurrogate} evaluates them).
     *
     * @param target the domains
     * @param model the model
     * @param pool threads
     * @param evaluation how to evaluate the far part
     * @return the surrogate
     */
    public static FarFieldSurrogate bind(Target target, FarFieldModel model, WorkerPool pool,
                                         FarFieldSurrogate.Evaluation evaluation) {
        return target.grid() != null ? FarFieldSurrogate.forGrid(target.grid(), target.cells(), model, pool,
                evaluation) : FarFieldSurrogate.forPrisms(target.prisms(), model, pool, evaluation);
    }

    /**
     * Reads a model file and checks that it can represent the domains with the given settings.
     *
     * @param file the model file
     * @param target the domains
     * @return the model
     * @throws IllegalArgumentException naming the file and why it does not fit
     */
    public static FarFieldModel load(Path file, Target target) {
        FarFieldModel m = FarFieldModel.fromFile(ModelFile.read(file), file);
        String why = mismatch(m, target, null);
        if (why != null) {
            throw new IllegalArgumentException("model file " + file + " does not fit this geometry: " + why);
        }
        return m;
    }

    /**
     * The model for the domains: the first of the stored files that fits, else the cached automatic fit, else a new
     * fit written to the cache.
     *
     * @param target the domains
     * @param settings accuracy settings
     * @param stored candidate model files (missing ones are skipped)
     * @param cacheDir the cache directory, or null for no cache
     * @param pool threads for fitting
     * @param log one line per step taken (which file was used, fitting progress)
     * @return the model
     */
    public static FarFieldModel obtain(Target target, FarFieldSettings settings, List<Path> stored,
                                       Path cacheDir, WorkerPool pool, Consumer<String> log) {
        for (Path f : stored) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            FarFieldModel m;
            try {
                m = FarFieldModel.fromFile(ModelFile.read(f), f);
            } catch (IllegalArgumentException e) {
                log.accept("skipping " + f + ": " + e.getMessage());
                continue;
            }
            String why = mismatch(m, target, settings);
            if (why == null) {
                log.accept("far-field model " + f);
                return m;
            }
            log.accept("stored model " + f + " does not fit: " + why);
        }
        Path cached = cacheDir == null ? null : cacheDir.resolve("far-field-" + key(target, settings) + ".h5");
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                FarFieldModel m = FarFieldModel.fromFile(ModelFile.read(cached), cached);
                boolean stale = withoutLine(m);
                if (mismatch(m, target, settings) == null && !stale) {
                    log.accept("far-field model " + cached + " (cached)");
                    return m;
                }
                if (stale) {
                    log.accept("the cached model " + cached + " was made before models carried their line kernel "
                            + "(the exact size map, 4x cheaper to evaluate); building it again");
                }
            } catch (IllegalArgumentException e) {
                log.accept("discarding the cached model " + cached + " (" + e.getMessage() + "); fitting it again");
            }
        }
        long t0 = System.nanoTime();
        FarFieldModel m = fit(target, settings, pool, log);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        log.accept(String.format(Locale.ROOT, "%s %s in %.1f s", settings.construction()
                == FarFieldSettings.Construction.SMEARED ? "built" : "fitted", m.describe(), seconds));
        if (cached != null) {
            try {
                m.toFile(provenance("automatic " + settings.construction().key() + " model", settings, seconds),
                        Map.of()).write(cached);
                log.accept("cached as " + cached);
            } catch (UncheckedIOException e) {
                log.accept("could not cache the model (" + e.getMessage() + "); it is used for this run only");
            }
        }
        return m;
    }

    /**
     * Fits a model for the domains, covering their own extent.
     *
     * @param target the domains
     * @param settings accuracy settings
     * @param pool threads
     * @param log progress lines
     * @return the model
     */
    public static FarFieldModel fit(Target target, FarFieldSettings settings, WorkerPool pool,
                                    Consumer<String> log) {
        String doing = settings.construction() == FarFieldSettings.Construction.SMEARED ? "building" : "fitting";
        FarFieldModel.Progress progress = (done, total) -> log.accept(doing + " far-field model: size " + done
                + " of " + total);
        if (target.grid() != null) {
            return FarFieldModel.fitGrid(target.grid(), settings, pool, progress);
        }
        Prisms p = target.prisms();
        double[] span = span(p);
        return FarFieldModel.fitPrisms(p, span[0], span[1], settings, pool, progress);
    }

    /** @return the in-plane extent {x, y} of the prisms' centres (m) */
    static double[] span(Prisms p) {
        double[] b = p.centreBounds();
        return new double[] {b[1] - b[0], b[3] - b[2]};
    }

    /**
     * Whether a smeared model of many sizes lacks the line kernel a build now gives it (a cache file written before
     * 2026-12-05): it would still be right, but evaluated with the dearer moment channels.
     */
    static boolean withoutLine(FarFieldModel m) {
        return m.settings().construction() == FarFieldSettings.Construction.SMEARED
                && m.coupling() == FarFieldModel.Coupling.POINT && m.features.kind == SizeFeatures.Kind.MOMENTS
                && !m.exactSizeMap();
    }

    /** Why the model cannot serve the domains with these settings (null settings: any), or null. */
    static String mismatch(FarFieldModel m, Target target, FarFieldSettings settings) {
        if (m.coupling() != target.coupling()) {
            return "it was fitted for " + (m.coupling() == FarFieldModel.Coupling.CELL_AVERAGED ? "grid cells"
                    : "arbitrary prisms") + ", the domains are " + (target.grid() != null ? "grid cells"
                    : "arbitrary prisms");
        }
        if (settings != null && !settings.equals(m.settings())) {
            return "its settings are " + m.settings() + ", asked for " + settings;
        }
        return m.unsupported(target.prisms());
    }

    /** The text attributes recording how a model was made. */
    static Map<String, String> provenance(String how, FarFieldSettings settings, double seconds) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("training", how + String.format(Locale.ROOT, " (%s, %.1f s)", settings.construction()
                == FarFieldSettings.Construction.SMEARED ? "smeared kernel, cosine and sine transforms, no fit"
                : "least squares on the far zone", seconds));
        t.put("created", LocalDate.now().toString());
        return t;
    }

    /** A hash of everything a fit depends on. */
    static String key(Target target, FarFieldSettings settings) {
        StringBuilder b = new StringBuilder();
        b.append(settings).append('|').append(target.coupling()).append('|');
        Prisms p = target.prisms();
        if (target.grid() != null) {
            RegularGrid g = target.grid();
            b.append(g.nx()).append(',').append(g.ny()).append(',').append(g.dx()).append(',').append(g.dy())
                    .append(',').append(g.dz());
        } else {
            double[] span = span(p);
            b.append(span[0]).append(',').append(span[1]).append(',').append(p.sz(0));
            double[] sx = new double[p.size()], sy = new double[p.size()];
            for (int i = 0; i < p.size(); i++) {
                sx[i] = p.sx(i);
                sy[i] = p.sy(i);
            }
            double[][] d = SizeFeatures.distinct(sx, sy);
            java.util.Arrays.sort(d, (u, v) -> u[0] != v[0] ? Double.compare(u[0], v[0]) : Double.compare(u[1], v[1]));
            for (double[] s : d) {
                b.append('|').append(s[0]).append('x').append(s[1]);
            }
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The default cache directory: the system property {@code hypermag.cache}, else {@code $HYPERMAG_CACHE}, else {@code $XDG_CACHE_HOME/hypermag}, else
     * {@code ~/.cache/hypermag}; models go into its {@code models} folder.
     *
     * @return the models cache directory
     */
    public static Path defaultCacheDir() {
        String env = System.getProperty("hypermag.cache", System.getenv("HYPERMAG_CACHE"));
        Path base;
        if (env != null && !env.isBlank()) {
            base = Path.of(env);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            base = xdg != null && !xdg.isBlank() ? Path.of(xdg, "hypermag")
                    : Path.of(System.getProperty("user.home"), ".cache", "hypermag");
        }
        return base.resolve("models");
    }
}
