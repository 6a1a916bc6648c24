package org.hypermag.solver.field;

/**
 * What the current stage applies from outside: the applied field protocol and the temperature, in stage time, and
 * the run's random seed. One instance is shared by the terms of a simulation and changed between stages
 * ({@link #set}), so terms are built once per run. Each {@code set} starts a new stage ({@link #stageNumber}), so
 * that nothing drawn for one stage leaks into the next. Not thread-safe; allocates nothing per call.
 */
public final class StageDrive {
    private AppliedField field;
    private AppliedField current;
    private boolean[] currentRegions;
    private Temperature temperature;
    private double stageStart;
    private long stageNumber;
    private boolean thermalRun;
    private long seed;

    /**
     * Declares that the run may be at a temperature above 0 K (before the terms are built: the thermal term exists
     * only in such runs), with its random seed.
     *
     * @param seed the seed of every random number the run draws
     */
    public void enableThermal(long seed) {
        this.thermalRun = true;
        this.seed = seed;
    }

    /** @return whether the run may be at a temperature above 0 K ({@link #enableThermal}) */
    public boolean thermalRun() {
        return thermalRun;
    }

    /** @return the run's random seed */
    public long seed() {
        return seed;
    }

    /**
     * @param applied the applied field protocol in stage time (s from the stage start), or null for none
     * @param start the stage's start time (s)
     */
    public void set(AppliedField applied, double start) {
        set(applied, null, start);
    }

    /**
     * @param applied the applied field protocol in stage time (s from the stage start), or null for none
     * @param temperature the stage's temperature in stage time, or null for a deterministic stage (a relaxation,
     *     or 0 K)
     * @param start the stage's start time (s)
     */
    public void set(AppliedField applied, Temperature temperature, double start) {
        this.field = applied;
        this.current = null;
        this.currentRegions = null;
        this.temperature = temperature;
        this.stageStart = start;
        stageNumber++;
    }

    /**
     * Sets the stage's electric current density (after {@link #set}, which clears it).
     *
     * @param currentDensity the current density protocol in stage time (A/m², the vector's direction the current's),
     *     or null for none
     */
    public void setCurrent(AppliedField currentDensity) {
        setCurrent(currentDensity, null);
    }

    /**
     * Sets the stage's electric current density, flowing in some regions only.
     *
     * @param currentDensity the current density protocol in stage time (A/m²), or null for none
     * @param regions which regions carry it (indexed by region; null: all)
     */
    public void setCurrent(AppliedField currentDensity, boolean[] regions) {
        this.current = currentDensity;
        this.currentRegions = regions == null ? null : regions.clone();
    }

    /**
     * @param region a region
     * @return whether the stage's current flows there
     */
    public boolean currentIn(int region) {
        return currentRegions == null || (region < currentRegions.length && currentRegions[region]);
    }

    /**
     * @param t time (s)
     * @param out receives the current density (A/m²) when the stage drives one
     * @return whether the stage drives a current (false: out is untouched)
     */
    public boolean currentDensity(double t, double[] out) {
        if (current == null) {
            return false;
        }
        current.value(t - stageStart, out);
        return true;
    }

    /** @return a number that changes with every {@link #set} */
    public long stageNumber() {
        return stageNumber;
    }

    /** @return the stage's temperature protocol, or null for a deterministic stage */
    public Temperature temperature() {
        return temperature;
    }

    /**
     * @param t time (s)
     * @return the stage's temperature at t (K); 0 in a deterministic stage
     */
    public double temperature(double t) {
        return temperature == null ? 0 : temperature.at(t - stageStart);
    }

    /** @return a drive applying the given protocol from time 0 */
    static StageDrive of(AppliedField applied) {
        StageDrive d = new StageDrive();
        d.set(applied, 0);
        return d;
    }

    /**
     * @param t time (s)
     * @param out receives the applied field H_app (A/m); zero without one
     */
    public void appliedField(double t, double[] out) {
        if (field == null) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
        } else {
            field.value(t - stageStart, out);
        }
    }
}
