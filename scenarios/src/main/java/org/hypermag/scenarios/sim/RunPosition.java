package org.hypermag.scenarios.sim;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.output.Checkpoint;
import org.hypermag.solver.VectorField;

/**
 * Where a run stands: the stage, the time, the hysteresis point, the run-stage outputs, the integrator's proposed
 * step, what the completed stages did, and the last state at which the frames, tables and magnetisation agreed
 * inside a run stage (to checkpoint after a failed step). Mutable; owned by one run.
 */
final class RunPosition {
    int stage;
    double t;
    double stageStart;
    int point;
    long outputs;
    double proposedStep = Double.NaN;
    /** The step controller's memory with {@link #proposedStep} (NaN: none). */
    double stepMemory = Double.NaN;
    /** {accepted steps, rejected steps, evaluations} of the current run stage up to {@link #t}. */
    final long[] counts = new long[3];
    final List<Integer> stageConverged = new ArrayList<>();
    final List<String> stageSummaries = new ArrayList<>();

    final VectorField savedM;
    double savedT;
    double savedStep;
    double savedMemory;
    long savedOutputs;
    final long[] savedCounts = new long[3];
    long savedDraws;
    boolean saved;

    /**
     * @param domains number of domains
     * @param cp the checkpoint to continue from, or null for a new run
     */
    RunPosition(int domains, Checkpoint cp) {
        savedM = new VectorField(domains);
        if (cp != null) {
            stage = cp.stage();
            stageStart = cp.stageStart();
            t = cp.time();
            point = cp.point();
            outputs = cp.outputs();
            proposedStep = cp.nextStep();
            stepMemory = cp.stepMemory();
            System.arraycopy(cp.stageCounts(), 0, counts, 0, 3);
            for (int c : cp.stageConverged()) {
                stageConverged.add(c);
            }
            stageSummaries.addAll(cp.stageSummaries());
        }
    }

    /** Puts back the controller's state of the last consistent state. */
    void restoreSaved() {
        t = savedT;
        proposedStep = savedStep;
        stepMemory = savedMemory;
        System.arraycopy(savedCounts, 0, counts, 0, 3);
    }

    /** Moves to the start of the next stage. */
    void nextStage() {
        stage++;
        stageStart = t;
        point = 0;
        outputs = 0;
        proposedStep = Double.NaN;
        stepMemory = Double.NaN;
        java.util.Arrays.fill(counts, 0);
    }

    /** Records the current state as the last consistent one inside a run stage. */
    void save(VectorField m, double time, double step, double memory, long outs, long draws, long[] stageCounts) {
        System.arraycopy(stageCounts, 0, savedCounts, 0, 3);
        savedM.setFrom(m);
        savedT = time;
        savedStep = step;
        savedMemory = memory;
        savedOutputs = outs;
        savedDraws = draws;
        saved = true;
    }

    /** @return per completed stage: 1 converged, 0 not, −1 not applicable */
    int[] converged() {
        int[] c = new int[stageConverged.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = stageConverged.get(k);
        }
        return c;
    }
}
