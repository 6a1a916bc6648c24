package org.hypermag.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hypermag.integrators.RungeKuttaStepper;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.gpu.GpuDirectSum;
import org.hypermag.solver.gpu.KernelPlacement;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.gpu.GpuFarFieldSurrogate;
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
 * One accepted Dormand–Prince 5(4) step of the LLG equation (6 field evaluations) on the standard-problem-4 film
 * family, n × n/4 × 1 cells of 3.90625 × 3.90625 × 3 nm, as {@link LlgStepBenchmark} but with the demag on the GPU
 * or on the CPU: the far-field surrogate (a real fit, default settings) or the exact direct sum among the cells
 * treated as prisms (point tensor at centres).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx16g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class GpuLlgStepBenchmark {

    @Param({"128", "256"})
    int n;

    /** {@code surrogate} or {@code direct}. */
    @Param({"surrogate", "direct"})
    String demag;

    /** {@code gpu}, {@code opencl-cpu} or {@code cpu}. */
    @Param({"gpu", "cpu"})
    String device;

    private RungeKuttaStepper stepper;
    private KernelPlacement placement;
    private WorkerPool pool;
    private double t;

    @Setup(Level.Trial)
    public void setUp() {
        RegularGrid grid = LlgStepBenchmark.film(n);
        Magnet magnet = LlgStepBenchmark.permalloy(grid);
        pool = new WorkerPool(Runtime.getRuntime().availableProcessors());
        DemagField d;
        boolean gpu = !device.equals("cpu");
        if (demag.equals("surrogate")) {
            FarFieldModel model = FarFieldModel.fitGrid(grid, FarFieldSettings.DEFAULT,
                    FarFieldModel.Progress.NONE);
            FarFieldSurrogate cpu = FarFieldSurrogate.forGrid(grid, null, model, pool);
            if (gpu) {
                GpuFarFieldSurrogate g = new GpuFarFieldSurrogate(cpu, BenchDevices.device(device), Precision.SINGLE,
                        System.err::println);
                placement = g.placement();
                d = g;
            } else {
                d = cpu;
            }
        } else if (gpu) {
            GpuDirectSum g = GpuDirectSum.amongDomains(grid.toPrisms(), BenchDevices.device(device),
                    Precision.SINGLE, System.err::println);
            placement = g.placement();
            d = g;
        } else {
            d = org.hypermag.solver.demag.DirectDemag.forPrisms(grid.toPrisms(),
                    Runtime.getRuntime().maxMemory() / 4, pool);
        }
        System.out.println("# " + d.describe());
        stepper = LlgStepBenchmark.stepper(magnet, d);
        t = 0;
    }

    @Benchmark
    public double step() {
        t += stepper.step(t, 1e-12);
        return t;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (placement != null && !placement.onIntendedDevice()) {
            throw new IllegalStateException("the kernel did not run on " + placement.intended());
        }
        pool.close();
    }
}
