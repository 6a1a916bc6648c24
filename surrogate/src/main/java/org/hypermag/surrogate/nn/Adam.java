package org.hypermag.surrogate.nn;

import java.util.Arrays;

/**
 * The Adam optimiser (Kingma &amp; Ba 2014) over a flat parameter array, with bias-corrected moments. Holds its
 * moment arrays; allocates nothing per step. Not thread-safe.
 */
public final class Adam {
    private final double beta1, beta2, epsilon;
    private final double[] m, v;
    private long steps;

    /**
     * @param parameters number of parameters, ≥ 1
     * @param beta1 first-moment decay, in [0, 1) (0.9 usual)
     * @param beta2 second-moment decay, in [0, 1) (0.999 usual)
     * @param epsilon denominator guard, &gt; 0 (1e-8 usual)
     */
    public Adam(int parameters, double beta1, double beta2, double epsilon) {
        if (parameters < 1 || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs parameters >= 1, beta1 and beta2 in [0, 1), epsilon > 0; "
                    + "got " + parameters + ", " + beta1 + ", " + beta2 + ", " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        m = new double[parameters];
        v = new double[parameters];
    }

    /** @param parameters number of parameters; β₁ = 0.9, β₂ = 0.999, ε = 1e-8 */
    public Adam(int parameters) {
        this(parameters, 0.9, 0.999, 1e-8);
    }

    /** Forgets the moments and the step count (a fresh optimiser, as at each stage of a step-wise schedule). */
    public void reset() {
        Arrays.fill(m, 0);
        Arrays.fill(v, 0);
        steps = 0;
    }

    /**
     * One update p ← p − lr·m̂/(√v̂ + ε).
     *
     * @param params parameters, modified
     * @param grad gradient of the loss (same length), not modified
     * @param learningRate step size, &gt; 0
     */
    public void step(double[] params, double[] grad, double learningRate) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps), c2 = 1 - Math.pow(beta2, steps);
        double lr = learningRate / c1, s2 = 1 / Math.sqrt(c2);
        for (int i = 0; i < m.length; i++) {
            double g = grad[i];
            double mi = beta1 * m[i] + (1 - beta1) * g;
            double vi = beta2 * v[i] + (1 - beta2) * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] -= lr * mi / (Math.sqrt(vi) * s2 + epsilon);
        }
    }
}
