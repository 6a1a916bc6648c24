package org.hypermag.surrogate.nn;

/**
 * What {@link Trainer} minimises: a mean loss over indexed training examples, with its parameter gradient, and a
 * loss on a held-out set for early stopping. Implementations keep per-thread scratch indexed by {@code thread}
 * (0 ≤ thread &lt; the trainer's thread count) and must not allocate per example.
 */
public interface Objective {
    /** @return the number of parameters */
    int parameterCount();

    /** @return the number of training examples */
    int examples();

    /**
     * Adds the loss and its gradient summed over the examples {@code order[from..to)}.
     *
     * @param params parameters (read only)
     * @param order example indices
     * @param from first position in order
     * @param to end position in order (exclusive)
     * @param grad gradient accumulator owned by this thread, added to
     * @param thread index of the calling thread's scratch
     * @return the summed loss of those examples
     */
    double lossAndGradient(double[] params, int[] order, int from, int to, double[] grad, int thread);

    /**
     * The mean loss on the held-out set (used for early stopping; the same loss as in training).
     *
     * @param params parameters
     * @return mean loss per example
     */
    double validationLoss(double[] params);
}
