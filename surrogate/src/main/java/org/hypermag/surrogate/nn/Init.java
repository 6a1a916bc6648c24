package org.hypermag.surrogate.nn;

import java.util.Locale;
import java.util.SplittableRandom;

/** How an {@link Mlp}'s parameters start. */
public enum Init {
    /**
     * Every weight and bias of a layer uniform in ±1/√n_in, n_in the layer's inputs: equinox's {@code eqx.nn.Linear}
     * (and PyTorch's {@code nn.Linear}), so the seed paper's authors' code.
     */
    FAN_IN("fan-in", "weights and biases uniform in +-1/sqrt(fan-in), as equinox"),
    /** Weights uniform in ±√(6/(n_in + n_out)) (Glorot), biases zero. */
    GLOROT("glorot", "Glorot-uniform weights, zero biases");

    private final String key;
    private final String description;

    Init(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** @return the name on the command line ({@code fan-in}, {@code glorot}) */
    public String key() {
        return key;
    }

    /** @return a short description for reports and model files */
    public String description() {
        return description;
    }

    /**
     * @param key a {@link #key()}, any case
     * @return the initialisation, or null for an unknown key
     */
    public static Init of(String key) {
        for (Init i : values()) {
            if (i.key.equals(key.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return null;
    }

    /**
     * Draws a network's parameters.
     *
     * @param net the network
     * @param params parameter array, modified in the network's range
     * @param random the source of randomness (advanced)
     */
    public void apply(Mlp net, double[] params, SplittableRandom random) {
        if (this == GLOROT) {
            net.initialise(params, random);
        } else {
            net.initialiseFanIn(params, random);
        }
    }
}
