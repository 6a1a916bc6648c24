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
     * Sets the step the controller proposes next, e.g. when continuing from a checkpoint.
     *
     * @param dt the step (s); NaN lets the stepper choose its first step
     */
    void setProposedStep(double dt);

    /** @return the accepted steps so far */
    long acceptedSteps();

    /** @return the rejected step attempts so far */
    long rejectedSteps();

    /**
     * @return the evaluations of the whole dm/dt so far (for a partitioned method, those with the demag; its local
     *     evaluations are counted apart)
     */
    long evaluations();

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

    /**
     * The weights of the cubic Hermite interpolant on a step of length h: the value at θ ∈ [0, 1] is
     * w[0]·y0 + w[1]·y0' + w[2]·y1 + w[3]·y1', from the ends' values y and derivatives y' (per unit time).
     *
     * @param theta the fraction of the step
     * @param h the step's length (the derivatives' time unit)
     * @param w receives the four weights
     */
    static void hermiteWeights(double theta, double h, double[] w) {
        double t2 = theta * theta, t3 = t2 * theta;
        w[0] = 2 * t3 - 3 * t2 + 1;
        w[1] = (t3 - 2 * t2 + theta) * h;
        w[2] = 3 * t2 - 2 * t3;
        w[3] = (t3 - t2) * h;
    }

    /**
     * The cubic Hermite interpolant of a step at θ (not renormalised): out = w₀ y0 + w₁ y0' + w₂ y1 + w₃ y1' with
     * the weights of {@link #hermiteWeights}; allocates nothing.
     *
     * @param theta the fraction of the step, in [0, 1]
     * @param h the step's length (s)
     * @param y0 the state at the step's start
     * @param d0 dm/dt there (1/s)
     * @param y1 the state at the step's end
     * @param d1 dm/dt there (1/s)
     * @param w scratch for the four weights
     * @param out receives the interpolated vectors
     */
    static void hermite(double theta, double h, VectorField y0, VectorField d0, VectorField y1, VectorField d1,
                        double[] w, VectorField out) {
        hermiteWeights(theta, h, w);
        double h00 = w[0], h10 = w[1], h01 = w[2], h11 = w[3];
        for (int c = 0; c < 3; c++) {
            double[] p0 = c == 0 ? y0.x : c == 1 ? y0.y : y0.z, q0 = c == 0 ? d0.x : c == 1 ? d0.y : d0.z;
            double[] p1 = c == 0 ? y1.x : c == 1 ? y1.y : y1.z, q1 = c == 0 ? d1.x : c == 1 ? d1.y : d1.z;
            double[] q = c == 0 ? out.x : c == 1 ? out.y : out.z;
            for (int i = 0; i < q.length; i++) {
                q[i] = h00 * p0[i] + h10 * q0[i] + h01 * p1[i] + h11 * q1[i];
            }
        }
    }
}
