package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;

/**
 * One contribution to the effective field, H_eff = Σ terms (A/m), and its energy (J).
 *
 * <p>A term adds its field into a caller-owned buffer and allocates nothing per call. It is not thread-safe unless
 * it says so. A term that draws something once per time step (a stochastic field) also implements
 * {@link org.hypermag.solver.llg.StepAware}.
 */
public interface FieldTerm {

    /** @return what kind of term this is: its name, energy column and parameters */
    FieldTermType type();

    /** @return the term's name, {@code type().name()} */
    default String name() {
        return type().name();
    }

    /**
     * Adds this term's field at time t to {@code h}.
     *
     * @param t time (s)
     * @param m unit magnetisation of each domain; not modified
     * @param h receives the field (A/m), added to its contents
     */
    void addField(double t, VectorField m, VectorField h);

    /**
     * Whether this is a long-range term: the demagnetising field, whose every value depends on every domain and whose
     * evaluation costs many times the local terms'. A partitioned integrator evaluates the long-range terms on fewer
     * stages than the local ones ({@link EffectiveField#computeSplit}).
     *
     * @return true for the demagnetising field, false (the default) for a term computed from each domain and its
     *     neighbours
     */
    default boolean isLongRange() {
        return false;
    }

    /**
     * The energy of the state.
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param ownField this term's field at (t, m), as {@link #addField} adds it to a zeroed buffer
     * @return the energy (J)
     */
    double energy(double t, VectorField m, VectorField ownField);

    /**
     * The energy density of each domain, consistent with {@link #energy}: Σ_i density_i V_i = energy.
     *
     * @param t time (s)
     * @param m unit magnetisation
     * @param ownField this term's field at (t, m)
     * @param density receives the energy density of each domain (J/m³), overwritten
     */
    void energyDensity(double t, VectorField m, VectorField ownField, double[] density);
}
