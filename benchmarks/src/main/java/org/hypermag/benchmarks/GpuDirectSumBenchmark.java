package org.hypermag.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.gpu.GpuDirectSum;
import org.hypermag.solver.gpu.KernelPlacement;
import org.hypermag.solver.gpu.Precision;
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
 * One evaluation of the exact direct sum among N grains of a granular film (mean side 12 nm, spread 15 %, 3 nm
 * thick; point tensor at centres, reciprocal between sizes), on the GPU ({@link GpuDirectSum}, tensors on the fly)
 * or the CPU ({@link DirectDemag#forPrisms}, all processors, tensors on the fly: {@code cpu}, or stored while they
 * fit a quarter of the heap: {@code cpu-stored}).
 *
 * <p>The CPU beyond N = 16 384 takes minutes per evaluation; run it with {@code -p n=1024,16384}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx32g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class GpuDirectSumBenchmark {

    @Param({"1024", "16384", "65536", "262144"})
    int n;

    /** {@code gpu}, {@code opencl-cpu}, {@code cpu} or {@code cpu-stored}. */
    @Param({"gpu", "cpu"})
    String device;

    @Param({"single", "double"})
    String precision;

    private DemagField demag;
    private KernelPlacement placement;
    private WorkerPool pool;
    private VectorField m;
    private VectorField h;

    @Setup(Level.Trial)
    public void setUp() {
        double side = 24e-9 * Math.sqrt(n); // about a quarter of the area covered
        Prisms p = new GranularFilm(side, side, 3e-9, 12e-9, 0.15, 1.5e-9, n, 7).generate();
        pool = new WorkerPool(Runtime.getRuntime().availableProcessors());
        if (device.startsWith("cpu")) {
            demag = DirectDemag.forPrisms(p, device.equals("cpu") ? 0 : Runtime.getRuntime().maxMemory() / 4, pool);
        } else {
            GpuDirectSum g = GpuDirectSum.amongDomains(p, BenchDevices.device(device), Precision.parse(precision),
                    System.err::println);
            placement = g.placement();
            demag = g;
        }
        System.out.println("# " + demag.describe());
        Random rnd = new Random(1);
        m = new VectorField(p.size());
        h = new VectorField(p.size());
        for (int i = 0; i < p.size(); i++) {
            m.set(i, 8e5 * (2 * rnd.nextDouble() - 1), 8e5 * (2 * rnd.nextDouble() - 1),
                    8e5 * (2 * rnd.nextDouble() - 1));
        }
    }

    @Benchmark
    public double evaluate() {
        demag.addField(m, h);
        return h.x[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (placement != null && !placement.onIntendedDevice()) {
            throw new IllegalStateException("the kernel did not run on " + placement.intended());
        }
        pool.close();
    }
}
