package org.hypermag.surrogate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DemagProvider;
import org.hypermag.solver.demag.DemagRequest;
import org.hypermag.solver.demag.DemagSetting;
import org.hypermag.solver.demag.DemagSettings;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.surrogate.gpu.GpuFarFieldSurrogate;
import org.hypermag.surrogate.gpu.GpuNufftSurrogate;
import org.hypermag.surrogate.paper.PaperModel;
import org.hypermag.surrogate.paper.PaperModelDemag;
import org.hypermag.surrogate.paper.PaperModels;

/**
 * {@code demag: {method: surrogate}}: the far-field surrogate (a fitted harmonic far field plus the exact near
 * field, {@link FarFieldSurrogate}), or one of the paper's models (fourier, fc-ilr, linear) named by a model file.
 * The model is the {@code model} file when given, else a stored model of the scenario that fits, the cached
 * automatic fit, or a new fit (cached). On an OpenCL GPU the far-field surrogate runs as a kernel
 * ({@link GpuFarFieldSurrogate}).
 */
public final class SurrogateDemagProvider implements DemagProvider {
    /** The provider. */
    public static final SurrogateDemagProvider INSTANCE = new SurrogateDemagProvider();

    /** Largest basis (harmonics per channel) a far-field model may have: beyond it the settings are refused. */
    public static final long MAX_BASIS = 20_000_000L;

    private static final FarFieldSettings D = FarFieldSettings.DEFAULT;
    private static final List<DemagSetting> SETTINGS = List.of(
            DemagSetting.path("model", "a surrogate model file (far-field, fourier, fc-ilr or linear); default: a "
                    + "stored or cached far-field model that fits, else a new fit"),
            DemagSetting.number("near_radius", "reference sizes", "radius R of the exact near zone, in units of the "
                    + "reference size (a grid's in-plane cell side, the median side of prisms)", D.nearRadius(), 0,
                    1e4),
            DemagSetting.number("k_max_R", "1", "highest wavenumber of the far-field basis times R", D.kR(), 0, 1e3),
            DemagSetting.nonNegative("period_margin", "near radii", "margin of the basis period beyond twice the "
                    + "largest offset, in near radii", D.periodMargin(), 1e3),
            DemagSetting.choice("far_field", "how the far-field coefficients are made: the smeared kernel's "
                    + "transforms (no fit, seconds at 10^6 domains) or a least-squares fit on the far zone", "smeared",
                    "fitted"),
            DemagSetting.choice("size_features", "map from prism size to the model's size features", "moments", "mlp"),
            DemagSetting.integer("mlp_width", "width of the MLP's tanh layers", D.mlpWidth(), 1, 64),
            DemagSetting.integer("mlp_depth", "number of the MLP's tanh layers", D.mlpDepth(), 1, 8));

    private SurrogateDemagProvider() {
    }

    /**
     * The model of a surrogate path, with the model file contents that give it exactly (so that a run can keep a
     * copy of the model it used).
     *
     * @param file the model file contents: as read from a named file, or written from a far-field model found or
     *     fitted automatically
     * @param source the named model file it was read from, or null (found or fitted automatically)
     * @param origin where it came from (a file, a stored or cached model, a new fit), for logs
     * @param farField the far-field model, or null
     * @param paper the paper model (fourier, fc-ilr, linear), or null
     */
    public record Model(ModelFile file, Path source, String origin, FarFieldModel farField, PaperModel paper) {
    }

    @Override
    public String name() {
        return "surrogate";
    }

    @Override
    public String doc() {
        return "the additive hypernetwork surrogate: a far field fitted to the exact kernel plus the exact near "
                + "field (docs/surrogate.md), or a paper model given as the model file";
    }

    @Override
    public List<DemagSetting> settings() {
        return SETTINGS;
    }

    /**
     * @param s the scenario's demag settings
     * @return the far-field accuracy settings they give
     * @throws IllegalArgumentException if they are inconsistent
     */
    public static FarFieldSettings farFieldSettings(DemagSettings s) {
        return new FarFieldSettings(s.number("near_radius"), s.number("k_max_R"), s.number("period_margin"),
                s.choice("size_features").equals("mlp") ? FarFieldSettings.SizeMap.MLP : FarFieldSettings.SizeMap.MOMENTS,
                s.integer("mlp_width"), s.integer("mlp_depth"),
                FarFieldSettings.Construction.of(s.choice("far_field")));
    }

    @Override
    public String unsupported(Magnet magnet, DemagSettings settings) {
        Path file = settings.path("model");
        FarFieldModels.Target target = target(magnet);
        try {
            int layers = layerCount(magnet);
            if (file != null && layers > 1) {
                return modelFileRefusal(layers);
            }
            if (file != null) {
                ModelFile contents = ModelFile.read(file);
                if (PaperModels.NAMES.contains(contents.model())) {
                    return PaperModelDemag.unsupported(PaperModel.fromFile(contents, file), magnet.prisms());
                }
                FarFieldModels.load(file, target);
                return null;
            }
            FarFieldSettings ff = farFieldSettings(settings);
            if (layers > 1) {
                String why = layeredProblem(layers, ff);
                if (why != null) {
                    return why;
                }
            }
            long basis = FarFieldFit.basisSize(target, ff);
            if (basis > MAX_BASIS) {
                return String.format(Locale.ROOT, "these settings give a far-field basis of %d harmonics per channel "
                        + "(k_max_R = %s, near_radius = %s over this film), more than the %d this build allows; "
                        + "lower k_max_R", basis, ff.kR(), ff.nearRadius(), MAX_BASIS);
            }
            return FarFieldFit.farZoneProblem(target, ff);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public long estimateBytes(Magnet magnet, DemagSettings settings) {
        if (settings.path("model") != null) {
            return 64L * magnet.size() * 64;
        }
        FarFieldSettings ff = farFieldSettings(settings);
        long basis = FarFieldFit.basisSize(target(magnet), ff);
        long n = magnet.size();
        // near blocks: about pi R^2 neighbours per domain (half stored, by symmetry), 6 numbers each
        long near = (long) (n * Math.PI * ff.nearRadius() * ff.nearRadius() * 6 * 8 / 2);
        // the transforms: 2K+1 modes per axis, about 4 L complex numbers per spectrum (6 spectra and a sum with the
        // exact size map) and oversampled grids of about 16 L complex numbers, one per spreading chunk (up to 8);
        // per domain its kernel weights (centres and rectangles, about 46 numbers) and work arrays
        int chunks = Math.min(8, Runtime.getRuntime().availableProcessors());
        long oneLayer = 8 * basis * (8 * 7 + 32L * chunks) + near + 800 * n;
        int layers;
        try {
            layers = layerCount(magnet);
        } catch (IllegalArgumentException e) {
            return oneLayer;
        }
        if (layers <= 1) {
            return oneLayer;
        }
        // L^2 pieces, each with its transforms' spectra and grids (about 64 numbers per harmonic with moment
        // features); near blocks of nine components between layers, as many pairs per domain and layer
        long pieces = (long) layers * layers;
        return pieces * 8 * basis * 64 + layers * (near * 3) + 400 * n * layers;
    }

    @Override
    public boolean hasGpuKernel(Magnet magnet) {
        return true;
    }

    /**
     * @param magnet the domains
     * @return true if they lie in more than one layer (several z, or a grid with nz > 1)
     * @throws IllegalArgumentException if a layer mixes thicknesses
     */
    public static boolean layered(Magnet magnet) {
        return layerCount(magnet) > 1;
    }

    /** The number of layers of the domains (a grid of one layer of cells without grouping them). */
    private static int layerCount(Magnet magnet) {
        if (magnet.isOnGrid() && magnet.grid().nz() == 1) {
            return 1;
        }
        return LayeredFarFieldSurrogate.layersOf(magnet.prisms()).count();
    }

    /** Why domains in several layers cannot have these settings, or null: layers are built smeared, at each run. */
    private static String layeredProblem(int layers, FarFieldSettings ff) {
        if (ff.construction() != FarFieldSettings.Construction.SMEARED) {
            return "domains in " + layers + " layers need far_field: smeared (the layered surrogate has no fitted "
                    + "models)";
        }
        if (ff.sizeMap() != FarFieldSettings.SizeMap.MOMENTS) {
            return "domains in several layers use moment size features; size_features: mlp supports one layer";
        }
        return null;
    }

    private static String modelFileRefusal(int layers) {
        return "a model file holds one layer; the domains lie in " + layers + " layers, whose models are made at "
                + "each run (remove demag.model)";
    }

    /**
     * The layered surrogate for domains in several layers (smeared models made for this run; no model file).
     *
     * @param r the request
     * @return the field
     */
    static DemagField buildLayered(DemagRequest r) {
        FarFieldSettings ff = requireLayeredSettings(r, layerCount(r.magnet()));
        if (r.device().isGpu()) {
            r.log().accept("gpu: the layered far-field surrogate has no GPU kernel; it runs on the CPU");
        }
        Magnet magnet = r.magnet();
        return magnet.isOnGrid() ? LayeredFarFieldSurrogate.forGrid(magnet.grid(), magnet.gridCells(), ff,
                r.pool(), r.log()) : LayeredFarFieldSurrogate.forPrisms(magnet.prisms(), ff, r.pool(), r.log());
    }

    @Override
    public DemagField build(DemagRequest r) {
        if (layerCount(r.magnet()) > 1) {
            return buildLayered(r);
        }
        Model m = model(r);
        if (m.paper() != null) {
            if (r.device().isGpu()) {
                r.log().accept("gpu: the " + m.paper().name() + " model has no GPU kernel; it runs on the CPU");
            }
            return PaperModelDemag.bind(m.paper(), r.magnet().prisms(), r.pool());
        }
        // on a device the far field is evaluated by non-uniform FFTs (GpuNufftSurrogate), so the CPU reference the
        // device copies is built with them too
        FarFieldSurrogate cpu = FarFieldModels.bind(target(r.magnet()), m.farField(), r.pool(), r.device().isGpu()
                ? FarFieldSurrogate.Evaluation.TRANSFORMS : FarFieldSurrogate.Evaluation.AUTO);
        return r.device().isGpu() ? onDevice(cpu, r) : cpu;
    }

    /**
     * The device's copy of a CPU surrogate: by non-uniform FFTs when the CPU evaluates its far field by transforms
     * ({@link GpuNufftSurrogate}: the same transforms, so the exact size map too), else by phase sums
     * ({@link GpuFarFieldSurrogate}).
     */
    private static DemagField onDevice(FarFieldSurrogate cpu, DemagRequest r) {
        return GpuNufftSurrogate.supports(cpu) ? new GpuNufftSurrogate(cpu, r.device().device(), r.precision(), r.log())
                : new GpuFarFieldSurrogate(cpu, r.device().device(), r.precision(), r.log());
    }

    @Override
    public DemagField atPoints(Prisms sources, double[] x, double[] y, double[] z, DemagRequest r) {
        Path file = r.settings().path("model");
        int layers = LayeredFarFieldSurrogate.layersOf(sources).count();
        if (layers > 1) {
            FarFieldSettings ff = requireLayeredSettings(r, layers);
            if (r.device().isGpu()) {
                r.log().accept("gpu: the layered far-field surrogate has no GPU kernel; it runs on the CPU");
            }
            return LayeredFarFieldSurrogate.atPoints(sources, x, y, z, ff, r.pool(), r.log());
        }
        FarFieldModel fm;
        if (file != null) {
            fm = FarFieldModel.fromFile(ModelFile.read(file), file);
        } else {
            double[] b = sources.centreBounds();
            double minX = b[0], maxX = b[1], minY = b[2], maxY = b[3];
            for (int i = 0; i < x.length; i++) {
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
            }
            long t0 = System.nanoTime();
            fm = FarFieldModel.fitPrisms(sources, maxX - minX, maxY - minY, farFieldSettings(r.settings()), r.pool(),
                    (done, total) -> r.log().accept("fitting the far-field model: size " + done + " of " + total));
            r.log().accept(String.format(Locale.ROOT, "fitted %s in %.1f s", fm.describe(),
                    (System.nanoTime() - t0) * 1e-9));
        }
        FarFieldSurrogate cpu = FarFieldSurrogate.atPoints(sources, x, y, z, fm, r.pool(), r.device().isGpu()
                ? FarFieldSurrogate.Evaluation.TRANSFORMS : FarFieldSurrogate.Evaluation.AUTO);
        return r.device().isGpu() ? onDevice(cpu, r) : cpu;
    }

    /**
     * The surrogate model for a request: its {@code model} file (a far-field model, or a paper model: fourier,
     * fc-ilr, linear) checked against the domains, else a stored far-field model of the scenario that fits, the
     * cached automatic fit, or a new fit.
     *
     * @param r the request
     * @return the model
     * @throws IllegalArgumentException naming the file, what does not fit and why, and what to do
     */
    public Model model(DemagRequest r) {
        Magnet magnet = r.magnet();
        int layers = layerCount(magnet);
        if (layers > 1) {
            // the layered surrogate's models are made with the field ({@link #build}); there is no file to keep
            requireLayeredSettings(r, layers);
            return new Model(null, null, "smeared models of " + layers + " layers, made at each run", null, null);
        }
        FarFieldModels.Target target = target(magnet);
        Path file = r.settings().path("model");
        if (file != null) {
            ModelFile contents = ModelFile.read(file);
            if (PaperModels.NAMES.contains(contents.model())) {
                PaperModel m = PaperModel.fromFile(contents, file);
                String why = PaperModelDemag.unsupported(m, magnet.prisms());
                if (why != null) {
                    String ref = r.scenario().source().endsWith(" (shipped)") ? r.scenario().name()
                            : r.scenario().source();
                    throw new IllegalArgumentException("model file " + file + " (" + m.name() + ") cannot represent "
                            + "the domains of " + r.scenario().name() + ": " + why + ". Make a " + m.name()
                            + " model for them: hypermag train --model " + m.name() + " --scenario " + ref + " --from "
                            + file + " --out FILE (the same trained parameters with a length unit that fits), or "
                            + "train one: hypermag train --model " + m.name() + " --scenario " + ref + " --out FILE");
                }
                r.log().accept(m.name() + " model " + file);
                return new Model(contents, file, file.toString(), null, m);
            }
            FarFieldModel m = FarFieldModels.load(file, target);
            r.log().accept("far-field model " + file);
            return new Model(contents, file, file.toString(), m, null);
        }
        List<Path> stored = new ArrayList<>(r.scenario().storedData());
        String[] origin = {"a new fit"};
        FarFieldModel model = FarFieldModels.obtain(target, farFieldSettings(r.settings()), stored,
                FarFieldModels.defaultCacheDir(), r.pool(), line -> {
                    if (line.startsWith("far-field model ")) {
                        origin[0] = line.substring("far-field model ".length());
                    }
                    r.log().accept(line);
                });
        Map<String, String> text = new LinkedHashMap<>();
        text.put("training", "the far-field model used for scenario " + r.scenario().name() + ": " + origin[0]);
        text.put("created", LocalDate.now().toString());
        return new Model(model.toFile(text, Map.of()), null, origin[0], model, null);
    }

    /**
     * The settings of a request for domains in several layers, refused as {@link #unsupported} refuses them.
     *
     * @param r the request
     * @param layers the number of layers (> 1)
     * @return the far-field settings
     * @throws IllegalArgumentException with a model file, fitted construction or MLP size features
     */
    private static FarFieldSettings requireLayeredSettings(DemagRequest r, int layers) {
        if (r.settings().path("model") != null) {
            throw new IllegalArgumentException(modelFileRefusal(layers));
        }
        FarFieldSettings ff = farFieldSettings(r.settings());
        String why = layeredProblem(layers, ff);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return ff;
    }

    /**
     * The surrogate field of a model for a request: the paper model's, the far-field model's, or (model without
     * either: domains in several layers) the layered surrogate made for them.
     *
     * @param m the model from {@link #model}
     * @param r the request
     * @return the field (CPU)
     */
    public static DemagField bind(Model m, DemagRequest r) {
        if (m.paper() != null) {
            return PaperModelDemag.bind(m.paper(), r.magnet().prisms(), r.pool());
        }
        if (m.farField() != null) {
            return FarFieldModels.bind(target(r.magnet()), m.farField(), r.pool());
        }
        return buildLayered(r);
    }

    /**
     * @param magnet the domains
     * @return what a far-field surrogate model must represent for them
     */
    public static FarFieldModels.Target target(Magnet magnet) {
        return magnet.isOnGrid() ? new FarFieldModels.Target(magnet.prisms(), magnet.grid(), magnet.gridCells())
                : new FarFieldModels.Target(magnet.prisms(), null, null);
    }
}
