package org.hypermag.solver.llg;

import org.hypermag.solver.VectorField;

/**
 * A contribution to dm/dt that is not an effective field: spin-transfer and spin-orbit torques enter the LLG
 * equation this way. A torque adds into a caller-owned buffer and allocates nothing per call; it keeps |m| = 1 by
 * being perpendicular to m (the stepper renormalises after each step regardless). One that must know the step also
 * implements {@link StepAware}.
 */
public interface Torque {

    /** @return what kind of torque this is: its name and parameters */
    TorqueType type();

    /**
     * Adds this torque's dm/dt to {@code dmdt}.
     *
     * @param t time (s)
     * @param m unit magnetisation; not modified
     * @param heff the effective field at (t, m) (A/m); not modified
     * @param dmdt receives the torque's dm/dt (1/s), added to its contents
     */
    void addTorque(double t, VectorField m, VectorField heff, VectorField dmdt);
}
