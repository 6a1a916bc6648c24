package org.hypermag.solver.field;

/**
 * What the current stage applies from outside: the applied field protocol, in stage time. One instance is shared by
 * the terms of a simulation and changed between stages ({@link #set}), so terms are built once per run. Not
 * thread-safe; allocates nothing per call.
 */
public final class StageDrive {
    private AppliedField field;
    private double stageStart;

    /**
     * @param applied the applied field protocol in stage time (s from the stage start), or null for none
     * @param start the stage's start time (s)
     */
    public void set(AppliedField applied, double start) {
        this.field = applied;
        this.stageStart = start;
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
