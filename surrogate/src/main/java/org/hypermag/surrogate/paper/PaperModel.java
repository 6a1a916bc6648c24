package org.hypermag.surrogate.paper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.geometry.Prisms;

/**
 * A trained additive hypernetwork model of the paper (Eq. 5): each source (prism size, position and M) maps to a
 * coefficient vector g, the vectors of all sources are summed, and a shared basis f turns the sum into the scalar
 * potential φ and the field H = −∇φ anywhere in the film's mid-plane. The sum is the model's
 * <em>representation</em> of a source collection; it costs O(sources) once, and each point then costs O(basis).
 *
 * <p>Geometry: a film in the plane z = 0. Sources are axis-aligned prisms centred in that plane; the model is
 * trained on the domain [−3, 3]² of {@link Settings#lengthUnit()} with sources of in-plane sides 0.5–2 and thickness
 * 0.1–1 of it, centred in [−2, 2]², and is meaningless far outside that range. Points are in the plane z = 0.
 * H_z is a separate output channel (see each model), because the mid-plane potential of a film is blind to M_z.
 *
 * <p>Units at this API: lengths in m, M in A/m, φ in A, H in A/m. Immutable and thread-safe; the evaluation methods
 * allocate their scratch per call (one call evaluates many points).
 */
public abstract sealed class PaperModel permits LinearModel, FourierModel, FcIlrModel {
    /** The {@code layout} text attribute of model files: this class's versioned dataset/attribute layout. */
    public static final String LAYOUT = "hypermag-paper-model/1";

    final Settings settings;
    final double[] params;
    final Map<String, String> training;

    PaperModel(Settings settings, double[] params, Map<String, String> training) {
        this.settings = settings;
        this.params = params;
        this.training = new LinkedHashMap<>(training);
    }

    /** @return the model's name: linear, fourier or fc-ilr */
    public abstract String name();

    /** @return the settings it was built and trained with */
    public Settings settings() {
        return settings;
    }

    /** @return a description of the training run (text attributes as stored in the model file) */
    public Map<String, String> training() {
        return Map.copyOf(training);
    }

    /** @return the number of trained parameters */
    public int parameterCount() {
        return params.length;
    }

    /** @return the length of the summed coefficient vector (the representation of a source collection) */
    public abstract int representationSize();

    // ---- model internals, in domain units -----------------------------------------------------------------------

    /** Per-thread scratch of one model. */
    abstract Object newScratch();

    /** Adds the coefficient vector of one source (raw features at {@code src[off..off+8)}) to acc. */
    abstract void addCoefficients(double[] p, double[] src, int off, double[] acc, Object scratch);

    /** out = {φ, Hx, Hy, Hz} at (x, y) in domain units for summed coefficients c. */
    abstract void evaluate(double[] p, double[] c, double x, double y, double[] out, Object scratch);

    /**
     * Mean over the example's points of (φ̂ − φ)² + |Ĥ − H|², for a single-source example; adds its gradient with
     * respect to the parameters to grad unless grad is null.
     */
    abstract double exampleLoss(double[] p, Examples ex, int e, double[] grad, Object scratch);

    /** The normalised hypernetwork input of a source: centre/2, sides shifted to [−1, 1], M. */
    static void features(double[] src, int off, double[] out) {
        out[0] = src[off] / Examples.CENTRES;
        out[1] = src[off + 1] / Examples.CENTRES;
        out[2] = (src[off + 2] - 1.25) / 0.75;
        out[3] = (src[off + 3] - 1.25) / 0.75;
        out[4] = (src[off + 4] - 0.55) / 0.45;
        out[5] = src[off + 5];
        out[6] = src[off + 6];
        out[7] = src[off + 7];
    }

    /** The summed coefficients of example e's sources (domain units). */
    double[] represent(Examples ex, int e, Object scratch) {
        double[] acc = new double[representationSize()];
        for (int s = ex.sourceStart[e]; s < ex.sourceStart[e + 1]; s++) {
            addCoefficients(params, ex.sources, s * Examples.FEATURES, acc, scratch);
        }
        return acc;
    }

    // ---- public API, SI units ------------------------------------------------------------------------------------

    /**
     * The representation of a source collection: the sum of the per-source coefficient vectors.
     *
     * @param sources prisms centred in the plane z = 0 (m)
     * @param mx magnetisation x per prism (A/m)
     * @param my magnetisation y per prism (A/m)
     * @param mz magnetisation z per prism (A/m)
     * @return the summed coefficients (dimensionless, in the model's internal units)
     * @throws IllegalArgumentException if the arrays differ in length, a value is not finite or a prism is not
     *     centred in z = 0
     */
    public double[] represent(Prisms sources, double[] mx, double[] my, double[] mz) {
        int n = sources.size();
        if (mx.length != n || my.length != n || mz.length != n) {
            throw new IllegalArgumentException("need one magnetisation per prism: " + n + " prisms, "
                    + mx.length + "/" + my.length + "/" + mz.length + " components");
        }
        double u = settings.lengthUnit(), ms = settings.magnetisationScale();
        double[] src = new double[Examples.FEATURES];
        double[] acc = new double[representationSize()];
        Object scratch = newScratch();
        for (int i = 0; i < n; i++) {
            if (Math.abs(sources.cz(i)) > 1e-6 * u) {
                throw new IllegalArgumentException("prism " + i + ": centre z must be 0 (the film's mid-plane), got "
                        + sources.cz(i) + " m");
            }
            if (!Double.isFinite(mx[i]) || !Double.isFinite(my[i]) || !Double.isFinite(mz[i])) {
                throw new IllegalArgumentException("prism " + i + ": magnetisation must be finite (A/m), got "
                        + mx[i] + ", " + my[i] + ", " + mz[i]);
            }
            src[0] = sources.cx(i) / u;
            src[1] = sources.cy(i) / u;
            src[2] = sources.sx(i) / u;
            src[3] = sources.sy(i) / u;
            src[4] = sources.sz(i) / u;
            src[5] = mx[i] / ms;
            src[6] = my[i] / ms;
            src[7] = mz[i] / ms;
            addCoefficients(params, src, 0, acc, scratch);
        }
        return acc;
    }

    /**
     * Evaluates a representation at points of the plane z = 0. Any output array may be null.
     *
     * @param representation from {@link #represent}
     * @param px point x (m)
     * @param py point y (m)
     * @param phi receives φ (A), or null
     * @param hx receives H_x (A/m), or null
     * @param hy receives H_y (A/m), or null
     * @param hz receives H_z (A/m), or null
     * @throws IllegalArgumentException if the lengths do not match
     */
    public void evaluate(double[] representation, double[] px, double[] py, double[] phi, double[] hx, double[] hy,
                         double[] hz) {
        if (representation.length != representationSize()) {
            throw new IllegalArgumentException("representation has " + representation.length + " entries, model "
                    + name() + " expects " + representationSize());
        }
        int n = px.length;
        if (py.length != n || (phi != null && phi.length != n) || (hx != null && hx.length != n)
                || (hy != null && hy.length != n) || (hz != null && hz.length != n)) {
            throw new IllegalArgumentException("point and output arrays must have the same length " + n);
        }
        double u = settings.lengthUnit(), ms = settings.magnetisationScale();
        double[] out = new double[4];
        Object scratch = newScratch();
        for (int i = 0; i < n; i++) {
            evaluate(params, representation, px[i] / u, py[i] / u, out, scratch);
            if (phi != null) {
                phi[i] = out[0] * ms * u;
            }
            if (hx != null) {
                hx[i] = out[1] * ms;
            }
            if (hy != null) {
                hy[i] = out[2] * ms;
            }
            if (hz != null) {
                hz[i] = out[3] * ms;
            }
        }
    }

    /**
     * The field of a source collection at points of the plane z = 0 (represents, then evaluates).
     *
     * @param sources prisms centred in z = 0 (m)
     * @param mx magnetisation x (A/m)
     * @param my magnetisation y (A/m)
     * @param mz magnetisation z (A/m)
     * @param px point x (m)
     * @param py point y (m)
     * @param hx receives H_x (A/m)
     * @param hy receives H_y (A/m)
     * @param hz receives H_z (A/m)
     */
    public void field(Prisms sources, double[] mx, double[] my, double[] mz, double[] px, double[] py, double[] hx,
                      double[] hy, double[] hz) {
        evaluate(represent(sources, mx, my, mz), px, py, null, hx, hy, hz);
    }

    /**
     * The scalar potential of a source collection at points of the plane z = 0.
     *
     * @param sources prisms centred in z = 0 (m)
     * @param mx magnetisation x (A/m)
     * @param my magnetisation y (A/m)
     * @param mz magnetisation z (A/m)
     * @param px point x (m)
     * @param py point y (m)
     * @return φ (A) per point
     */
    public double[] potential(Prisms sources, double[] mx, double[] my, double[] mz, double[] px, double[] py) {
        double[] phi = new double[px.length];
        evaluate(represent(sources, mx, my, mz), px, py, phi, null, null, null);
        return phi;
    }

    /**
     * The same trained model at other physical scales (no training): the parameters are in domain units, so this
     * model with length unit u' and magnetisation unit M' predicts, for sources and points scaled by u'/u and
     * magnetisations scaled by M'/M, exactly the fields (A/m) scaled by M'/M and potentials scaled by u'M'/(uM).
     * The training record is kept, with {@code training.rescaledFrom} = the old scales added.
     *
     * @param lengthUnit the new domain unit (m), &gt; 0
     * @param magnetisationScale the new magnetisation unit (A/m), &gt; 0
     * @return the rescaled copy
     * @throws IllegalArgumentException if a scale is not finite and &gt; 0
     */
    public PaperModel withScales(double lengthUnit, double magnetisationScale) {
        Map<String, String> record = new LinkedHashMap<>(training);
        record.putIfAbsent("training.rescaledFrom", "lengthUnit " + settings.lengthUnit() + " m, magnetisationScale "
                + settings.magnetisationScale() + " A/m");
        PaperModel m = PaperModels.create(name(), settings.withScales(lengthUnit, magnetisationScale), record);
        System.arraycopy(params, 0, m.params, 0, params.length);
        return m;
    }

    /** @return the model file without accuracy attributes */
    public ModelFile toFile() {
        return toFile(null);
    }

    /**
     * The model as a model file (layout {@link #LAYOUT}): text attributes {@code layout}, every setting
     * ({@code setting.*}), the training record ({@code training.*}) and, if given, the measured accuracy
     * ({@code accuracy.*}); dataset {@code parameters} (1 × n, float64) holds all trained parameters in the model's
     * flat order (docs/paper-models.md).
     *
     * @param accuracy measured accuracy to record, or null
     * @return the file contents
     */
    public ModelFile toFile(PaperProtocol.Report accuracy) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("layout", LAYOUT);
        text.putAll(settings.toText());
        training.forEach((k, v) -> text.put(k.startsWith("training.") ? k : "training." + k, v));
        Map<String, double[]> numbers = new LinkedHashMap<>();
        if (accuracy != null) {
            text.putAll(accuracy.toText());
            numbers.putAll(accuracy.toNumbers());
        }
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        arrays.put("parameters", new double[][] {params.clone()});
        return new ModelFile(name(), text, numbers, arrays);
    }

    /**
     * Rebuilds a model from a file written by {@link #toFile}.
     *
     * @param file the contents
     * @param path where they came from (for messages)
     * @return the model
     * @throws IllegalArgumentException if the file is of another model, layout or parameter count
     */
    public static PaperModel fromFile(ModelFile file, Path path) {
        String layout = file.requireText(path, "layout");
        if (!LAYOUT.equals(layout)) {
            throw new IllegalArgumentException("model file " + path + " has layout '" + layout + "', expected '"
                    + LAYOUT + "'");
        }
        Settings s;
        try {
            s = Settings.fromText(file.text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> training = new LinkedHashMap<>();
        file.text().forEach((k, v) -> {
            if (k.startsWith("training.")) {
                training.put(k, v);
            }
        });
        PaperModel blank = PaperModels.create(file.model(), s, training);
        double[][] p = file.requireArray(path, "parameters", 1, blank.params.length);
        for (int k = 0; k < p[0].length; k++) {
            if (!Double.isFinite(p[0][k])) {
                throw new IllegalArgumentException("model file " + path + ": dataset 'parameters' holds " + p[0][k]
                        + " at " + k + "; expected finite numbers (the file is damaged; train the model again)");
            }
        }
        System.arraycopy(p[0], 0, blank.params, 0, blank.params.length);
        return blank;
    }
}
