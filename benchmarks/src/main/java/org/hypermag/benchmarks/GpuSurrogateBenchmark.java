package org.hypermag.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.gpu.KernelPlacement;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
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
 * One evaluation of the far-field surrogate among the cells of an n × n × 1 grid of 4 × 4 × 3 nm cells (N = n²,
 * up to 1 048 576), on the GPU ({@link GpuFarFieldSurrogate}) or the CPU ({@link FarFieldSurrogate}, all processors).
 *
 * <p>The model has the size the default settings (R = 10 cells, k_max R = 8, margin 4 R) give for the film, so L
 * grows with N (L = 23² = 529 at n = 64, 72² = 5 184 at n = 256, 267² = 71 289 at n = 1024), but <b>synthetic
 * coefficients</b>: fitting L = 71 289 unknowns densely is out of reach (normal equations of 41 GB), the iterative fit
 * takes minutes per trial, and the cost of an evaluation does not depend on the coefficients' values. The field
 * values are therefore meaningless; the timing is that of a real evaluation of
 * that size (far sums O((N + N)·L), near pairs ≈ 317 per cell).
 *
 * <p>The CPU at n = 1024 takes minutes per evaluation; run it with {@code -p n=64,256} (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx96g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class GpuSurrogateBenchmark {

    @Param({"64", "256", "1024"})
    int n;

    /** {@code gpu}, {@code opencl-cpu} or {@code cpu} (the Java implementation). */
    @Param({"gpu", "cpu"})
    String device;

    @Param({"single"})
    String precision;

    private DemagField demag;
    private KernelPlacement placement;
    private WorkerPool pool;
    private VectorField m;
    private VectorField h;

    @Setup(Level.Trial)
    public void setUp() {
        double dx = 4e-9, dy = 4e-9, dz = 3e-9;
        RegularGrid grid = new RegularGrid(n, n, 1, dx, dy, dz);
        pool = new WorkerPool(Runtime.getRuntime().availableProcessors());
        FarFieldSurrogate cpu = FarFieldSurrogate.forGrid(grid, null, syntheticModel(grid), pool);
        if (device.equals("cpu")) {
            demag = cpu;
        } else {
            GpuFarFieldSurrogate g = new GpuFarFieldSurrogate(cpu, BenchDevices.device(device),
                    Precision.parse(precision), System.err::println);
            placement = g.placement();
            demag = g;
        }
        System.out.println("# " + demag.describe());
        Random rnd = new Random(1);
        int size = grid.cellCount();
        m = new VectorField(size);
        h = new VectorField(size);
        for (int i = 0; i < size; i++) {
            m.set(i, 8e5 * (2 * rnd.nextDouble() - 1), 8e5 * (2 * rnd.nextDouble() - 1),
                    8e5 * (2 * rnd.nextDouble() - 1));
        }
    }

    /** A far-field model of the default size for the grid, with random coefficients (see the class comment). */
    static FarFieldModel syntheticModel(RegularGrid g) {
        double near = 10, kR = 8, margin = 4, a = Math.max(g.dx(), g.dy()), r = near * a;
        double spanX = (g.nx() - 1) * g.dx(), spanY = (g.ny() - 1) * g.dy();
        double px = 2 * spanX + margin * r, py = 2 * spanY + margin * r;
        int kx = (int) Math.ceil(kR / r * px / (2 * Math.PI)), ky = (int) Math.ceil(kR / r * py / (2 * Math.PI));
        int size = (kx + 1) * (ky + 1);
        Random rnd = new Random(2);
        double[] psi = new double[size], zz = new double[size];
        double volume = g.dx() * g.dy() * g.dz();
        for (int l = 1; l < size; l++) {
            psi[l] = 1e-3 * (rnd.nextDouble() - 0.5) / volume * r * r * r / size;
            zz[l] = 1e-3 * (rnd.nextDouble() - 0.5) / volume / size;
        }
        Map<String, String> text = new LinkedHashMap<>();
        text.put("description", "synthetic coefficients for benchmarks");
        text.put("coupling", "cell-averaged");
        text.put("features", "classes");
        Map<String, double[]> num = new LinkedHashMap<>();
        num.put("near_radius", new double[] {near});
        num.put("k_max_R", new double[] {kR});
        num.put("period_margin", new double[] {margin});
        num.put("thickness", new double[] {g.dz()});
        num.put("cell", new double[] {g.dx(), g.dy(), g.dz()});
        num.put("reference_size", new double[] {a});
        num.put("span", new double[] {spanX, spanY});
        num.put("period", new double[] {px, py});
        num.put("modes", new double[] {kx, ky});
        num.put("size_classes", new double[] {g.dx(), g.dy()});
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        arrays.put("coefficients_psi", new double[][] {psi});
        arrays.put("coefficients_zz", new double[][] {zz});
        return FarFieldModel.fromFile(new ModelFile(FarFieldModel.NAME, text, num, arrays), Path.of("synthetic"));
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
