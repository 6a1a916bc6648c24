package org.hypermag.surrogate.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A dense multilayer perceptron over a caller-owned flat parameter array, with forward-mode tangents with respect to
 * its leading inputs and reverse-mode gradients of a loss on the outputs <em>and</em> on those tangents.
 *
 * <p>Layer k (1 ≤ k ≤ L) computes a_k = σ_k(W_k a_{k−1} + b_k), with σ_k the hidden activation for k &lt; L and the
 * output activation for k = L. W_k is stored row-major (out × in) followed by b_k, layer after layer, starting at a
 * caller-chosen offset in the parameter array; so several networks can share one array and one optimiser.
 *
 * <p>Tangents: with {@code t} tangents, the forward pass also propagates ∂a_k/∂x_j for the inputs j = 0..t−1
 * (dz_k = W_k da_{k−1}, da_k = σ'(z_k) dz_k). {@link #backward} then takes ∂loss/∂a_L and ∂loss/∂(∂a_L/∂x_j) and
 * accumulates ∂loss/∂parameters exactly (it uses σ''), which is what a loss on H = −∇φ needs.
 *
 * <p>The network object is immutable and thread-safe; all per-evaluation state lives in a {@link Workspace}, one per
 * thread, allocated once: forward and backward allocate nothing.
 */
public final class Mlp {
    private final int[] widths;
    private final Activation hidden, output;
    private final int offset;
    private final int[] wOff, bOff;
    private final int count;

    /**
     * Creates the layout.
     *
     * @param widths layer widths, input first, output last; at least 2 entries, all ≥ 1
     * @param hidden activation of the hidden layers
     * @param output activation of the output layer (usually {@link Activation#IDENTITY})
     * @param offset index of the first parameter in the parameter array, ≥ 0
     * @throws IllegalArgumentException for fewer than 2 widths, a width below 1 or a negative offset
     */
    public Mlp(int[] widths, Activation hidden, Activation output, int offset) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least 2 layer widths (input, output), got "
                    + Arrays.toString(widths));
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("layer widths must be >= 1, got " + Arrays.toString(widths));
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException("parameter offset must be >= 0, got " + offset);
        }
        this.widths = widths.clone();
        this.hidden = hidden;
        this.output = output;
        this.offset = offset;
        int layers = widths.length - 1;
        wOff = new int[layers + 1];
        bOff = new int[layers + 1];
        int p = offset;
        for (int k = 1; k <= layers; k++) {
            wOff[k] = p;
            p += widths[k] * widths[k - 1];
            bOff[k] = p;
            p += widths[k];
        }
        count = p - offset;
    }

    /** @return the number of parameters (weights and biases) */
    public int parameterCount() {
        return count;
    }

    /** @return the index after the last parameter of this network */
    public int end() {
        return offset + count;
    }

    /** @return the input width */
    public int inputs() {
        return widths[0];
    }

    /** @return the output width */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Layer k's weights' first index (1 ≤ k ≤ layers). */
    int weightOffset(int k) {
        return wOff[k];
    }

    /** Layer k's biases' first index (1 ≤ k ≤ layers). */
    int biasOffset(int k) {
        return bOff[k];
    }

    /** Layer k's activation (1 ≤ k ≤ layers). */
    Activation activation(int k) {
        return k == widths.length - 1 ? output : hidden;
    }

    /** @return a copy of the layer widths */
    public int[] widths() {
        return widths.clone();
    }

    /**
     * Initialises the weights uniformly in ±√(6/(n_in + n_out)) (Glorot) and the biases to zero.
     *
     * @param params parameter array, modified in this network's range
     * @param random the source of randomness (advanced)
     */
    public void initialise(double[] params, SplittableRandom random) {
        for (int k = 1; k < widths.length; k++) {
            double lim = Math.sqrt(6.0 / (widths[k] + widths[k - 1]));
            for (int i = wOff[k]; i < bOff[k]; i++) {
                params[i] = lim * (2 * random.nextDouble() - 1);
            }
            Arrays.fill(params, bOff[k], bOff[k] + widths[k], 0);
        }
    }

    /**
     * Initialises every weight and bias of layer k uniformly in ±1/√n_{k−1} ({@link Init#FAN_IN}: equinox's and
     * PyTorch's default for a linear layer); per layer the weights, then the biases, are drawn.
     *
     * @param params parameter array, modified in this network's range
     * @param random the source of randomness (advanced)
     */
    public void initialiseFanIn(double[] params, SplittableRandom random) {
        for (int k = 1; k < widths.length; k++) {
            double lim = 1 / Math.sqrt(widths[k - 1]);
            for (int i = wOff[k]; i < bOff[k] + widths[k]; i++) {
                params[i] = lim * (2 * random.nextDouble() - 1);
            }
        }
    }

    /**
     * Creates the per-thread state for evaluations with a given number of tangents.
     *
     * @param tangents number of leading inputs to differentiate by, 0..inputs()
     * @return a new workspace
     */
    public Workspace workspace(int tangents) {
        if (tangents < 0 || tangents > widths[0]) {
            throw new IllegalArgumentException("tangents must be in 0.." + widths[0] + ", got " + tangents);
        }
        return new Workspace(widths, tangents);
    }

    /**
     * Evaluates the network and the tangents the workspace was made for. Results: {@link Workspace#output()} and
     * {@link Workspace#outputTangent(int)}.
     *
     * @param params parameters
     * @param x input array
     * @param xOff index of the first input in x
     * @param ws workspace of this network
     */
    public void forward(double[] params, double[] x, int xOff, Workspace ws) {
        int layers = widths.length - 1, nt = ws.tangents;
        System.arraycopy(x, xOff, ws.a[0], 0, widths[0]);
        for (int k = 1; k <= layers; k++) {
            int nIn = widths[k - 1], nOut = widths[k];
            double[] aIn = ws.a[k - 1], z = ws.z[k];
            double[][] daIn = ws.da[k - 1], dz = ws.dz[k];
            int w = wOff[k], b = bOff[k];
            for (int i = 0; i < nOut; i++) {
                double s = params[b + i];
                int row = w + i * nIn;
                for (int j = 0; j < nIn; j++) {
                    s += params[row + j] * aIn[j];
                }
                z[i] = s;
                for (int t = 0; t < nt; t++) {
                    double[] d = daIn[t];
                    double st = 0;
                    for (int j = 0; j < nIn; j++) {
                        st += params[row + j] * d[j];
                    }
                    dz[t][i] = st;
                }
            }
            Activation act = k == layers ? output : hidden;
            act.apply(z, ws.a[k], ws.d1[k], nt > 0 ? ws.d2[k] : null, nOut);
            double[] d1 = ws.d1[k];
            for (int t = 0; t < nt; t++) {
                double[] dzt = dz[t], dat = ws.da[k][t];
                for (int i = 0; i < nOut; i++) {
                    dat[i] = d1[i] * dzt[i];
                }
            }
        }
    }

    /**
     * Back-propagates from the last {@link #forward} call of this workspace: given ∂loss/∂output (in
     * {@link Workspace#outputGradient()}) and ∂loss/∂(output tangent j) (in {@link Workspace#outputTangentGradient}),
     * adds ∂loss/∂parameters to {@code grad}. The input gradient is left in {@link Workspace#inputGradient()}.
     * The output gradients are consumed (overwritten).
     *
     * @param params parameters (as in the forward call)
     * @param ws workspace holding the forward state and the output gradients
     * @param grad gradient array, same layout as params; added to
     */
    public void backward(double[] params, Workspace ws, double[] grad) {
        int layers = widths.length - 1, nt = ws.tangents;
        for (int k = layers; k >= 1; k--) {
            int nIn = widths[k - 1], nOut = widths[k];
            double[] ga = ws.ga[k], gz = ws.gz, d1 = ws.d1[k], d2 = ws.d2[k];
            double[][] gda = ws.gda[k], gdz = ws.gdz, dz = ws.dz[k];
            for (int i = 0; i < nOut; i++) {
                double g = d1[i] * ga[i];
                for (int t = 0; t < nt; t++) {
                    g += d2[i] * dz[t][i] * gda[t][i];
                    gdz[t][i] = d1[i] * gda[t][i];
                }
                gz[i] = g;
            }
            double[] aIn = ws.a[k - 1], gaIn = ws.ga[k - 1];
            double[][] daIn = ws.da[k - 1], gdaIn = ws.gda[k - 1];
            Arrays.fill(gaIn, 0, nIn, 0);
            for (int t = 0; t < nt; t++) {
                Arrays.fill(gdaIn[t], 0, nIn, 0);
            }
            int w = wOff[k], b = bOff[k];
            for (int i = 0; i < nOut; i++) {
                double g = gz[i];
                grad[b + i] += g;
                int row = w + i * nIn;
                for (int j = 0; j < nIn; j++) {
                    grad[row + j] += g * aIn[j];
                    gaIn[j] += params[row + j] * g;
                }
                for (int t = 0; t < nt; t++) {
                    double gt = gdz[t][i];
                    if (gt == 0) {
                        continue;
                    }
                    double[] d = daIn[t], gd = gdaIn[t];
                    for (int j = 0; j < nIn; j++) {
                        grad[row + j] += gt * d[j];
                        gd[j] += params[row + j] * gt;
                    }
                }
            }
        }
    }

    /** Per-thread evaluation state of one network. Not thread-safe. */
    public static final class Workspace {
        final int tangents;
        final double[][] a, z, d1, d2, ga;
        final double[][][] da, dz, gda;
        final double[] gz;
        final double[][] gdz;

        Workspace(int[] widths, int tangents) {
            int n = widths.length;
            this.tangents = tangents;
            a = new double[n][];
            z = new double[n][];
            d1 = new double[n][];
            d2 = new double[n][];
            ga = new double[n][];
            da = new double[n][tangents][];
            dz = new double[n][tangents][];
            gda = new double[n][tangents][];
            int max = 0;
            for (int k = 0; k < n; k++) {
                int w = widths[k];
                max = Math.max(max, w);
                a[k] = new double[w];
                z[k] = new double[w];
                d1[k] = new double[w];
                d2[k] = new double[w];
                ga[k] = new double[w];
                for (int t = 0; t < tangents; t++) {
                    da[k][t] = new double[w];
                    dz[k][t] = new double[w];
                    gda[k][t] = new double[w];
                }
            }
            for (int t = 0; t < tangents; t++) {
                da[0][t][t] = 1; // input tangents are the unit vectors of the leading inputs
            }
            gz = new double[max];
            gdz = new double[tangents][max];
        }

        /** @return the output values of the last forward pass (live array, do not modify) */
        public double[] output() {
            return a[a.length - 1];
        }

        /**
         * @param t tangent index
         * @return ∂output/∂x_t of the last forward pass (live array, do not modify)
         */
        public double[] outputTangent(int t) {
            return da[da.length - 1][t];
        }

        /** @return the array to fill with ∂loss/∂output before {@link Mlp#backward} */
        public double[] outputGradient() {
            return ga[ga.length - 1];
        }

        /**
         * @param t tangent index
         * @return the array to fill with ∂loss/∂(∂output/∂x_t) before {@link Mlp#backward}
         */
        public double[] outputTangentGradient(int t) {
            return gda[gda.length - 1][t];
        }

        /** @return ∂loss/∂input after {@link Mlp#backward} (tangent terms included) */
        public double[] inputGradient() {
            return ga[0];
        }
    }
}
