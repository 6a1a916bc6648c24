package org.hypermag.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
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
 * One accepted Dormand–Prince 5(4) step of the LLG equation on a permalloy film of n × n/4 × 1 cells of
 * 3.90625 × 3.90625 × 3 nm (standard problem 4 at n = 128): exchange, Zeeman and FFT demag, 6 field evaluations per
 * step with first-same-as-last. The step is capped at 1 ps so every call does the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class LlgStepBenchmark {

    @Param({"128", "512"})
    int n;

    private RungeKuttaStepper stepper;
    private double t;

    @Setup(Level.Trial)
    public void setUp() {
        RegularGrid grid = film(n);
        stepper = stepper(permalloy(grid), new FftDemag(grid, WorkerPool.shared()));
        t = 0;
    }

    /** @return the n × n/4 × 1 standard-problem-4 film of 3.90625 × 3.90625 × 3 nm cells */
    static RegularGrid film(int n) {
        return new RegularGrid(n, n / 4, 1, 3.90625e-9, 3.90625e-9, 3e-9);
    }

    /** @return permalloy (Ms 8e5 A/m, A 1.3e-11 J/m, α 0.02) on every cell of the grid */
    static Magnet permalloy(RegularGrid grid) {
        return Magnet.onGrid(grid, Material.of(8e5).with(ExchangeField.A, 1.3e-11).with(LlgEquation.ALPHA, 0.02));
    }

    /**
     * A Dormand–Prince stepper of the LLG equation with exchange, the field of standard problem 4 (field 1) and the
     * given demag, from a smoothly varying in-plane state.
     */
    static RungeKuttaStepper stepper(Magnet magnet, DemagField demag) {
        EffectiveField field = new EffectiveField(magnet.size(), ExchangeField.of(magnet), field1(magnet),
                new DemagTerm(magnet, demag));
        return RungeKuttaStepper.dormandPrince(new LlgEquation(magnet, field), smoothInPlane(magnet.size()));
    }

    /** @return standard problem 4's field 1, μ0H = (−24.6, 4.3, 0) mT, on the domains */
    static ZeemanField field1(Magnet magnet) {
        return new ZeemanField(magnet, AppliedField.constant(new double[] {-24.6e-3 / Constants.MU0,
            4.3e-3 / Constants.MU0, 0}));
    }

    /** @return a smoothly varying in-plane state of n domains, the benchmarks' common start */
    static VectorField smoothInPlane(int n) {
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double a = 0.3 * Math.sin(i * 0.01);
            m.set(i, Math.cos(a), Math.sin(a), 0);
        }
        return m;
    }

    @Benchmark
    public double step() {
        t += stepper.step(t, 1e-12);
        return t;
    }
}
