package org.hypermag.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hypermag.integrators.ButcherTableau;
import org.hypermag.integrators.PartitionedStepper;
import org.hypermag.integrators.PartitionedTableau;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.ZeemanField;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of one LLG right-hand side on the standard-problem-4 film (n × n/4 × 1 cells of 3.90625 × 3.90625 × 3 nm;
 * exchange, Zeeman, FFT demag) on a pool of the given threads: each field term into a cleared buffer, the whole
 * dm/dt, its local part and its split into local and demag parts (a partitioned method's stages), H_eff with the
 * terms' energies (a table row's work), and one adaptive step of RK4(3), RK4(3)6 and PRK4(3)8 (capped at 1 ps so
 * every call does the same work): where an evaluation's time goes (issue 19).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class FieldEvaluationBenchmark {

    @Param({"128", "512"})
    int n;

    @Param({"1", "2"})
    int threads;

    private WorkerPool pool;
    private ExchangeField exchange;
    private ZeemanField zeeman;
    private DemagTerm demag;
    private LlgEquation llg;
    private EffectiveField field;
    private double[] energies;
    private VectorField m, h, dmdt;
    private RungeKuttaStepper stepper;
    private RungeKuttaStepper stepper46;
    private PartitionedStepper stepperP;
    private VectorField longRange;
    private double t;
    private double t46;
    private double tP;

    @Setup(Level.Trial)
    public void setUp() {
        RegularGrid grid = LlgStepBenchmark.film(n);
        Magnet magnet = LlgStepBenchmark.permalloy(grid);
        pool = new WorkerPool(threads);
        exchange = ExchangeField.of(magnet, pool);
        zeeman = LlgStepBenchmark.field1(magnet);
        demag = new DemagTerm(magnet, new FftDemag(grid, pool));
        field = new EffectiveField(magnet.size(), exchange, zeeman, demag);
        energies = new double[3];
        llg = new LlgEquation(magnet, field, java.util.List.of(), pool);
        m = LlgStepBenchmark.smoothInPlane(magnet.size());
        h = new VectorField(magnet.size());
        dmdt = new VectorField(magnet.size());
        stepper = RungeKuttaStepper.adaptive(llg, LlgStepBenchmark.smoothInPlane(magnet.size()), ButcherTableau.RK4_3,
                RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY);
        stepper46 = RungeKuttaStepper.adaptive(llg, LlgStepBenchmark.smoothInPlane(magnet.size()),
                ButcherTableau.RK46_3, RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY);
        stepperP = PartitionedStepper.adaptive(llg, LlgStepBenchmark.smoothInPlane(magnet.size()),
                PartitionedTableau.PRK48, RungeKuttaStepper.DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY);
        longRange = new VectorField(magnet.size());
        t = 0;
        t46 = 0;
        tP = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public VectorField exchange() {
        h.clear();
        exchange.addField(0, m, h);
        return h;
    }

    @Benchmark
    public VectorField zeeman() {
        h.clear();
        zeeman.addField(0, m, h);
        return h;
    }

    @Benchmark
    public VectorField demag() {
        h.clear();
        demag.addField(0, m, h);
        return h;
    }

    @Benchmark
    public VectorField derivative() {
        llg.derivative(0, m, dmdt);
        return dmdt;
    }

    /** dm/dt without the demag: what a partitioned method evaluates on its local stages. */
    @Benchmark
    public VectorField localDerivative() {
        llg.localDerivative(0, m, dmdt);
        return dmdt;
    }

    /** dm/dt and the demag's part of it from one evaluation: a partitioned method's long-range stage. */
    @Benchmark
    public VectorField longRangeSplit() {
        llg.longRangeSplit(0, m, dmdt, longRange);
        return longRange;
    }

    /** H_eff and each term's energy, as every table row computes them. */
    @Benchmark
    public double[] energies() {
        field.compute(0, m, h, energies);
        return energies;
    }

    @Benchmark
    public double rk4Step() {
        t += stepper.step(t, 1e-12);
        return t;
    }

    /** One step of the six-stage RK4(3)6 ({@code method: rk46}): six evaluations against rk4Step's four. */
    @Benchmark
    public double rk46Step() {
        t46 += stepper46.step(t46, 1e-12);
        return t46;
    }

    /**
     * One step of the partitioned PRK4(3)8 ({@code method: prk48}): four evaluations with the demag and four of the
     * local terms alone.
     */
    @Benchmark
    public double prk48Step() {
        tP += stepperP.step(tP, 1e-12);
        return tP;
    }
}
