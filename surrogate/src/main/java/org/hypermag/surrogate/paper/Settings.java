package org.hypermag.surrogate.paper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hypermag.surrogate.nn.Activation;
import org.hypermag.surrogate.nn.Trainer;

/**
 * Every setting of a paper model: physical scales, data, architecture and training. Immutable; change values with
 * the {@code withX} methods. {@link #defaults(String)} gives the documented defaults of each model (docs/paper-models.md),
 * sized to train in about 5 minutes on 2 cores.
 *
 * @param lengthUnit the domain unit (m): the domain is [−3, 3]² of it, source sides are 0.5–2 of it
 * @param magnetisationScale the magnetisation unit (A/m): sampled |M| is 0.5–1 of it
 * @param trainExamples single-source training examples, ≥ 1
 * @param validationExamples single-source held-out examples for early stopping, ≥ 1
 * @param pointsPerExample uniformly random evaluation points per training and held-out example, ≥ 1
 * @param fourierModes fourier: wavenumbers per axis K, including 0 (basis (2K−1)² per channel), ≥ 1
 * @param omegaMin fourier: smallest non-zero wavenumber (1/domain unit), &gt; 0
 * @param omegaMax fourier: largest wavenumber (1/domain unit), ≥ omegaMin
 * @param basisWidth fc-ilr: hidden width of the basis network, ≥ 1
 * @param basisDepth fc-ilr: number of layers of the basis network (the last gives the basis), ≥ 1
 * @param basisSize fc-ilr: number of learned basis functions B, ≥ 1
 * @param basisActivation fc-ilr: activation of the basis network
 * @param hnetWidthFactor hypernetwork hidden width as a multiple of its output size (paper Table 3), &gt; 0
 * @param hnetDepth hypernetwork layers (linear maps), ≥ 1
 * @param hnetActivation hypernetwork hidden activation
 * @param learningRates learning rate per stage of the step-wise schedule
 * @param stageEpochs epochs per stage
 * @param batchSize examples per minibatch
 * @param patience early-stopping patience (epochs)
 * @param seed seed of data generation, initialisation and shuffling
 * @param threads training threads, ≥ 1
 */
public record Settings(double lengthUnit, double magnetisationScale, int trainExamples, int validationExamples,
                       int pointsPerExample, int fourierModes, double omegaMin, double omegaMax, int basisWidth,
                       int basisDepth, int basisSize, Activation basisActivation, double hnetWidthFactor,
                       int hnetDepth, Activation hnetActivation, double[] learningRates, int[] stageEpochs,
                       int batchSize, int patience, long seed, int threads) {

    /** Validates and copies the arrays. */
    public Settings {
        positive("length unit (m)", lengthUnit);
        positive("magnetisation scale (A/m)", magnetisationScale);
        positive("omegaMin (1/domain unit)", omegaMin);
        positive("hnetWidthFactor", hnetWidthFactor);
        if (!(omegaMax >= omegaMin) || !Double.isFinite(omegaMax)) {
            throw new IllegalArgumentException("omegaMax must be finite and >= omegaMin = " + omegaMin + ", got "
                    + omegaMax);
        }
        // bounds far above any model of the paper, below what would overflow or exhaust memory when allocated
        between("trainExamples", trainExamples, 10_000_000);
        between("validationExamples", validationExamples, 10_000_000);
        between("pointsPerExample", pointsPerExample, 1_000_000);
        between("fourierModes", fourierModes, 4096);
        between("basisWidth", basisWidth, 4096);
        between("basisDepth", basisDepth, 64);
        between("basisSize", basisSize, 4096);
        between("hnetDepth", hnetDepth, 64);
        if (hnetWidthFactor > 64) {
            throw new IllegalArgumentException("hnetWidthFactor must be at most 64, got " + hnetWidthFactor);
        }
        if (basisActivation == null || hnetActivation == null) {
            throw new IllegalArgumentException("activations must not be null");
        }
        // The schedule, batch size, patience and threads are validated by the trainer's settings.
        new Trainer.Settings(learningRates, stageEpochs, batchSize, patience, seed, threads);
        learningRates = learningRates.clone();
        stageEpochs = stageEpochs.clone();
    }

    private static void between(String name, int v, int max) {
        if (v < 1 || v > max) {
            throw new IllegalArgumentException(name + " must be from 1 to " + max + ", got " + v);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /**
     * The default settings of a model.
     *
     * @param model linear, fourier or fc-ilr
     * @return its defaults
     * @throws IllegalArgumentException for another name
     */
    public static Settings defaults(String model) {
        double[] rates = {1e-3, 1e-4, 1e-5, 1e-6};
        return switch (PaperModels.checkName(model)) {
            case "linear" -> new Settings(1e-8, 8e5, 4000, 500, 128, 10, 0.25, 6, 32, 3, 32, Activation.TANH,
                    1.5, 3, Activation.TANH, rates, new int[] {0, 0, 0, 1}, 32, 10, 1, 2);
            case "fourier" -> new Settings(1e-8, 8e5, 4000, 500, 128, 10, 0.25, 6, 32, 3, 32, Activation.TANH,
                    0.25, 3, Activation.TANH, rates, new int[] {80, 25, 10, 5}, 32, 10, 1, 2);
            default -> new Settings(1e-8, 8e5, 3000, 400, 64, 10, 0.25, 6, 32, 3, 32, Activation.TANH,
                    1.5, 3, Activation.TANH, rates, new int[] {45, 20, 8, 2}, 32, 10, 1, 2);
        };
    }

    /** @return the trainer settings of this schedule */
    public Trainer.Settings trainer() {
        return new Trainer.Settings(learningRates, stageEpochs, batchSize, patience, seed, threads);
    }

    /**
     * The physical scales only: the model's parameters are in domain units, so a trained model with other scales is
     * the same model for a geometry scaled by {@code lengthUnit / this.lengthUnit} (magnetostatics has no length
     * scale: H depends on the geometry only through ratios of lengths).
     *
     * @param unit the domain unit (m), &gt; 0
     * @param scale the magnetisation unit (A/m), &gt; 0
     * @return a copy with these scales
     * @throws IllegalArgumentException if a scale is not finite and &gt; 0
     */
    public Settings withScales(double unit, double scale) {
        return new Settings(unit, scale, trainExamples, validationExamples, pointsPerExample, fourierModes, omegaMin,
                omegaMax, basisWidth, basisDepth, basisSize, basisActivation, hnetWidthFactor, hnetDepth,
                hnetActivation, learningRates, stageEpochs, batchSize, patience, seed, threads);
    }

    /**
     * @param examples training examples
     * @param points points per example
     * @return a copy with these data sizes
     */
    public Settings withData(int examples, int points) {
        return new Settings(lengthUnit, magnetisationScale, examples, validationExamples, points, fourierModes,
                omegaMin, omegaMax, basisWidth, basisDepth, basisSize, basisActivation, hnetWidthFactor, hnetDepth,
                hnetActivation, learningRates, stageEpochs, batchSize, patience, seed, threads);
    }

    /**
     * @param validation held-out examples
     * @return a copy
     */
    public Settings withValidationExamples(int validation) {
        return new Settings(lengthUnit, magnetisationScale, trainExamples, validation, pointsPerExample, fourierModes,
                omegaMin, omegaMax, basisWidth, basisDepth, basisSize, basisActivation, hnetWidthFactor, hnetDepth,
                hnetActivation, learningRates, stageEpochs, batchSize, patience, seed, threads);
    }

    /**
     * @param rates learning rate per stage
     * @param epochs epochs per stage
     * @return a copy with this schedule
     */
    public Settings withSchedule(double[] rates, int[] epochs) {
        return new Settings(lengthUnit, magnetisationScale, trainExamples, validationExamples, pointsPerExample,
                fourierModes, omegaMin, omegaMax, basisWidth, basisDepth, basisSize, basisActivation, hnetWidthFactor,
                hnetDepth, hnetActivation, rates, epochs, batchSize, patience, seed, threads);
    }

    /**
     * @param modes fourier K
     * @param hnetFactor hypernetwork width factor
     * @return a copy with this Fourier size
     */
    public Settings withFourier(int modes, double hnetFactor) {
        return new Settings(lengthUnit, magnetisationScale, trainExamples, validationExamples, pointsPerExample,
                modes, omegaMin, omegaMax, basisWidth, basisDepth, basisSize, basisActivation, hnetFactor,
                hnetDepth, hnetActivation, learningRates, stageEpochs, batchSize, patience, seed, threads);
    }

    /**
     * @param width basis hidden width
     * @param depth basis layers
     * @param size basis functions
     * @param hnetFactor hypernetwork width factor
     * @return a copy with this FC+ILR size
     */
    public Settings withBasis(int width, int depth, int size, double hnetFactor) {
        return new Settings(lengthUnit, magnetisationScale, trainExamples, validationExamples, pointsPerExample,
                fourierModes, omegaMin, omegaMax, width, depth, size, basisActivation, hnetFactor, hnetDepth,
                hnetActivation, learningRates, stageEpochs, batchSize, patience, seed, threads);
    }

    /**
     * @param newSeed seed
     * @param newThreads threads
     * @return a copy
     */
    public Settings withSeedAndThreads(long newSeed, int newThreads) {
        return new Settings(lengthUnit, magnetisationScale, trainExamples, validationExamples, pointsPerExample,
                fourierModes, omegaMin, omegaMax, basisWidth, basisDepth, basisSize, basisActivation, hnetWidthFactor,
                hnetDepth, hnetActivation, learningRates, stageEpochs, batchSize, patience, newSeed, newThreads);
    }

    /** @return every setting as text, keyed {@code setting.<name>} (stored in model files) */
    public Map<String, String> toText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("setting.lengthUnit", Double.toString(lengthUnit));
        m.put("setting.magnetisationScale", Double.toString(magnetisationScale));
        m.put("setting.trainExamples", Integer.toString(trainExamples));
        m.put("setting.validationExamples", Integer.toString(validationExamples));
        m.put("setting.pointsPerExample", Integer.toString(pointsPerExample));
        m.put("setting.fourierModes", Integer.toString(fourierModes));
        m.put("setting.omegaMin", Double.toString(omegaMin));
        m.put("setting.omegaMax", Double.toString(omegaMax));
        m.put("setting.basisWidth", Integer.toString(basisWidth));
        m.put("setting.basisDepth", Integer.toString(basisDepth));
        m.put("setting.basisSize", Integer.toString(basisSize));
        m.put("setting.basisActivation", basisActivation.name().toLowerCase(Locale.ROOT));
        m.put("setting.hnetWidthFactor", Double.toString(hnetWidthFactor));
        m.put("setting.hnetDepth", Integer.toString(hnetDepth));
        m.put("setting.hnetActivation", hnetActivation.name().toLowerCase(Locale.ROOT));
        m.put("setting.learningRates", join(learningRates));
        m.put("setting.stageEpochs", Arrays.toString(stageEpochs).replaceAll("[\\[\\] ]", ""));
        m.put("setting.batchSize", Integer.toString(batchSize));
        m.put("setting.patience", Integer.toString(patience));
        m.put("setting.seed", Long.toString(seed));
        m.put("setting.threads", Integer.toString(threads));
        return m;
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }

    /**
     * Reads settings written by {@link #toText()}.
     *
     * @param text the attributes
     * @return the settings
     * @throws IllegalArgumentException if one is missing or malformed
     */
    public static Settings fromText(Map<String, String> text) {
        try {
            String[] r = get(text, "learningRates").split(","), e = get(text, "stageEpochs").split(",");
            double[] rates = new double[r.length];
            int[] epochs = new int[e.length];
            for (int i = 0; i < r.length; i++) {
                rates[i] = Double.parseDouble(r[i]);
            }
            for (int i = 0; i < e.length; i++) {
                epochs[i] = Integer.parseInt(e[i]);
            }
            return new Settings(d(text, "lengthUnit"), d(text, "magnetisationScale"), i(text, "trainExamples"),
                    i(text, "validationExamples"), i(text, "pointsPerExample"), i(text, "fourierModes"),
                    d(text, "omegaMin"), d(text, "omegaMax"), i(text, "basisWidth"), i(text, "basisDepth"),
                    i(text, "basisSize"), Activation.byName(get(text, "basisActivation")), d(text, "hnetWidthFactor"),
                    i(text, "hnetDepth"), Activation.byName(get(text, "hnetActivation")), rates, epochs,
                    i(text, "batchSize"), i(text, "patience"), Long.parseLong(get(text, "seed")),
                    i(text, "threads"));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("malformed setting: " + ex.getMessage(), ex);
        }
    }

    private static String get(Map<String, String> text, String name) {
        String v = text.get("setting." + name);
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + name + "'");
        }
        return v;
    }

    private static double d(Map<String, String> t, String n) {
        return Double.parseDouble(get(t, n));
    }

    private static int i(Map<String, String> t, String n) {
        return Integer.parseInt(get(t, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && toText().equals(s.toText());
    }

    @Override
    public int hashCode() {
        return toText().hashCode();
    }

    @Override
    public String toString() {
        return "Settings" + toText();
    }
}
