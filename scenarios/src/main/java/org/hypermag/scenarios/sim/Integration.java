package org.hypermag.scenarios.sim;

import org.hypermag.integrators.ButcherTableau;
import org.hypermag.integrators.PartitionedTableau;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.scenarios.spec.Scenario;

/**
 * The integrator settings of a run stage: a Runge–Kutta tableau (adaptive or with a fixed step) or a partitioned pair
 * (adaptive), the scenario's {@code integrator} section made into what {@link Simulation} steps with.
 *
 * @param tableau the method, or null for a partitioned one
 * @param tolerance error tolerance per step (rad) for an adaptive tableau
 * @param maxStep largest step (s)
 * @param fixedStep the step of a fixed-step method (s), NaN for adaptive
 * @param partitioned the partitioned pair that steps instead of a tableau (adaptive; the demag on its
 *     long-range stages only), or null
 */
public record Integration(ButcherTableau tableau, double tolerance, double maxStep, double fixedStep,
                          PartitionedTableau partitioned) {
    /** Dormand–Prince 5(4), tolerance 1e-5 rad, no step cap. */
    public static final Integration DEFAULT = new Integration(ButcherTableau.DORMAND_PRINCE_54,
            RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY, Double.NaN);

    /**
     * A Runge–Kutta method.
     *
     * @param tableau the method
     * @param tolerance error tolerance per step (rad) for an adaptive tableau
     * @param maxStep largest step (s)
     * @param fixedStep the step of a fixed-step method (s), NaN for adaptive
     */
    public Integration(ButcherTableau tableau, double tolerance, double maxStep, double fixedStep) {
        this(tableau, tolerance, maxStep, fixedStep, null);
    }

    /**
     * An adaptive partitioned method.
     *
     * @param pair the pair
     * @param tolerance error tolerance per step (rad)
     * @param maxStep largest step (s)
     * @return the settings
     */
    public static Integration partitioned(PartitionedTableau pair, double tolerance, double maxStep) {
        return new Integration(null, tolerance, maxStep, Double.NaN, pair);
    }

    /** @return the method's name */
    public String methodName() {
        return partitioned != null ? partitioned.name() : tableau.name();
    }

    /** @return whether the step adapts to the tolerance */
    public boolean isAdaptive() {
        return Double.isNaN(fixedStep) && (partitioned != null || tableau.isAdaptive());
    }

    /** @return a description for logs and metadata */
    public String describe() {
        return Double.isNaN(fixedStep) ? methodName() + ", tolerance " + tolerance + " rad per step"
                + (partitioned == null ? "" : ", demag on " + partitioned.longStages().length + " of "
                        + partitioned.stages() + " stages")
                + (Double.isInfinite(maxStep) ? "" : ", max step " + maxStep + " s")
                : methodName() + ", fixed step " + fixedStep + " s";
    }

    /**
     * @param i the scenario's integrator
     * @return the simulation's integrator settings
     */
    public static Integration of(Scenario.Integrator i) {
        return switch (i.method()) {
            case DORMAND_PRINCE -> new Integration(ButcherTableau.DORMAND_PRINCE_54, i.tolerance(), i.maxStep(),
                    Double.NaN);
            case BOGACKI_SHAMPINE -> new Integration(ButcherTableau.BOGACKI_SHAMPINE_32, i.tolerance(), i.maxStep(),
                    Double.NaN);
            case FEHLBERG -> new Integration(ButcherTableau.FEHLBERG_54, i.tolerance(), i.maxStep(), Double.NaN);
            case RK46 -> new Integration(ButcherTableau.RK46_3, i.tolerance(), i.maxStep(), Double.NaN);
            case PRK48 -> partitioned(PartitionedTableau.PRK48, i.tolerance(), i.maxStep());
            case PRK410 -> partitioned(PartitionedTableau.PRK410, i.tolerance(), i.maxStep());
            case HEUN -> new Integration(ButcherTableau.HEUN, Double.NaN, i.step(), i.step());
            case RK4 -> Double.isNaN(i.step()) ? new Integration(ButcherTableau.RK4_3, i.tolerance(),
                    i.maxStep(), Double.NaN) : new Integration(ButcherTableau.RK4, Double.NaN, i.step(),
                    i.step());
        };
    }
}
