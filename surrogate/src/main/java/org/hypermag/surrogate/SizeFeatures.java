package org.hypermag.surrogate;

import java.util.Arrays;
import java.util.Locale;

/**
 * The source features of the far-field hypernetwork: G(s) = V(s) · Σ_k φ_k(s) C_k, linear in the coefficient sets
 * C_k, with φ a fixed function of the prism's in-plane size s = (s_x, s_y) (all prisms of a film share one
 * thickness).
 *
 * <ul>
 *   <li>{@link Kind#CLASSES}: one indicator per distinct size (a collection of few sizes, such as a grid or an
 *   island array): φ_k(s) = 1 for the size of class k, and C_k is that size's own fit per unit volume.</li>
 *   <li>{@link Kind#MOMENTS}: for continuously varied sizes (granular films). The far field of a uniformly
 *   magnetised prism is the dipole field of its moment plus corrections in even powers of its sides,
 *   N(d; s) = V [D(d) + (s_x² ∂_x² + s_y² ∂_y² + s_z² ∂_z²) D(d) / 24 + O(s⁴/d⁴)], so the far-zone kernel is smooth in
 *   u = (s_x/a)², v = (s_y/a)² (a: the reference size). φ = [1, u, u²] ⊗ [1, v, v²] (a factor is dropped along a side
 *   that does not vary), and C is obtained from exact fits at 3 × 3 Chebyshev anchor sizes spanning the sizes in use:
 *   the feature map interpolates the kernel between them (error O(s⁶/R⁶) of the far field).</li>
 * </ul>
 * Immutable.
 */
final class SizeFeatures {
    /** Above this many distinct sizes the features are moments, at or below it classes. */
    static final int MAX_CLASSES = 9;

    /** The feature kind. */
    enum Kind { CLASSES, MOMENTS, MLP }

    final Kind kind;
    /** CLASSES: the sizes {sx, sy} of each class. MOMENTS: reference a and degrees per axis. */
    private final double[][] classes;
    private final double reference;
    private final int degreeU, degreeV;
    /** MOMENTS, MLP: the size range the anchors span, {sxMin, sxMax, syMin, syMax} (m). */
    private final double[] range;
    /** MLP: the trained map and its training errors. */
    private final MlpSizeMap.Trained trained;

    private SizeFeatures(Kind kind, double[][] classes, double reference, int degreeU, int degreeV, double[] range,
                         MlpSizeMap.Trained trained) {
        this.kind = kind;
        this.classes = classes;
        this.reference = reference;
        this.degreeU = degreeU;
        this.degreeV = degreeV;
        this.range = range;
        this.trained = trained;
    }

    /**
     * Features given by a trained MLP ({@link MlpSizeMap}).
     *
     * @param t the trained map
     * @param reference the size unit a (m), for the record
     * @return the features
     */
    static SizeFeatures mlp(MlpSizeMap.Trained t, double reference) {
        return new SizeFeatures(Kind.MLP, null, reference, 0, 0, t.map().range.clone(), t);
    }

    /** @return the trained map (MLP only) */
    MlpSizeMap.Trained trained() {
        return trained;
    }

    /**
     * Features of one size per class.
     *
     * @param sizes the distinct sizes {sx, sy} (m)
     * @return the features
     */
    static SizeFeatures classes(double[][] sizes) {
        return new SizeFeatures(Kind.CLASSES, sizes, 0, 0, 0, null, null);
    }

    /**
     * Moment features for sizes in the given ranges (m).
     *
     * @param sxMin smallest x side
     * @param sxMax largest x side
     * @param syMin smallest y side
     * @param syMax largest y side
     * @param reference the size unit a (m)
     * @return the features
     */
    static SizeFeatures moments(double sxMin, double sxMax, double syMin, double syMax, double reference) {
        int du = sxMax > sxMin * (1 + 1e-9) ? 2 : 0, dv = syMax > syMin * (1 + 1e-9) ? 2 : 0;
        return new SizeFeatures(Kind.MOMENTS, null, reference, du, dv, new double[] {sxMin, sxMax, syMin, syMax},
                null);
    }

    /** Features for the given sizes: classes when there are few distinct sizes, moments otherwise. */
    static SizeFeatures forSizes(double[] sx, double[] sy, double reference) {
        double[][] distinct = distinct(sx, sy);
        if (distinct.length <= MAX_CLASSES) {
            return classes(distinct);
        }
        double[] r = {Double.MAX_VALUE, 0, Double.MAX_VALUE, 0};
        for (int i = 0; i < sx.length; i++) {
            r[0] = Math.min(r[0], sx[i]);
            r[1] = Math.max(r[1], sx[i]);
            r[2] = Math.min(r[2], sy[i]);
            r[3] = Math.max(r[3], sy[i]);
        }
        return moments(r[0], r[1], r[2], r[3], reference);
    }

    /** The distinct {sx, sy} pairs in order of first appearance. */
    static double[][] distinct(double[] sx, double[] sy) {
        java.util.LinkedHashMap<String, double[]> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < sx.length; i++) {
            map.putIfAbsent(sx[i] + "x" + sy[i], new double[] {sx[i], sy[i]});
        }
        return map.values().toArray(new double[0][]);
    }

    /** @return the number of features K */
    int count() {
        return kind == Kind.CLASSES ? classes.length : kind == Kind.MLP ? trained.map().count()
                : (degreeU + 1) * (degreeV + 1);
    }

    /**
     * The sizes at which exact kernels are fitted; C follows from them by {@link #anchorWeights}.
     *
     * @return {sx, sy} per anchor (m)
     */
    double[][] anchors() {
        if (kind == Kind.CLASSES) {
            return classes;
        }
        if (kind == Kind.MLP) {
            return MlpSizeMap.anchors(range, MlpSizeMap.ANCHORS);
        }
        return grid(nodes(range[0], range[1], degreeU + 1), nodes(range[2], range[3], degreeV + 1));
    }

    /** @return every {x, y} of xs × ys, y fastest */
    static double[][] grid(double[] xs, double[] ys) {
        double[][] out = new double[xs.length * ys.length][];
        int q = 0;
        for (double x : xs) {
            for (double y : ys) {
                out[q++] = new double[] {x, y};
            }
        }
        return out;
    }

    /** Chebyshev nodes of [a, b] (count 1: the midpoint). */
    static double[] nodes(double a, double b, int count) {
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = count == 1 ? 0.5 * (a + b) : 0.5 * (a + b) - 0.5 * (b - a) * Math.cos(Math.PI * (k + 0.5) / count);
        }
        return out;
    }

    /**
     * φ(s): the feature values of a size.
     *
     * @param sx x side (m)
     * @param sy y side (m)
     * @param out receives {@link #count()} values
     * @return false if the size is not one of the classes (CLASSES only)
     */
    boolean evaluate(double sx, double sy, double[] out) {
        if (kind == Kind.CLASSES) {
            Arrays.fill(out, 0, classes.length, 0);
            for (int k = 0; k < classes.length; k++) {
                if (classes[k][0] == sx && classes[k][1] == sy) {
                    out[k] = 1;
                    return true;
                }
            }
            return false;
        }
        if (kind == Kind.MLP) {
            trained.map().evaluate(sx, sy, out);
            return true;
        }
        double u = sx * sx / (reference * reference), v = sy * sy / (reference * reference);
        int q = 0;
        double pu = 1;
        for (int a = 0; a <= degreeU; a++) {
            double pv = 1;
            for (int b = 0; b <= degreeV; b++) {
                out[q++] = pu * pv;
                pv *= v;
            }
            pu *= u;
        }
        return true;
    }

    /**
     * The matrix W with C_k = Σ_a W[k][a] c_a / V_a, where c_a is the exact fit at anchor a: the inverse of the
     * feature matrix Φ[a][k] = φ_k(anchor a).
     *
     * @return W (K × anchors)
     */
    double[][] anchorWeights() {
        double[][] a = anchors();
        if (kind == Kind.MLP) {
            return MlpSizeMap.leastSquares(trained.map().features(a));
        }
        int k = count();
        double[][] phi = new double[a.length][k];
        for (int i = 0; i < a.length; i++) {
            evaluate(a[i][0], a[i][1], phi[i]);
        }
        org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(phi);
        if (!org.ejml.dense.row.CommonOps_DDRM.invert(m)) {
            throw new IllegalStateException("singular size-feature matrix at anchors " + Arrays.deepToString(a));
        }
        double[][] w = new double[k][a.length];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < a.length; j++) {
                w[i][j] = m.get(i, j);
            }
        }
        return w;
    }

    /**
     * Checks that a size is represented: one of the classes, or inside the moment range (1e-9 relative slack).
     *
     * @return null if represented, else what is wrong
     */
    String unsupported(double sx, double sy) {
        if (kind == Kind.CLASSES) {
            for (double[] c : classes) {
                if (c[0] == sx && c[1] == sy) {
                    return null;
                }
            }
            return String.format(Locale.ROOT, "prism size %.6g x %.6g m is not one of the model's %d size(s)", sx, sy,
                    classes.length);
        }
        double tol = 1e-9;
        if (sx < range[0] * (1 - tol) || sx > range[1] * (1 + tol) || sy < range[2] * (1 - tol)
                || sy > range[3] * (1 + tol)) {
            return String.format(Locale.ROOT, "prism size %.6g x %.6g m is outside the model's size range "
                    + "[%.6g, %.6g] x [%.6g, %.6g] m", sx, sy, range[0], range[1], range[2], range[3]);
        }
        return null;
    }

    /** @return a one-line description */
    String describe() {
        if (kind == Kind.CLASSES) {
            return classes.length + " size class(es)";
        }
        if (kind == Kind.MLP) {
            return String.format(Locale.ROOT, "MLP size features (%d tanh layers of %d, %d features; sides "
                    + "%.4g-%.4g x %.4g-%.4g m; coefficient error %.3g at the anchors, %.3g at held-out sizes)",
                    trained.map().depth, trained.map().width, count(), range[0], range[1], range[2], range[3],
                    trained.trainError(), trained.heldOutError());
        }
        return String.format(Locale.ROOT, "size moments (%d features; sides %.4g-%.4g x %.4g-%.4g m)", count(),
                range[0], range[1], range[2], range[3]);
    }

    double[][] classSizes() {
        return classes;
    }

    double reference() {
        return reference;
    }

    double[] range() {
        return range;
    }
}
