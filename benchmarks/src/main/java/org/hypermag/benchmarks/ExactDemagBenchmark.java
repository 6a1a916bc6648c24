package org.hypermag.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.RegularGrid;
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
 * One evaluation of the exact demagnetising field on an n × n × 1 grid of 3.90625 × 3.90625 × 3 nm cells with
 * random M: zero-padded FFT convolution against the direct O(N²) sum (cell-averaged tensor stored per offset).
 * Both use all available processors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ExactDemagBenchmark {

    @Param({"64", "256"})
    int n;

    @Param({"fft", "direct"})
    String method;

    /** Layers of cells (n × n × layers; 1: a film). */
    @Param({"1"})
    int layers;

    private DemagField demag;
    private VectorField m;
    private VectorField h;

    @Setup(Level.Trial)
    public void setUp() {
        RegularGrid grid = new RegularGrid(n, n, layers, 3.90625e-9, 3.90625e-9, 3e-9);
        WorkerPool pool = WorkerPool.shared();
        demag = method.equals("fft") ? new FftDemag(grid, pool) : DirectDemag.forGrid(grid, pool);
        Random rnd = new Random(1);
        m = new VectorField(grid.cellCount());
        for (int i = 0; i < m.size(); i++) {
            m.set(i, 8e5 * rnd.nextGaussian(), 8e5 * rnd.nextGaussian(), 8e5 * rnd.nextGaussian());
        }
        h = new VectorField(grid.cellCount());
    }

    @TearDown(Level.Iteration)
    public void reset() {
        h.clear();
    }

    @Benchmark
    public double evaluate() {
        demag.addField(m, h);
        return h.x[0];
    }
}
