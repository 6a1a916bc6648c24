package org.hypermag.surrogate.paper;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The paper's LINEAR baseline (§5.2.3): both the hypernetwork g and the basis f are single linear layers.
 *
 * <p>g maps the 8 normalised source features plus a bias to 6 coefficients, c = W·[features; 1]; f is linear in
 * position, φ = c_0 + c_1 x + c_2 y (so (H_x, H_y) = −(c_1, c_2)), and H_z = −(c_3 + c_4 x + c_5 y) on the same
 * linear basis. Widening f's linear layer (the paper keeps the model sizes equal) composes linear maps and so adds
 * no expressiveness: this is the whole function class. The output is linear in W, so W (6 × 9 = 54 numbers) is
 * fitted exactly by linear least squares of the joint loss Σ (φ̂ − φ)² + |Ĥ − H|² over all training points (normal
 * equations solved by EJML), instead of by gradient descent.
 */
final class LinearModel extends PaperModel {
    static final String NAME = "linear";
    static final int INPUTS = Examples.FEATURES + 1, OUT = 6;

    LinearModel(Settings s, Map<String, String> training) {
        super(s, new double[OUT * INPUTS], training);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int representationSize() {
        return OUT;
    }

    @Override
    Object newScratch() {
        return new double[INPUTS];
    }

    @Override
    void addCoefficients(double[] p, double[] src, int off, double[] acc, Object scratch) {
        double[] f = (double[]) scratch;
        features(src, off, f);
        f[Examples.FEATURES] = 1;
        for (int o = 0; o < OUT; o++) {
            double s = 0;
            for (int k = 0; k < INPUTS; k++) {
                s += p[o * INPUTS + k] * f[k];
            }
            acc[o] += s;
        }
    }

    @Override
    void evaluate(double[] p, double[] c, double x, double y, double[] out, Object scratch) {
        out[0] = c[0] + c[1] * x + c[2] * y;
        out[1] = -c[1];
        out[2] = -c[2];
        out[3] = -(c[3] + c[4] * x + c[5] * y);
    }

    @Override
    double exampleLoss(double[] p, Examples ex, int e, double[] grad, Object scratch) {
        if (grad != null) {
            throw new UnsupportedOperationException("the linear model is fitted by least squares");
        }
        double[] c = new double[OUT], out = new double[4];
        addCoefficients(p, ex.sources, ex.sourceStart[e] * Examples.FEATURES, c, scratch);
        double loss = 0;
        for (int i = e * ex.points; i < (e + 1) * ex.points; i++) {
            evaluate(p, c, ex.px[i], ex.py[i], out, scratch);
            double a = out[0] - ex.phi[i], b = out[1] - ex.hx[i], d = out[2] - ex.hy[i], z = out[3] - ex.hz[i];
            loss += a * a + b * b + d * d + z * z;
        }
        return loss / ex.points;
    }

    /**
     * Fits the parameters by linear least squares of the joint loss over all points of the examples (each example
     * weighted by 1/points, as in the mean loss).
     *
     * @param ex single-source training examples
     */
    void fit(Examples ex) {
        int n = OUT * INPUTS;
        DMatrixRMaj ata = new DMatrixRMaj(n, n), atb = new DMatrixRMaj(n, 1);
        double[] f = new double[INPUTS], row = new double[n], target = new double[4];
        double[][] basis = {{1, 0, 0, 0, 0, 0}, {0, -1, 0, 0, 0, 0}, {0, 0, -1, 0, 0, 0}, {0, 0, 0, -1, 0, 0}};
        double[] a = ata.data, rhs = atb.data;
        for (int e = 0; e < ex.count; e++) {
            features(ex.sources, ex.sourceStart[e] * Examples.FEATURES, f);
            f[Examples.FEATURES] = 1;
            for (int i = e * ex.points; i < (e + 1) * ex.points; i++) {
                double x = ex.px[i], y = ex.py[i];
                // Rows: φ = Σ_k (W0k + W1k x + W2k y) f_k, Hx = −Σ W1k f_k, Hy = −Σ W2k f_k,
                // Hz = −Σ (W3k + W4k x + W5k y) f_k.
                basis[0][1] = x;
                basis[0][2] = y;
                basis[3][4] = -x;
                basis[3][5] = -y;
                target[0] = ex.phi[i];
                target[1] = ex.hx[i];
                target[2] = ex.hy[i];
                target[3] = ex.hz[i];
                for (int r = 0; r < 4; r++) {
                    for (int o = 0; o < OUT; o++) {
                        for (int k = 0; k < INPUTS; k++) {
                            row[o * INPUTS + k] = basis[r][o] * f[k];
                        }
                    }
                    for (int u = 0; u < n; u++) {
                        double ru = row[u];
                        if (ru == 0) {
                            continue;
                        }
                        rhs[u] += ru * target[r];
                        int off = u * n;
                        for (int v = 0; v < n; v++) {
                            a[off + v] += ru * row[v];
                        }
                    }
                }
            }
        }
        DMatrixRMaj w = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(ata, atb, w)) {
            throw new IllegalStateException("linear least squares is singular: too few training points");
        }
        System.arraycopy(w.data, 0, params, 0, n);
    }
}
