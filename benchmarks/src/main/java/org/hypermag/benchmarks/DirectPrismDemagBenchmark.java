package org.hypermag.benchmarks;

import java.util.concurrent.TimeUnit;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DirectDemag;
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
 * One evaluation of the exact direct sum among the N grains of the granular films of
 * {@link SurrogateDemagBenchmark} (same films, same M): point tensor at centres, reciprocal between sizes, evaluated
 * on the fly (memory budget 0, as it must be at large N: N² · 48 bytes of tensors). One shot per iteration: a single
 * evaluation at N = 3·10⁴ takes minutes on two cores; larger N are extrapolated with the fitted exponent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DirectPrismDemagBenchmark {

    @Param({"1000", "3000", "10000", "30000"})
    int n;

    private DirectDemag direct;
    private VectorField m;
    private VectorField h;

    @Setup(Level.Trial)
    public void setUp() {
        direct = DirectDemag.forPrisms(GranularFilms.film(n), 0, WorkerPool.shared());
        m = GranularFilms.randomM(n, 1);
        h = new VectorField(n);
    }

    @TearDown(Level.Iteration)
    public void reset() {
        h.clear();
    }

    @Benchmark
    public double direct() {
        direct.addField(m, h);
        return h.x[0];
    }
}
