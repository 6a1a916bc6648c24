package org.hypermag.scenarios.sim;

import org.hypermag.integrators.DenseStepper;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.EnergyRates;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.llg.LlgEquation;

/**
 * Table rows inside a step without another field evaluation: a {@link DenseStepper} that, after every accepted
 * step, records each term's energy and its rate at the step's end from the field the step's last evaluation left
 * ({@link EnergyRates}: the local terms again, the demag as the remainder) and the largest torque there. A row at
 * time t inside the last step takes each energy from the cubic Hermite interpolant of the two ends (values and
 * rates; third order in the step, as the interpolated m the row reports) and the largest torque by linear
 * interpolation. Where the applied field changes within the step (a ramp, a sinusoid) the row is computed from the
 * interpolated state instead ({@link #energiesAt} answers NaN). Costs, per step, the local terms once and a few passes
 * over the domains, where a computed row costs a whole field evaluation.
 */
final class RowInterpolation implements DenseStepper {
    private final DenseStepper inner;
    private final LlgEquation llg;
    private final VectorField m;
    private final EnergyRates rates;
    private final StageDrive drive;
    private final VectorField dmdt;
    private final double[] fieldA = new double[3], fieldB = new double[3], fieldMid = new double[3];
    private final double[] hermite = new double[4];
    private double ta = Double.NaN, tb = Double.NaN;
    private double torqueA, torqueB;
    private double[] energyA, rateA, energyB, rateB;

    /**
     * @param inner the stepper (an adaptive Runge–Kutta stepper of {@code llg} on the deterministic equation)
     * @param llg its equation, whose last evaluation is at the step's end after every accepted step
     * @param m the state the stepper advances
     * @param rates the energies and rates of the equation's field
     * @param drive the stage's drive (its applied field must be the same at both ends of a step and between)
     */
    RowInterpolation(DenseStepper inner, LlgEquation llg, VectorField m, EnergyRates rates, StageDrive drive) {
        this.inner = inner;
        this.llg = llg;
        this.m = m;
        this.rates = rates;
        this.drive = drive;
        dmdt = new VectorField(m.size());
        int n = rates.terms();
        energyA = new double[n];
        rateA = new double[n];
        energyB = new double[n];
        rateB = new double[n];
    }

    /**
     * Records the start of the run (one field evaluation), so that rows in the first step are interpolated too and
     * a run continued from a checkpoint writes the rows of an uninterrupted one.
     *
     * @param t the current time (s)
     */
    void start(double t) {
        llg.derivative(t, m, dmdt);
        tb = Double.NaN;
        record(t);
    }

    @Override
    public double step(double t, double dtLimit) {
        double dt = inner.step(t, dtLimit);
        record(t + dt);
        return dt;
    }

    /** The end values at (t, m) from the equation's last field, which is at this state; the old end becomes the start. */
    private void record(double t) {
        double[] e = energyA, r = rateA;
        energyA = energyB;
        rateA = rateB;
        energyB = e;
        rateB = r;
        ta = tb;
        torqueA = torqueB;
        tb = t;
        llg.derivativeFromLastField(t, m, dmdt);
        torqueB = llg.lastMaxTorque();
        rates.compute(t, m, llg.lastField(), dmdt, energyB, rateB);
    }

    /**
     * The energies at a row time inside the last step.
     *
     * @param t the row's time (s)
     * @param energies receives each term's energy (J), in the field's term order
     * @return the largest torque |m × H| (A/m) there, or NaN where the row must be computed (t outside the last
     *     step, no step yet, or an applied field that changes within the step)
     */
    double energiesAt(double t, double[] energies) {
        if (!(t >= ta && t <= tb) || !(tb > ta) || !steady()) {
            return Double.NaN;
        }
        double s = (t - ta) / (tb - ta);
        DenseStepper.hermiteWeights(s, tb - ta, hermite);
        for (int k = 0; k < energies.length; k++) {
            energies[k] = hermite[0] * energyA[k] + hermite[1] * rateA[k] + hermite[2] * energyB[k]
                    + hermite[3] * rateB[k];
        }
        return (1 - s) * torqueA + s * torqueB;
    }

    /** @return whether the applied field is the same at both ends of the last step and at its middle */
    private boolean steady() {
        drive.appliedField(ta, fieldA);
        drive.appliedField(tb, fieldB);
        drive.appliedField(0.5 * (ta + tb), fieldMid);
        return java.util.Arrays.equals(fieldA, fieldB) && java.util.Arrays.equals(fieldA, fieldMid);
    }

    @Override
    public boolean canInterpolate() {
        return inner.canInterpolate();
    }

    @Override
    public void interpolate(double theta, VectorField out) {
        inner.interpolate(theta, out);
    }

    @Override
    public double proposedStep() {
        return inner.proposedStep();
    }

    @Override
    public void setProposedStep(double dt) {
        inner.setProposedStep(dt);
    }

    @Override
    public long acceptedSteps() {
        return inner.acceptedSteps();
    }

    @Override
    public long rejectedSteps() {
        return inner.rejectedSteps();
    }

    @Override
    public long evaluations() {
        return inner.evaluations();
    }

    @Override
    public double controllerMemory() {
        return inner.controllerMemory();
    }

    @Override
    public void setControllerMemory(double error) {
        inner.setControllerMemory(error);
    }

    @Override
    public void reset() {
        inner.reset();
        ta = Double.NaN;
        tb = Double.NaN;
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
