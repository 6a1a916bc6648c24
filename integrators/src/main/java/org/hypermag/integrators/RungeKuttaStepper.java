package org.hypermag.integrators;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.llg.Dynamics;

/**
 * Explicit Runge–Kutta stepping of unit-vector magnetisation, for any {@link ButcherTableau}: the one stepping loop.
 *
 * <p>After every step each m_i is renormalised to |m_i| = 1. For an embedded pair (Dormand–Prince 5(4), the default)
 * the step is adaptive: the error estimate is err = max_i |Δt Σ_s (b_s − b*_s) k_s,i|, the largest difference over
 * domains between the fifth- and fourth-order solutions (a dimensionless angle: the error in the torque integrated
 * over the step). A step is accepted when err ≤ tolerance (default {@value #DEFAULT_TOLERANCE}, the value of
 * mumax3's MaxErr); the next step is Δt·min(5, max(0.2, 0.9 (tolerance/err)^(1/(q+1)))), q the order of the error
 * estimate (4 for Dormand–Prince, 2 for Bogacki–Shampine). With first-same-as-last the derivative at the new state
 * is reused as the first stage of the next step, so a Dormand–Prince step costs 6 evaluations.
 *
 * <p>A stochastic equation ({@link Dynamics#isStochastic}, the thermal field) draws a new random field for every
 * attempt ({@link Dynamics#beginStep}); the stepper keeps the deterministic part of the first stage and adds the new
 * random part to it ({@link Dynamics#addStochastic}), the same bits as evaluating it again. The fixed-step angle
 * watch below is off for a stochastic equation: random kicks are not a trajectory error (the scenario layer checks a
 * fixed step against the thermal agitation before the run).
 *
 * <p>A fixed step has no error estimate, so it is watched: when the largest angle any m_i turns in one step exceeds
 * the method's limit ({@value #FIXED_ANGLE_SECOND_ORDER} rad for a method of at most two stages such as Heun,
 * {@value #FIXED_ANGLE_HIGHER_ORDER} rad otherwise; local errors of about 1e-5 rad per step, the adaptive default's
 * tolerance), the step is undone and an {@link IntegrationException} ({@code STEP_TOO_LARGE}) names the time, the
 * angle and a step that would do. A fixed step far too large would otherwise return a wrong trajectory silently.
 *
 * <p>NaN or infinity in a candidate state makes the step be rejected with a ten times smaller Δt; below the floor
 * (default {@value #DEFAULT_MIN_STEP} s) an {@link IntegrationException} names the domain and the time, and the
 * state is restored to the last good one. Work space: (stages + 2) vector fields, allocated once.
 */
public final class RungeKuttaStepper extends ControlledStepper {
    /** Default error tolerance per step (rad). */
    public static final double DEFAULT_TOLERANCE = 1e-5;
    /** Default smallest adaptive step (s). */
    public static final double DEFAULT_MIN_STEP = 1e-20;
    /** Largest angle (rad) m may turn in one fixed step of a second-order method (Heun). */
    public static final double FIXED_ANGLE_SECOND_ORDER = 0.05;
    /** Largest angle (rad) m may turn in one fixed step of a higher-order method (RK4). */
    public static final double FIXED_ANGLE_HIGHER_ORDER = 0.2;

    private final ButcherTableau tableau;
    private final VectorField[] k;
    private final VectorField stage;
    private final VectorField m0;
    private final double[] errorWeights;
    private final double exponent;
    /** The passes over the domains, on the equation's threads. */
    private final StageLoops loops;
    /** Stochastic equations only (allocated on first use): the deterministic part of k0, and of the FSAL stage. */
    private VectorField k0Deterministic;
    private VectorField lastDeterministic;
    private boolean k0DeterministicValid;

    /** Non-FSAL adaptive methods: dm/dt at the last step's start, kept for Hermite dense output. */
    private VectorField kStart;
    private boolean k0Valid;
    private double k0Time = Double.NaN;
    /** The cubic Hermite weights of the last interpolation. */
    private final double[] hermite = new double[4];

    private RungeKuttaStepper(Dynamics f, VectorField m, ButcherTableau tableau, double tolerance, double minStep,
                              double maxStep, double fixedStep) {
        super(f, m, tolerance, minStep, maxStep, fixedStep);
        this.tableau = tableau;
        int n = m.size();
        k = new VectorField[tableau.stages()];
        for (int s = 0; s < k.length; s++) {
            k[s] = new VectorField(n);
        }
        stage = new VectorField(n);
        m0 = new VectorField(n);
        loops = new StageLoops(f.pool(), n);
        exponent = tableau.isAdaptive() ? 1.0 / (tableau.errorOrder() + 1) : 0;
        if (tableau.isAdaptive()) {
            errorWeights = new double[tableau.stages()];
            for (int s = 0; s < errorWeights.length; s++) {
                errorWeights[s] = tableau.b()[s] - tableau.bStar()[s];
            }
        } else {
            errorWeights = null;
        }
    }

    /**
     * The default adaptive integrator: Dormand–Prince 5(4) with the default tolerance and no step cap.
     *
     * @param f the equation
     * @param m the state, advanced in place
     * @return the stepper
     */
    public static RungeKuttaStepper dormandPrince(Dynamics f, VectorField m) {
        return adaptive(f, m, ButcherTableau.DORMAND_PRINCE_54, DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY);
    }

    /**
     * An adaptive integrator.
     *
     * @param f the equation
     * @param m the state, advanced in place
     * @param tableau an embedded pair
     * @param tolerance error tolerance per step (rad), &gt; 0
     * @param maxStep largest step (s), &gt; 0 (may be infinite)
     * @return the stepper
     */
    public static RungeKuttaStepper adaptive(Dynamics f, VectorField m, ButcherTableau tableau, double tolerance,
                                             double maxStep) {
        if (!tableau.isAdaptive()) {
            throw new IllegalArgumentException(tableau.name() + " has no error estimate; use a fixed step");
        }
        checkAdaptive(tolerance, maxStep);
        return new RungeKuttaStepper(f, m, tableau, tolerance, DEFAULT_MIN_STEP, maxStep, Double.NaN);
    }

    /**
     * A fixed-step integrator (Heun, RK4, or an embedded pair used without its estimate).
     *
     * @param f the equation
     * @param m the state, advanced in place
     * @param tableau the method
     * @param step the step (s), &gt; 0
     * @return the stepper
     */
    public static RungeKuttaStepper fixed(Dynamics f, VectorField m, ButcherTableau tableau, double step) {
        checkFixed(step);
        return new RungeKuttaStepper(f, m, tableau, Double.NaN, step, step, step);
    }

    @Override
    public void reset() {
        denseStep = Double.NaN;
        k0Valid = false;
        k0DeterministicValid = false;
    }

    @Override
    public String describe() {
        return isAdaptive()
                ? tableau.name() + ", adaptive, tolerance " + tolerance + " rad per step, renormalised"
                : tableau.name() + ", fixed step " + fixedStep + " s, renormalised";
    }

    @Override
    public double step(double t, double dtLimit) {
        checkLimit(dtLimit);
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
                if (f.isStochastic() && k0DeterministicValid && k0Valid && k0Time == t) {
                    // a new random part for this attempt: added to the kept deterministic part of k0, the same bits
                    // as evaluating k0 again at a fraction of the cost
                    k[0].setFrom(k0Deterministic);
                    f.addStochastic(t, m0, k[0]);
                } else {
                    k0Valid = false;
                }
            }
            try {
                derivativeAtStart(t);
            } catch (IntegrationException e) {
                f.endStep(t, dt, false);
                throw e;
            }
            int bad = attempt(t, dt);
            double err = bad >= 0 ? Double.NaN : isAdaptive() ? errorEstimate(dt) : 0;
            boolean accepted = bad < 0 && (!isAdaptive() || err <= tolerance);
            if (accepted && !isAdaptive() && !f.isStochastic()) {
                int worst = largestTurn();
                double angle = turn(worst);
                double limit = tableau.stages() <= 2 ? FIXED_ANGLE_SECOND_ORDER : FIXED_ANGLE_HIGHER_ORDER;
                if (angle > limit) {
                    m.setFrom(m0);
                    k0Valid = false;
                    f.endStep(t, dt, false);
                    double suggest = dt * limit / angle * 0.8;
                    throw new IntegrationException(IntegrationException.Reason.STEP_TOO_LARGE, t, worst,
                            String.format(java.util.Locale.ROOT, "the fixed %s step of %.3g s turned m by %.3g rad "
                                    + "at domain %d in the step from t = %.6g s, more than the %.2g rad the method "
                                    + "follows accurately; use a step of at most %.2g s, or dormand-prince (the "
                                    + "state at t is kept)", tableau.name(), dt, angle, worst, t, limit, suggest));
                }
            }
            f.endStep(t, dt, accepted);
            if (accepted) {
                acceptedSteps++;
                lastError = err;
                if (isAdaptive()) {
                    nextStep = StepControl.nextStep(dt, nextStep, err, tolerance, exponent, previousError, retried);
                    previousError = StepControl.memory(err, tolerance);
                }
                if (tableau.fsal()) {
                    VectorField last = k[k.length - 1];
                    k[k.length - 1] = k[0];
                    k[0] = last;
                    k0Time = t + dt;
                    if (!f.isStochastic()) {
                        denseStep = dt;
                    }
                    if (lastDeterministic != null) {
                        VectorField d = lastDeterministic;
                        lastDeterministic = k0Deterministic;
                        k0Deterministic = d;
                    }
                } else if (isAdaptive() && !f.isStochastic()) {
                    // dm/dt at the new state: the next step's first stage, and with the old one the ends of a cubic
                    // Hermite interpolant over this step
                    if (kStart == null) {
                        kStart = new VectorField(m.size());
                    }
                    VectorField old = kStart;
                    kStart = k[0];
                    k[0] = old;
                    evaluate(t + dt, m, k[0]);
                    k0Valid = firstNonFinite(k[0]) < 0;
                    k0Time = t + dt;
                    k0DeterministicValid = false;
                    denseStep = k0Valid ? dt : Double.NaN;
                } else {
                    k0Valid = false;
                    k0DeterministicValid = false;
                }
                return dt;
            }
            m.setFrom(m0);
            rejected++;
            retried = true;
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

    /** Dormand–Prince's continuous extension ({@link DenseStepper#dormandPrinceDense}). */
    private static final double[] DENSE = DenseStepper.dormandPrinceDense();
    private static final double D1 = DENSE[0], D3 = DENSE[1], D4 = DENSE[2], D5 = DENSE[3], D6 = DENSE[4],
            D7 = DENSE[5];

    /**
     * The state at t + θ·dt inside the last accepted step [t, t + dt], renormalised; allocates nothing. Dormand–Prince:
     * its fourth-order continuous extension over the step's stages; the other methods: the cubic Hermite interpolant
     * of the step's ends and their derivatives (third order; the end derivative is the first-same-as-last stage or
     * the next step's first stage, so it costs nothing extra).
     *
     * @param theta the fraction of the step, in [0, 1]
     * @param out receives the unit vectors
     * @throws IllegalStateException unless {@link #canInterpolate()}
     */
    @Override
    public void interpolate(double theta, VectorField out) {
        if (Double.isNaN(denseStep)) {
            throw new IllegalStateException("no step to interpolate in (needs an adaptive method after an accepted "
                    + "step)");
        }
        double h = denseStep, th1 = 1 - theta;
        if (tableau != ButcherTableau.DORMAND_PRINCE_54) {
            // after the first-same-as-last swap the last stage holds f(y0); k[0] holds f(y1) either way
            VectorField start = tableau.fsal() ? k[k.length - 1] : kStart;
            DenseStepper.hermite(theta, h, m0, start, m, k[0], hermite, out);
            normalise(out);
            return;
        }
        // after the first-same-as-last swap: k[6] holds f(y0) (stage 1), k[0] holds f(y1) (stage 7)
        VectorField k1 = k[6], k3 = k[2], k4 = k[3], k5 = k[4], k6 = k[5], k7 = k[0];
        for (int c = 0; c < 3; c++) {
            double[] p0 = part(m0, c), p1 = part(m, c), f1 = part(k1, c), f3 = part(k3, c), f4 = part(k4, c),
                    f5 = part(k5, c), f6 = part(k6, c), f7 = part(k7, c);
            double[] q = part(out, c);
            for (int i = 0; i < q.length; i++) {
                double r2 = p1[i] - p0[i];
                double r3 = h * f1[i] - r2;
                double r4 = r2 - h * f7[i] - r3;
                double r5 = h * (D1 * f1[i] + D3 * f3[i] + D4 * f4[i] + D5 * f5[i] + D6 * f6[i] + D7 * f7[i]);
                q[i] = p0[i] + theta * (r2 + th1 * (r3 + theta * (r4 + th1 * r5)));
            }
        }
        normalise(out);
    }

    /** @return component c (0 x, 1 y, 2 z) of v: no array of arrays, so an interpolation allocates nothing */
    private static double[] part(VectorField v, int c) {
        return c == 0 ? v.x : c == 1 ? v.y : v.z;
    }

    /** Evaluates k0 = f(t, m0) unless the cached one is at t and still valid. */
    private void derivativeAtStart(double t) {
        if (k0Valid && k0Time == t) {
            return;
        }
        if (tableau.fsal() && f.isStochastic()) {
            // first same as last: the next attempt reuses the deterministic part of this stage
            allocateDeterministic();
            f.deterministicDerivative(t, m0, k0Deterministic);
            evaluations++;
            k[0].setFrom(k0Deterministic);
            f.addStochastic(t, m0, k[0]);
            k0DeterministicValid = true;
        } else {
            evaluate(t, m0, k[0]);
            k0DeterministicValid = false;
        }
        int bad = firstNonFinite(k[0]);
        if (bad >= 0) {
            throw IntegrationException.nonFiniteTorque(t, bad);
        }
        k0Valid = true;
        k0Time = t;
    }

    /** @return the domain whose m turned most in the step from m0 to m */
    private int largestTurn() {
        int worst = 0;
        double max2 = -1;
        for (int i = 0; i < m.size(); i++) {
            double dx = m.x[i] - m0.x[i], dy = m.y[i] - m0.y[i], dz = m.z[i] - m0.z[i];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > max2) {
                max2 = d2;
                worst = i;
            }
        }
        return worst;
    }

    /** @return the angle (rad) domain i turned in the step from m0 to m */
    private double turn(int i) {
        double dx = m.x[i] - m0.x[i], dy = m.y[i] - m0.y[i], dz = m.z[i] - m0.z[i];
        double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
        return 2 * Math.asin(Math.min(1, 0.5 * chord));
    }

    /**
     * Runs the stages of one step from (t, m0) with Δt and leaves the renormalised candidate in m.
     *
     * @return −1 if the candidate is finite, else the first domain with a non-finite value
     */
    private int attempt(double t, double dt) {
        double[][] a = tableau.a();
        double[] c = tableau.c();
        int stages = tableau.stages();
        int last = tableau.fsal() ? stages - 1 : stages;
        for (int s = 1; s < last; s++) {
            combine(stage, dt, a[s], s);
            evaluate(t + c[s] * dt, stage, k[s]);
            int bad = firstNonFinite(k[s]);
            if (bad >= 0) {
                return bad;
            }
        }
        combine(m, dt, tableau.b(), last);
        int bad = normalise(m);
        if (bad < 0 && tableau.fsal()) {
            if (f.isStochastic()) {
                allocateDeterministic();
                f.deterministicDerivative(t + dt, m, lastDeterministic);
                evaluations++;
                k[stages - 1].setFrom(lastDeterministic);
                f.addStochastic(t + dt, m, k[stages - 1]);
            } else {
                evaluate(t + dt, m, k[stages - 1]);
            }
            bad = firstNonFinite(k[stages - 1]);
        }
        return bad;
    }

    /** out = m0 + dt Σ_{j<count} w_j k_j */
    private void combine(VectorField out, double dt, double[] w, int count) {
        loops.combine(out, m0, dt, w, k, count);
    }

    private double errorEstimate(double dt) {
        return dt * Math.sqrt(loops.maxWeightedNorm2(errorWeights, k));
    }

    /** @return the first domain with a non-finite component, else −1 */
    private int firstNonFinite(VectorField v) {
        return loops.firstNonFinite(v);
    }

    /** Normalises every vector; returns the first domain with a non-finite or zero vector, else −1. */
    private int normalise(VectorField v) {
        return loops.normalise(v);
    }

    private void allocateDeterministic() {
        if (k0Deterministic == null) {
            k0Deterministic = new VectorField(m.size());
            lastDeterministic = new VectorField(m.size());
        }
    }

    private void evaluate(double t, VectorField state, VectorField out) {
        f.derivative(t, state, out);
        evaluations++;
    }
}
