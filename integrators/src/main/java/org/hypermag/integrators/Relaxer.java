package org.hypermag.integrators;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.EffectiveField;

/**
 * Energy minimisation by steepest descent on the unit sphere with Barzilai–Borwein step lengths, made monotone by
 * backtracking: the energy never increases from one accepted iterate to the next.
 *
 * <p>Each iterate moves every domain along its own descent direction d_i = H_i − (m_i·H_i) m_i (the component of
 * H_eff perpendicular to m_i, |d_i| = |m_i × H_i|): m_i ← normalise(m_i + τ d_i). The step length τ (m/A) alternates
 * between the two Barzilai–Borwein formulas s·s/s·y and s·y/y·y (s: change of m, y: change of −d); a step that would
 * raise the total energy is halved until it does not.
 *
 * <p>The energy comparison has a floor: a double-precision energy of a large system is only known to about 1e-15 of
 * its magnitude, and below some torque no step changes it by more than that (for standard problem 4, 4096 cells,
 * near 0.02 A/m; for a 3952-cell disk, 0.2 A/m: measured). And when the field is not exactly the gradient of the
 * energy (non-reciprocal couplings such as the point tensor between prisms of different sizes, or an approximate
 * surrogate field), energy descent can stall with a finite torque. In both cases a second phase follows the
 * steepest-descent flow dm/ds = H − (m·H) m with an adaptive integrator, without an energy test, until the torque is
 * small: the overdamped limit of the LLG equation. For a gradient field the flow lowers the energy continuously.
 *
 * <p>It stops, and says why ({@link Outcome}), when the largest torque max |m × H| is at most the tolerance
 * (default {@value #DEFAULT_TORQUE_TOLERANCE} A/m) and the energy no longer decreases ({@link Outcome#CONVERGED});
 * when the flow cannot take a step although the torque is above the tolerance ({@link Outcome#NO_PROGRESS});
 * after the maximum number of iterations ({@link Outcome#MAX_ITERATIONS}); on request
 * ({@link Outcome#INTERRUPTED}, polled in every iteration and every backtracking halving); or when the energy or the
 * torque is not finite ({@link Outcome#NON_FINITE}, with the last state whose energy and torque were finite).
 */
public final class Relaxer {
    /** Default torque tolerance (A/m): OOMMF's customary stopping value of max |m × H| for energy minimisation. */
    public static final double DEFAULT_TORQUE_TOLERANCE = 0.1;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 200_000;
    /** Error tolerance per step (rad) of the descent flow of the second phase. */
    public static final double FLOW_TOLERANCE = 1e-6;
    /** Steps of the descent flow without a new smallest torque after which its tolerance is tightened tenfold. */
    static final int STALL_STEPS = 1000;
    /** The tightest tolerance of the descent flow (rad per step). */
    static final double MIN_FLOW_TOLERANCE = 1e-14;

    /** Why the relaxation stopped. */
    public enum Outcome {
        /** Torque below the tolerance and the energy no longer decreasing. */
        CONVERGED,
        /** The descent flow cannot take a step (non-finite field) although the torque is above the tolerance. */
        NO_PROGRESS,
        /** The iteration limit was reached. */
        MAX_ITERATIONS,
        /** Stopped on request (for example Ctrl-C). */
        INTERRUPTED,
        /** The energy or the torque is not a finite number (at the last good state, which is kept). */
        NON_FINITE
    }

    /**
     * @param outcome why it stopped
     * @param iterations accepted iterations
     * @param energy final total energy (J)
     * @param maxTorque final max |m × H| (A/m)
     */
    public record Result(Outcome outcome, int iterations, double energy, double maxTorque) {
        @Override
        public String toString() {
            String why = switch (outcome) {
                case CONVERGED -> "converged";
                case NO_PROGRESS -> "stopped without progress: the descent flow could not take a step, and the torque "
                        + "is above the tolerance";
                case MAX_ITERATIONS -> "stopped at the iteration limit";
                case INTERRUPTED -> "interrupted";
                case NON_FINITE -> "stopped: the energy or the torque is not a finite number (check Ms, the "
                        + "anisotropy constants and the field for values beyond double precision)";
            };
            return "relaxation " + why + " after " + iterations + " iterations: energy " + energy
                    + " J, max torque |m x H| " + maxTorque + " A/m";
        }
    }

    /** Receives every accepted iterate (for progress and tests). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param iteration accepted iterations so far
         * @param energy total energy (J)
         * @param maxTorque max |m × H| (A/m)
         */
        void iterate(int iteration, double energy, double maxTorque);
    }

    private final EffectiveField field;
    private final VectorField m;
    private final double torqueTolerance;
    private final int maxIterations;
    private final VectorField h, d, mOld, hOld, dOld;
    private final double[] energies;

    /**
     * @param field the effective field
     * @param m the state, relaxed in place
     * @param torqueTolerance stop when max |m × H| ≤ this (A/m), &ge; 0
     * @param maxIterations iteration limit, &ge; 1
     */
    public Relaxer(EffectiveField field, VectorField m, double torqueTolerance, int maxIterations) {
        if (!(torqueTolerance >= 0)) {
            throw new IllegalArgumentException("torque tolerance must be >= 0 A/m, got " + torqueTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be >= 1, got " + maxIterations);
        }
        this.field = field;
        this.m = m;
        this.torqueTolerance = torqueTolerance;
        this.maxIterations = maxIterations;
        int n = m.size();
        h = new VectorField(n);
        d = new VectorField(n);
        mOld = new VectorField(n);
        hOld = new VectorField(n);
        dOld = new VectorField(n);
        energies = new double[field.terms().size()];
    }

    /**
     * @param field the effective field
     * @param m the state, relaxed in place
     * @return a relaxer with the default tolerance and iteration limit
     */
    public static Relaxer withDefaults(EffectiveField field, VectorField m) {
        return new Relaxer(field, m, DEFAULT_TORQUE_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Relaxes the state with the fields of time t.
     *
     * @param t time (s) at which the applied field is taken
     * @param listener receives each accepted iterate (may be null)
     * @return why it stopped, and the final energy and torque
     */
    public Result relax(double t, Listener listener) {
        return relax(t, listener, () -> false);
    }

    /**
     * Relaxes the state with the fields of time t, stopping early on request.
     *
     * @param t time (s) at which the applied field is taken
     * @param listener receives each accepted iterate (may be null)
     * @param stop polled every iteration; true ends the relaxation ({@link Outcome#INTERRUPTED})
     * @return why it stopped, and the final energy and torque
     */
    public Result relax(double t, Listener listener, java.util.function.BooleanSupplier stop) {
        double energy = energy(t);
        double torque = descent(m, h, d);
        if (!Double.isFinite(energy) || !Double.isFinite(torque)) {
            return new Result(Outcome.NON_FINITE, 0, energy, torque);
        }
        double tau = torque > 0 ? 0.01 / torque : 0;
        boolean bb1 = true;
        int iteration = 0;
        double lastDecrease = Double.POSITIVE_INFINITY;
        while (true) {
            if (torque <= torqueTolerance && lastDecrease <= 1e-12 * Math.abs(energy)) {
                return new Result(Outcome.CONVERGED, iteration, energy, torque);
            }
            if (iteration >= maxIterations) {
                return new Result(Outcome.MAX_ITERATIONS, iteration, energy, torque);
            }
            if (stop.getAsBoolean()) {
                return new Result(Outcome.INTERRUPTED, iteration, energy, torque);
            }
            mOld.setFrom(m);
            hOld.setFrom(h);
            dOld.setFrom(d);
            double oldEnergy = energy;
            double trial = tau;
            while (true) {
                move(trial);
                energy = energy(t);
                if (energy <= oldEnergy) {
                    break;
                }
                trial *= 0.5;
                if (stop.getAsBoolean()) {
                    m.setFrom(mOld);
                    return new Result(Outcome.INTERRUPTED, iteration, oldEnergy, torque);
                }
                if (!(trial * torque >= 1e-15)) {
                    // no representable step lowers the energy: restore the last iterate and polish the torque
                    m.setFrom(mOld);
                    h.setFrom(hOld);
                    d.setFrom(dOld);
                    return flow(t, iteration, oldEnergy, torque, listener, stop);
                }
            }
            iteration++;
            lastDecrease = oldEnergy - energy;
            torque = descent(m, h, d);
            if (!Double.isFinite(torque) || !Double.isFinite(energy)) {
                m.setFrom(mOld);
                return new Result(Outcome.NON_FINITE, iteration, oldEnergy, torque);
            }
            if (listener != null) {
                listener.iterate(iteration, energy, torque);
            }
            tau = nextStepLength(bb1, trial);
            bb1 = !bb1;
        }
    }

    /**
     * Second phase, once the energy comparison has reached its rounding floor (or the field is not an exact energy
     * gradient, as for non-reciprocal couplings): the steepest-descent flow dm/ds = H − (m·H) m itself, integrated
     * with adaptive Dormand–Prince 5(4) (tolerance {@value #FLOW_TOLERANCE} rad per step, or a tenth of the torque
     * tolerance over the largest field if that is smaller, renormalised), without an energy test, until the largest
     * torque is at most the tolerance. An explicit step near its stability limit (stiff couplings: small cells, DMI)
     * leaves an error floor in the torque proportional to the step tolerance: when {@value #STALL_STEPS} steps bring
     * no new smallest torque the tolerance is tightened tenfold (down to {@value #MIN_FLOW_TOLERANCE}). Each
     * accepted step counts as an iteration.
     */
    private Result flow(double t, int iteration, double energy, double torque, Listener listener,
                        java.util.function.BooleanSupplier stop) {
        double[] last = {energy, torque};
        org.hypermag.solver.llg.Dynamics descentFlow = new org.hypermag.solver.llg.Dynamics() {
            @Override
            public int size() {
                return m.size();
            }

            @Override
            public void derivative(double s, VectorField state, VectorField out) {
                field.compute(t, state, h, energies);
                double e = 0;
                for (double x : energies) {
                    e += x;
                }
                last[0] = e;
                last[1] = descent(state, h, out);
            }
        };
        // an explicit step near its stability limit leaves an error of about tolerance x |H| in the torque: keep it
        // a tenth of the torque tolerance, so that the flow can get below it in stiff systems (DMI, small cells)
        field.compute(t, m, h, energies);
        double hMax = 0;
        for (int i = 0; i < m.size(); i++) {
            hMax = Math.max(hMax, Math.sqrt(h.x[i] * h.x[i] + h.y[i] * h.y[i] + h.z[i] * h.z[i]));
        }
        double tolerance = hMax > 0 ? Math.max(1e-12, Math.min(FLOW_TOLERANCE, 0.1 * torqueTolerance / hMax))
                : FLOW_TOLERANCE;
        RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(descentFlow, m, ButcherTableau.DORMAND_PRINCE_54,
                tolerance, Double.POSITIVE_INFINITY);
        double s = 0;
        double best = torque;
        int sinceBest = 0;
        while (true) {
            if (torque < best) {
                best = torque;
                sinceBest = 0;
            } else if (++sinceBest >= STALL_STEPS && tolerance > MIN_FLOW_TOLERANCE) {
                // the torque has settled on the step's error floor: tighten the tolerance tenfold
                tolerance = Math.max(MIN_FLOW_TOLERANCE, tolerance / 10);
                double proposed = stepper.proposedStep();
                stepper = RungeKuttaStepper.adaptive(descentFlow, m, ButcherTableau.DORMAND_PRINCE_54, tolerance,
                        Double.POSITIVE_INFINITY);
                stepper.setProposedStep(proposed);
                best = torque;
                sinceBest = 0;
            }
            if (torque <= torqueTolerance) {
                return new Result(Outcome.CONVERGED, iteration, energy, torque);
            }
            if (iteration >= maxIterations) {
                return new Result(Outcome.MAX_ITERATIONS, iteration, energy, torque);
            }
            if (stop.getAsBoolean()) {
                return new Result(Outcome.INTERRUPTED, iteration, energy, torque);
            }
            try {
                s += stepper.step(s, Double.POSITIVE_INFINITY);
            } catch (IntegrationException e) {
                return new Result(e.reason() == IntegrationException.Reason.NON_FINITE ? Outcome.NON_FINITE
                        : Outcome.NO_PROGRESS, iteration, energy, torque);
            }
            // first same as last: the last evaluation was at the accepted state
            iteration++;
            energy = last[0];
            torque = last[1];
            if (listener != null) {
                listener.iterate(iteration, energy, torque);
            }
        }
    }

    private double energy(double t) {
        field.compute(t, m, h, energies);
        double e = 0;
        for (double x : energies) {
            e += x;
        }
        return e;
    }

    /** m = normalise(mOld + τ dOld). */
    private void move(double tau) {
        for (int i = 0; i < m.size(); i++) {
            double x = mOld.x[i] + tau * dOld.x[i];
            double y = mOld.y[i] + tau * dOld.y[i];
            double z = mOld.z[i] + tau * dOld.z[i];
            double inv = 1 / Math.sqrt(x * x + y * y + z * z);
            m.x[i] = x * inv;
            m.y[i] = y * inv;
            m.z[i] = z * inv;
        }
    }

    /** d = H − (m·H) m; returns max |d| = max |m × H| (A/m). */
    private static double descent(VectorField m, VectorField h, VectorField d) {
        double max2 = 0;
        for (int i = 0; i < m.size(); i++) {
            double mh = m.x[i] * h.x[i] + m.y[i] * h.y[i] + m.z[i] * h.z[i];
            double x = h.x[i] - mh * m.x[i], y = h.y[i] - mh * m.y[i], z = h.z[i] - mh * m.z[i];
            d.x[i] = x;
            d.y[i] = y;
            d.z[i] = z;
            max2 = Math.max(max2, x * x + y * y + z * z);
        }
        return Math.sqrt(max2);
    }

    /** Barzilai–Borwein step from s = m − mOld, y = dOld − d; falls back to twice the last step if s·y ≤ 0. */
    private double nextStepLength(boolean bb1, double last) {
        double ss = 0, sy = 0, yy = 0;
        for (int i = 0; i < m.size(); i++) {
            double sx = m.x[i] - mOld.x[i], sY = m.y[i] - mOld.y[i], sz = m.z[i] - mOld.z[i];
            double yx = dOld.x[i] - d.x[i], yY = dOld.y[i] - d.y[i], yz = dOld.z[i] - d.z[i];
            ss += sx * sx + sY * sY + sz * sz;
            sy += sx * yx + sY * yY + sz * yz;
            yy += yx * yx + yY * yY + yz * yz;
        }
        if (!(sy > 0)) {
            return 2 * last;
        }
        return bb1 ? ss / sy : sy / yy;
    }
}
