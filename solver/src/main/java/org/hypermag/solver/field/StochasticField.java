package org.hypermag.solver.field;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.llg.StepAware;

/**
 * A random field drawn once per step attempt and held during its stages (the thermal field). The LLG equation adds
 * its torque apart from the deterministic terms ({@link org.hypermag.solver.llg.Dynamics#addStochastic}), so a
 * stepper can give a step a new random field without evaluating the deterministic terms again; outputs see it as
 * part of H_eff like any term.
 */
public interface StochasticField extends FieldTerm, StepAware {

    /** @return whether the current stage can draw anything (false: the term is off, the dynamics deterministic) */
    boolean isActive();

    /** @return whether a non-zero field is drawn for the current stage's step attempt */
    boolean hasDraw();

    /** @return the field drawn for the current step attempt (A/m); meaningful only while {@link #hasDraw()} */
    VectorField drawn();
}
