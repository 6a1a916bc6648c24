package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.scenarios.spec.MemoryEstimate;
import org.hypermag.surrogate.nn.Init;
import org.hypermag.surrogate.paper2d.Discs;
import org.hypermag.surrogate.paper2d.FcIlr2d;
import org.hypermag.surrogate.paper2d.Fourier2d;
import org.hypermag.surrogate.paper2d.Metrics2d;
import org.hypermag.surrogate.paper2d.Model2d;
import org.hypermag.surrogate.paper2d.Protocol2d;
import org.hypermag.surrogate.paper2d.Schedule;

/**
 * {@code train --protocol paper-2d} and {@code accuracy --protocol paper-2d FILE}: the paper's own 2-D protocol
 * (docs/paper-models.md, "The paper's own protocol").
 */
final class Paper2dCommands {
    private Paper2dCommands() {
    }

    /** Refuses a protocol other than paper-2d, and models it cannot train yet. */
    static void require(String protocol, String model) {
        if (!Protocol2d.NAME.equals(protocol)) {
            throw new Main.UsageException("--protocol must be " + Protocol2d.NAME + ", got '" + protocol + "'");
        }
        if (model != null && !Protocol2d.MODELS.contains(model)) {
            throw new Main.UsageException("--protocol " + Protocol2d.NAME + " trains " + Protocol2d.MODELS + " so far; '"
                    + model + "' on this protocol is not built yet (issue 20)");
        }
    }

    /** The training options of {@code train --protocol paper-2d} (null: the default). */
    record Options(String model, Integer epochs, Double rate, Double finalRate, Double fraction, Long seed,
                   Integer order, Integer width, Integer depth, Integer basisWidth, Integer basisLayers,
                   Integer threads, Path from, String init, Integer batch) {
        /**
         * The options with a budget's values where none was given: {@code paper} (or none) leaves the paper's
         * defaults; {@code reduced} the reduced runs' sizes, data and schedule (docs/paper-models.md).
         *
         * @param budget paper, reduced, or null
         * @return the options to train with
         */
        Options withBudget(String budget) {
            if (budget == null || budget.equals("paper")) {
                return this;
            }
            if (!budget.equals("reduced")) {
                throw new Main.UsageException("--budget must be paper or reduced, got '" + budget + "'");
            }
            // all the training samples in mini-batches (fourteenth session: better than full batch on part of them
            // at the same cost, docs/paper-models.md); a preset batch not below the set's samples means full batch
            Options reduced = switch (model) {
                case "fc-ilr" -> new Options(model, or(epochs, 2_000), or(rate, 1e-3), or(finalRate, 1e-5),
                        or(fraction, 1.0), seed, order, or(width, 384), or(depth, 3), or(basisWidth, 128),
                        or(basisLayers, 3), threads, from, init, or(batch, presetBatch(2_500)));
                case "fourier" -> new Options(model, or(epochs, 1_000), or(rate, 1e-3), or(finalRate, 1e-5),
                        or(fraction, 1.0), seed, or(order, 16), or(width, 256), or(depth, 3), basisWidth, basisLayers,
                        threads, from, init, or(batch, presetBatch(250)));
                default -> this; // LINEAR: exact least squares on the whole training set takes 0.1 s
            };
            // continuing (--from): the budget's epochs and rates only; the shape and the data are the file's, and
            // mini-batches only where --batch is given
            return from == null ? reduced : new Options(model, reduced.epochs, reduced.rate, reduced.finalRate,
                    fraction, seed, order, width, depth, basisWidth, basisLayers, threads, from, init, batch);
        }

        /** A budget's batch, or null (full batch) where the training set of --fraction has no more samples. */
        private Integer presetBatch(int preset) {
            double f = fraction == null ? 1 : fraction;
            if (!(f > 0 && f <= 1)) {
                return preset; // the fraction itself is refused later, with its own message
            }
            return preset < Discs.Set.TRAIN.samples(f) ? preset : null;
        }

        private static <T> T or(T given, T preset) {
            return given == null ? preset : given;
        }

        /** The initialisation: --init, or the authors' ({@link Init#FAN_IN}). */
        Init initialisation() {
            if (init == null) {
                return Init.FAN_IN;
            }
            Init i = Init.of(init);
            if (i == null) {
                throw new Main.UsageException("--init must be fan-in (the authors', equinox's) or glorot, got '" + init
                        + "'");
            }
            return i;
        }

        /**
         * The schedule: constant at rate, or a cosine decay to --final-rate; full batch, or --batch samples per step.
         *
         * @param samples the training set's samples (--batch must be fewer)
         */
        Schedule schedule(int epochs, double rate, int samples) {
            double end = finalRate == null ? rate : finalRate;
            check(epochs >= 0 && rate > 0 && Double.isFinite(rate) && end > 0 && end <= rate, "--final-rate must be > 0 "
                    + "and at most --rate; got --rate " + rate + ", --final-rate " + end);
            if (batch != null && (batch < 1 || batch >= samples)) {
                throw new Main.UsageException("--batch must be from 1 to " + (samples - 1) + " samples (the training "
                        + "set has " + samples + "; leave --batch out for full-batch Adam, one step per epoch), got "
                        + batch);
            }
            return new Schedule(epochs, rate, end, batch == null ? 0 : batch);
        }
    }

    /**
     * Trains, prints the report beside Table 2 and writes the model file.
     *
     * @return the exit status
     */
    static int train(String protocol, Options op, Path out, PrintWriter o, PrintWriter err) {
        require(protocol, op.model());
        Init init = op.initialisation(); // an unknown --init is refused before anything else is checked
        double f = op.fraction() == null ? 1 : op.fraction();
        long seed = op.seed() == null ? 0 : op.seed();
        java.util.function.Consumer<String> progress = line -> {
            err.println("  " + line);
            err.flush();
        };
        Map.Entry<? extends Model2d, Protocol2d.Report> trained;
        if (op.from() != null) {
            return continueTraining(op, out, o, progress);
        }
        if (!op.model().equals("fc-ilr") && (op.basisWidth() != null || op.basisLayers() != null)) {
            throw new Main.UsageException("--basis-width and --basis-layers are FC + ILR's");
        }
        if (op.model().equals("linear")) {
            if (op.order() != null || op.width() != null || op.depth() != null || op.init() != null
                    || op.batch() != null) {
                throw new Main.UsageException("--order, --hyper-width, --hyper-depth, --init and --batch are "
                        + "FOURIER's and FC + ILR's");
            }
            int e = op.epochs() == null ? 0 : op.epochs();
            double r = op.rate() == null ? 1e-2 : op.rate();
            check(e >= 0 && r > 0 && f > 0 && f <= 1, "--epochs must be >= 0 (0: exact least squares), --rate > 0 "
                    + "and --fraction in (0, 1]; got " + e + ", " + r + ", " + f);
            trained = Protocol2d.linear(op.schedule(e, r, Discs.Set.TRAIN.samples(f)), f, seed, progress);
        } else if (op.model().equals("fc-ilr")) {
            if (op.order() != null) {
                throw new Main.UsageException("--order is FOURIER's");
            }
            // the defaults are the paper's: basis 2 -> 400 x 4, hypernetwork 4 -> 601 x 3 -> 401, 25 000 epochs at 1e-4
            int b = op.basisWidth() == null ? 400 : op.basisWidth(), bl = op.basisLayers() == null ? 4
                    : op.basisLayers();
            // 1.5 (B + 1) rounded down, as the authors' code: 601 for B = 400 (Table 3, 1.45 M parameters)
            int hw = op.width() == null ? (int) (1.5 * (b + 1)) : op.width();
            int hd = op.depth() == null ? 3 : op.depth(), e = op.epochs() == null ? PAPER_EPOCHS : op.epochs();
            double r = op.rate() == null ? paperRate("fc-ilr") : op.rate();
            check(b >= 1 && b <= 1 << 14 && bl >= 1 && bl <= 8 && hw >= 1 && hw <= 1 << 14 && hd >= 1 && hd <= 8
                    && e >= 1 && r > 0 && f > 0 && f <= 1, "FC + ILR needs --basis-width in 1..16384, --basis-layers "
                    + "in 1..8, --hyper-width in 1..16384, --hyper-depth in 1..8, --epochs >= 1, --rate > 0 and "
                    + "--fraction in (0, 1]; got " + b + ", " + bl + ", " + hw + ", " + hd + ", " + e + ", " + r
                    + ", " + f);
            Schedule s = op.schedule(e, r, Discs.Set.TRAIN.samples(f));
            int[] shape = {b, bl, hw, hd};
            requireMemory(FcIlr2d.memoryBytes(shape, Discs.Set.TRAIN.samples(f), 1, Discs.Set.TRAIN.points)
                            + batchCopyBytes(s, f),
                    FcIlr2d.memoryBytes(shape, Discs.Set.TEST.samples, Discs.Set.TEST.sources, Discs.Set.TEST.points),
                    "FC + ILR");
            trained = withPool(op.threads(), pool -> Protocol2d.fcIlr(shape, s, f, seed, init, pool, progress));
        } else {
            // the defaults are the paper's code's: N = 32, width 0.25 x 4N^2, 3 hidden layers, 25 000 epochs at 5e-5
            int n = op.order() == null ? 32 : op.order();
            int width = op.width() == null ? Math.max(1, (int) Math.round(0.25 * 4 * n * n)) : op.width();
            int depth = op.depth() == null ? 3 : op.depth(), e = op.epochs() == null ? PAPER_EPOCHS : op.epochs();
            double r = op.rate() == null ? paperRate("fourier") : op.rate();
            check(n >= 2 && n <= 128 && width >= 1 && width <= 1 << 14 && depth >= 1 && depth <= 8 && e >= 1
                    && r > 0 && f > 0 && f <= 1, "FOURIER needs --order in 2..128, --hyper-width in 1..16384, "
                    + "--hyper-depth in 1..8, --epochs >= 1, --rate > 0 and --fraction in (0, 1]; got " + n + ", "
                    + width + ", " + depth + ", " + e + ", " + r + ", " + f);
            Schedule s = op.schedule(e, r, Discs.Set.TRAIN.samples(f));
            requireMemory(Fourier2d.memoryBytes(n, width, depth, Discs.Set.TRAIN.samples(f), 1,
                            Discs.Set.TRAIN.points) + batchCopyBytes(s, f),
                    Fourier2d.memoryBytes(n, width, depth, Discs.Set.TEST.samples, Discs.Set.TEST.sources,
                            Discs.Set.TEST.points), "FOURIER");
            trained = withPool(op.threads(), pool -> Protocol2d.fourier(n, width, depth, s, f, seed, init, pool,
                    progress));
        }
        return written(trained, out, o);
    }

    /** Prints a trained model's report beside Table 2, writes its model file and names it; returns the exit status. */
    private static int written(Map.Entry<? extends Model2d, Protocol2d.Report> trained, Path out, PrintWriter o) {
        o.print(trained.getValue().markdown());
        Protocol2d.toFile(trained.getKey(), trained.getValue()).write(out);
        o.println("wrote " + out.toAbsolutePath().normalize());
        o.flush();
        return 0;
    }

    /**
     * {@code train --protocol paper-2d --from FILE}: trains the file's FOURIER or FC + ILR model further (a warm start,
     * a fresh Adam state) with the given epochs and rates, on the training set the file records (its fraction and
     * seed offset, unless --fraction and --seed are given), and writes the result to --out. The shape is the file's.
     */
    private static int continueTraining(Options op, Path out, PrintWriter o,
                                        java.util.function.Consumer<String> progress) {
        if (op.order() != null || op.width() != null || op.depth() != null || op.basisWidth() != null
                || op.basisLayers() != null || op.init() != null) {
            throw new Main.UsageException("--from " + op.from() + " continues a trained model, whose shape and "
                    + "parameters are the file's: leave out --order, --hyper-width, --hyper-depth, --basis-width, "
                    + "--basis-layers and --init");
        }
        ModelFile file;
        Map.Entry<Model2d, Map<String, String>> start;
        double fileFraction;
        double fileSeed;
        try {
            file = ModelFile.read(op.from());
            start = Protocol2d.fromFile(file, op.from());
            fileFraction = file.requireNumbers(op.from(), "fraction", 1)[0];
            fileSeed = file.requireNumbers(op.from(), "seed_offset", 1)[0];
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--from: " + e.getMessage());
        }
        String name = start.getKey().name();
        if (!name.equals(op.model())) {
            throw new Main.UsageException("--from " + op.from() + " holds a " + name + " model; --model is "
                    + op.model());
        }
        if (name.equals("linear")) {
            throw new Main.UsageException("--from: LINEAR is solved exactly by least squares; there is nothing to "
                    + "train further");
        }
        double f = op.fraction() == null ? fileFraction : op.fraction();
        long seed = op.seed() == null ? (long) fileSeed : op.seed();
        int e = op.epochs() == null ? PAPER_EPOCHS : op.epochs();
        double r = op.rate() == null ? paperRate(name) : op.rate();
        check(e >= 1 && r > 0 && f > 0 && f <= 1, "continuing needs --epochs >= 1, --rate > 0 and --fraction in "
                + "(0, 1]; got " + e + ", " + r + ", " + f);
        Schedule s = op.schedule(e, r, Discs.Set.TRAIN.samples(f));
        String method = start.getValue().getOrDefault("method", "unknown");
        progress.accept("continuing " + name + " from " + op.from() + " (fraction " + f + ", seed offset " + seed
                + ")");
        return written(withPool(op.threads(),
                pool -> Protocol2d.continued(start.getKey(), method, s, f, seed, pool, progress)), out, o);
    }

    /** The authors' code's epochs for FOURIER and FC + ILR (config/run-configuration.yaml). */
    private static final int PAPER_EPOCHS = 25_000;

    /** @return the authors' code's constant learning rate: 1e-4 for FC + ILR, 5e-5 for FOURIER */
    private static double paperRate(String model) {
        return model.equals("fc-ilr") ? 1e-4 : 5e-5;
    }

    /** Runs the work on --threads threads (a pool closed afterwards), else on the shared pool. */
    private static <T> T withPool(Integer threads, java.util.function.Function<WorkerPool, T> work) {
        if (threads == null) {
            return work.apply(WorkerPool.shared());
        }
        try (WorkerPool pool = new WorkerPool(threads)) {
            return work.apply(pool);
        }
    }

    /** The mini-batches' copy of the training set (φ, H_x, H_y and the sources, doubles), or 0 for full batch. */
    private static double batchCopyBytes(Schedule s, double fraction) {
        int samples = Discs.Set.TRAIN.samples(fraction);
        return s.stepsPerEpoch(samples) == 1 ? 0 : 8.0 * samples * (3.0 * Discs.Set.TRAIN.points + 4);
    }

    /** Refuses, before any data is drawn, a model whose training or test-set evaluation would not fit the heap. */
    private static void requireMemory(double trainBytes, double testBytes, String model) {
        String why = MemoryEstimate.exceeds(Math.max(trainBytes, testBytes), model + " of this size, trained on "
                + "this fraction of the training set and evaluated on the test set,");
        if (why != null) {
            throw new Main.UsageException(why);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new Main.UsageException(message);
        }
    }

    /**
     * Evaluates a model file of the protocol and prints the report.
     *
     * @return the exit status
     */
    static int accuracy(ModelFile f, Path path, Long seed, Path figure, Integer draws, PrintWriter o) {
        if (draws != null && (draws < 1 || draws > 100_000)) {
            throw new Main.UsageException("--validation-draws must be in 1..100000, got " + draws);
        }
        Map.Entry<Model2d, Map<String, String>> m;
        try {
            m = Protocol2d.fromFile(f, path);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        double fraction = f.numbers().containsKey("fraction") ? f.numbers().get("fraction")[0] : 1;
        o.print(Protocol2d.evaluate(m.getKey(), m.getValue().getOrDefault("method", "?"), fraction,
                seed == null ? 0 : seed, 0, WorkerPool.shared()).markdown());
        if (m.getKey() instanceof FcIlr2d ilr) {
            // how much of the error is the basis's and how much the hypernetwork's
            long s = seed == null ? 0 : seed;
            Metrics2d.Errors single = ilr.bestReadOutErrors(Discs.Set.TEST_SINGLE.generate(1, s));
            Metrics2d.Errors four = ilr.bestReadOutErrors(Discs.Set.TEST.generate(1, s));
            o.printf(java.util.Locale.ROOT, "%nWith each sample's least-squares read-out over this basis instead of "
                    + "the hypernetwork's (what the basis allows; fitted on the points scored): phi %.1f %% and H %.1f "
                    + "%% on the single-source test set, phi %.1f %% and H %.1f %% on the four-source test set (code "
                    + "metric).%n", single.codePhi(), single.codeH(), four.codePhi(), four.codeH());
        }
        if (draws != null) {
            long s = seed == null ? 0 : seed;
            o.printf("%n%s", Protocol2d.validationDraws(m.getKey(), draws, s, WorkerPool.shared()).markdown(s));
        }
        if (figure != null) {
            // as the paper's Fig. 6: the four-source validation example, true against the model
            org.hypermag.surrogate.paper2d.Figure2d.draw(m.getKey(),
                    org.hypermag.surrogate.paper2d.Discs.Set.VAL_MULTI.generate(1, seed == null ? 0 : seed), figure);
            o.println("wrote " + figure.toAbsolutePath().normalize());
        }
        o.flush();
        return 0;
    }
}
