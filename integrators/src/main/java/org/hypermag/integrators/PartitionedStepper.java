package org.hypermag.integrators;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.llg.Dynamics;

/**
 * Partitioned explicit Runge–Kutta stepping of unit-vector magnetisation ({@link PartitionedTableau}): the local
 * part of dm/dt on every stage ({@link Dynamics#localDerivative}), the long-range part, the demag, only on the
 * tableau's long-range stages ({@link Dynamics#longRangeSplit}, which gives both parts from one evaluation of every
 * term). Where one demag evaluation costs many local ones (an FFT convolution against a stencil) a step costs about
 * its long-range stages' evaluations.
 *
 * <p>After every step each m_i is renormalised to |m_i| = 1. The adaptive step is controlled as {@link
 * RungeKuttaStepper}'s: err = max_i |Δt Σ_s (b_s − b*_s) k_s,i| over both parts' stages and the step's end (rad),
 * accepted when err ≤ tolerance, the next step from {@link StepControl}'s PI controller with q = {@link
 * PartitionedTableau#errorOrder()}; after a step rejected by its estimate the proposals stay below {@value
 * #REJECTED_MARGIN} of it for the next {@value #CAPPED_STEPS} accepted steps. Where the fastest exchange spin wave's
 * stability rather than accuracy holds the step, the PI controller alone grows the step past that limit every few steps
 * and pays a rejection each time (standard problem 4 at 3.9 nm, tolerance 1e-4 rad, the second and third nanosecond:
 * 114 and 120 rejected steps in 530; with the cap 12 and 14, and 17 % fewer evaluations). The cap is not part of a
 * checkpoint: a resumed run may step differently for up to {@value #CAPPED_STEPS} steps. The step's end is evaluated in
 * both parts and is the next step's first stage (first same as last). Dense output: the cubic Hermite interpolant of
 * the step's ends and their derivatives. NaN or infinity in a candidate rejects the step with a ten times smaller Δt;
 * below {@value RungeKuttaStepper#DEFAULT_MIN_STEP} s an {@link IntegrationException} names the time and the state is
 * restored.
 *
 * <p>A fixed step ({@link #fixed}) is for convergence studies: it has no error estimate and no accuracy watch.
 * The equation must be deterministic: a thermal field is refused (it is not held over a partitioned step). Work
 * space: (S + long-range stages + 4) vector fields, allocated once; a step allocates nothing.
 */
public final class PartitionedStepper extends ControlledStepper {
    /**
     * After a rejected step the proposals stay below this fraction of it for the next {@value #CAPPED_STEPS} accepted
     * steps.
     */
    static final double REJECTED_MARGIN = 0.95;
    /** How many accepted steps a rejected step caps the proposals for. */
    static final int CAPPED_STEPS = 50;

    private final PartitionedTableau tableau;
    private final double exponent;
    /**
     * The stage derivatives: [0, S) k_s (the whole dm/dt on a long-range stage, the local part elsewhere), [S, S + D)
     * the long-range parts of the D long-range stages, then the step end's whole dm/dt and its long-range part.
     */
    private final VectorField[] k;
    /** Per stage s ≥ 1, its stage sum's weights over {@link #k}; the solution's; the error estimate's. */
    private final double[][] rows;
    private final double[] solution;
    private final double[] errorWeights;
    private final int endWhole;
    private final int endLong;
    private final VectorField stage;
    private final VectorField m0;
    private final StageLoops loops;
    private final double[] hermite = new double[4];

    /** The last step rejected by its error estimate (s), and how many accepted steps it still caps. */
    private double rejectedStep;
    private int cappedSteps;
    private boolean k0Valid;
    private double k0Time = Double.NaN;
    private long localEvaluations;

    private PartitionedStepper(Dynamics f, VectorField m, PartitionedTableau tableau, double tolerance,
                               double maxStep, double fixedStep) {
        super(f, m, tolerance, RungeKuttaStepper.DEFAULT_MIN_STEP, maxStep, fixedStep);
        this.tableau = tableau;
        exponent = 1.0 / (tableau.errorOrder() + 1);
        int s = tableau.stages(), d = tableau.longStages().length, n = m.size();
        endWhole = s + d;
        endLong = s + d + 1;
        k = new VectorField[s + d + 2];
        for (int j = 0; j < k.length; j++) {
            k[j] = new VectorField(n);
        }
        rows = new double[s][];
        for (int i = 1; i < s; i++) {
            rows[i] = weights(tableau.aLocal()[i], tableau.aLong()[i], 0, 0);
        }
        solution = weights(tableau.bLocal(), tableau.bLong(), 0, 0);
        double[] star = weights(tableau.bLocalStar(), tableau.bLongStar(), tableau.bLocalStar()[s],
                tableau.bLongStar()[s]);
        errorWeights = new double[k.length];
        for (int j = 0; j < k.length; j++) {
            errorWeights[j] = solution[j] - star[j];
        }
        stage = new VectorField(n);
        m0 = new VectorField(n);
        loops = new StageLoops(f.pool(), n);
    }

    /**
     * The weights over {@link #k} of a sum Σ_j (local_j k_local,j + long_j k_long,j) + end·(both parts at the end):
     * on a long-range stage k_j holds both parts, so k_local,j = k_j − k_long,j.
     */
    private double[] weights(double[] local, double[] lng, double endLocal, double endLongRange) {
        int s = tableau.stages();
        double[] w = new double[k.length];
        for (int j = 0; j < Math.min(s, local.length); j++) {
            w[j] = local[j];
        }
        int[] longStages = tableau.longStages();
        for (int d = 0; d < longStages.length; d++) {
            int j = longStages[d];
            if (j < lng.length) {
                w[s + d] = lng[j] - local[j];
            }
        }
        w[endWhole] = endLocal;
        w[endLong] = endLongRange - endLocal;
        return w;
    }

    /**
     * An adaptive partitioned stepper.
     *
     * @param f the equation (deterministic)
     * @param m the state, advanced in place
     * @param tableau the pair
     * @param tolerance error tolerance per step (rad), &gt; 0
     * @param maxStep largest step (s), &gt; 0 (may be infinite)
     * @return the stepper
     */
    public static PartitionedStepper adaptive(Dynamics f, VectorField m, PartitionedTableau tableau, double tolerance,
                                              double maxStep) {
        checkAdaptive(tolerance, maxStep);
        return new PartitionedStepper(f, m, tableau, tolerance, maxStep, Double.NaN);
    }

    /**
     * A fixed-step partitioned stepper, for convergence studies (no error estimate, no accuracy watch).
     *
     * @param f the equation (deterministic)
     * @param m the state, advanced in place
     * @param tableau the pair
     * @param step the step (s), &gt; 0
     * @return the stepper
     */
    public static PartitionedStepper fixed(Dynamics f, VectorField m, PartitionedTableau tableau, double step) {
        checkFixed(step);
        return new PartitionedStepper(f, m, tableau, Double.NaN, step, step);
    }

    /** @return the evaluations of the local part alone (no demag) so far */
    public long localEvaluations() {
        return localEvaluations;
    }

    @Override
    public void reset() {
        denseStep = Double.NaN;
        k0Valid = false;
    }

    @Override
    public String describe() {
        return isAdaptive()
                ? tableau.name() + ", adaptive, tolerance " + tolerance + " rad per step, demag on "
                        + tableau.longStages().length + " of " + tableau.stages() + " stages, renormalised"
                : tableau.name() + ", fixed step " + fixedStep + " s, renormalised";
    }

    @Override
    public double step(double t, double dtLimit) {
        checkLimit(dtLimit);
        if (f.isStochastic()) {
            throw new IllegalStateException(tableau.name() + " cannot step a stochastic equation (the thermal "
                    + "field): use Heun or Bogacki-Shampine 3(2)");
        }
        m0.setFrom(m);
        denseStep = Double.NaN;
        double dt;
        if (!isAdaptive()) {
            dt = Math.min(fixedStep, dtLimit);
        } else {
            if (Double.isNaN(nextStep)) {
                derivativeAtStart(t);
                nextStep = StepControl.firstStep(k[0], minStep, maxStep);
            }
            dt = Math.min(Math.min(nextStep, maxStep), dtLimit);
        }
        boolean retried = false;
        while (true) {
            if (f.beginStep(t, dt)) {
                k0Valid = false;
            }
            try {
                derivativeAtStart(t);
            } catch (IntegrationException e) {
                f.endStep(t, dt, false);
                throw e;
            }
            int bad = attempt(t, dt);
            double err = bad >= 0 ? Double.NaN
                    : isAdaptive() ? dt * Math.sqrt(loops.maxWeightedNorm2(errorWeights, k)) : 0;
            boolean accepted = bad < 0 && (!isAdaptive() || err <= tolerance);
            f.endStep(t, dt, accepted);
            if (accepted) {
                acceptedSteps++;
                lastError = err;
                if (isAdaptive()) {
                    nextStep = StepControl.nextStep(dt, nextStep, err, tolerance, exponent, previousError, retried);
                    previousError = StepControl.memory(err, tolerance);
                    if (cappedSteps > 0) {
                        nextStep = Math.min(nextStep, REJECTED_MARGIN * rejectedStep);
                        cappedSteps--;
                    }
                }
                // first same as last: the end's two parts become the next step's first stage
                swap(0, endWhole);
                swap(tableau.stages(), endLong);
                k0Time = t + dt;
                k0Valid = true;
                denseStep = dt;
                return dt;
            }
            m.setFrom(m0);
            rejected++;
            retried = true;
            if (bad < 0 && !Double.isNaN(err)) {
                // rejected by its estimate (not for a non-finite value): the step the controller grew past
                rejectedStep = dt;
                cappedSteps = CAPPED_STEPS;
            }
            if (!isAdaptive()) {
                throw IntegrationException.nonFiniteStep(t, bad);
            }
            dt *= StepControl.rejectedFactor(err, tolerance, exponent, bad >= 0 || Double.isNaN(err));
            if (dt < minStep) {
                if (bad >= 0 || Double.isNaN(err)) {
                    throw IntegrationException.nonFiniteStep(t, bad);
                }
                throw IntegrationException.stepTooSmall(t, minStep, err, tolerance);
            }
            nextStep = dt;
        }
    }

    private void swap(int i, int j) {
        VectorField v = k[i];
        k[i] = k[j];
        k[j] = v;
    }

    /**
     * The state at t + θ·dt inside the last accepted step, renormalised: the cubic Hermite interpolant of the step's
     * ends and their whole derivatives (third order; both derivatives are stages the step evaluated). Allocates
     * nothing.
     */
    @Override
    public void interpolate(double theta, VectorField out) {
        if (Double.isNaN(denseStep)) {
            throw new IllegalStateException("no step to interpolate in (needs an accepted step)");
        }
        // after the first-same-as-last swap the old first stage (dm/dt at m0) sits at the end's place
        DenseStepper.hermite(theta, denseStep, m0, k[endWhole], m, k[0], hermite, out);
        loops.normalise(out);
    }

    /** Evaluates both parts at (t, m0) into the first stage unless the kept ones are at t and valid. */
    private void derivativeAtStart(double t) {
        if (k0Valid && k0Time == t) {
            return;
        }
        f.longRangeSplit(t, m0, k[0], k[tableau.stages()]);
        evaluations++;
        int bad = loops.firstNonFinite(k[0]);
        if (bad >= 0) {
            throw IntegrationException.nonFiniteTorque(t, bad);
        }
        k0Valid = true;
        k0Time = t;
    }

    /**
     * Runs the stages of one step from (t, m0) with Δt, leaves the renormalised candidate in m and evaluates both
     * parts at it.
     *
     * @return −1 if the candidate and its derivative are finite, else the first domain with a non-finite value
     */
    private int attempt(double t, double dt) {
        double[] c = tableau.c();
        int s = tableau.stages();
        for (int i = 1; i < s; i++) {
            loops.combine(stage, m0, dt, rows[i], k, k.length);
            int d = tableau.longIndex(i);
            if (d >= 0) {
                f.longRangeSplit(t + c[i] * dt, stage, k[i], k[s + d]);
                evaluations++;
            } else {
                f.localDerivative(t + c[i] * dt, stage, k[i]);
                localEvaluations++;
            }
        }
        // a non-finite stage that the solution depends on reaches the candidate, so one check there does for all the
        // stages; only a failed step looks for the first stage that went wrong, to name its domain
        loops.combine(m, m0, dt, solution, k, k.length);
        int bad = loops.normalise(m);
        if (bad >= 0) {
            for (int i = 1; i < s; i++) {
                int first = loops.firstNonFinite(k[i]);
                if (first >= 0) {
                    return first;
                }
            }
            return bad;
        }
        f.longRangeSplit(t + dt, m, k[endWhole], k[endLong]);
        evaluations++;
        return loops.firstNonFinite(k[endWhole]);
    }
}
