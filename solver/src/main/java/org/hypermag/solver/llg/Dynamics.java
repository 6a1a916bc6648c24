package org.hypermag.solver.llg;

import org.hypermag.solver.VectorField;

/**
 * The right-hand side dm/dt = f(t, m) of the magnetisation dynamics of N unit vectors, as the integrators see it.
 */
public interface Dynamics {

    /** @return the number of domains */
    int size();

    /**
     * Computes dm/dt (overwrites {@code dmdt}); allocates nothing.
     *
     * @param t time (s)
     * @param m magnetisation (unit vectors up to the integrator's rounding); not modified
     * @param dmdt receives dm/dt (1/s)
     */
    void derivative(double t, VectorField m, VectorField dmdt);
}
