package org.hypermag.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldSurrogate;
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
 * One evaluation of the far-field surrogate ({@link FarFieldSurrogate#forPrisms}, default
 * {@link FarFieldSettings}) among the N grains of a granular film ({@link GranularFilms}) with random M. The
 * fit and the near-field setup happen once per trial, untimed; their wall times, the basis size L, the near pairs
 * and the heap in use are printed as "# setup ..." lines, since a user pays them once per geometry.
 *
 * <p>Before fitting, the setup predicts L and, for the dense fit (L ≤ {@link org.hypermag.surrogate.FarFieldFit#ITERATIVE_ABOVE}), the
 * memory of its normal equations (two dense (L × L) Gram matrices per anchor size, two anchors fitted at a time, plus
 * a copy each in the Cholesky solve); a size whose fit cannot fit into the heap fails the trial with those numbers
 * instead of running out of memory after hours. Above that L the fit is iterative and needs no Gram matrices.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx20g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SurrogateDemagBenchmark {

    @Param({"1000", "10000", "100000", "1000000"})
    int n;

    /**
     * "smeared": the default fit-free model ({@link FarFieldModel#fitPrisms} with the smeared construction); "fitted":
     * the least-squares fit; "unfitted": the basis with random coefficients ({@link SurrogateScaling#unfittedModel}),
     * to time the evaluation at sizes whose fit takes too long for a benchmark trial (minutes to tens of minutes on 2
     * cores).
     */
    @Param({"smeared"})
    String model;

    /** k_max R of the basis, or "default" ({@link FarFieldSettings#DEFAULT}). */
    @Param({"default"})
    String kR;

    /**
     * How a smeared model of many sizes maps a source's size to its coefficients: "exact" (the line kernel times each
     * prism's sinc factors, the default) or "moments" (its moment features, {@link FarFieldModel#withMomentMap}).
     */
    @Param({"exact"})
    String sizeMap;

    /** How the far part is evaluated ({@link FarFieldSurrogate.Evaluation}): AUTO, PHASE_SUMS or TRANSFORMS. */
    @Param({"AUTO"})
    String evaluation;

    private FarFieldSurrogate surrogate;
    private VectorField m;
    private VectorField h;

    @Setup(Level.Trial)
    public void setUp() {
        WorkerPool pool = WorkerPool.shared();
        long t0 = System.nanoTime();
        Prisms p = GranularFilms.film(n);
        long t1 = System.nanoTime();
        double[] b = GranularFilms.bounds(p);
        FarFieldSettings d = FarFieldSettings.DEFAULT;
        FarFieldSettings settings = new FarFieldSettings(d.nearRadius(), kR.equals("default") ? d.kR()
                : Double.parseDouble(kR), d.periodMargin()).withConstruction(model.equals("smeared")
                ? FarFieldSettings.Construction.SMEARED : FarFieldSettings.Construction.FITTED);
        SurrogateScaling.Prediction pred = SurrogateScaling.predict(p, b[1] - b[0], b[3] - b[2], settings);
        System.out.println("# setup " + pred);
        FarFieldModel fm;
        if (model.equals("unfitted")) {
            fm = SurrogateScaling.unfittedModel(p, b[1] - b[0], b[3] - b[2], settings);
        } else {
            if (model.equals("fitted") && pred.l() <= org.hypermag.surrogate.FarFieldFit.ITERATIVE_ABOVE) {
                pred.requireFits(Runtime.getRuntime().maxMemory(), pool.threads());
            }
            fm = FarFieldModel.fitPrisms(p, b[1] - b[0], b[3] - b[2], settings, pool, FarFieldModel.Progress.NONE);
        }
        if (sizeMap.equals("moments")) {
            fm = fm.withMomentMap();
        }
        long t2 = System.nanoTime();
        surrogate = FarFieldSurrogate.forPrisms(p, fm, pool, FarFieldSurrogate.Evaluation.valueOf(evaluation));
        long t3 = System.nanoTime();
        m = GranularFilms.randomM(n, 1);
        h = new VectorField(n);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println("# setup " + surrogate.describe());
        System.out.printf(Locale.ROOT, "# setup N=%d (%s) L=%d near pairs=%d (%.1f per domain): film %.2f s, fit %.2f s, "
                + "near field %.2f s, heap in use %.0f MiB%n", n, model, fm.basisSize(), surrogate.nearPairs(),
                surrogate.nearPairs() / (double) n, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, (t3 - t2) * 1e-9,
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    }

    @TearDown(Level.Iteration)
    public void reset() {
        h.clear();
    }

    @Benchmark
    public double surrogate() {
        surrogate.addField(m, h);
        return h.x[0];
    }
}
