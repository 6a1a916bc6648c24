package org.hypermag.solver.demag;

import org.hypermag.solver.VectorField;

/**
 * The demagnetising (stray) field of a fixed set of N domains, evaluated at the domains themselves.
 *
 * <p>Implementations: the exact direct sum ({@link DirectDemag}), the exact FFT convolution on regular grids
 * ({@link FftDemag}), and the surrogate (module {@code surrogate}). An implementation owns its work buffers and is
 * not thread-safe: one caller at a time. {@link #addField} allocates nothing.
 */
public interface DemagField {

    /** @return the number of domains N */
    int size();

    /**
     * Adds the demagnetising field of all domains, at every domain, to {@code h}.
     *
     * @param magnetisation M of each domain (A/m), size N; not modified
     * @param h receives H_demag (A/m) added to its current contents, size N
     */
    void addField(VectorField magnetisation, VectorField h);

    /** @return a one-line description of the method and its settings, for logs and output metadata */
    String describe();
}
