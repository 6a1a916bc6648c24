package org.hypermag.scenarios.sim;

import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.Temperature;

/**
 * A hysteresis stage swept in time ({@code rate} given; always above 0 K): between consecutive field points the
 * applied field ramps linearly at μ0 |dH/dt| = rate while the LLG equation (with the thermal field) is integrated,
 * and each point records the state reached when the sweep gets there. Point 0 records the state the stage starts
 * with. The stage's temperature protocol runs in stage time. Checkpoints are taken at points; a stop inside a sweep
 * goes back to the last point, and a resumed run repeats that sweep with the same random numbers.
 */
final class HysteresisSweep {
    private final StageExecution.Context c;
    private final Scenario.Hysteresis h;

    HysteresisSweep(StageExecution.Context c, Scenario.Hysteresis h) {
        this.c = c;
        this.h = h;
    }

    /** @return true if done, false if stopped on request (checkpointed at the last point) */
    boolean sweep() {
        Simulation sim = c.sim();
        RunPosition pos = c.position();
        Temperature temperature = c.scenario().temperatureOf(h);
        int points = h.points();
        for (int k = pos.point; k < points; k++) {
            pos.save(sim.magnetisation(), pos.t, pos.proposedStep, pos.stepMemory, pos.outputs, sim.thermalDraws(),
                    pos.counts);
            long[] steps = {0};
            if (k > 0 && h.sweepTime(k) > 0) {
                double t0 = pos.t, t1 = t0 + h.sweepTime(k);
                sim.enterStage(AppliedField.ramp(h.fieldAt(k - 1), h.fieldAt(k), t0 - pos.stageStart,
                        t1 - pos.stageStart), temperature, pos.stageStart);
                double reached = sim.run(t0, t0, t1, t1 - t0, c.integration(), pos.proposedStep, pos.stepMemory,
                        false, (tOut, dt, llg, proposed, memory) -> {
                            pos.proposedStep = proposed;
                            pos.stepMemory = memory;
                        }, (tNow, n, atOutput) -> {
                            steps[0] = n;
                            return c.stop().getAsBoolean();
                        });
                if (reached < t1) {
                    pos.restoreSaved();
                    c.checkpointNow(pos.savedM);
                    return false;
                }
                pos.t = t1;
            } else {
                sim.enterStage(AppliedField.constant(h.fieldAt(k)), temperature, pos.stageStart);
            }
            if (!StageExecution.pointDone(c, h, k, -1, steps[0])) {
                return false;
            }
        }
        return true;
    }
}
