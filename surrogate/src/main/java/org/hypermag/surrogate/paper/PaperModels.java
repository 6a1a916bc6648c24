package org.hypermag.surrogate.paper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hypermag.surrogate.nn.Activation;
import org.hypermag.surrogate.nn.Mlp;
import org.hypermag.surrogate.nn.Objective;
import org.hypermag.surrogate.nn.Trainer;

/**
 * Builds and trains the paper models by name: {@code linear}, {@code fourier}, {@code fc-ilr}.
 */
public final class PaperModels {
    /** The model names, in the order of the paper's Table 2 rows used here. */
    public static final List<String> NAMES = List.of(FourierModel.NAME, FcIlrModel.NAME, LinearModel.NAME);

    private PaperModels() {
    }

    static String checkName(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("model must be one of " + NAMES + ", got '" + name + "'");
        }
        return name;
    }

    /** An untrained model (zero parameters) of the given name. */
    static PaperModel create(String name, Settings s, Map<String, String> training) {
        return switch (checkName(name)) {
            case LinearModel.NAME -> new LinearModel(s, training);
            case FourierModel.NAME -> new FourierModel(s, training);
            default -> new FcIlrModel(s, training);
        };
    }

    /** The hypernetwork: 8 features → hidden layers of width factor·out → out (linear), depth linear maps. */
    static Mlp hypernetwork(Settings s, int out, int offset) {
        int depth = s.hnetDepth();
        int[] w = new int[depth + 1];
        w[0] = Examples.FEATURES;
        int hidden = Math.max(1, (int) Math.round(s.hnetWidthFactor() * out));
        for (int k = 1; k < depth; k++) {
            w[k] = hidden;
        }
        w[depth] = out;
        return new Mlp(w, s.hnetActivation(), Activation.IDENTITY, offset);
    }

    /**
     * Generates the single-source training and held-out data from {@code settings.seed()} (their own streams, never
     * those of {@link PaperProtocol}), builds the model and trains it: least squares for {@code linear}, minibatch
     * Adam with the step-wise schedule and early stopping for the others.
     *
     * @param name linear, fourier or fc-ilr
     * @param settings data, architecture and training settings ({@link Settings#defaults(String)})
     * @param progress receives progress lines (data generation, every epoch with losses and ETA); may be null
     * @return the trained model, with its training record ({@link PaperModel#training()})
     * @throws IllegalArgumentException for an unknown name
     */
    public static PaperModel train(String name, Settings settings, Consumer<String> progress) {
        return train(name, settings, Sampling.PAPER, progress);
    }

    /**
     * {@link #train(String, Settings, Consumer)} on training and held-out data drawn with the given sampling (the
     * paper's, or its fixed-thickness variant); the training record says which ({@code training.sampling}).
     *
     * @param name linear, fourier or fc-ilr
     * @param settings data, architecture and training settings
     * @param sampling how the sources' thickness is drawn
     * @param progress receives progress lines; may be null
     * @return the trained model
     * @throws IllegalArgumentException for an unknown name
     */
    public static PaperModel train(String name, Settings settings, Sampling sampling, Consumer<String> progress) {
        checkName(name);
        Consumer<String> log = progress == null ? line -> { } : progress;
        long t0 = System.nanoTime();
        Examples train = Examples.generate(settings.trainExamples(), 1, 1, settings.pointsPerExample(),
                settings.seed(), Examples.TRAIN, sampling);
        Examples val = Examples.generate(settings.validationExamples(), 1, 1, settings.pointsPerExample(),
                settings.seed(), Examples.VALIDATION, sampling);
        log.accept(String.format(Locale.ROOT, "%s: generated %d training and %d held-out single-source examples of "
                + "%d points in %.1f s", name, train.count, val.count, train.points, (System.nanoTime() - t0) * 1e-9));
        Map<String, String> record = new LinkedHashMap<>();
        record.put("training.sampling", sampling.describe());
        PaperModel model = create(name, settings, record);
        long t1 = System.nanoTime();
        if (model instanceof LinearModel linear) {
            linear.fit(train);
            double loss = meanLoss(model, val);
            record.put("training.method", "linear least squares (normal equations)");
            record.put("training.heldOutLoss", Double.toString(loss));
            log.accept(String.format(Locale.ROOT, "linear: least squares fitted, held-out loss %.4e", loss));
        } else {
            SplittableRandom init = Examples.random(settings.seed(), 0, 0);
            if (model instanceof FourierModel f) {
                f.hnet.initialise(model.params, init);
            } else {
                FcIlrModel f = (FcIlrModel) model;
                f.hnet.initialise(model.params, init);
                f.basis.initialise(model.params, init);
            }
            Trainer.Result r = Trainer.train(objective(model, train, val, settings.threads()), model.params,
                    settings.trainer(), log);
            record.put("training.method", "Adam, step-wise schedule, early stopping on held-out loss");
            record.put("training.epochsRun", Integer.toString(r.trainLoss().length));
            record.put("training.bestEpoch", Integer.toString(r.bestEpoch() + 1));
            record.put("training.stoppedEarly", Boolean.toString(r.stoppedEarly()));
            record.put("training.finalTrainLoss", Double.toString(r.trainLoss()[r.trainLoss().length - 1]));
            record.put("training.heldOutLoss", Double.toString(r.validationLoss()[r.bestEpoch()]));
        }
        record.put("training.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t1) * 1e-9));
        record.put("training.parameters", Integer.toString(model.params.length));
        PaperModel trained = create(name, settings, record);
        System.arraycopy(model.params, 0, trained.params, 0, model.params.length);
        return trained;
    }

    /** The mean per-example loss of a model on examples (single-source or not: coefficients summed). */
    static double meanLoss(PaperModel m, Examples ex) {
        Object scratch = m.newScratch();
        double[] out = new double[4];
        double sum = 0;
        for (int e = 0; e < ex.count; e++) {
            double[] c = m.represent(ex, e, scratch);
            double l = 0;
            for (int i = e * ex.points; i < (e + 1) * ex.points; i++) {
                m.evaluate(m.params, c, ex.px[i], ex.py[i], out, scratch);
                double a = out[0] - ex.phi[i], b = out[1] - ex.hx[i], d = out[2] - ex.hy[i], z = out[3] - ex.hz[i];
                l += a * a + b * b + d * d + z * z;
            }
            sum += l / ex.points;
        }
        return sum / ex.count;
    }

    static Objective objective(PaperModel m, Examples train, Examples val, int threads) {
        Object[] scratch = new Object[threads];
        for (int t = 0; t < threads; t++) {
            scratch[t] = m.newScratch();
        }
        return new Objective() {
            @Override
            public int parameterCount() {
                return m.params.length;
            }

            @Override
            public int examples() {
                return train.count;
            }

            @Override
            public double lossAndGradient(double[] p, int[] order, int from, int to, double[] grad, int thread) {
                double sum = 0;
                for (int k = from; k < to; k++) {
                    sum += m.exampleLoss(p, train, order[k], grad, scratch[thread]);
                }
                return sum;
            }

            @Override
            public double validationLoss(double[] p) {
                double sum = 0;
                for (int e = 0; e < val.count; e++) {
                    sum += m.exampleLoss(p, val, e, null, scratch[0]);
                }
                return sum / val.count;
            }
        };
    }
}
