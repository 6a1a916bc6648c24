package org.hypermag.integrators;

import org.hypermag.solver.VectorField;

/**
 * A stepper that can give the state inside its last accepted step, for outputs by dense interpolation
 * ({@link TimeEvolution#runDense}): {@link RungeKuttaStepper} on the CPU, the device's stepper.
 */
public interface DenseStepper extends Stepper {
    /** @return whether {@link #interpolate} can give the state inside the last step (after an accepted step) */
    boolean canInterpolate();

    /**
     * The state at t + θ·dt inside the last accepted step [t, t + dt], renormalised.
     *
     * @param theta θ in [0, 1]
     * @param out receives the state
     */
    void interpolate(double theta, VectorField out);

    /** @return the step the controller proposes next (s), NaN before the first step */
    double proposedStep();

    /**
     * @return the step controller's memory ({@link StepControl#memory} of the last accepted step's error, rad), NaN
     *     before the first step: with {@link #proposedStep()} what a checkpoint keeps so that a resumed run takes the
     *     same steps
     */
    double controllerMemory();

    /** @param error the controller's memory, as {@link #controllerMemory()} gave it (NaN: none) */
    void setControllerMemory(double error);

    /**
     * Dormand–Prince's continuous extension (Hairer, Nørsett and Wanner, Solving ODEs I, §II.6, dopri5's contd5): the
     * coefficients of its fifth term on the stages 1, 3, 4, 5, 6, 7, declared once for both steppers.
     *
     * @return {d1, d3, d4, d5, d6, d7} (a copy)
     */
    static double[] dormandPrinceDense() {
        return new double[] {-12715105075.0 / 11282082432.0, 87487479700.0 / 32700410799.0,
                -10690763975.0 / 1880347072.0, 701980252875.0 / 199316789632.0, -1453857185.0 / 822651844.0,
                69997945.0 / 29380423.0};
    }
}
