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
 * Runs the stages of a simulation on one magnet: relaxation and time evolution under an applied field, reporting
 * table rows (time, ⟨m⟩, energies, torque, step) to a {@link Listener}.
 *
 * <p>Time starts at 0 and advances only in {@link #run} stages; an applied-field protocol is given in the stage's
 * own time (0 at the stage start). The magnetisation is owned here and advanced in place.
 */
public final class Simulation {

    /** Receives the rows of the table and progress. */
    public interface Listener {
        /**
         * A table row.
         *
         * @param row t, mx, my, mz, E_total, E_exchange, E_anisotropy, E_zeeman, E_demag, max_torque, dt
         */
        void row(double[] row);

        /**
         * Progress of a run stage after each accepted step (for progress displays; default: nothing).
         *
         * @param t current time (s)
         * @param stageEnd end time of the stage (s)
         * @param steps accepted steps in the stage
         */
        default void progress(double t, double stageEnd, long steps) {
        }
    }

    /** Integration settings of run stages. */
    public record Integration(double tolerance, double maxStep) {
        /** Dormand–Prince 5(4) with the default tolerance and no step cap. */
        public static final Integration DEFAULT =
                new Integration(RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY);
    }

    private final Magnet magnet;
    private final FieldTerm[] fixedTerms;
    private final VectorField m;
    private final Listener listener;
    private final double totalVolume;
    private final VectorField scratch;
    private double time;

    /**
     * @param magnet the system
     * @param demag demag method for its domains, or null for none
     * @param initial initial unit magnetisation (copied)
     * @param listener receives table rows
     */
    public Simulation(Magnet magnet, DemagField demag, VectorField initial, Listener listener) {
        this.magnet = magnet;
        this.listener = listener;
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

    /** @return the current time (s) */
    public double time() {
        return time;
    }

    private EffectiveField field(AppliedField applied, double stageStart) {
        FieldTerm zeeman = applied == null ? null : new ZeemanField(magnet, (t, out) -> applied.value(t - stageStart, out));
        FieldTerm[] terms = new FieldTerm[fixedTerms.length + 1];
        System.arraycopy(fixedTerms, 0, terms, 0, fixedTerms.length);
        terms[fixedTerms.length] = zeeman;
        return new EffectiveField(magnet.size(), terms);
    }

    /**
     * Relaxes to a minimum of the energy in a fixed applied field (time does not advance); reports one row.
     *
     * @param applied the applied field (its value at stage time 0 is used), or null
     * @param torqueTolerance stop when max |m × H| ≤ this (A/m)
     * @return the relaxer's result
     */
    public Relaxer.Result relax(AppliedField applied, double torqueTolerance) {
        EffectiveField field = field(applied, time);
        Relaxer.Result r = new Relaxer(field, m, torqueTolerance, Relaxer.DEFAULT_MAX_ITERATIONS).relax(time, null);
        report(field, new LlgEquation(magnet, field), 0);
        return r;
    }

    /**
     * Evolves the LLG equation for a duration, reporting a row at the start, every table interval and at the end.
     *
     * @param duration stage length (s), &gt; 0
     * @param applied applied field in stage time, or null
     * @param tableInterval row interval (s)
     * @param integration integrator settings
     * @param stop polled after every step; true ends the stage early
     * @return the number of accepted steps
     */
    public long run(double duration, AppliedField applied, double tableInterval, Integration integration,
                    BooleanSupplier stop) {
        double start = time;
        EffectiveField field = field(applied, start);
        LlgEquation llg = new LlgEquation(magnet, field);
        RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54,
                integration.tolerance(), integration.maxStep());
        long[] steps = {0};
        double end = start + duration;
        time = TimeEvolution.run(stepper, start, end, tableInterval, (t, dt, n) -> {
            time = t;
            report(field, llg, dt);
        }, () -> {
            steps[0]++;
            listener.progress(time, end, steps[0]);
            return stop.getAsBoolean();
        });
        return steps[0];
    }

    private void report(EffectiveField field, LlgEquation llg, double dt) {
        double[] energies = new double[field.terms().size()];
        VectorField h = llg.lastField();
        field.compute(time, m, h, energies);
        double torque = llg.torque(m, h, scratch);
        double[] row = new double[11];
        row[0] = time;
        for (int i = 0; i < m.size(); i++) {
            double w = magnet.volume(i) / totalVolume;
            row[1] += w * m.x[i];
            row[2] += w * m.y[i];
            row[3] += w * m.z[i];
        }
        for (int k = 0; k < energies.length; k++) {
            int column = switch (field.terms().get(k).name()) {
                case "exchange" -> 5;
                case "anisotropy" -> 6;
                case "zeeman" -> 7;
                case "demag" -> 8;
                default -> throw new IllegalStateException("unknown term " + field.terms().get(k).name());
            };
            row[column] += energies[k];
            row[4] += energies[k];
        }
        row[9] = torque;
        row[10] = dt;
        listener.row(row);
    }
}
