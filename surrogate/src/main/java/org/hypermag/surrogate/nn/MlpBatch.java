package org.hypermag.surrogate.nn;

import java.util.Arrays;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * An {@link Mlp} evaluated on many inputs at once (rows), each layer's weights applied as one {@link Gemm} product:
 * Z_k = A_{k−1}·W_kᵀ + b_k, with the forward-mode tangents dZ_k = dA_{k−1}·W_kᵀ with respect to the leading inputs;
 * back-propagation takes ∂loss/∂output and ∂loss/∂(output tangents) and adds ∂W_k = G_kᵀ·A_{k−1} (+ the tangents'
 * terms), ∂b_k = Σ_rows G_k, and passes G_k·W_k down, as {@link Mlp#backward} does for one input (the same
 * derivatives, σ'' included; the sums in another order, so equal to rounding).
 *
 * <p>Row r of every matrix belongs to input r; all matrices row-major, rows × width. The arrays are allocated once
 * for a number of rows; forward and backward allocate nothing else. Results do not depend on the pool's thread
 * count. Not thread-safe (one batch per caller).
 */
public final class MlpBatch {
    /** Elements per parallel chunk of the activations. */
    private static final int GRAIN = 8192;

    private final Mlp net;
    private final int rows, tangents, layers;
    private final int[] w;
    private final double[][] a, d1, d2, ga;
    private final double[][][] da, dz, gda;
    private final double[][] wt;
    private final double[] z, gz, gzT;
    private final double[][] gdz;

    /**
     * @param net the network (its layout)
     * @param rows inputs per batch (≥ 1)
     * @param tangents leading inputs to differentiate by, 0..inputs
     */
    public MlpBatch(Mlp net, int rows, int tangents) {
        if (rows < 1 || tangents < 0 || tangents > net.inputs()) {
            throw new IllegalArgumentException("a batch needs rows >= 1 and tangents in 0.." + net.inputs() + "; got "
                    + rows + ", " + tangents);
        }
        this.net = net;
        this.rows = rows;
        this.tangents = tangents;
        w = net.widths();
        layers = w.length - 1;
        int max = Arrays.stream(w).max().orElseThrow();
        if ((long) rows * max > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + rows + " rows of width " + max + " exceeds a Java "
                    + "array (2^31 elements)");
        }
        a = new double[layers + 1][];
        d1 = new double[layers + 1][];
        d2 = new double[layers + 1][];
        ga = new double[layers + 1][];
        da = new double[layers + 1][tangents][];
        dz = new double[layers + 1][tangents][];
        gda = new double[layers + 1][tangents][];
        wt = new double[layers + 1][];
        for (int k = 0; k <= layers; k++) {
            a[k] = new double[rows * w[k]];
            ga[k] = new double[rows * w[k]];
            for (int t = 0; t < tangents; t++) {
                da[k][t] = new double[rows * w[k]];
                gda[k][t] = new double[rows * w[k]];
            }
            if (k > 0) {
                d1[k] = new double[rows * w[k]];
                d2[k] = tangents > 0 ? new double[rows * w[k]] : null;
                wt[k] = new double[w[k - 1] * w[k]];
                for (int t = 0; t < tangents; t++) {
                    dz[k][t] = new double[rows * w[k]];
                }
            }
        }
        for (int t = 0; t < tangents; t++) {
            for (int r = 0; r < rows; r++) {
                da[0][t][r * w[0] + t] = 1; // the input tangents: unit vectors of the leading inputs
            }
        }
        z = new double[rows * max];
        gz = new double[rows * max];
        gzT = new double[rows * max];
        gdz = new double[tangents][rows * max];
    }

    /**
     * The memory a batch holds, for estimates before large allocations.
     *
     * @param widths the network's layer widths
     * @param rows inputs per batch
     * @param tangents tangents
     * @return bytes
     */
    public static double bytes(int[] widths, int rows, int tangents) {
        double doubles = 0;
        int max = 0;
        for (int k = 0; k < widths.length; k++) {
            max = Math.max(max, widths[k]);
            // a, ga, and per tangent da, gda; past the input also d1, d2, dz and Wᵀ
            doubles += (double) rows * widths[k] * (2 + 2 * tangents + (k > 0 ? 2 + tangents : 0));
            doubles += k > 0 ? (double) widths[k - 1] * widths[k] : 0;
        }
        return 8 * (doubles + (double) rows * max * (3 + tangents));
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the inputs to fill before {@link #forward}, rows × inputs (live array) */
    public double[] input() {
        return a[0];
    }

    /** @return the outputs of the last forward pass, rows × outputs (live array) */
    public double[] output() {
        return a[layers];
    }

    /**
     * @param t tangent index
     * @return ∂output/∂input_t of the last forward pass, rows × outputs (live array)
     */
    public double[] outputTangent(int t) {
        return da[layers][t];
    }

    /** @return the array to fill with ∂loss/∂output before {@link #backward}, rows × outputs (consumed) */
    public double[] outputGradient() {
        return ga[layers];
    }

    /**
     * @param t tangent index
     * @return the array to fill with ∂loss/∂(output tangent t) before {@link #backward}, rows × outputs (consumed)
     */
    public double[] outputTangentGradient(int t) {
        return gda[layers][t];
    }

    /**
     * Evaluates the network and its tangents on every row of {@link #input()}.
     *
     * @param params parameters (the network's layout)
     * @param pool threads
     */
    public void forward(double[] params, WorkerPool pool) {
        for (int k = 1; k <= layers; k++) {
            int in = w[k - 1], out = w[k], wOff = net.weightOffset(k), bOff = net.biasOffset(k);
            Gemm.transpose(out, in, params, wOff, in, wt[k]);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(params, bOff, z, r * out, out);
            }
            Gemm.multiply(rows, out, in, a[k - 1], 0, in, wt[k], 0, out, z, 0, out, true, pool);
            for (int t = 0; t < tangents; t++) {
                Gemm.multiply(rows, out, in, da[k - 1][t], 0, in, wt[k], 0, out, dz[k][t], 0, out, false, pool);
            }
            Activation act = net.activation(k);
            double[] ak = a[k], d1k = d1[k], d2k = d2[k];
            double[][] dak = da[k], dzk = dz[k];
            int n = rows * out;
            pool.forRange(n, GRAIN, (from, to) -> {
                act.apply(z, ak, d1k, d2k, from, to);
                for (int t = 0; t < tangents; t++) {
                    double[] dst = dak[t], src = dzk[t];
                    for (int i = from; i < to; i++) {
                        dst[i] = d1k[i] * src[i];
                    }
                }
            });
        }
    }

    /**
     * Back-propagates from the last {@link #forward}: adds ∂loss/∂parameters to grad, given ∂loss/∂output and
     * ∂loss/∂(output tangents) in {@link #outputGradient()} and {@link #outputTangentGradient}.
     *
     * @param params parameters (as in the forward call)
     * @param grad gradient, the parameters' layout; added to
     * @param pool threads
     */
    public void backward(double[] params, double[] grad, WorkerPool pool) {
        for (int k = layers; k >= 1; k--) {
            int in = w[k - 1], out = w[k], wOff = net.weightOffset(k), bOff = net.biasOffset(k), n = rows * out;
            double[] gak = ga[k], d1k = d1[k], d2k = d2[k];
            double[][] gdak = gda[k], dzk = dz[k];
            pool.forRange(n, GRAIN, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double g = d1k[i] * gak[i];
                    for (int t = 0; t < tangents; t++) {
                        g += d2k[i] * dzk[t][i] * gdak[t][i];
                        gdz[t][i] = d1k[i] * gdak[t][i];
                    }
                    gz[i] = g;
                }
            });
            // ∂W (out × in) += Gᵀ·A_{k−1} + Σ_t dGᵀ·dA_{k−1}
            Gemm.transpose(rows, out, gz, 0, out, gzT);
            Gemm.multiply(out, in, rows, gzT, 0, rows, a[k - 1], 0, in, grad, wOff, in, true, pool);
            for (int t = 0; t < tangents; t++) {
                Gemm.transpose(rows, out, gdz[t], 0, out, gzT);
                Gemm.multiply(out, in, rows, gzT, 0, rows, da[k - 1][t], 0, in, grad, wOff, in, true, pool);
            }
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < out; i++) {
                    grad[bOff + i] += gz[r * out + i];
                }
            }
            if (k > 1) {
                Gemm.multiply(rows, in, out, gz, 0, out, params, wOff, in, ga[k - 1], 0, in, false, pool);
                for (int t = 0; t < tangents; t++) {
                    Gemm.multiply(rows, in, out, gdz[t], 0, out, params, wOff, in, gda[k - 1][t], 0, in, false, pool);
                }
            }
        }
    }
}
