package org.hypermag.solver.field;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.solver.random.Philox;

/**
 * Brown's thermal field: for each domain i and step attempt of length Δt,
 * H_th,i = η_i · sqrt(2 α_i k_B T_i / (γ_i μ0 Ms_i V_i Δt)) (A/m), with η_i three independent standard normal
 * numbers, γ in OOMMF's convention (m/(A·s), dm/dt = −γ m × H with H in A/m; mumax3 writes the same field in
 * tesla as sqrt(2 μ0 α k_B T / (Bsat γ_LL V Δt)) with γ_LL = γ/μ0) and V_i the domain's own volume (m³). Drawn once
 * per attempt ({@link #beginStep}) at the temperature of the attempt's start and held over its stages: with the
 * Heun scheme this integrates the stochastic LLG equation in Stratonovich's sense.
 *
 * <p>T_i is the material's {@link #TEMPERATURE} where its region gives one, else the stage's temperature protocol;
 * in a relaxation (a stage without temperature) the term adds nothing. η comes from {@link Philox} keyed by the
 * run's seed, counter (domain, attempt number): the numbers depend only on the seed and the attempt count
 * ({@link #draws()}, kept in checkpoints), never on threads or the order of drawing. No energy (it is not the
 * gradient of one). Draws on the shared worker threads for large systems. Not thread-safe; allocates nothing per
 * step.
 */
public final class ThermalField implements StochasticField {
    /**
     * A region's own temperature (K), overriding the stage's (and the scenario's) in every stage that has a
     * temperature; without it the region follows the stage.
     */
    public static final Parameter TEMPERATURE = Parameter.override("temperature", "K",
            "the region's own temperature, overriding the stage's (Brown's thermal field)", "the stage's");
    /** The thermal term: built in runs that may be above 0 K. */
    public static final FieldTermType TYPE = new FieldTermType("thermal", null,
            "Brown's thermal field, H_th = eta sqrt(2 alpha k_B T / (gamma mu0 Ms V dt)); no energy",
            List.of(TEMPERATURE), in -> in.drive().thermalRun() ? new ThermalField(in.magnet(), in.drive()) : null);

    /** The {@link Philox} stream of the thermal field. */
    public static final int STREAM = 1;

    private final StageDrive drive;
    private final double[] coefficient;
    private final double[] rootCoefficient;
    private final double[] ownTemperature;
    /** Domains per chunk of the parallel draw. */
    private static final int GRAIN = 2048;

    private final VectorField field;
    private final WorkerPool pool;
    private final WorkerPool.RangeTask draw = this::draw;
    private final int[][] scratch;
    private double stageKelvin;
    private double stepLength;
    private volatile boolean anyDrawn;
    private long draws;
    private long drawnInStage = -1;
    private boolean nonZero;

    /**
     * @param magnet the system (Ms, V, α, γ and the regions' temperatures)
     * @param drive the stage drive (temperature, seed)
     */
    public ThermalField(Magnet magnet, StageDrive drive) {
        this(magnet, drive, WorkerPool.shared());
    }

    /**
     * @param magnet the system (Ms, V, α, γ and the regions' temperatures)
     * @param drive the stage drive (temperature, seed)
     * @param pool the threads that draw (the numbers are the same for any number of threads)
     */
    public ThermalField(Magnet magnet, StageDrive drive, WorkerPool pool) {
        this.drive = drive;
        this.pool = pool;
        int n = magnet.size();
        double[] alpha = magnet.perDomain(LlgEquation.ALPHA), gamma = magnet.perDomain(LlgEquation.GAMMA);
        coefficient = new double[n];
        ownTemperature = new double[n];
        for (int i = 0; i < n; i++) {
            coefficient[i] = 2 * alpha[i] * Constants.K_B / (gamma[i] * Constants.MU0 * magnet.ms(i)
                    * magnet.volume(i));
            var material = magnet.material(magnet.region(i));
            ownTemperature[i] = material.isSet(TEMPERATURE) ? material.get(TEMPERATURE) : Double.NaN;
        }
        rootCoefficient = new double[n];
        for (int i = 0; i < n; i++) {
            rootCoefficient[i] = Math.sqrt(coefficient[i]);
        }
        field = new VectorField(n);
        scratch = new int[(n + GRAIN - 1) / GRAIN + 1][4]; // one per chunk of the draw: nothing allocated per step
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    @Override
    public boolean isActive() {
        return drive.temperature() != null;
    }

    @Override
    public boolean hasDraw() {
        return nonZero && drawnInStage == drive.stageNumber();
    }

    @Override
    public VectorField drawn() {
        return field;
    }

    /** @return the number of random fields drawn so far (the counter of the next draw) */
    public long draws() {
        return draws;
    }

    /**
     * Continues the sequence of draws from a checkpoint.
     *
     * @param count the number of draws made before, &ge; 0
     */
    public void setDraws(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("draw count must be >= 0, got " + count);
        }
        draws = count;
    }

    /**
     * The standard deviation of each component of the field of domain i at temperature T for a step Δt.
     *
     * @param i domain
     * @param kelvin T (K)
     * @param dt Δt (s)
     * @return sqrt(2 α k_B T / (γ μ0 Ms V Δt)) (A/m)
     */
    public double standardDeviation(int i, double kelvin, double dt) {
        return Math.sqrt(coefficient[i] * kelvin / dt);
    }

    @Override
    public boolean beginStep(double t, double dt) {
        boolean wasNonZero = hasDraw();
        if (!isActive()) {
            return clear(wasNonZero);
        }
        stageKelvin = drive.temperature(t);
        stepLength = dt;
        anyDrawn = false;
        pool.forRange(field.size(), GRAIN, draw);
        if (!anyDrawn) {
            return clear(wasNonZero);
        }
        draws++;
        nonZero = true;
        drawnInStage = drive.stageNumber();
        return true;
    }

    /** Draws the field of domains [from, to) for the current attempt (the numbers do not depend on the split). */
    private void draw(int from, int to) {
        long seed = drive.seed(), counter = draws;
        double stageT = stageKelvin, dt = stepLength, stageRoot = Math.sqrt(stageT / dt);
        double[] x = field.x, y = field.y, z = field.z;
        int[] words = scratch[from / GRAIN];
        boolean any = false;
        for (int i = from; i < to; i++) {
            double own = ownTemperature[i];
            double kelvin = own == own ? own : stageT;
            if (kelvin > 0) {
                Philox.normals(seed, STREAM, i, counter, words, x, y, z, i);
                double s = own == own ? Math.sqrt(coefficient[i] * kelvin / dt) : rootCoefficient[i] * stageRoot;
                x[i] *= s;
                y[i] *= s;
                z[i] *= s;
                any = true;
            } else {
                x[i] = 0;
                y[i] = 0;
                z[i] = 0;
            }
        }
        if (any) {
            anyDrawn = true;
        }
    }

    private boolean clear(boolean wasNonZero) {
        if (nonZero) {
            field.clear();
            nonZero = false;
        }
        return wasNonZero;
    }

    @Override
    public void endStep(double t, double dt, boolean accepted) {
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        if (!hasDraw()) {
            return;
        }
        double[] x = field.x, y = field.y, z = field.z;
        for (int i = 0; i < x.length; i++) {
            h.x[i] += x[i];
            h.y[i] += y[i];
            h.z[i] += z[i];
        }
    }

    /** @return 0: the thermal field is not the gradient of an energy */
    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        return 0;
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        java.util.Arrays.fill(density, 0);
    }
}
