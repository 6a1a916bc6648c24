package org.hypermag.surrogate.nn;

/**
 * Element-wise activation functions with their first and second derivatives (the second is needed to differentiate
 * a loss on input derivatives with respect to the parameters).
 */
public enum Activation {
    /** σ(z) = z. */
    IDENTITY,
    /** σ(z) = tanh z. */
    TANH,
    /** σ(z) = z / (1 + e^{−z}) (SiLU, swish). */
    SILU,
    /** GELU, tanh approximation: σ(z) = z/2 · (1 + tanh(√(2/π)(z + 0.044715 z³))). */
    GELU;

    private static final double GELU_C = Math.sqrt(2 / Math.PI), GELU_A = 0.044715;

    /**
     * Applies the function to z[from..to) and stores σ, σ' and σ'' (any of d1, d2 may be null).
     *
     * @param z pre-activations
     * @param a receives σ(z)
     * @param d1 receives σ'(z), or null
     * @param d2 receives σ''(z), or null
     * @param n number of elements, from index 0
     */
    void apply(double[] z, double[] a, double[] d1, double[] d2, int n) {
        apply(z, a, d1, d2, 0, n);
    }

    /** As {@link #apply(double[], double[], double[], double[], int)}, on the elements [from, to). */
    void apply(double[] z, double[] a, double[] d1, double[] d2, int from, int to) {
        switch (this) {
            case IDENTITY -> {
                for (int i = from; i < to; i++) {
                    a[i] = z[i];
                    if (d1 != null) {
                        d1[i] = 1;
                    }
                    if (d2 != null) {
                        d2[i] = 0;
                    }
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    double t = Math.tanh(z[i]);
                    a[i] = t;
                    double s = 1 - t * t;
                    if (d1 != null) {
                        d1[i] = s;
                    }
                    if (d2 != null) {
                        d2[i] = -2 * t * s;
                    }
                }
            }
            case SILU -> {
                for (int i = from; i < to; i++) {
                    double x = z[i];
                    double s = 1 / (1 + Math.exp(-x));
                    a[i] = x * s;
                    double ds = s * (1 - s);
                    if (d1 != null) {
                        d1[i] = s + x * ds;
                    }
                    if (d2 != null) {
                        d2[i] = ds * (2 + x * (1 - 2 * s));
                    }
                }
            }
            case GELU -> {
                for (int i = from; i < to; i++) {
                    double x = z[i];
                    double u = GELU_C * (x + GELU_A * x * x * x);
                    double du = GELU_C * (1 + 3 * GELU_A * x * x), ddu = GELU_C * 6 * GELU_A * x;
                    double t = Math.tanh(u), s = 1 - t * t;
                    a[i] = 0.5 * x * (1 + t);
                    if (d1 != null) {
                        d1[i] = 0.5 * (1 + t) + 0.5 * x * s * du;
                    }
                    if (d2 != null) {
                        d2[i] = s * du + 0.5 * x * (-2 * t * s * du * du + s * ddu);
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    /**
     * Looks an activation up by its lower-case name.
     *
     * @param name identity, tanh, silu or gelu
     * @return the activation
     * @throws IllegalArgumentException for another name
     */
    public static Activation byName(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be one of identity, tanh, silu, gelu; got '" + name + "'");
    }
}
