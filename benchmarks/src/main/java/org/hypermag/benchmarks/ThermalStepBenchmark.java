package org.hypermag.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hypermag.integrators.ButcherTableau;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.solver.Constants;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the thermal field adds to a time step (issue 14): one step of 0.1 ps on the standard-problem-4 film
 * ({@link LlgStepBenchmark#film}, exchange, Zeeman, FFT demag) built through the open core, at 0 K without the
 * thermal term and at 300 K with it, for Heun and for the Bogacki–Shampine and Dormand–Prince tableaus (stepped with
 * a fixed step so that every call does the same work: the per-step cost, not the controller's choice of steps). At
 * 300 K each step draws a new field (Philox, one block per cell) and, for the first-same-as-last methods, adds its
 * torque to the kept deterministic part of the first stage instead of evaluating it again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ThermalStepBenchmark {

    @Param({"128"})
    int n;

    @Param({"heun", "bogacki-shampine", "dormand-prince"})
    String method;

    @Param({"0", "300"})
    double kelvin;

    private RungeKuttaStepper stepper;
    private double t;

    @Setup(Level.Trial)
    public void setUp() {
        RegularGrid grid = LlgStepBenchmark.film(n);
        Magnet magnet = LlgStepBenchmark.permalloy(grid);
        StageDrive drive = new StageDrive();
        if (kelvin > 0) {
            drive.enableThermal(1);
        }
        drive.set(AppliedField.constant(new double[] {-24.6e-3 / Constants.MU0, 4.3e-3 / Constants.MU0, 0}),
                Temperature.constant(kelvin), 0);
        LlgEquation llg = new LlgEquation(magnet, Physics.effectiveField(new TermInputs(magnet,
                new FftDemag(grid, WorkerPool.shared()), drive)));
        VectorField m = LlgStepBenchmark.smoothInPlane(magnet.size());
        ButcherTableau tableau = switch (method) {
            case "heun" -> ButcherTableau.HEUN;
            case "bogacki-shampine" -> ButcherTableau.BOGACKI_SHAMPINE_32;
            default -> ButcherTableau.DORMAND_PRINCE_54;
        };
        stepper = RungeKuttaStepper.fixed(llg, m, tableau, 1e-13);
        t = 0;
    }

    /** @return the time reached */
    @Benchmark
    public double step() {
        t += stepper.step(t, 1e-13);
        return t;
    }
}
