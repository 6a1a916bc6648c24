package org.hypermag.surrogate;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hypermag.surrogate.nn.Activation;
import org.hypermag.surrogate.nn.Adam;
import org.hypermag.surrogate.nn.Mlp;

/**
 * The learned part of the far-field hypernetwork for sources of varied sizes: an MLP h(s) over the prism's in-plane
 * sides (each mapped to [−1, 1] over the size range), tanh layers of a configurable width and depth, whose last layer
 * gives the features φ(s) = [h(s), 1]; the coefficients are G(s) = V(s) Σ_k φ_k(s) C_k with C linear in φ.
 *
 * <p>Training (variable projection, Golub &amp; Pereyra): the exact far-zone fits at anchor sizes are the data; for
 * given MLP parameters the best C is a linear least-squares solution (ridge 1e-10 relative), and the MLP parameters
 * follow Adam on the remaining residual, with a step-wise learning-rate schedule, keeping the parameters of the
 * lowest error at held-out anchor sizes (early stopping). The residual is measured in field units: each in-plane
 * coefficient ψ_mn weighted by w_m² + w_n² (the scale of the field it makes), each c^z_mn by 1, relative to the
 * targets' norm.
 *
 * <p>Immutable.
 */
final class MlpSizeMap {
    /** Default width and depth (hidden tanh layers). */
    static final int WIDTH = 8, DEPTH = 2;
    /** Anchor sizes per varying axis (a Chebyshev grid of 4 × 4 for sizes varied along both sides). */
    static final int ANCHORS = 4;
    /** The learning-rate schedule: rates and iterations per stage. */
    private static final double[] RATES = {1e-2, 3e-3, 1e-3, 1e-4};
    private static final int[] ITERATIONS = {300, 300, 300, 100};

    final int width, depth;
    /** The size range {sxMin, sxMax, syMin, syMax} (m). */
    final double[] range;
    final double[] params;
    private final Mlp net;

    MlpSizeMap(int width, int depth, double[] range, double[] params) {
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("MLP width and depth must be >= 1, got " + width + ", " + depth);
        }
        this.width = width;
        this.depth = depth;
        this.range = range.clone();
        net = network(width, depth);
        if (params.length != net.parameterCount()) {
            throw new IllegalArgumentException("an MLP of width " + width + " and depth " + depth + " has "
                    + net.parameterCount() + " parameters, got " + params.length);
        }
        this.params = params.clone();
    }

    private static Mlp network(int width, int depth) {
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, width);
        widths[0] = 2;
        return new Mlp(widths, Activation.TANH, Activation.TANH, 0);
    }

    /** @return the feature count, width + 1 */
    int count() {
        return width + 1;
    }

    /** Maps a side onto [−1, 1] over [lo, hi] (0 when the range is a point). */
    private static double unit(double s, double lo, double hi) {
        return hi > lo * (1 + 1e-9) ? 2 * (s - lo) / (hi - lo) - 1 : 0;
    }

    /** φ(s) into out (width + 1 values). */
    void evaluate(double sx, double sy, double[] out) {
        Mlp.Workspace ws = net.workspace(0);
        net.forward(params, new double[] {unit(sx, range[0], range[1]), unit(sy, range[2], range[3])}, 0, ws);
        System.arraycopy(ws.output(), 0, out, 0, width);
        out[width] = 1;
    }

    /** @return Chebyshev anchor sizes, {@code per} per varying axis (one on an axis without spread) */
    static double[][] anchors(double[] range, int per) {
        double[] xs = SizeFeatures.nodes(range[0], range[1], range[1] > range[0] * (1 + 1e-9) ? per : 1);
        double[] ys = SizeFeatures.nodes(range[2], range[3], range[3] > range[2] * (1 + 1e-9) ? per : 1);
        return SizeFeatures.grid(xs, ys);
    }

    /**
     * Held-out sizes for early stopping: the midpoints between neighbouring anchors of a coarser grid, inside the
     * range, none of them an anchor.
     */
    static double[][] heldOut(double[] range) {
        double[] fx = {0.3, 0.7}, fy = {0.4, 0.8};
        boolean vx = range[1] > range[0] * (1 + 1e-9), vy = range[3] > range[2] * (1 + 1e-9);
        double[][] out = new double[(vx ? 2 : 1) * (vy ? 2 : 1)][];
        int q = 0;
        for (int i = 0; i < (vx ? 2 : 1); i++) {
            for (int j = 0; j < (vy ? 2 : 1); j++) {
                out[q++] = new double[] {vx ? range[0] + fx[i] * (range[1] - range[0]) : range[0],
                    vy ? range[2] + fy[j] * (range[3] - range[2]) : range[2]};
            }
        }
        return out;
    }

    /** The features at sizes, one row per size (rows × (width + 1)). */
    double[][] features(double[][] sizes) {
        double[][] phi = new double[sizes.length][count()];
        for (int a = 0; a < sizes.length; a++) {
            evaluate(sizes[a][0], sizes[a][1], phi[a]);
        }
        return phi;
    }

    /**
     * The least-squares map from anchor values to coefficient sets: W (K × anchors) with C = W·X minimising
     * |Φ C − X|² + ridge |C|², Φ the anchors' features.
     */
    static double[][] leastSquares(double[][] phi) {
        int a = phi.length, k = phi[0].length;
        DMatrixRMaj f = new DMatrixRMaj(phi);
        DMatrixRMaj n = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(f, f, n);
        double trace = 0;
        for (int i = 0; i < k; i++) {
            trace += n.get(i, i);
        }
        for (int i = 0; i < k; i++) {
            n.add(i, i, 1e-10 * trace / k);
        }
        if (!CommonOps_DDRM.invert(n)) {
            throw new IllegalStateException("singular MLP feature matrix at the anchors");
        }
        DMatrixRMaj w = new DMatrixRMaj(k, a);
        CommonOps_DDRM.multTransB(n, f, w);
        double[][] out = new double[k][a];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < a; j++) {
                out[i][j] = w.get(i, j);
            }
        }
        return out;
    }

    /** Relative residual |Φ_eval W X − X_eval| / |X_eval| with W from the training anchors. */
    private static double residual(double[][] phiTrain, double[][] xTrain, double[][] phiEval, double[][] xEval) {
        double[][] w = leastSquares(phiTrain);
        int k = w.length, cols = xTrain[0].length;
        double[][] c = new double[k][cols];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < xTrain.length; a++) {
                double wa = w[i][a];
                for (int q = 0; q < cols; q++) {
                    c[i][q] += wa * xTrain[a][q];
                }
            }
        }
        double num = 0, den = 0;
        for (int e = 0; e < xEval.length; e++) {
            for (int q = 0; q < cols; q++) {
                double v = -xEval[e][q];
                for (int i = 0; i < k; i++) {
                    v += phiEval[e][i] * c[i][q];
                }
                num += v * v;
                den += xEval[e][q] * xEval[e][q];
            }
        }
        return Math.sqrt(num / den);
    }

    /** The outcome of training. */
    record Trained(MlpSizeMap map, double trainError, double heldOutError, int bestIteration, int iterations) {
        String describe() {
            return String.format(Locale.ROOT, "MLP size features %dx%d trained by variable projection: relative "
                    + "coefficient error %.3g at the anchors, %.3g at held-out sizes (best of %d iterations at %d)",
                    map.width, map.depth, trainError, heldOutError, iterations, bestIteration);
        }
    }

    /**
     * Trains the MLP on anchor fits.
     *
     * @param width hidden width
     * @param depth hidden layers
     * @param range size range (m)
     * @param train anchor sizes
     * @param xTrain their coefficient vectors, weighted to field units (rows × P)
     * @param eval held-out sizes
     * @param xEval their coefficient vectors
     * @param seed initialisation seed
     * @return the trained map and its errors
     */
    static Trained train(int width, int depth, double[] range, double[][] train, double[][] xTrain,
                         double[][] eval, double[][] xEval, long seed) {
        Mlp net = network(width, depth);
        double[] params = new double[net.parameterCount()];
        net.initialise(params, new SplittableRandom(seed));
        int a = train.length, k = width + 1, cols = xTrain[0].length;
        double norm = 0;
        for (double[] row : xTrain) {
            for (double v : row) {
                norm += v * v;
            }
        }
        double[][] inputs = new double[a][2];
        for (int i = 0; i < a; i++) {
            inputs[i][0] = unit(train[i][0], range[0], range[1]);
            inputs[i][1] = unit(train[i][1], range[2], range[3]);
        }
        Mlp.Workspace[] ws = new Mlp.Workspace[a];
        for (int i = 0; i < a; i++) {
            ws[i] = net.workspace(0);
        }
        Adam adam = new Adam(params.length);
        double[] grad = new double[params.length], best = params.clone();
        double bestEval = Double.POSITIVE_INFINITY, bestTrain = Double.NaN;
        int bestAt = 0, total = 0;
        double[][] phi = new double[a][k], c = new double[k][cols], gphi = new double[a][k];
        for (int stage = 0; stage < RATES.length; stage++) {
            adam.reset();
            for (int it = 0; it < ITERATIONS[stage]; it++, total++) {
                for (int i = 0; i < a; i++) {
                    net.forward(params, inputs[i], 0, ws[i]);
                    System.arraycopy(ws[i].output(), 0, phi[i], 0, width);
                    phi[i][width] = 1;
                }
                // C = W X for these features; residual R = Φ C − X; ∂loss/∂Φ = 2 R Cᵀ / |X|²
                double[][] w = leastSquares(phi);
                for (double[] row : c) {
                    Arrays.fill(row, 0);
                }
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < a; i++) {
                        double wi = w[j][i];
                        for (int q = 0; q < cols; q++) {
                            c[j][q] += wi * xTrain[i][q];
                        }
                    }
                }
                double loss = 0;
                for (int i = 0; i < a; i++) {
                    Arrays.fill(gphi[i], 0);
                    for (int q = 0; q < cols; q++) {
                        double r = -xTrain[i][q];
                        for (int j = 0; j < k; j++) {
                            r += phi[i][j] * c[j][q];
                        }
                        loss += r * r;
                        for (int j = 0; j < width; j++) {
                            gphi[i][j] += 2 * r * c[j][q] / norm;
                        }
                    }
                }
                if (it % 25 == 0 || it == ITERATIONS[stage] - 1) {
                    MlpSizeMap current = new MlpSizeMap(width, depth, range, params);
                    double e = residual(phi, xTrain, current.features(eval), xEval);
                    if (e < bestEval) {
                        bestEval = e;
                        bestTrain = Math.sqrt(loss / norm);
                        bestAt = total;
                        best = params.clone();
                    }
                }
                Arrays.fill(grad, 0);
                for (int i = 0; i < a; i++) {
                    System.arraycopy(gphi[i], 0, ws[i].outputGradient(), 0, width);
                    net.backward(params, ws[i], grad);
                }
                adam.step(params, grad, RATES[stage]);
            }
        }
        return new Trained(new MlpSizeMap(width, depth, range, best), bestTrain, bestEval, bestAt, total);
    }
}
