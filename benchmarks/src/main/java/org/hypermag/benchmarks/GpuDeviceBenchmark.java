package org.hypermag.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hypermag.integrators.Stepper;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.gpu.GpuDirectSum;
import org.hypermag.solver.gpu.KernelPlacement;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.gpu.DeviceLlgStepper;
import org.hypermag.surrogate.gpu.GpuFarFieldSurrogate;
import org.hypermag.surrogate.gpu.GpuNufftSurrogate;
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
 * Issue 21's device figures on the irregular domains of {@link GranularFilms} (N grains, random M): one surrogate
 * evaluation by the device's non-uniform FFTs ({@code nufft}, {@link GpuNufftSurrogate}) or phase sums
 * ({@code phase-sums}, {@link GpuFarFieldSurrogate}), one exact direct sum ({@code direct}, {@link GpuDirectSum},
 * O(N²): give it N ≤ 10⁵), or one whole accepted Dormand–Prince step on the device ({@code step},
 * {@link DeviceLlgStepper}: surrogate demag, uniaxial anisotropy, an applied field; domain-updates per second =
 * N / the time), or the same step with the exact direct sum ({@code step-direct}). Default smeared model, default
 * settings. Every trial prints the device and fails if a kernel fell
 * back to Java threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx48g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class GpuDeviceBenchmark {

    @Param({"10000", "100000", "1000000"})
    int n;

    /** {@code nufft}, {@code phase-sums}, {@code direct}, {@code step} or {@code step-direct}. */
    @Param({"nufft", "step"})
    String what;

    /** {@code gpu} or {@code opencl-cpu}. */
    @Param({"gpu"})
    String device;

    @Param({"single"})
    String precision;

    private DemagField demag;
    private KernelPlacement placement;
    private DeviceLlgStepper stepper;
    private VectorField m, h;
    private double t;

    @Setup(Level.Trial)
    public void setUp() {
        WorkerPool pool = WorkerPool.shared();
        Precision p = precision.equals("double") ? Precision.DOUBLE : Precision.SINGLE;
        long t0 = System.nanoTime();
        Prisms prisms = GranularFilms.film(n);
        m = GranularFilms.randomM(n, 1);
        h = new VectorField(n);
        if (what.equals("direct") || what.equals("step-direct")) {
            GpuDirectSum g = GpuDirectSum.amongDomains(prisms, BenchDevices.device(device), p, System.err::println);
            placement = g.placement();
            demag = g;
            if (what.equals("step-direct")) {
                stepper = stepper(prisms, g, p);
                placement = stepper.placement();
            }
        } else {
            double[] b = GranularFilms.bounds(prisms);
            FarFieldModel model = FarFieldModel.fitPrisms(prisms, b[1] - b[0], b[3] - b[2], FarFieldSettings.DEFAULT,
                    pool, FarFieldModel.Progress.NONE);
            FarFieldSurrogate cpu = FarFieldSurrogate.forPrisms(prisms, model, pool, what.equals("phase-sums")
                    ? FarFieldSurrogate.Evaluation.PHASE_SUMS : FarFieldSurrogate.Evaluation.TRANSFORMS);
            if (what.equals("step")) {
                stepper = stepper(prisms, cpu, p);
                placement = stepper.placement();
            } else if (what.equals("nufft")) {
                GpuNufftSurrogate g = new GpuNufftSurrogate(cpu, BenchDevices.device(device), p, System.err::println);
                placement = g.placement();
                demag = g;
            } else {
                GpuFarFieldSurrogate g = new GpuFarFieldSurrogate(cpu, BenchDevices.device(device), p,
                        System.err::println);
                placement = g.placement();
                demag = g;
            }
        }
        System.out.printf(Locale.ROOT, "# setup N=%d %s: %.1f s; %s%n", n, what, (System.nanoTime() - t0) * 1e-9,
                stepper != null ? stepper.describe() : demag.describe());
        t = 0;
    }

    /** A device stepper for the film: the given demag, uniaxial anisotropy, an applied field; m from the random M. */
    private DeviceLlgStepper stepper(Prisms prisms, DemagField d, Precision p) {
        Magnet magnet = Magnet.ofPrisms(prisms, new int[n], List.of(Material.of(8e5)
                .with(LlgEquation.ALPHA, 0.1).with(UniaxialAnisotropyField.K1, 2e5)));
        EffectiveField field = new EffectiveField(n, new DemagTerm(magnet, d), UniaxialAnisotropyField.of(magnet),
                new ZeemanField(magnet, AppliedField.constant(new double[] {1e5, 0, 2e5})));
        DeviceLlgStepper s = new DeviceLlgStepper(magnet, field, 1e-5, Double.POSITIVE_INFINITY,
                BenchDevices.device(device), p, System.err::println);
        VectorField unit = new VectorField(n);
        for (int i = 0; i < n; i++) {
            unit.set(i, m.x[i] / 8e5, m.y[i] / 8e5, m.z[i] / 8e5);
        }
        s.upload(unit);
        return s;
    }

    @Benchmark
    public double run() {
        if (stepper != null) {
            t += ((Stepper) stepper).step(t, 1e-9);
            return t;
        }
        demag.addField(m, h);
        return h.x[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (stepper != null) {
            System.out.printf(Locale.ROOT, "# step: %d evaluations, %d rejected, t = %.3g s%n",
                    stepper.evaluations(), stepper.rejectedSteps(), t);
        }
        System.out.println("# ran in OpenCL: " + placement.kernel().isRunningCL() + " on "
                + org.hypermag.solver.gpu.GpuDevices.describe(placement.actual()));
        if (!placement.onIntendedDevice()) {
            throw new IllegalStateException("the kernel did not run on " + placement.intended());
        }
    }
}
