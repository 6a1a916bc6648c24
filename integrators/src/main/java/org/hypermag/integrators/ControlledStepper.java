package org.hypermag.integrators;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.llg.Dynamics;

/**
 * What the explicit steppers share ({@link RungeKuttaStepper}, {@link PartitionedStepper}): the equation and the state
 * they advance, the step's settings (an adaptive tolerance or a fixed step), the controller's proposal and memory,
 * the counts, and the length of the last accepted step while it can be interpolated.
 */
abstract class ControlledStepper implements DenseStepper {
    final Dynamics f;
    final VectorField m;
    /** Error tolerance per step (rad); NaN for a fixed step. */
    final double tolerance;
    /** Smallest adaptive step (s). */
    final double minStep;
    /** Largest step (s). */
    final double maxStep;
    /** The fixed step (s); NaN for an adaptive one. */
    final double fixedStep;
    /** The step the controller proposes next (s), NaN before the first. */
    double nextStep = Double.NaN;
    /** The PI controller's memory: the last accepted step's error estimate (rad), NaN before the first. */
    double previousError = Double.NaN;
    /** The last accepted step (s), while its stages are kept for dense output; NaN otherwise. */
    double denseStep = Double.NaN;
    double lastError;
    long evaluations;
    long acceptedSteps;
    long rejected;

    ControlledStepper(Dynamics f, VectorField m, double tolerance, double minStep, double maxStep, double fixedStep) {
        if (m.size() != f.size()) {
            throw new IllegalArgumentException("state has " + m.size() + " domains, the equation " + f.size());
        }
        this.f = f;
        this.m = m;
        this.tolerance = tolerance;
        this.minStep = minStep;
        this.maxStep = maxStep;
        this.fixedStep = fixedStep;
    }

    /** Refuses adaptive settings outside their ranges: tolerance finite and &gt; 0 (rad), maxStep &gt; 0 (s). */
    static void checkAdaptive(double tolerance, double maxStep) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number > 0, got " + tolerance);
        }
        if (!(maxStep > 0)) {
            throw new IllegalArgumentException("maximum step must be > 0 s, got " + maxStep);
        }
    }

    /** Refuses a fixed step that is not finite and &gt; 0 (s). */
    static void checkFixed(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("time step must be a finite number > 0 s, got " + step);
        }
    }

    /** Refuses a step limit that is not &gt; 0 (s). */
    static void checkLimit(double dtLimit) {
        if (!(dtLimit > 0)) {
            throw new IllegalArgumentException("step limit must be > 0 s, got " + dtLimit);
        }
    }

    final boolean isAdaptive() {
        return !Double.isNaN(tolerance);
    }

    /** @return the error estimate of the last accepted step (rad), or 0 for a fixed step */
    public double lastError() {
        return lastError;
    }

    @Override
    public long evaluations() {
        return evaluations;
    }

    @Override
    public long rejectedSteps() {
        return rejected;
    }

    @Override
    public long acceptedSteps() {
        return acceptedSteps;
    }

    @Override
    public double proposedStep() {
        return nextStep;
    }

    @Override
    public void setProposedStep(double dt) {
        nextStep = dt;
    }

    @Override
    public double controllerMemory() {
        return previousError;
    }

    @Override
    public void setControllerMemory(double error) {
        previousError = error;
    }

    @Override
    public boolean canInterpolate() {
        return !Double.isNaN(denseStep);
    }
}
