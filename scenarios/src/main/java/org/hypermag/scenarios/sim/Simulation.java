package org.hypermag.scenarios.sim;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hypermag.integrators.ButcherTableau;
import org.hypermag.integrators.DenseStepper;
import org.hypermag.integrators.PartitionedStepper;
import org.hypermag.integrators.Relaxer;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.integrators.TimeEvolution;
import org.hypermag.output.RunTable;
import org.hypermag.solver.Constants;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.EnergyRates;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.llg.Torque;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.gpu.DeviceLlgStepper;

/**
 * The engine of a simulation on one magnet: relaxation and time evolution under the current stage's drive, and the
 * numbers a run records (table rows, frame fields). The terms and torques are those of {@link Physics}, built once;
 * {@link #enterStage} changes what the stage applies. The magnetisation is owned here and advanced in place. Stages,
 * output files and checkpoints are the business of {@link ScenarioRunner}.
 */
public final class Simulation {

    /** Receives the state at output times of a run. */
    @FunctionalInterface
    public interface Output {
        /**
         * @param t output time (s)
         * @param lastStep last step (s)
         * @param llg the equation (its last field is at this state)
         * @param proposedStep the integrator's proposed next step (s), for checkpoints
         * @param stepMemory the step controller's memory ({@link org.hypermag.integrators.DenseStepper#controllerMemory}),
         *     for checkpoints
         */
        void output(double t, double lastStep, LlgEquation llg, double proposedStep, double stepMemory);
    }

    private final Magnet magnet;
    private final StageDrive drive = new StageDrive();
    private final EffectiveField field;
    /** The field relaxations minimise: the same terms with the demag's CPU reference ({@link DemagField#reference}). */
    private final EffectiveField relaxField;
    private final List<Torque> torques;
    private final VectorField m;
    private final double totalVolume;
    private final VectorField scratch;
    private final double[] applied = new double[3];
    private final ThermalField thermal;
    /** The device the whole LLG step may run on ({@link #enableDeviceStep}), its precision, and its stepper. */
    private com.aparapi.device.Device stepDevice;
    private org.hypermag.solver.gpu.Precision stepPrecision;
    private Consumer<String> stepLog;
    private DeviceLlgStepper deviceStepper;
    /** Whether {@link #runDense} interpolates the rows' energies between step ends ({@link RowInterpolation}). */
    private boolean interpolatedRows = true;
    /** The energies and rates at step ends, built on first use. */
    private EnergyRates energyRates;
    /** The row interpolation of the run in progress, or null. */
    private RowInterpolation rows;
    private final WorkerPool pool;

    /**
     * @param magnet the system
     * @param demag demag method for its domains, or null for none
     * @param initial initial unit magnetisation (copied)
     * @param thermalSeed the seed of the thermal field's random numbers in a run that may be above 0 K, or null
     *     for a run at 0 K (no thermal term)
     */
    public Simulation(Magnet magnet, DemagField demag, VectorField initial, Long thermalSeed) {
        this(magnet, demag, initial, thermalSeed, null);
    }

    /**
     * @param magnet the system
     * @param demag demag method for its domains, or null for none
     * @param initial initial unit magnetisation (copied)
     * @param thermalSeed the thermal field's seed, or null for a run at 0 K
     * @param pool the threads large grids' exchange and torque loops are split over, or null for one thread
     */
    public Simulation(Magnet magnet, DemagField demag, VectorField initial, Long thermalSeed, WorkerPool pool) {
        this.magnet = magnet;
        this.pool = pool;
        if (thermalSeed != null) {
            drive.enableThermal(thermalSeed);
        }
        TermInputs inputs = new TermInputs(magnet, demag, drive, pool);
        field = Physics.effectiveField(inputs);
        DemagField reference = demag == null ? null : demag.reference();
        relaxField = reference == demag ? field : withDemag(field, new DemagTerm(magnet, reference), magnet.size());
        thermal = (ThermalField) field.terms().stream().filter(t -> t instanceof ThermalField).findFirst()
                .orElse(null);
        torques = Physics.torques(inputs);
        m = initial.copy();
        totalVolume = magnet.totalVolume();
        scratch = new VectorField(magnet.size());
    }

    /**
     * Lets run stages step on an OpenCL device ({@link DeviceLlgStepper}) when the whole effective field has device
     * kernels; otherwise says once, on the log, what has none (the step then runs on the CPU, the demag on the
     * device).
     *
     * @param device the device the demag runs on
     * @param precision float or double there
     * @param log one line
     * @return whether run stages will step on the device (adaptive Dormand–Prince ones)
     */
    public boolean enableDeviceStep(com.aparapi.device.Device device, org.hypermag.solver.gpu.Precision precision,
                                    Consumer<String> log) {
        List<String> missing = new java.util.ArrayList<>(DeviceLlgStepper.unsupported(field));
        for (Torque t : torques) {
            missing.add(t.type().name());
        }
        if (!missing.isEmpty()) {
            log.accept("gpu: the LLG step runs on the CPU (the device has no kernel for " + String.join(", ", missing)
                    + "); the demag runs on the device");
            return false;
        }
        stepDevice = device;
        stepPrecision = precision;
        stepLog = log;
        log.accept("gpu: run stages with adaptive Dormand-Prince step on the device (field, torque, stages, error norm "
                + "and the outputs' interpolation there; m comes back after each step, for the run's position)");
        return true;
    }

    /**
     * @param integration a stage's integrator settings
     * @return whether {@link #runDense} steps on the device: enabled, and adaptive Dormand–Prince
     */
    public boolean stepsOnDevice(Integration integration) {
        return stepDevice != null && Double.isNaN(integration.fixedStep())
                && integration.tableau() == org.hypermag.integrators.ButcherTableau.DORMAND_PRINCE_54;
    }

    /** @return the magnetisation (owned; advanced in place) */
    public VectorField magnetisation() {
        return m;
    }

    /** @return the system */
    public Magnet magnet() {
        return magnet;
    }

    /** @return the effective field (its terms are built once; what the stage applies comes from the drive) */
    public EffectiveField field() {
        return field;
    }

    /**
     * Sets what the coming stage applies.
     *
     * @param appliedField applied field protocol in stage time, or null for none
     * @param temperature the stage's temperature in stage time, or null for a deterministic stage (a relaxation)
     * @param stageStart time at which the stage starts (s)
     */
    public void enterStage(AppliedField appliedField, Temperature temperature, double stageStart) {
        drive.set(appliedField, temperature, stageStart);
    }

    /**
     * Sets the electric current density of the stage just entered, flowing in some regions only.
     *
     * @param currentDensity the protocol in stage time (A/m²), or null for none
     * @param regions the regions that carry it, or null for all
     */
    public void setCurrent(AppliedField currentDensity, List<Integer> regions) {
        boolean[] mask = null;
        if (regions != null) {
            mask = new boolean[magnet.regionCount()];
            for (int r : regions) {
                if (r < mask.length) {
                    mask[r] = true;
                }
            }
        }
        drive.setCurrent(currentDensity, mask);
    }

    /** @return the number of thermal fields drawn so far (0 in a run at 0 K) */
    public long thermalDraws() {
        return thermal == null ? 0 : thermal.draws();
    }

    /**
     * Continues the thermal field's random numbers from a checkpoint.
     *
     * @param draws the number drawn before
     */
    public void setThermalDraws(long draws) {
        if (thermal != null) {
            thermal.setDraws(draws);
        }
    }

    /**
     * Relaxes to a minimum of the energy (time does not advance), with the demag's CPU reference where the run stages
     * use a device copy ({@link DemagField#reference}).
     *
     * @param t time at which the field is taken (s)
     * @param torqueTolerance stop at max |m × H| ≤ this (A/m)
     * @param maxIterations iteration limit
     * @param listener progress, or null
     * @param stop polled every iteration
     * @return the relaxer's result
     */
    public Relaxer.Result relax(double t, double torqueTolerance, int maxIterations, Relaxer.Listener listener,
                                BooleanSupplier stop) {
        return new Relaxer(relaxField, m, torqueTolerance, maxIterations).relax(t, listener, stop);
    }

    /** @return the same terms (the same instances) with another demag term in the demag's place */
    private static EffectiveField withDemag(EffectiveField f, DemagTerm demag, int n) {
        FieldTerm[] terms = f.terms().toArray(new FieldTerm[0]);
        for (int k = 0; k < terms.length; k++) {
            if (terms[k] instanceof DemagTerm) {
                terms[k] = demag;
            }
        }
        return new EffectiveField(n, terms);
    }

    /** @return whether relaxations evaluate the demag on the CPU while run stages use a device copy */
    public boolean relaxesOnTheCpu() {
        return relaxField != field;
    }

    /**
     * Evolves the LLG equation on the output grid origin + k·interval from {@code start} to {@code end}.
     *
     * @param origin output grid origin (s)
     * @param start current time (s)
     * @param end end time (s)
     * @param interval output interval (s)
     * @param integration integrator settings
     * @param proposedStep the first step to try (s), NaN to let the integrator choose (continuing from a checkpoint
     *     passes the proposal recorded there)
     * @param stepMemory the step controller's memory recorded with it (NaN: none)
     * @param observeStart whether the start is an output
     * @param output receives output times
     * @param listener called after every step; may stop the run at any step
     * @return the time reached
     */
    public double run(double origin, double start, double end, double interval, Integration integration,
                      double proposedStep, double stepMemory, boolean observeStart, Output output,
                      TimeEvolution.StepListener listener) {
        LlgEquation llg = new LlgEquation(magnet, field, torques, pool);
        DenseStepper stepper = stepper(llg, integration, proposedStep, stepMemory);
        return TimeEvolution.run(stepper, origin, start, end, interval, observeStart,
                (t, dt, steps) -> output.output(t, dt, llg, stepper.proposedStep(), stepper.controllerMemory()),
                listener);
    }

    /** The device stepper (built once), loaded with m and the controller's state; its counts from here on. */
    private DeviceLlgStepper deviceStepper(Integration integration, double proposedStep, double stepMemory) {
        if (deviceStepper == null) {
            try {
                deviceStepper = new DeviceLlgStepper(magnet, field, integration.tolerance(), integration.maxStep(),
                        stepDevice, stepPrecision, stepLog);
            } catch (IllegalArgumentException e) {
                // e.g. the step's buffers do not fit the device: the CPU steps, the demag stays on the device
                stepLog.accept("gpu: the LLG step runs on the CPU: " + e.getMessage());
                stepDevice = null;
                return null;
            }
        }
        deviceStepper.upload(m);
        deviceStepper.setProposedStep(proposedStep);
        deviceStepper.setControllerMemory(stepMemory);
        lastStepper = null;
        deviceCounts = new long[] {deviceStepper.acceptedSteps(), deviceStepper.rejectedSteps(),
            deviceStepper.evaluations()};
        return deviceStepper;
    }

    /** {accepted, rejected, evaluations} of the device stepper when its last run started (as in stageCounts). */
    private long[] deviceCounts;

    /** A stepper of the equation with these settings, remembered for its counts and proposal. */
    private DenseStepper stepper(LlgEquation llg, Integration integration, double proposedStep, double stepMemory) {
        DenseStepper stepper = integration.partitioned() != null
                ? PartitionedStepper.adaptive(llg, m, integration.partitioned(), integration.tolerance(),
                        integration.maxStep())
                : Double.isNaN(integration.fixedStep())
                ? RungeKuttaStepper.adaptive(llg, m, integration.tableau(), integration.tolerance(),
                        integration.maxStep())
                : RungeKuttaStepper.fixed(llg, m, integration.tableau(), integration.fixedStep());
        stepper.setProposedStep(proposedStep);
        stepper.setControllerMemory(stepMemory);
        lastStepper = stepper;
        deviceCounts = null;
        return stepper;
    }

    /**
     * Whether a run stage with these settings steps freely and outputs by dense interpolation
     * ({@link #runDense}): an adaptive method on a deterministic equation (no temperature).
     *
     * @param integration integrator settings
     * @param thermal whether the stage has a thermal field
     * @return true for dense output
     */
    public static boolean denseOutput(Integration integration, boolean thermal) {
        return !thermal && integration.isAdaptive();
    }

    /**
     * Evolves the LLG equation from {@code start} to {@code end} with steps chosen by the error control alone and
     * outputs at origin + k·interval by interpolation ({@link TimeEvolution#runDense}).
     *
     * @param origin output grid origin (s)
     * @param start current time (s): the origin or a step boundary
     * @param end end time (s)
     * @param interval output interval (s)
     * @param integration integrator settings (see {@link #denseOutput})
     * @param proposedStep the first step to try (s), NaN to let the integrator choose
     * @param stepMemory the step controller's memory recorded with it (NaN: none)
     * @param observeStart whether the start is an output
     * @param nextOutput the index of the first output after the start still to observe
     * @param output receives output times (the magnetisation holds the interpolated state meanwhile)
     * @param listener called after every step, with the step's end state; may stop the run
     * @return the time reached
     */
    public double runDense(double origin, double start, double end, double interval, Integration integration,
                           double proposedStep, double stepMemory, boolean observeStart, long nextOutput,
                           Output output, TimeEvolution.StepListener listener) {
        LlgEquation llg = new LlgEquation(magnet, field, torques, pool);
        DeviceLlgStepper d = stepsOnDevice(integration) ? deviceStepper(integration, proposedStep, stepMemory) : null;
        if (d != null) {
            d.mirrorInto(m);
            try {
                return TimeEvolution.runDense(d, m, origin, start, end, interval, observeStart, nextOutput,
                        (t, dt, steps) -> output.output(t, dt, llg, d.proposedStep(), d.controllerMemory()), listener);
            } finally {
                d.mirrorInto(null);
                d.download(m);
            }
        }
        deviceCounts = null;
        DenseStepper stepper = stepper(llg, integration, proposedStep, stepMemory);
        DenseStepper stepping = stepper;
        if (interpolatedRows) {
            if (energyRates == null) {
                energyRates = new EnergyRates(magnet, field, pool);
            }
            rows = new RowInterpolation(stepper, llg, m, energyRates, drive);
            rows.start(start);
            stepping = rows;
        }
        try {
            return TimeEvolution.runDense(stepping, m, origin, start, end, interval, observeStart, nextOutput,
                    (t, dt, steps) -> output.output(t, dt, llg, stepper.proposedStep(), stepper.controllerMemory()),
                    listener);
        } finally {
            rows = null;
        }
    }

    /**
     * @param interpolated true (the default): a row inside a step of {@link #runDense} takes its energies from the
     *     step's ends ({@link RowInterpolation}); false: every row evaluates the field at its interpolated state
     */
    public void setInterpolatedRows(boolean interpolated) {
        interpolatedRows = interpolated;
    }

    /** The stepper of the last {@link #run} or {@link #runDense}, for its counts. */
    private DenseStepper lastStepper;
    /** The run stage's counts before this process's part of it (from its checkpoint); null outside a run stage. */
    private long[] countBase;

    /**
     * Starts or ends the counting of a run stage's steps in its table rows ({@link #stageCounts}).
     *
     * @param before {accepted steps, rejected steps, evaluations} of the stage before this process continued it
     *     (zeros for a stage just begun), or null: the stage is over and rows count nothing
     */
    public void countStage(long[] before) {
        countBase = before == null ? null : before.clone();
    }

    /**
     * Writes {accepted steps, rejected steps, evaluations of dm/dt} of the run stage in progress, from its start (a
     * resumed stage included) up to the current state, into out; zeros outside a run stage ({@link #countStage}).
     * Allocates nothing (it runs after every step).
     *
     * @param out receives the three counts
     */
    public void stageCounts(long[] out) {
        if (countBase == null) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        out[0] = countBase[0] + accepted();
        out[1] = countBase[1] + rejected();
        out[2] = countBase[2] + evaluations();
    }

    /**
     * @return {rejected step attempts, evaluations of dm/dt} of the last {@link #run} or {@link #runDense} (since
     *     it started, or since the stage was continued from a checkpoint)
     */
    public long[] stepCounts() {
        return new long[] {rejected(), evaluations()};
    }

    /** @return whether the last run stepped on the device (its counts then are the device stepper's since then) */
    private boolean steppedOnDevice() {
        return lastStepper == null && deviceCounts != null;
    }

    /** Accepted steps of the last {@link #run} or {@link #runDense}. */
    private long accepted() {
        return steppedOnDevice() ? deviceStepper.acceptedSteps() - deviceCounts[0]
                : lastStepper == null ? 0 : lastStepper.acceptedSteps();
    }

    /** Rejected step attempts of the last {@link #run} or {@link #runDense}. */
    private long rejected() {
        return steppedOnDevice() ? deviceStepper.rejectedSteps() - deviceCounts[1]
                : lastStepper == null ? 0 : lastStepper.rejectedSteps();
    }

    /** Evaluations of dm/dt of the last {@link #run} or {@link #runDense}. */
    private long evaluations() {
        return steppedOnDevice() ? deviceStepper.evaluations() - deviceCounts[2]
                : lastStepper == null ? 0 : lastStepper.evaluations();
    }

    /** @return the integrator's proposed next step after the last step of {@link #runDense} (s), for checkpoints */
    public double lastProposedStep() {
        if (steppedOnDevice()) {
            return deviceStepper.proposedStep();
        }
        return lastStepper == null ? Double.NaN : lastStepper.proposedStep();
    }

    /** @return the step controller's memory after the last step of {@link #runDense}, for checkpoints */
    public double lastStepMemory() {
        if (steppedOnDevice()) {
            return deviceStepper.controllerMemory();
        }
        return lastStepper == null ? Double.NaN : lastStepper.controllerMemory();
    }

    /**
     * A table row for the current state ({@link RunTable}'s columns); inside a step of {@link #runDense} its
     * energies and largest torque come from the step's ends unless {@code evaluate} ({@link RowInterpolation}).
     *
     * @param t time (s)
     * @param dt last step (s)
     * @param stage stage index
     * @param point hysteresis field point, or −1
     * @param evaluate whether to evaluate the field at the current state whatever the setting (e.g. for a row a
     *     frame is written at, whose energy densities then integrate to the row's energies)
     * @return the row
     */
    public double[] row(double t, double dt, int stage, int point, boolean evaluate) {
        List<FieldTerm> terms = field.terms();
        double[] energies = new double[terms.size()];
        double torque = rows == null || evaluate ? Double.NaN : rows.energiesAt(t, energies);
        if (Double.isNaN(torque)) {
            field.compute(t, m, scratch, energies);
            torque = maxTorque(scratch);
        }
        double[] row = new double[RunTable.WIDTH];
        row[RunTable.T] = t;
        double[] avg = average();
        System.arraycopy(avg, 0, row, RunTable.MX, 3);
        for (int k = 0; k < energies.length; k++) {
            int column = Physics.energyColumnOf(terms.get(k));
            if (column >= 0) {
                row[RunTable.energy(column)] += energies[k];
                row[RunTable.E_TOTAL] += energies[k];
            }
        }
        row[RunTable.MAX_TORQUE] = torque;
        row[RunTable.DT] = dt;
        long[] counts = new long[3];
        stageCounts(counts);
        for (int k = 0; k < 3; k++) {
            row[RunTable.STEPS + k] = counts[k];
        }
        drive.appliedField(t, applied);
        for (int c = 0; c < 3; c++) {
            row[RunTable.B_EXT + c] = Constants.MU0 * applied[c];
        }
        row[RunTable.STAGE] = stage;
        row[RunTable.POINT] = point;
        return row;
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
     * The per-domain fields a frame may record, for the current state ({@link FrameFields#of}).
     *
     * @param t time (s)
     * @param demag whether to compute the demagnetising field
     * @param effective whether to compute the effective field
     * @param energyDensity whether to compute the energy densities
     * @return the fields (null where not asked for)
     */
    public FrameFields frameFields(double t, boolean demag, boolean effective, boolean energyDensity) {
        return FrameFields.of(field, m, t, demag, effective, energyDensity);
    }
}
