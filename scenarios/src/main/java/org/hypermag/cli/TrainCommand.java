package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hypermag.output.ModelFile;
import org.hypermag.scenarios.sim.ScenarioSystem;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldModels;
import org.hypermag.surrogate.FieldAccuracy;
import org.hypermag.surrogate.paper.PaperModel;
import org.hypermag.surrogate.paper.PaperModelDemag;
import org.hypermag.surrogate.paper.PaperModels;
import org.hypermag.surrogate.paper.PaperProtocol;
import org.hypermag.surrogate.paper.Sampling;
import org.hypermag.surrogate.paper.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hypermag train}: makes a surrogate model file. */
@Command(name = "train",
        description = {"Makes a surrogate model and writes it to a model file (HDF5, docs/surrogate.md).",
            "far-field (the default): fitted by least squares to the exact kernel of the given domains' film beyond "
                    + "the near radius, then measured against the exact field on those domains for random, smooth, "
                    + "uniform and vortex magnetisations; the accuracy is printed and stored in the file."},
        mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "far-field", paramLabel = "NAME",
            description = "The model: far-field (default; needs --scenario or --sources), or one of the paper's models "
                    + "fourier, fc-ilr, linear (trained on single-source examples, reported with the paper's protocol; "
                    + "docs/surrogate.md).")
    String model;

    @Option(names = "--scenario", paramLabel = "FILE|NAME",
            description = "The domains of a scenario file or shipped scenario (far-field: its demag settings apply; "
                    + "paper models: the length unit is chosen so that the domains fit the trained domain, and the "
                    + "magnetisation unit is their largest Ms).")
    String scenario;

    @Option(names = "--from", paramLabel = "FILE", description = "Paper models with --scenario: take the trained "
            + "parameters of this model file and only set the length and magnetisation units for the scenario, "
            + "without training (exact: the models work in domain units). With --protocol paper-2d (fourier, "
            + "fc-ilr): train the file's model further from its parameters (a warm start with a fresh Adam state, "
            + "the file's shape, training fraction and seed offset unless given).")
    Path from;

    @Option(names = "--sources", paramLabel = "S.csv",
            description = "The domains as prisms in a CSV file (header x,y,z,sx,sy,sz; m), as for the field command.")
    Path sources;

    @Option(names = "--near-radius", paramLabel = "R", description = "Near radius in reference sizes "
            + "(default: the scenario's, else 10).")
    Double nearRadius;

    @Option(names = "--k-max-r", paramLabel = "K", description = "k_max times R (default: the scenario's, else 8).")
    Double kR;

    @Option(names = "--period-margin", paramLabel = "M", description = "Period margin in near radii "
            + "(default: the scenario's, else 4).")
    Double periodMargin;

    @Option(names = "--far-field", paramLabel = "HOW", description = "Far-field: how the coefficients are made: "
            + "smeared (default; the smeared kernel's transforms, no fit) or fitted (least squares on the far zone).")
    String construction;

    @Option(names = "--size-features", paramLabel = "MAP", description = "Far-field: the hypernetwork's size "
            + "features for collections of more than 9 sizes: moments (default; quadratic in the squared sides) or mlp "
            + "(an MLP trained on exact fits at anchor sizes).")
    String sizeFeatures;

    @Option(names = "--mlp-width", paramLabel = "W", description = "Far-field, --size-features mlp: width of the "
            + "tanh layers, 1..64 (default: the scenario's, else 8).")
    Integer mlpWidth;

    @Option(names = "--mlp-depth", paramLabel = "D", description = "Far-field, --size-features mlp: number of tanh "
            + "layers, 1..8 (default: the scenario's, else 2).")
    Integer mlpDepth;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The model file to write (.h5).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "Paper models: seed of data, initialisation and "
            + "shuffling (default 1).")
    Long seed;

    @Option(names = "--eval-seed", paramLabel = "N", description = "Paper models: seed of the held-out test sets "
            + "(default " + PaperReport.DEFAULT_SEED + ").")
    Long evalSeed;

    @Option(names = "--thickness", paramLabel = "T", description = "Paper models: train and report on the paper's "
            + "sampling with every source T domain units thick (the fixed-thickness protocol, docs/surrogate.md); "
            + "default: the paper's thickness uniform in [0.1, 1].")
    Double thickness;

    @Option(names = "--protocol", paramLabel = "NAME", description = "paper-2d: the paper's own 2-D protocol (discs, "
            + "10^4 single-source samples; Table 2's sets; docs/paper-models.md). Trains --model linear, fourier or "
            + "fc-ilr.")
    String protocol;

    @Option(names = "--budget", paramLabel = "NAME", description = "--protocol paper-2d: paper (default: the paper's "
            + "sizes, data and schedule; a GPU's work) or reduced (the sizes, data and schedule of this project's "
            + "reduced runs, about an hour on this 2-core machine; docs/paper-models.md). Options given beside it "
            + "win.")
    String budget;

    @Option(names = "--order", paramLabel = "N", description = "--protocol paper-2d, fourier: wavenumbers per axis "
            + "including 0 (default 32, the paper's).")
    Integer order;

    @Option(names = "--hyper-width", paramLabel = "W", description = "--protocol paper-2d, fourier and fc-ilr: the "
            + "hypernetwork's hidden width (default the paper's: 0.25 x 4N^2; 1.5 x (basis width + 1)).")
    Integer hyperWidth;

    @Option(names = "--hyper-depth", paramLabel = "D", description = "--protocol paper-2d, fourier and fc-ilr: its "
            + "hidden layers (default 3, the paper's code).")
    Integer hyperDepth;

    @Option(names = "--basis-width", paramLabel = "B", description = "--protocol paper-2d, fc-ilr: the basis "
            + "network's width (default 400, the paper's).")
    Integer basisWidth;

    @Option(names = "--basis-layers", paramLabel = "L", description = "--protocol paper-2d, fc-ilr: its layers "
            + "(default 4, the paper's).")
    Integer basisLayers;

    @Option(names = "--epochs", paramLabel = "N", description = "--protocol paper-2d: Adam's epochs (passes over the "
            + "training set) on the Huber loss (linear: default 0, exact least squares; fourier: default 25000, the "
            + "paper's code's).")
    Integer epochs;

    @Option(names = "--rate", paramLabel = "R", description = "--protocol paper-2d: Adam's learning rate "
            + "(linear: default 1e-2; fourier: 5e-5, the paper's code's).")
    Double rate;

    @Option(names = "--final-rate", paramLabel = "R", description = "--protocol paper-2d: decay the learning rate "
            + "from --rate to R over the epochs by a cosine (default: constant, as the authors' code).")
    Double finalRate;

    @Option(names = "--fraction", paramLabel = "F", description = "--protocol paper-2d: the fraction of the 10^4 "
            + "training samples to use (default 1).")
    Double fraction;

    @Option(names = "--init", paramLabel = "NAME", description = "--protocol paper-2d, fourier and fc-ilr: how the "
            + "networks' parameters start: fan-in (default, the authors' code's: every weight and bias uniform in "
            + "+-1/sqrt(fan-in), as equinox) or glorot (Glorot-uniform weights, zero biases; this project's runs "
            + "before 2026-12-06).")
    String init;

    @Option(names = "--batch", paramLabel = "B", description = "--protocol paper-2d, fourier and fc-ilr: Adam on "
            + "mini-batches of B training samples, each epoch a pass over all of them in a shuffled order, the learning "
            + "rate set per step (default: one full-batch step per epoch, as the authors' code; with --budget reduced "
            + "250 for fourier and 2500 for fc-ilr; a departure for reduced budgets, named in the report).")
    Integer batch;

    @Override
    public Integer call() {
        if (threads != null && threads < 1) {
            throw new Main.UsageException("--threads must be >= 1, got " + threads);
        }
        if (protocol != null) {
            return Paper2dCommands.train(protocol, new Paper2dCommands.Options(model.equals(FarFieldModel.NAME)
                    ? "linear" : model, epochs, rate, finalRate, fraction, seed, order, hyperWidth, hyperDepth, basisWidth,
                    basisLayers, threads, from, init, batch).withBudget(budget), out,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (epochs != null || rate != null || finalRate != null || fraction != null || order != null || hyperWidth != null
                || hyperDepth != null || basisWidth != null || basisLayers != null || budget != null || init != null
                || batch != null) {
            throw new Main.UsageException("--epochs, --rate, --final-rate, --fraction, --order, --hyper-width, --hyper-depth, "
                    + "--basis-width, --basis-layers, --init, --batch and --budget belong to --protocol paper-2d");
        }
        if (PaperModels.NAMES.contains(model)) {
            return trainPaperModel();
        }
        if (!model.equals(FarFieldModel.NAME)) {
            throw new Main.UsageException("--model must be far-field or one of " + PaperModels.NAMES + ", got '"
                    + model + "'");
        }
        if (seed != null || evalSeed != null || thickness != null || from != null) {
            throw new Main.UsageException("--seed, --eval-seed, --thickness and --from are settings of the paper "
                    + "models; the far-field fit is deterministic and takes the thickness of the domains");
        }
        ModelGeometry g = ModelGeometry.of(scenario, sources);
        FarFieldSettings d = g.settings();
        FarFieldSettings.SizeMap map = d.sizeMap();
        if (sizeFeatures != null) {
            map = switch (sizeFeatures) {
                case "moments" -> FarFieldSettings.SizeMap.MOMENTS;
                case "mlp" -> FarFieldSettings.SizeMap.MLP;
                default -> throw new Main.UsageException("--size-features must be moments or mlp, got '"
                        + sizeFeatures + "'");
            };
        }
        FarFieldSettings.Construction made = d.construction();
        if (construction != null) {
            made = FarFieldSettings.Construction.of(construction);
            if (made == null) {
                throw new Main.UsageException("--far-field must be smeared or fitted, got '" + construction + "'");
            }
        }
        int width = mlpWidth == null ? d.mlpWidth() : mlpWidth, depth = mlpDepth == null ? d.mlpDepth() : mlpDepth;
        if (width < 1 || width > 64 || depth < 1 || depth > 8) {
            throw new Main.UsageException("--mlp-width must be in 1..64 and --mlp-depth in 1..8, got " + width + " and "
                    + depth);
        }
        FarFieldSettings settings = new FarFieldSettings(positive("--near-radius", nearRadius,
                d.nearRadius()), positive("--k-max-r", kR, d.kR()), periodMargin == null ? d.periodMargin()
                : nonNegative(periodMargin), map, width, depth, made);
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        WorkerPool pool = threads == null ? WorkerPool.shared() : new WorkerPool(threads);
        try {
            long t0 = System.nanoTime();
            FarFieldModel m;
            try {
                m = FarFieldModels.fit(g.target(), settings, pool, line -> {
                    err.print("\r" + line);
                    err.flush();
                });
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(g.label() + ": " + e.getMessage());
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            err.println();
            o.printf(Locale.ROOT, "%s%n%s in %.1f s for %s%n", m.describe(), settings.construction()
                    == FarFieldSettings.Construction.SMEARED ? "built (smeared kernel, no fit)" : "fitted", seconds,
                    g.label());
            Map<FieldAccuracy.Pattern, FieldAccuracy.Errors> acc = g.measure(m, pool);
            o.println();
            o.println("Field error against the exact field at the " + g.target().prisms().size() + " domains:");
            o.print(ModelGeometry.table(acc));
            Map<String, String> text = new LinkedHashMap<>();
            text.put("training", String.format(Locale.ROOT, "least squares on the far zone (%.1f s, %d threads)",
                    seconds, pool.threads()));
            text.put("trained_on", g.label());
            text.put("created", LocalDate.now().toString());
            text.put("accuracy_reference", "exact demag of the same domains (FFT with the cell-averaged tensor on "
                    + "grids, reciprocal point-tensor direct sum otherwise); |M| = " + ModelGeometry.MS + " A/m, "
                    + "random seed " + ModelGeometry.SEED + "; each accuracy_* holds {median, relative L2, max} of "
                    + "|dH|/|H|");
            Map<String, double[]> numbers = new LinkedHashMap<>();
            acc.forEach((p, e) -> numbers.put("accuracy_" + p.name().toLowerCase(Locale.ROOT),
                    new double[] {e.median(), e.l2(), e.max()}));
            m.toFile(text, numbers).write(out);
            o.println();
            o.println("wrote " + out);
        } finally {
            pool.close();
        }
        o.flush();
        return 0;
    }

    /**
     * Trains one of the paper's models on single-source examples and reports it with the paper's protocol; with
     * {@code --scenario} at the length and magnetisation units that fit the scenario's domains, with {@code --from}
     * by rescaling a trained model instead of training.
     */
    private int trainPaperModel() {
        if (sources != null || nearRadius != null || kR != null || periodMargin != null || sizeFeatures != null
                || mlpWidth != null || mlpDepth != null || construction != null) {
            throw new Main.UsageException("--model " + model + " is trained on the paper's single-source examples; "
                    + "--sources, --near-radius, --k-max-r, --period-margin, --far-field, --size-features, "
                    + "--mlp-width and --mlp-depth belong to far-field");
        }
        if (from != null && scenario == null) {
            throw new Main.UsageException("--from FILE rescales a trained model for a scenario; name it with "
                    + "--scenario FILE|NAME");
        }
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Settings d = Settings.defaults(model);
        String fitted = null;
        if (scenario != null) {
            Scenario s = CheckCommand.byNameOrFile(scenario);
            Magnet magnet = ScenarioSystem.magnet(s);
            double[] scales = PaperModelDemag.scales(magnet);
            String why = PaperModelDemag.unsupported(model, scales[0], magnet.prisms());
            if (why != null) {
                throw new Main.UsageException("scenario " + s.name() + ": a " + model + " model cannot represent its "
                        + "domains: " + why + "; the paper's models describe one layer of prisms");
            }
            d = d.withScales(scales[0], scales[1]);
            fitted = String.format(Locale.ROOT, "scenario %s (%s): length unit %.4g m (the domains' centres within "
                    + "+-2 units, no side above 2 units), magnetisation unit %.4g A/m (the largest Ms)", s.name(),
                    s.domains().summary(), scales[0], scales[1]);
            o.println("for " + fitted);
            List<String> outside = PaperModelDemag.outsideTraining(d.lengthUnit(), magnet.prisms());
            if (!outside.isEmpty()) {
                o.println("outside the trained range (the model will extrapolate): " + String.join("; ", outside));
            }
        }
        if (from != null) {
            if (seed != null || threads != null || thickness != null) {
                throw new Main.UsageException("--from rescales a trained model; --seed, --threads and --thickness are "
                        + "settings of training");
            }
            ModelFile base;
            PaperModel m;
            try {
                base = ModelFile.read(from);
                if (!model.equals(base.model())) {
                    throw new Main.UsageException("--from " + from + " holds a " + base.model() + " model, --model "
                            + "asks for " + model);
                }
                m = PaperModel.fromFile(base, from).withScales(d.lengthUnit(), d.magnetisationScale());
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--from: " + e.getMessage());
            }
            ModelFile f = m.toFile();
            Map<String, String> text = new LinkedHashMap<>(f.text());
            base.text().forEach((k, v) -> {
                if (k.startsWith("accuracy.")) {
                    text.put(k, v);
                }
            });
            text.put("training.fittedTo", fitted);
            Map<String, double[]> numbers = new LinkedHashMap<>(f.numbers());
            base.numbers().forEach((k, v) -> {
                if (k.startsWith("accuracy.")) {
                    numbers.put(k, v);
                }
            });
            new ModelFile(f.model(), text, numbers, f.arrays()).write(out);
            o.println("rescaled " + from + " (trained parameters unchanged; its Eq. 10 accuracy, measured in domain "
                    + "units, is unchanged and kept)");
            o.println("wrote " + out);
            o.flush();
            return 0;
        }
        Settings settings = d.withSeedAndThreads(seed == null ? d.seed() : seed,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        Sampling sampling = PaperReport.sampling(thickness);
        PaperModel m = PaperModels.train(model, settings, sampling, line -> {
            err.println(line);
            err.flush();
        });
        PaperProtocol.Report r = PaperProtocol.evaluate(m, evalSeed == null ? PaperReport.DEFAULT_SEED : evalSeed,
                sampling);
        ModelFile f = m.toFile(r);
        if (fitted != null) {
            Map<String, String> text = new LinkedHashMap<>(f.text());
            text.put("training.fittedTo", fitted);
            f = new ModelFile(f.model(), text, f.numbers(), f.arrays());
        }
        f.write(out);
        o.println(PaperReport.table(m, r));
        o.println("wrote " + out);
        o.flush();
        return 0;
    }

    private static double positive(String option, Double given, double fallback) {
        if (given == null) {
            return fallback;
        }
        if (!(given > 0) || Double.isInfinite(given)) {
            throw new Main.UsageException(option + " must be a finite number > 0, got " + given);
        }
        return given;
    }

    private static double nonNegative(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new Main.UsageException("--period-margin must be a finite number >= 0, got " + v);
        }
        return v;
    }
}
