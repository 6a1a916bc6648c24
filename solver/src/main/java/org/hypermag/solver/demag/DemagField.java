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

    /** @return the number of sources: the length of the magnetisation {@link #addField} takes */
    int sources();

    /**
     * @return the number of targets: the length of the field {@link #addField} adds to; for the field among domains
     *     (every method the simulation uses) equal to {@link #sources()}
     */
    int targets();

    /**
     * Adds the demagnetising field of all sources, at every target, to {@code h}.
     *
     * @param magnetisation M of each source (A/m), size {@link #sources()}; not modified
     * @param h receives H_demag (A/m) added to its current contents, size {@link #targets()}
     * @throws IllegalArgumentException if a size differs
     */
    void addField(VectorField magnetisation, VectorField h);

    /** @return a one-line description of the method and its settings, for logs and output metadata */
    String describe();

    /** @return where it really runs: {@code cpu}, or the OpenCL device it runs on (for run.h5's {@code device}) */
    default String device() {
        return "cpu";
    }

    /**
     * The CPU evaluation of the same field, in double precision, where this one is a device copy that keeps it
     * (itself otherwise): what an energy minimisation uses, whose stopping torque (0.1 A/m and less) lies below the
     * rounding of a single-precision device field (about 1e-7 of |H|, 0.1–0.3 A/m in permalloy).
     *
     * @return the reference field
     */
    default DemagField reference() {
        return this;
    }
}
