package org.hypermag.scenarios.sim;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.hypermag.integrators.Relaxer;
import org.hypermag.output.RunOutputs;
import org.hypermag.output.RunTable;
import org.hypermag.output.TableData;
import org.hypermag.output.TableWriter;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;

/**
 * The three kinds of stage: relaxation, time evolution, and a quasi-static hysteresis loop. Each writes its table
 * rows, ends with a frame of its final state (a hysteresis stage with {@code frames: true} writes one per field
 * point, recording the point), takes checkpoints at safe points, and records whether it converged: a relaxation, or
 * a hysteresis field point, that stopped above its torque tolerance is reported (a warning naming it, 0 in the
 * hysteresis table's {@code converged} column and in run.h5's {@code /stages/converged}), never passed off as done.
 */
final class StageExecution {

    /** What a stage needs from the run around it. */
    interface Context {
        Simulation sim();

        RunOutputs outputs();

        RunPosition position();

        Scenario scenario();

        ScenarioRunner.Progress progress();

        BooleanSupplier stop();

        Integration integration();

        /** Writes a frame of the current state of the current stage. */
        void frame(double time, int point);

        /** Records a completed stage's summary and convergence (1, 0, −1). */
        void stageDone(String summary, int converged);

        boolean checkpointDue();

        /** Checkpoints the current position with this magnetisation. */
        void checkpointNow(VectorField m);

        /** Says once per run that relaxations ignore the temperature (in a run above 0 K). */
        void noteDeterministicRelaxation();
    }

    /** A stage cannot go on (non-finite values in a relaxation); the state is the last good one. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private final Context c;

    StageExecution(Context c) {
        this.c = c;
    }

    /**
     * @param stage the stage at the context's position
     * @return true if done, false if stopped on request
     */
    boolean execute(Scenario.Stage stage) {
        if (stage instanceof Scenario.Relax r) {
            return relax(r);
        }
        if (stage instanceof Scenario.Run r) {
            return run(r);
        }
        return hysteresis((Scenario.Hysteresis) stage);
    }

    private boolean relax(Scenario.Relax r) {
        long wall = System.nanoTime();
        Simulation sim = c.sim();
        RunPosition pos = c.position();
        sim.enterStage(r.field() == null ? null : r.field().field(), null, pos.t);
        c.noteDeterministicRelaxation();
        Relaxer.Result res = sim.relax(pos.t, r.torqueTolerance(), r.maxIterations(), (it, e, torque) -> {
            c.progress().relaxing(it, torque);
            if (logged(it)) {
                c.outputs().relaxLog().row(pos.stage, it, e, torque);
            }
        }, c.stop());
        if (res.outcome() == Relaxer.Outcome.INTERRUPTED) {
            return false;
        }
        if (res.outcome() == Relaxer.Outcome.NON_FINITE) {
            throw new Failure(res.toString());
        }
        c.outputs().table().row(sim.row(pos.t, 0, pos.stage, -1, true));
        c.frame(pos.t, -1);
        boolean converged = res.outcome() == Relaxer.Outcome.CONVERGED;
        if (!converged) {
            c.progress().note("warning: stage " + (pos.stage + 1) + " (relax) did not converge: " + res
                    + " (tolerance " + r.torqueTolerance() + " A/m; raise relax.max_iterations or the tolerance)");
        }
        double[] m = sim.average();
        c.stageDone(String.format(Locale.ROOT, "relax: %s; <m> = (%.5f, %.5f, %.5f); %.1f s", res, m[0], m[1], m[2],
                (System.nanoTime() - wall) / 1e9), converged ? 1 : 0);
        return true;
    }

    /** The relaxation log keeps every iteration up to 1000, then about 100 per decade. */
    static boolean logged(int iteration) {
        if (iteration <= 1000) {
            return true;
        }
        long step = 1;
        for (long x = iteration; x >= 10_000; x /= 10) {
            step *= 10;
        }
        return iteration % (10 * step) == 0;
    }

    private boolean run(Scenario.Run r) {
        long wall = System.nanoTime();
        Simulation sim = c.sim();
        RunPosition pos = c.position();
        Scenario.Output out = c.scenario().output();
        double end = pos.stageStart + r.duration();
        double interval = out.tableInterval();
        long frameEvery = out.frameInterval() > 0 ? Math.max(1, Math.round(out.frameInterval() / interval)) : 0;
        // a stage at 0 K everywhere is deterministic (no thermal field drawn, outputs interpolated)
        boolean warm = c.scenario().hottest(r) > 0;
        sim.enterStage(r.field() == null ? null : r.field().field(), warm ? c.scenario().temperatureOf(r) : null,
                pos.stageStart);
        sim.setCurrent(r.current(), r.currentRegions());
        boolean dense = Simulation.denseOutput(c.integration(), warm);
        boolean continuing = pos.outputs > 0 || (dense && pos.t > pos.stageStart);
        sim.countStage(continuing ? pos.counts : new long[3]);
        double[][] previous = {null};
        double[][] zero = {null};
        long[] stepCount = {0};
        long[] lastOutput = {pos.outputs};
        Simulation.Output rows = (tOut, dt, llg, proposed, memory) -> {
            long k = Math.round((tOut - pos.stageStart) / interval);
            boolean atEnd = tOut == end;
            boolean frame = (frameEvery > 0 && k % frameEvery == 0) || atEnd;
            // a frame's row is evaluated at its state, so that the frame's energy densities integrate to it
            double[] row = sim.row(tOut, dt, pos.stage, -1, frame);
            c.outputs().table().row(row);
            if (zero[0] == null && previous[0] != null) {
                zero[0] = Landmarks.firstZero(List.of(previous[0], row), 1, 0);
            }
            previous[0] = row;
            if (frame) {
                c.frame(tOut, -1);
            }
            lastOutput[0] = k;
            if (!dense) {
                pos.t = tOut;
                pos.outputs = k;
                sim.stageCounts(pos.counts);
                pos.save(sim.magnetisation(), tOut, proposed, memory, k, sim.thermalDraws(), pos.counts);
                if (!atEnd && c.checkpointDue()) {
                    pos.proposedStep = proposed;
                    pos.stepMemory = memory;
                    c.checkpointNow(sim.magnetisation());
                }
            }
        };
        double reached;
        if (dense) {
            // steps chosen by the error control alone; rows and frames interpolated inside them; the position (and
            // any checkpoint) is a step's end, so a resumed run takes the same steps
            reached = sim.runDense(pos.stageStart, pos.t, end, interval, c.integration(), pos.proposedStep,
                    pos.stepMemory, !continuing, continuing ? pos.outputs + 1 : 1, rows, (tNow, steps, atOutput) -> {
                        stepCount[0] = steps;
                        c.progress().running(tNow, pos.stageStart, end, steps);
                        pos.t = tNow;
                        pos.outputs = lastOutput[0];
                        sim.stageCounts(pos.counts);
                        pos.save(sim.magnetisation(), tNow, sim.lastProposedStep(), sim.lastStepMemory(),
                                lastOutput[0], sim.thermalDraws(), pos.counts);
                        if (tNow < end && c.checkpointDue()) {
                            pos.proposedStep = sim.lastProposedStep();
                            pos.stepMemory = sim.lastStepMemory();
                            c.checkpointNow(sim.magnetisation());
                        }
                        return tNow < end && c.stop().getAsBoolean();
                    });
        } else {
            reached = sim.run(pos.stageStart, pos.t, end, interval, c.integration(), pos.proposedStep,
                    pos.stepMemory, !continuing, rows, (tNow, steps, atOutput) -> {
                        stepCount[0] = steps;
                        c.progress().running(tNow, pos.stageStart, end, steps);
                        return atOutput && c.stop().getAsBoolean();
                    });
        }
        pos.t = reached;
        sim.countStage(null);
        if (reached < end) {
            pos.restoreSaved();
            pos.outputs = pos.savedOutputs;
            c.checkpointNow(pos.savedM);
            return false;
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        double[] m = sim.average();
        long[] counts = sim.stepCounts();
        double rate = stepCount[0] / seconds;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "run %.4g s: %d steps in %.1f s (%s "
                + "steps/s; %d rejected, %d evaluations%s); <m>(end) = (%.5f, %.5f, %.5f)", r.duration(),
                stepCount[0], seconds, String.format(Locale.ROOT, rate >= 10 ? "%.0f" : "%.2g", rate), counts[0],
                counts[1],
                dense ? ", outputs interpolated" : "", m[0], m[1], m[2]));
        if (zero[0] != null) {
            b.append(String.format(Locale.ROOT, "; first zero of <mx> at t = %.6g s (<my> = %.4f, <mz> = %.4f)",
                    zero[0][0], zero[0][2], zero[0][3]));
        }
        c.stageDone(b.toString(), -1);
        return true;
    }

    private boolean hysteresis(Scenario.Hysteresis h) {
        long wall = System.nanoTime();
        if (h.swept()) {
            if (!new HysteresisSweep(c, h).sweep()) {
                return false;
            }
            hysteresisDone(h, wall);
            return true;
        }
        Simulation sim = c.sim();
        RunPosition pos = c.position();
        int points = h.points();
        for (int k = pos.point; k < points; k++) {
            double[] field = h.fieldAt(k);
            sim.enterStage(AppliedField.constant(field), null, pos.t);
            Relaxer.Result res = sim.relax(pos.t, h.torqueTolerance(), h.maxIterations(), null, c.stop());
            if (res.outcome() == Relaxer.Outcome.INTERRUPTED) {
                return false;
            }
            if (res.outcome() == Relaxer.Outcome.NON_FINITE) {
                throw new Failure("field point " + k + ": " + res);
            }
            boolean converged = res.outcome() == Relaxer.Outcome.CONVERGED;
            if (!converged) {
                c.progress().note(String.format(Locale.ROOT, "warning: stage %d (hysteresis) field point %d, mu0 H "
                        + "= (%.4g, %.4g, %.4g) mT, did not converge: %s (tolerance %s A/m)", pos.stage + 1, k,
                        field[0] * Constants.MU0 * 1e3, field[1] * Constants.MU0 * 1e3,
                        field[2] * Constants.MU0 * 1e3, res, h.torqueTolerance()));
            }
            if (!pointDone(c, h, k, converged ? 1 : 0, res.iterations())) {
                return false;
            }
        }
        hysteresisDone(h, wall);
        return true;
    }

    /**
     * Records a hysteresis field point of the current state (table and hysteresis rows, a frame where asked),
     * advances the position to the next point and checkpoints when due or stopped.
     *
     * @param converged 1, 0, or −1 (a swept point: not a relaxation)
     * @param iterations the relaxation's iterations, or the sweep's steps
     * @return false if stopped on request (checkpointed)
     */
    static boolean pointDone(Context c, Scenario.Hysteresis h, int k, int converged, long iterations) {
        Simulation sim = c.sim();
        RunPosition pos = c.position();
        int points = h.points();
        double[] field = h.fieldAt(k);
        double[] row = sim.row(pos.t, 0, pos.stage, k, true);
        c.outputs().table().row(row);
        c.outputs().hysteresis().row(pos.stage, k, field[0], field[1], field[2], row[RunTable.MX],
                row[RunTable.MX + 1], row[RunTable.MX + 2], row[RunTable.E_TOTAL], row[RunTable.MAX_TORQUE],
                converged, iterations);
        if (h.frames() || k == points - 1) {
            c.frame(pos.t, k);
        }
        pos.point = k + 1;
        c.progress().point(pos.point, points);
        if (k < points - 1 && (c.stop().getAsBoolean() || c.checkpointDue())) {
            c.checkpointNow(sim.magnetisation());
            return !c.stop().getAsBoolean();
        }
        return true;
    }

    private void hysteresisDone(Scenario.Hysteresis h, long wall) {
        List<double[]> rows = rowsOf(c.position().stage);
        if (h.swept()) {
            c.stageDone(String.format(Locale.ROOT, "hysteresis swept at %s T/s: %d field points in %.1f s; %s",
                    h.rate(), h.points(), (System.nanoTime() - wall) / 1e9, HysteresisLandmarks.describe(h, rows)),
                    -1);
            return;
        }
        long unconverged = rows.stream().filter(r -> r[TableWriter.HYSTERESIS_CONVERGED] == 0).count();
        c.stageDone(String.format(Locale.ROOT, "hysteresis: %d field points in %.1f s%s; %s", h.points(),
                (System.nanoTime() - wall) / 1e9, unconverged == 0 ? ", all converged" : ", " + unconverged
                        + " NOT converged (hysteresis.csv, column converged)",
                HysteresisLandmarks.describe(h, rows)), unconverged == 0 ? 1 : 0);
    }

    private List<double[]> rowsOf(int stage) {
        return TableData.read(c.outputs().hysteresis().path()).rows().stream().filter(r -> (int) r[0] == stage)
                .toList();
    }
}
