package org.hypermag.scenarios.sim;

import java.util.function.BooleanSupplier;
import org.hypermag.integrators.ButcherTableau;
import org.hypermag.integrators.Relaxer;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.integrators.TimeEvolution;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.CubicAnisotropyField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;

/**
 * The engine of a simulation on one magnet: relaxation and time evolution under an applied field, and the numbers a
 * run records (table rows, frame fields). The magnetisation is owned here and advanced in place. Stages, output files
 * and checkpoints are the business of {@link ScenarioRunner}.
 */
public final class Simulation {

    /**
     * Integrator settings.
     *
     * @param tableau the method
     * @param tolerance error tolerance per step (rad) for an adaptive tableau
     * @param maxStep largest step (s)
     * @param fixedStep the step of a fixed-step method (s), NaN for adaptive
     */
    public record Integration(ButcherTableau tableau, double tolerance, double maxStep, double fixedStep) {
        /** Dormand–Prince 5(4), tolerance 1e-5 rad, no step cap. */
        public static final Integration DEFAULT = new Integration(ButcherTableau.DORMAND_PRINCE_54,
                RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY, Double.NaN);

        /** @return a description for logs and metadata */
        public String describe() {
            return Double.isNaN(fixedStep) ? tableau.name() + ", tolerance " + tolerance + " rad per step"
                    + (Double.isInfinite(maxStep) ? "" : ", max step " + maxStep + " s")
                    : tableau.name() + ", fixed step " + fixedStep + " s";
        }
    }

    /** Receives the state at output times of a run. */
    @FunctionalInterface
    public interface Output {
        /**
         * @param t output time (s)
         * @param lastStep last step (s)
         * @param llg the equation (its last field is at this state)
         * @param proposedStep the integrator's proposed next step (s), for checkpoints
         */
        void output(double t, double lastStep, LlgEquation llg, double proposedStep);
    }

    /** Per-domain fields recorded in a frame. */
    public record FrameFields(VectorField demag, VectorField effective, double[][] energyDensity) {
    }

    private final Magnet magnet;
    private final FieldTerm[] fixedTerms;
    private final VectorField m;
    private final double totalVolume;
    private final VectorField scratch;

    /**
     * @param magnet the system
     * @param demag demag method for its domains, or null for none
     * @param initial initial unit magnetisation (copied)
     */
    public Simulation(Magnet magnet, DemagField demag, VectorField initial) {
        this.magnet = magnet;
        fixedTerms = new FieldTerm[] {ExchangeField.of(magnet), UniaxialAnisotropyField.of(magnet),
            CubicAnisotropyField.of(magnet), demag == null ? null : new DemagTerm(magnet, demag)};
        m = initial.copy();
        totalVolume = magnet.totalVolume();
        scratch = new VectorField(magnet.size());
    }

    /** @return the magnetisation (owned; advanced in place) */
    public VectorField magnetisation() {
        return m;
    }

    /** @return the system */
    public Magnet magnet() {
        return magnet;
    }

    /**
     * The effective field of a stage.
     *
     * @param applied applied field in stage time, or null
     * @param stageStart time at which the stage starts (s)
     * @return the field
     */
    public EffectiveField field(AppliedField applied, double stageStart) {
        FieldTerm zeeman = applied == null ? null
                : new ZeemanField(magnet, (t, out) -> applied.value(t - stageStart, out));
        FieldTerm[] terms = new FieldTerm[fixedTerms.length + 1];
        System.arraycopy(fixedTerms, 0, terms, 0, fixedTerms.length);
        terms[fixedTerms.length] = zeeman;
        return new EffectiveField(magnet.size(), terms);
    }

    /**
     * Relaxes to a minimum of the energy (time does not advance).
     *
     * @param field the effective field
     * @param t time at which the field is taken (s)
     * @param torqueTolerance stop at max |m × H| ≤ this (A/m)
     * @param maxIterations iteration limit
     * @param listener progress, or null
     * @param stop polled every iteration
     * @return the relaxer's result
     */
    public Relaxer.Result relax(EffectiveField field, double t, double torqueTolerance, int maxIterations,
                                Relaxer.Listener listener, BooleanSupplier stop) {
        return new Relaxer(field, m, torqueTolerance, maxIterations).relax(t, listener, stop);
    }

    /**
     * Evolves the LLG equation on the output grid origin + k·interval from {@code start} to {@code end}.
     *
     * @param field the effective field
     * @param origin output grid origin (s)
     * @param start current time (s)
     * @param end end time (s)
     * @param interval output interval (s)
     * @param integration integrator settings
     * @param proposedStep the first step to try (s), NaN to let the integrator choose (continuing from a checkpoint
     *     passes the proposal recorded there)
     * @param observeStart whether the start is an output
     * @param output receives output times
     * @param listener called after every step; may stop the run at any step
     * @return the time reached
     */
    public double run(EffectiveField field, double origin, double start, double end, double interval,
                      Integration integration, double proposedStep, boolean observeStart, Output output,
                      TimeEvolution.StepListener listener) {
        LlgEquation llg = new LlgEquation(magnet, field);
        RungeKuttaStepper stepper = Double.isNaN(integration.fixedStep())
                ? RungeKuttaStepper.adaptive(llg, m, integration.tableau(), integration.tolerance(),
                        integration.maxStep())
                : RungeKuttaStepper.fixed(llg, m, integration.tableau(), integration.fixedStep());
        stepper.setProposedStep(proposedStep);
        return TimeEvolution.run(stepper, origin, start, end, interval, observeStart,
                (t, dt, steps) -> output.output(t, dt, llg, stepper.proposedStep()), listener);
    }

    /**
     * A table row for the current state.
     *
     * @param field the effective field
     * @param t time (s)
     * @param dt last step (s)
     * @return t, mx, my, mz, E_total, E_exchange, E_anisotropy, E_zeeman, E_demag, max_torque, dt
     */
    public double[] row(EffectiveField field, double t, double dt) {
        double[] energies = new double[field.terms().size()];
        field.compute(t, m, scratch, energies);
        double torque = maxTorque(scratch);
        double[] row = new double[11];
        row[0] = t;
        double[] avg = average();
        row[1] = avg[0];
        row[2] = avg[1];
        row[3] = avg[2];
        for (int k = 0; k < energies.length; k++) {
            int column = column(field.terms().get(k).name());
            row[column] += energies[k];
            row[4] += energies[k];
        }
        row[9] = torque;
        row[10] = dt;
        return row;
    }

    private static int column(String term) {
        return switch (term) {
            case "exchange" -> 5;
            case "anisotropy" -> 6;
            case "zeeman" -> 7;
            case "demag" -> 8;
            default -> throw new IllegalStateException("unknown term " + term);
        };
    }

    /** @return the volume-averaged unit magnetisation */
    public double[] average() {
        double[] a = new double[3];
        for (int i = 0; i < m.size(); i++) {
            double w = magnet.volume(i) / totalVolume;
            a[0] += w * m.x[i];
            a[1] += w * m.y[i];
            a[2] += w * m.z[i];
        }
        return a;
    }

    private double maxTorque(VectorField h) {
        double max2 = 0;
        for (int i = 0; i < m.size(); i++) {
            double ax = m.y[i] * h.z[i] - m.z[i] * h.y[i];
            double ay = m.z[i] * h.x[i] - m.x[i] * h.z[i];
            double az = m.x[i] * h.y[i] - m.y[i] * h.x[i];
            max2 = Math.max(max2, ax * ax + ay * ay + az * az);
        }
        return Math.sqrt(max2);
    }

    /**
     * The per-domain fields a frame may record, for the current state.
     *
     * @param field the effective field
     * @param t time (s)
     * @param demag whether to compute the demagnetising field
     * @param effective whether to compute the effective field
     * @param energyDensity whether to compute the energy densities (exchange, anisotropy, Zeeman, demag)
     * @return the fields (null where not asked for)
     */
    public FrameFields frameFields(EffectiveField field, double t, boolean demag, boolean effective,
                                   boolean energyDensity) {
        if (!demag && !effective && !energyDensity) {
            return new FrameFields(null, null, null);
        }
        int terms = field.terms().size(), n = m.size();
        VectorField[] own = new VectorField[terms];
        for (int k = 0; k < terms; k++) {
            own[k] = new VectorField(n);
        }
        field.computeTerms(t, m, own);
        VectorField d = demag ? new VectorField(n) : null;
        VectorField e = effective ? new VectorField(n) : null;
        double[][] density = energyDensity ? new double[4][n] : null;
        double[] tmp = new double[n];
        for (int k = 0; k < terms; k++) {
            FieldTerm term = field.terms().get(k);
            if (d != null && term.name().equals("demag")) {
                d.setFrom(own[k]);
            }
            if (e != null) {
                for (int i = 0; i < n; i++) {
                    e.x[i] += own[k].x[i];
                    e.y[i] += own[k].y[i];
                    e.z[i] += own[k].z[i];
                }
            }
            if (density != null) {
                term.energyDensity(t, m, own[k], tmp);
                double[] target = density[column(term.name()) - 5];
                for (int i = 0; i < n; i++) {
                    target[i] += tmp[i];
                }
            }
        }
        return new FrameFields(d, e, density);
    }
}
