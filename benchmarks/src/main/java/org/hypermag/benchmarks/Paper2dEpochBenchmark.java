package org.hypermag.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.nn.Gemm;
import org.hypermag.surrogate.paper2d.Discs;
import org.hypermag.surrogate.paper2d.FcIlr2d;
import org.hypermag.surrogate.paper2d.Fourier2d;
import org.hypermag.surrogate.paper2d.Loss;
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
 * One epoch's loss and gradient of the paper's 2-D models (issue 20) on 1 000 single-source training samples of
 * 1 024 points, at the sizes of this project's reduced runs (small: FC + ILR basis 64 × 3, hypernetwork 96 × 2;
 * FOURIER N = 16, width 64 × 3; reduced: the {@code --budget reduced} sizes, basis 128 × 3 and hypernetwork 384 × 3;
 * N = 16, width 256 × 3), and the read-out's matrix product (1 000 × 64 times 64 × 1 024) alone. Adam's update is
 * not included (a few µs per parameter). The SIMD tiles of {@link Gemm} are on unless the fork runs with
 * {@code -Dhypermag.simd=false}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Paper2dEpochBenchmark {

    @Param({"fc-ilr", "fourier"})
    String model;

    @Param({"small", "reduced"})
    String size;

    @Param({"1", "2"})
    int threads;

    private WorkerPool pool;
    private Discs.DataSet data;
    private FcIlr2d ilr;
    private Loss ilrLoss;
    private Fourier2d fourier;
    private double[] params, grad, a, b, c;

    @Setup(Level.Trial)
    public void setUp() {
        pool = new WorkerPool(threads);
        data = Discs.generate(1000, 1, 1024, 100);
        boolean small = size.equals("small");
        if (model.equals("fc-ilr")) {
            ilr = small ? FcIlr2d.initial(64, 3, 96, 2, 42) : FcIlr2d.initial(128, 3, 384, 3, 42);
            params = ilr.parameters();
            ilrLoss = ilr.lossOver(data, pool);
        } else {
            fourier = Fourier2d.initial(16, small ? 64 : 256, 3, 42);
            params = fourier.parameters();
        }
        grad = new double[params.length];
        a = new double[1000 * 64];
        b = new double[64 * 1024];
        c = new double[1000 * 1024];
        java.util.Arrays.fill(a, 0.5);
        java.util.Arrays.fill(b, 0.25);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** @return the loss (its gradient into the state) */
    @Benchmark
    public double lossAndGradient() {
        return ilr != null ? ilrLoss.value(params, grad) : fourier.loss(data, params, grad, pool);
    }

    /** @return an element: 1 000 × 64 times 64 × 1 024, 65.5 M multiply-adds */
    @Benchmark
    public double readOutProduct() {
        Gemm.multiply(1000, 1024, 64, a, 0, 64, b, 0, 1024, c, 0, 1024, false, pool);
        return c[12345];
    }
}
