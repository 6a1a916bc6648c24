package org.hypermag.surrogate.paper2d;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.nn.Init;

/**
 * The paper's 2-D protocol end to end (issue 20): train on {@link Discs.Set#TRAIN} (single sources), report on the
 * one-sample validation sets (Table 2's single- and multi-source columns) and on the 1000-sample four-source test set,
 * by both metrics of {@link Metrics2d}: LINEAR ({@link Linear2d}), FOURIER ({@link Fourier2d}) and FC + ILR
 * ({@link FcIlr2d}).
 */
public final class Protocol2d {
    /** The protocol's name on the command line and in model files. */
    public static final String NAME = "paper-2d";
    /** The models the protocol can train here. */
    public static final List<String> MODELS = List.of("linear", "fourier", "fc-ilr");
    /** Table 2 of the paper: single- and multi-source error (%) per model. */
    public static final Map<String, double[]> TABLE2 = Map.of("fourier", new double[] {4.74, 5.73}, "fc-ilr",
            new double[] {4.38, 4.76}, "linear", new double[] {70.0, 71.2});
    private static final String PREFIX = NAME + "-";

    private Protocol2d() {
    }

    /**
     * How a model was made and how it did.
     *
     * @param model the model's name
     * @param method how it was made (least squares, or Adam with its epochs and rate)
     * @param fraction the fraction of the training set's samples used
     * @param seedOffset added to every data set's seed
     * @param seconds training time (s)
     * @param single errors on the one-sample single-source validation set
     * @param multi errors on the one-sample four-source validation set
     * @param test errors on the 1000-sample four-source test set
     * @param testSingle errors on the 1000-sample single-source test set (this project's addition, {@link
     *     Discs.Set#TEST_SINGLE})
     */
    public record Report(String model, String method, double fraction, long seedOffset, double seconds,
                         Metrics2d.Errors single, Metrics2d.Errors multi, Metrics2d.Errors test,
                         Metrics2d.Errors testSingle) {
        /** @return the report as Markdown, beside Table 2 */
        public String markdown() {
            double[] paper = TABLE2.get(model);
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%s on the paper's 2-D protocol (%s; %.0f %% of the 10^4 training "
                    + "samples; seeds 100/101/102/103 + %d; %.1f s)%n%n", model.toUpperCase(Locale.ROOT), method,
                    100 * fraction, seedOffset, seconds));
            b.append("| set | phi, code metric (%) | phi, Eq. 10 median (%) | H, code metric (%) | H, Eq. 10 median (%) "
                    + "| paper, Table 2 (%) |\n|---|---|---|---|---|---|\n");
            row(b, "single source (1 sample, 2 500 points)", single, paper[0]);
            row(b, "four sources (1 sample, 2 500 points)", multi, paper[1]);
            row(b, "four sources (1 000 samples, 1 024 points)", test, Double.NaN);
            row(b, "single source (1 000 samples, 1 024 points; not in the authors' code)", testSingle, Double.NaN);
            return b.toString();
        }

        private static void row(StringBuilder b, String name, Metrics2d.Errors e, double paper) {
            b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %s |%n", name, e.codePhi(),
                    e.medianPhi(), e.codeH(), e.medianH(), Double.isNaN(paper) ? "" : String.format(Locale.ROOT,
                            "%.1f", paper)));
        }
    }

    /**
     * Trains LINEAR and reports.
     *
     * @param schedule epochs 0: exact least squares of the mean-square loss; else Adam on the Huber loss
     * @param fraction the fraction of the training samples to use, in (0, 1]
     * @param seedOffset added to every data set's seed
     * @param progress progress lines
     * @return the model and its report
     */
    public static Map.Entry<Linear2d, Report> linear(Schedule schedule, double fraction, long seedOffset,
                                                     Consumer<String> progress) {
        return trained(fraction, seedOffset, WorkerPool.shared(), progress, train -> schedule.epochs() == 0
                ? Linear2d.leastSquares(train) : Linear2d.train(train, schedule, progress),
                (m, n) -> schedule.epochs() == 0 ? "exact least squares of the mean-square loss"
                        : adamOnHuber(schedule, n));
    }

    /**
     * The protocol's training run: the training set (its fraction, with a progress line), the model trained on it
     * and timed, then its report, whose method line comes from {@code method} (the model and the training set's
     * samples, so that it names the batches as they were: {@link Schedule#on}).
     */
    private static <M extends Model2d> Map.Entry<M, Report> trained(double fraction, long seedOffset,
                                                                    WorkerPool pool, Consumer<String> progress,
                                                                    Function<Discs.DataSet, M> train,
                                                                    BiFunction<M, Integer, String> method) {
        progress.accept("generating the training set (" + Discs.Set.TRAIN.samples(fraction) + " samples x "
                + Discs.Set.TRAIN.points + " points)");
        Discs.DataSet data = Discs.Set.TRAIN.generate(fraction, seedOffset);
        long t0 = System.nanoTime();
        M m = train.apply(data);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return Map.entry(m, evaluate(m, method.apply(m, data.samples()), fraction, seedOffset, seconds, pool));
    }

    /**
     * Reports a model on the validation and test sets.
     *
     * @param m the model
     * @param method how it was made
     * @param fraction the fraction of training samples it used
     * @param seedOffset added to the sets' seeds
     * @param seconds its training time
     * @param pool threads
     * @return the report
     */
    public static Report evaluate(Model2d m, String method, double fraction, long seedOffset, double seconds,
                                  WorkerPool pool) {
        return new Report(m.name(), method, fraction, seedOffset, seconds,
                m.errors(Discs.Set.VAL_SINGLE.generate(1, seedOffset), pool),
                m.errors(Discs.Set.VAL_MULTI.generate(1, seedOffset), pool),
                m.errors(Discs.Set.TEST.generate(1, seedOffset), pool),
                m.errors(Discs.Set.TEST_SINGLE.generate(1, seedOffset), pool));
    }

    /** Seed step between the validation draws of {@link #validationDraws}: far from the protocol's 100 … 103. */
    public static final long DRAW_SEED_STEP = 1000;

    /**
     * The code metric of φ on other draws of the one-sample validation sets, sorted: how far Table 2's columns, each
     * one draw, scatter for a given model.
     *
     * @param single the single-source set's errors (%), sorted
     * @param multi the four-source set's errors (%), sorted
     */
    public record Draws(double[] single, double[] multi) {
        /** @return the number of draws */
        public int draws() {
            return single.length;
        }

        /**
         * @param sorted values in ascending order
         * @param p the percentile, 0 … 100
         * @return the percentile by linear interpolation between order statistics
         */
        public static double percentile(double[] sorted, double p) {
            double at = p / 100 * (sorted.length - 1);
            int lo = (int) Math.floor(at), hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
        }

        /** @return one Markdown paragraph: median and 5th–95th percentile of each column */
        public String markdown(long seedOffset) {
            return String.format(Locale.ROOT, "Over %d other draws of the one-sample validation sets (seeds 102 + %d "
                    + "+ %d j, j = 1 ... %d; Table 2's columns are one draw each): single source %.1f %% median "
                    + "(5th-95th percentile %.1f-%.1f %%), four sources %.1f %% (%.1f-%.1f %%); phi, code metric.%n",
                    draws(), seedOffset, DRAW_SEED_STEP, draws(), percentile(single, 50), percentile(single, 5),
                    percentile(single, 95), percentile(multi, 50), percentile(multi, 5), percentile(multi, 95));
        }
    }

    /**
     * Scores a model on {@code draws} other realisations of the one-sample validation sets (seed offsets
     * seedOffset + {@link #DRAW_SEED_STEP}·j, j = 1 … draws).
     *
     * @param m the model
     * @param draws how many, ≥ 1
     * @param seedOffset the report's seed offset
     * @param pool threads
     * @return the sorted errors
     */
    public static Draws validationDraws(Model2d m, int draws, long seedOffset, WorkerPool pool) {
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        }
        double[] single = new double[draws], multi = new double[draws];
        for (int j = 1; j <= draws; j++) {
            long s = seedOffset + DRAW_SEED_STEP * j;
            single[j - 1] = m.errors(Discs.Set.VAL_SINGLE.generate(1, s), pool).codePhi();
            multi[j - 1] = m.errors(Discs.Set.VAL_MULTI.generate(1, s), pool).codePhi();
        }
        java.util.Arrays.sort(single);
        java.util.Arrays.sort(multi);
        return new Draws(single, multi);
    }

    /**
     * Trains FOURIER and reports.
     *
     * @param order N (the paper: 32)
     * @param width the hypernetwork's hidden width (the paper: 1 024 = 0.25·4N²)
     * @param depth its hidden layers (the paper's code: 3)
     * @param schedule Adam's epochs, learning rates and batches (the paper's code: 25 000 full-batch at 5e-5)
     * @param fraction the fraction of the training samples to use
     * @param seedOffset added to every data set's seed (and the initialisation's, 42)
     * @param init how the hypernetwork's parameters start (the authors': {@link Init#FAN_IN})
     * @param pool threads
     * @param progress progress lines
     * @return the model and its report
     */
    public static Map.Entry<Fourier2d, Report> fourier(int order, int width, int depth, Schedule schedule,
                                                       double fraction, long seedOffset, Init init,
                                                       WorkerPool pool,
                                                       Consumer<String> progress) {
        if (schedule.epochs() < 1) {
            throw new IllegalArgumentException("FOURIER needs epochs >= 1; got " + schedule.epochs());
        }
        return trained(fraction, seedOffset, pool, progress, train -> {
            Fourier2d m0 = Fourier2d.initial(order, width, depth, 42 + seedOffset, init);
            progress.accept(String.format(Locale.ROOT, "FOURIER: N = %d (%d coefficients), hypernetwork 4 -> %d x %d "
                    + "-> %d (%d parameters)", order, 4 * order * order, width, depth, 4 * order * order,
                    m0.parameterCount()));
            return m0.train(train, schedule, pool, progress);
        }, (m, n) -> String.format(Locale.ROOT, "N = %d, hypernetwork width %d, %d hidden layers (%d parameters; "
                + "%s); %s", order, width, depth, m.parameterCount(), init.description(), adamOnHuber(schedule, n)));
    }

    /**
     * Trains FC + ILR and reports.
     *
     * @param shape {B, basis layers, H, hyper depth} (the paper: 400, 4, 601, 3)
     * @param schedule Adam's epochs, learning rates and batches (the paper's code: 25 000 full-batch at 1e-4)
     * @param fraction the fraction of the training samples to use
     * @param seedOffset added to every data set's seed (and the initialisation's, 42)
     * @param init how both networks' parameters start (the authors': {@link Init#FAN_IN})
     * @param pool threads
     * @param progress progress lines
     * @return the model and its report
     */
    public static Map.Entry<FcIlr2d, Report> fcIlr(int[] shape, Schedule schedule, double fraction,
                                                   long seedOffset, Init init, WorkerPool pool,
                                                   Consumer<String> progress) {
        if (schedule.epochs() < 1) {
            throw new IllegalArgumentException("FC + ILR needs epochs >= 1; got " + schedule.epochs());
        }
        return trained(fraction, seedOffset, pool, progress, train -> FcIlr2d.initial(shape[0], shape[1], shape[2],
                shape[3], 42 + seedOffset, init).train(train, schedule, pool, progress),
                (m, n) -> String.format(Locale.ROOT,
                "basis 2 -> %d x %d, hypernetwork 4 -> %d x %d -> %d (%d parameters; %s); %s", shape[0], shape[1],
                shape[2], shape[3], shape[0] + 1, m.parameterCount(), init.description(), adamOnHuber(schedule, n)));
    }

    /**
     * Trains a model further from its parameters (a warm start: FOURIER or FC + ILR read from a model file), on the
     * training set of the given fraction and seed offset, and reports it.
     *
     * @param start the model to start from
     * @param startMethod how it was made (its file's {@code method}), cut to 500 characters in the new method
     * @param schedule Adam's epochs, learning rates and batches (a fresh Adam state)
     * @param fraction the fraction of the training samples to use
     * @param seedOffset added to every data set's seed
     * @param pool threads
     * @param progress progress lines
     * @return the model and its report
     * @throws IllegalArgumentException for LINEAR (solved exactly: nothing to continue) or no epochs
     */
    public static Map.Entry<Model2d, Report> continued(Model2d start, String startMethod, Schedule schedule,
                                                     double fraction, long seedOffset, WorkerPool pool,
                                                     Consumer<String> progress) {
        if (schedule.epochs() < 1) {
            throw new IllegalArgumentException("continuing needs epochs >= 1; got " + schedule.epochs());
        }
        Function<Discs.DataSet, Model2d> train;
        if (start instanceof FcIlr2d f) {
            train = d -> f.train(d, schedule, pool, progress);
        } else if (start instanceof Fourier2d f) {
            train = d -> f.train(d, schedule, pool, progress);
        } else {
            throw new IllegalArgumentException("only FOURIER and FC + ILR train further; " + start.name()
                    + " is solved exactly");
        }
        String before = startMethod.length() > 500 ? startMethod.substring(0, 500) + " ..." : startMethod;
        return trained(fraction, seedOffset, pool, progress, train, (m, n) -> String.format(Locale.ROOT, "continued "
                + "from a model made by [%s] (%d parameters); %s", before, m.parameters().length,
                adamOnHuber(schedule, n)));
    }

    /**
     * @return the training part of a method line: "full-batch Adam on the Huber loss, …" or "mini-batch Adam …", with
     *     the batches as they were on a training set of {@code samples} ({@link Schedule#on})
     */
    private static String adamOnHuber(Schedule schedule, int samples) {
        Schedule trained = schedule.on(samples);
        return trained.adam() + " on the Huber loss, " + trained;
    }

    /**
     * @param m a trained model
     * @param r its report
     * @return the model file (model {@code paper-2d-NAME}; dataset {@code parameters}; its shape; how it was made)
     */
    public static ModelFile toFile(Model2d m, Report r) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("protocol", NAME);
        text.put("method", r.method());
        Map<String, double[]> numbers = new LinkedHashMap<>();
        numbers.put("fraction", new double[] {r.fraction()});
        numbers.put("seed_offset", new double[] {r.seedOffset()});
        numbers.put("error_single_phi_code", new double[] {r.single().codePhi()});
        numbers.put("error_multi_phi_code", new double[] {r.multi().codePhi()});
        numbers.put("error_test_phi_code", new double[] {r.test().codePhi()});
        numbers.put("error_test_single_phi_code", new double[] {r.testSingle().codePhi()});
        if (m instanceof Fourier2d f) {
            int[] shape = f.shape();
            numbers.put("shape", new double[] {shape[0], shape[1], shape[2]});
        } else if (m instanceof FcIlr2d f) {
            int[] shape = f.shape();
            numbers.put("shape", new double[] {shape[0], shape[1], shape[2], shape[3]});
        }
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        arrays.put("parameters", new double[][] {m.parameters()});
        return new ModelFile(PREFIX + m.name(), text, numbers, arrays);
    }

    /**
     * @param f a model file
     * @param path where it came from, for messages
     * @return the model and how it was made (text attributes)
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static Map.Entry<Model2d, Map<String, String>> fromFile(ModelFile f, Path path) {
        if (!isModelFile(f)) {
            throw new IllegalArgumentException("model file " + path + " holds a '" + f.model() + "' model, not one of "
                    + "the " + NAME + " protocol's (train one with train --protocol " + NAME + " --model "
                    + String.join("|", MODELS) + ")");
        }
        String name = f.model().substring(PREFIX.length());
        try {
            if (name.equals("linear")) {
                return Map.entry(new Linear2d(finite(f.requireArray(path, "parameters", 1, Linear2d.PARAMETERS)[0],
                        path)), f.text());
            }
            double[] shape = f.requireNumbers(path, "shape", name.equals("fourier") ? 3 : 4);
            for (double v : shape) {
                if (v != Math.rint(v) || v < 1 || v > 1 << 14) {
                    throw new IllegalArgumentException("attribute 'shape' holds " + v + "; expected whole numbers "
                            + "from 1 to 16384");
                }
            }
            if (name.equals("fc-ilr")) {
                int[] sh = {(int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3]};
                FcIlr2d probe = FcIlr2d.initial(sh[0], sh[1], sh[2], sh[3], 0);
                double[] p = finite(f.requireArray(path, "parameters", 1, probe.parameterCount())[0], path);
                return Map.entry(FcIlr2d.of(sh, p), f.text());
            }
            Fourier2d probe = Fourier2d.initial((int) shape[0], (int) shape[1], (int) shape[2], 0);
            double[] p = finite(f.requireArray(path, "parameters", 1, probe.parameterCount())[0], path);
            return Map.entry(Fourier2d.of((int) shape[0], (int) shape[1], (int) shape[2], p), f.text());
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("model file") ? e : new IllegalArgumentException("model file " + path
                    + ": " + e.getMessage());
        }
    }

    private static double[] finite(double[] p, Path path) {
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("model file " + path + ": dataset 'parameters' holds " + v
                        + "; expected finite numbers");
            }
        }
        return p;
    }

    /**
     * @param f a model file
     * @return whether it holds a model of this protocol
     */
    public static boolean isModelFile(ModelFile f) {
        return f.model().startsWith(PREFIX) && MODELS.contains(f.model().substring(PREFIX.length()));
    }
}
