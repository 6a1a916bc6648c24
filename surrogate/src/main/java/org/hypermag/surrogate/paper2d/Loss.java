package org.hypermag.surrogate.paper2d;

/** A training loss over one data set and its gradient: what {@link AdamTraining} minimises, one call per step. */
@FunctionalInterface
public interface Loss {
    /**
     * @param p parameters
     * @param grad receives the gradient (replaced)
     * @return the loss
     */
    double value(double[] p, double[] grad);
}
