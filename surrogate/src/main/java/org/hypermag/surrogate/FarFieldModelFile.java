package org.hypermag.surrogate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hypermag.output.ModelFile;

/**
 * A {@link FarFieldModel} in a model file (docs/surrogate.md): its settings, film and basis as attributes, its
 * coefficient sets as datasets. Reading validates everything before it is used: every number finite, the header
 * values in range before anything is allocated from them, and the datasets' shapes consistent with the header, so a
 * damaged or hand-edited file is refused with what is wrong rather than giving NaN fields later.
 */
public final class FarFieldModelFile {
    /** The model's name in model files and on the command line. */
    public static final String NAME = "far-field";
    /** Largest number of harmonics along an axis a model file may declare. */
    public static final int MAX_MODES = 100_000;
    /** Largest number of size features a model file may declare. */
    public static final int MAX_FEATURES = 10_000;

    /** The tensor components stored, each as a dataset {@code coefficients_<name>} of features × harmonics. */
    static final String[] COMPONENTS = {"xx", "yy", "xy", "zz"};
    /**
     * The dataset of the line kernel (smeared models with moment features): 4 × harmonics, rows xx, yy, xy, zz;
     * files without it evaluate with the moment sets.
     */
    static final String LINE = "line_kernel";

    private FarFieldModelFile() {
    }

    private static double[] component(FarFieldKernel k, int c) {
        return c == 0 ? k.xx : c == 1 ? k.yy : c == 2 ? k.xy : k.zz;
    }

    /**
     * The model as a model file, with extra attributes (training settings, measured accuracy).
     *
     * @param m the model
     * @param extraText text attributes to add
     * @param extraNumbers numeric attributes to add
     * @return the file contents
     */
    public static ModelFile write(FarFieldModel m, Map<String, String> extraText, Map<String, double[]> extraNumbers) {
        FarFieldSettings settings = m.settings;
        SizeFeatures features = m.features;
        Map<String, String> text = new LinkedHashMap<>();
        text.put("description", m.describe());
        text.put("coupling", m.coupling == FarFieldModel.Coupling.CELL_AVERAGED ? "cell-averaged" : "point");
        text.put("features", features.kind.name().toLowerCase(Locale.ROOT));
        text.put("size_map", settings.sizeMap().name().toLowerCase(Locale.ROOT));
        text.put("construction", settings.construction().key());
        text.putAll(extraText);
        Map<String, double[]> num = new LinkedHashMap<>();
        num.put("near_radius", new double[] {settings.nearRadius()});
        num.put("k_max_R", new double[] {settings.kR()});
        num.put("period_margin", new double[] {settings.periodMargin()});
        num.put("mlp_shape", new double[] {settings.mlpWidth(), settings.mlpDepth()});
        num.put("thickness", new double[] {m.thickness});
        if (m.cell != null) {
            num.put("cell", m.cell.clone());
        }
        num.put("reference_size", new double[] {m.reference});
        num.put("span", new double[] {m.spanX, m.spanY});
        num.put("period", new double[] {m.ax.period, m.ay.period});
        num.put("modes", new double[] {m.ax.modes, m.ay.modes});
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
        for (int c = 0; c < COMPONENTS.length; c++) {
            double[][] a = new double[m.sets.length][];
            for (int k = 0; k < m.sets.length; k++) {
                a[k] = component(m.sets[k], c);
            }
            arrays.put("coefficients_" + COMPONENTS[c], a);
        }
        if (m.line != null) {
            double[][] a = new double[COMPONENTS.length][];
            for (int c = 0; c < COMPONENTS.length; c++) {
                a[c] = component(m.line, c);
            }
            arrays.put(LINE, a);
        }
        return new ModelFile(NAME, text, num, arrays);
    }

    /**
     * Reads a far-field model from a model file, validating it.
     *
     * @param f the file's contents
     * @param path the file, for messages
     * @return the model
     * @throws IllegalArgumentException naming the file, the attribute or dataset and what is wrong
     */
    public static FarFieldModel read(ModelFile f, Path path) {
        if (!NAME.equals(f.model())) {
            throw new IllegalArgumentException("model file " + path + " holds a '" + f.model() + "' model, not "
                    + NAME);
        }
        String mapName = f.text().getOrDefault("size_map", "moments");
        FarFieldSettings.SizeMap map = switch (mapName) {
            case "moments" -> FarFieldSettings.SizeMap.MOMENTS;
            case "mlp" -> FarFieldSettings.SizeMap.MLP;
            default -> throw bad(path, "size_map '" + mapName + "', expected moments or mlp");
        };
        // files written before the smeared construction existed were fitted
        String made = f.text().getOrDefault("construction", "fitted");
        FarFieldSettings.Construction construction = FarFieldSettings.Construction.of(made);
        if (construction == null) {
            throw bad(path, "construction '" + made + "', expected smeared or fitted");
        }
        double[] shape = f.numbers().containsKey("mlp_shape") ? numbers(f, path, "mlp_shape", 2, 1, 64)
                : new double[] {MlpSizeMap.WIDTH, MlpSizeMap.DEPTH};
        FarFieldSettings settings;
        try {
            settings = new FarFieldSettings(positive(f, path, "near_radius"), positive(f, path, "k_max_R"),
                    numbers(f, path, "period_margin", 1, 0, Double.MAX_VALUE)[0], map, integer(shape[0]),
                    integer(shape[1]), construction);
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
        String couplingName = f.requireText(path, "coupling");
        FarFieldModel.Coupling coupling = switch (couplingName) {
            case "cell-averaged" -> FarFieldModel.Coupling.CELL_AVERAGED;
            case "point" -> FarFieldModel.Coupling.POINT;
            default -> throw bad(path, "coupling '" + couplingName + "', expected cell-averaged or point");
        };
        double[] cell = coupling == FarFieldModel.Coupling.CELL_AVERAGED
                ? numbers(f, path, "cell", 3, Double.MIN_VALUE, Double.MAX_VALUE) : null;
        double[] span = numbers(f, path, "span", 2, 0, Double.MAX_VALUE);
        double[] period = numbers(f, path, "period", 2, Double.MIN_VALUE, Double.MAX_VALUE);
        double[] modes = numbers(f, path, "modes", 2, 0, MAX_MODES);
        for (double x : modes) {
            if (x != Math.rint(x)) {
                throw bad(path, "attribute 'modes' holds " + x + "; expected whole numbers from 0 to " + MAX_MODES);
            }
        }
        HarmonicAxis ax = new HarmonicAxis(period[0], (int) modes[0]), ay = new HarmonicAxis(period[1], (int) modes[1]);
        SizeFeatures features = features(f, path, settings);
        long size = (long) (ax.modes + 1) * (ay.modes + 1);
        if (size > SurrogateDemagProvider.MAX_BASIS) {
            throw bad(path, "its basis has " + size + " harmonics per channel, more than the "
                    + SurrogateDemagProvider.MAX_BASIS + " this build allows");
        }
        int k = features.count();
        FarFieldKernel[] sets = new FarFieldKernel[k];
        if (f.arrays().containsKey("coefficients_psi")) {
            // files written before the tensor form: the in-plane block as the Hessian of one potential
            double[][] p = f.requireArray(path, "coefficients_psi", k, (int) size);
            double[][] z = f.requireArray(path, "coefficients_zz", k, (int) size);
            finite(path, "coefficients_psi", p);
            finite(path, "coefficients_zz", z);
            for (int q = 0; q < k; q++) {
                sets[q] = FarFieldKernel.fromPotential(ax, ay, p[q], z[q]);
            }
        } else {
            double[][][] a = new double[COMPONENTS.length][][];
            for (int c = 0; c < a.length; c++) {
                String name = "coefficients_" + COMPONENTS[c];
                a[c] = f.requireArray(path, name, k, (int) size);
                finite(path, name, a[c]);
            }
            for (int q = 0; q < k; q++) {
                sets[q] = new FarFieldKernel(ax, ay, a[0][q], a[1][q], a[2][q], a[3][q]);
            }
        }
        FarFieldKernel line = null;
        if (f.arrays().containsKey(LINE)) {
            if (coupling != FarFieldModel.Coupling.POINT || features.kind != SizeFeatures.Kind.MOMENTS) {
                throw bad(path, "dataset '" + LINE + "' belongs to point-coupled models with moment features; this "
                        + "one is " + couplingName + " with " + features.kind.name().toLowerCase(Locale.ROOT));
            }
            double[][] a = f.requireArray(path, LINE, COMPONENTS.length, (int) size);
            finite(path, LINE, a);
            line = new FarFieldKernel(ax, ay, a[0], a[1], a[2], a[3]);
        }
        return new FarFieldModel(settings, coupling, positive(f, path, "thickness"), cell,
                positive(f, path, "reference_size"), span[0], span[1], ax, ay, features, sets, line);
    }

    private static SizeFeatures features(ModelFile f, Path path, FarFieldSettings settings) {
        String kind = f.requireText(path, "features");
        try {
            if (kind.equals("classes")) {
                double[] flat = f.requireNumbers(path, "size_classes", -1);
                if (flat.length == 0 || flat.length % 2 != 0 || flat.length > 2 * MAX_FEATURES) {
                    throw bad(path, "attribute 'size_classes' has " + flat.length + " values; expected pairs of "
                            + "sides, 1 to " + MAX_FEATURES + " of them");
                }
                requirePositive(path, "size_classes", flat);
                double[][] c = new double[flat.length / 2][];
                for (int k = 0; k < c.length; k++) {
                    c[k] = new double[] {flat[2 * k], flat[2 * k + 1]};
                }
                return SizeFeatures.classes(c);
            }
            if (kind.equals("moments")) {
                double[] r = numbers(f, path, "size_range", 4, Double.MIN_VALUE, Double.MAX_VALUE);
                return SizeFeatures.moments(r[0], r[1], r[2], r[3], positive(f, path, "moment_reference"));
            }
            if (kind.equals("mlp")) {
                double[] r = numbers(f, path, "size_range", 4, Double.MIN_VALUE, Double.MAX_VALUE);
                double[] e = f.requireNumbers(path, "mlp_errors", 2);
                double[] params = f.requireNumbers(path, "mlp_parameters", -1);
                requireFinite(path, "mlp_parameters", params);
                MlpSizeMap m = new MlpSizeMap(settings.mlpWidth(), settings.mlpDepth(), r, params);
                return SizeFeatures.mlp(new MlpSizeMap.Trained(m, e[0], e[1], -1, -1),
                        positive(f, path, "moment_reference"));
            }
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("model file") ? e : bad(path, e.getMessage());
        }
        throw bad(path, "features '" + kind + "', expected classes, moments or mlp");
    }

    private static double positive(ModelFile f, Path path, String name) {
        return numbers(f, path, name, 1, Double.MIN_VALUE, Double.MAX_VALUE)[0];
    }

    private static double[] numbers(ModelFile f, Path path, String name, int length, double min, double max) {
        double[] v = f.requireNumbers(path, name, length);
        for (double x : v) {
            if (!Double.isFinite(x) || x < min || x > max) {
                throw bad(path, "attribute '" + name + "' holds " + x + "; expected finite numbers"
                        + (min > 0 ? " > 0" : min == 0 ? " >= 0" : "") + (max < Double.MAX_VALUE ? " and <= "
                        + (long) max : ""));
            }
        }
        return v;
    }

    private static void requirePositive(Path path, String name, double[] v) {
        for (double x : v) {
            if (!(x > 0) || !Double.isFinite(x)) {
                throw bad(path, "attribute '" + name + "' holds " + x + "; expected finite numbers > 0");
            }
        }
    }

    private static void requireFinite(Path path, String name, double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw bad(path, "attribute '" + name + "' holds " + x + "; expected finite numbers");
            }
        }
    }

    private static void finite(Path path, String name, double[][] a) {
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                if (!Double.isFinite(a[r][c])) {
                    throw bad(path, "dataset '" + name + "' holds " + a[r][c] + " at [" + r + ", " + c
                            + "]; expected finite numbers (the file is damaged; fit the model again)");
                }
            }
        }
    }

    private static int integer(double x) {
        if (x != Math.rint(x) || x < 1 || x > 64) {
            throw new IllegalArgumentException("attribute 'mlp_shape' holds " + x + "; expected whole numbers, width "
                    + "1..64 and depth 1..8");
        }
        return (int) x;
    }

    private static IllegalArgumentException bad(Path path, String what) {
        return new IllegalArgumentException("model file " + path + ": " + what);
    }
}
