package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hypermag.scenarios.spec.DemagMethods;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DemagProvider;
import org.hypermag.solver.demag.DemagRequest;
import org.hypermag.solver.demag.DemagSettings;
import org.hypermag.solver.demag.NoDemagProvider;
import org.hypermag.surrogate.LayeredFarFieldSurrogate;
import org.hypermag.surrogate.SurrogateDemagProvider;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hypermag.output.AtomicTextFile;
import org.hypermag.scenarios.input.CsvInput;
import org.hypermag.scenarios.input.CsvInput.Column;
import org.hypermag.scenarios.input.CsvInput.Constraint;
import org.hypermag.scenarios.input.InputException;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.PrismTensor;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.parallel.WorkerPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hypermag field}: the field of uniformly magnetised prisms at arbitrary points, written as CSV.
 */
@Command(name = "field",
        description = {
            "Computes H (A/m) at arbitrary points from uniformly magnetised rectangular prisms.",
            "Inside a source the value includes that source's own demagnetising field (H = -N M); on a face it is "
                    + "the mean of the two sides; points on an edge or corner, where H diverges, are rejected."},
        mixinStandardHelpOptions = true)
final class FieldCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final List<Column> SOURCE_COLUMNS = List.of(
            new Column("x", "centre x, m", Constraint.FINITE),
            new Column("y", "centre y, m", Constraint.FINITE),
            new Column("z", "centre z, m", Constraint.FINITE),
            new Column("sx", "side length along x, m", Constraint.POSITIVE),
            new Column("sy", "side length along y, m", Constraint.POSITIVE),
            new Column("sz", "side length along z, m", Constraint.POSITIVE),
            new Column("mx", "magnetisation x, A/m", Constraint.FINITE),
            new Column("my", "magnetisation y, A/m", Constraint.FINITE),
            new Column("mz", "magnetisation z, A/m", Constraint.FINITE));
    static final List<Column> POINT_COLUMNS = List.of(
            new Column("x", "point x, m", Constraint.FINITE),
            new Column("y", "point y, m", Constraint.FINITE),
            new Column("z", "point z, m", Constraint.FINITE));

    @Option(names = "--sources", required = true, paramLabel = "S.csv",
            description = "Sources: header x,y,z,sx,sy,sz,mx,my,mz; centre (m), side lengths (m), magnetisation (A/m).")
    Path sources;

    @Option(names = "--points", required = true, paramLabel = "P.csv",
            description = "Evaluation points: header x,y,z (m).")
    Path points;

    @Option(names = "--out", required = true, paramLabel = "H.csv",
            description = "Output: header hx,hy,hz (A/m), one line per point, in the order of the points.")
    Path out;

    @Option(names = "--demag", defaultValue = "exact", paramLabel = "METHOD",
            description = "exact (analytic prism tensor, direct sum; default) or surrogate (the far-field "
                    + "surrogate: points in the mid-plane of a layer of sources, the model made now unless --model "
                    + "is given; see docs/surrogate.md).")
    String demag;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Surrogate model file (with --demag surrogate). Default: fit the far-field model to these "
                    + "sources and points now.")
    Path model;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    Integer threads;

    @Mixin
    GpuOptions gpuOptions = new GpuOptions();

    @Override
    public Integer call() {
        DemagProvider provider;
        try {
            provider = DemagMethods.byName(demag);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--demag: " + e.getMessage());
        }
        if (provider == NoDemagProvider.INSTANCE) {
            throw new Main.UsageException("--demag none has no field to compute; use exact or surrogate");
        }
        if (model != null && provider != SurrogateDemagProvider.INSTANCE) {
            throw new Main.UsageException("--model is a surrogate model file; use it with --demag surrogate");
        }
        if (threads != null && (threads < 1 || threads > WorkerPool.MAX_THREADS)) {
            throw new Main.UsageException("--threads must be from 1 to " + WorkerPool.MAX_THREADS + ", got "
                    + threads);
        }
        if (out.toAbsolutePath().normalize().equals(sources.toAbsolutePath().normalize())
                || out.toAbsolutePath().normalize().equals(points.toAbsolutePath().normalize())) {
            throw new Main.UsageException("--out " + out + " is also an input file; choose another output file");
        }
        gpuOptions.precision();
        GpuDevices.Choice device = gpuOptions.choose();
        PrintWriter err = spec.commandLine().getErr();
        if (gpuOptions.mode() != null) {
            err.println(device.reason());
            err.flush();
        }
        CsvInput.Table s = CsvInput.read(sources, SOURCE_COLUMNS);
        CsvInput.Table p = CsvInput.read(points, POINT_COLUMNS);
        Prisms prisms = Prisms.of(s.column("x"), s.column("y"), s.column("z"), s.column("sx"), s.column("sy"),
                s.column("sz"));
        double[] px = p.column("x"), py = p.column("y"), pz = p.column("z");
        WorkerPool pool = threads == null ? WorkerPool.shared() : new WorkerPool(threads);
        try {
            rejectPointsOnEdges(s, p, prisms, pool);
            if (provider == SurrogateDemagProvider.INSTANCE) {
                requireLayers(s, p);
            }
            VectorField m = new VectorField(prisms.size());
            System.arraycopy(s.column("mx"), 0, m.x, 0, m.size());
            System.arraycopy(s.column("my"), 0, m.y, 0, m.size());
            System.arraycopy(s.column("mz"), 0, m.z, 0, m.size());
            Consumer<String> report = line -> {
                err.println(line);
                err.flush();
            };
            Map<String, Object> given = new LinkedHashMap<>();
            if (model != null) {
                given.put("model", model);
            }
            DemagRequest request = new DemagRequest(null, DemagSettings.of(provider, given), device,
                    gpuOptions.precision(), pool, report, DemagRequest.Origin.NONE);
            DemagField field;
            try {
                field = provider.atPoints(prisms, px, py, pz, request);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--demag " + demag + ": " + e.getMessage());
            }
            VectorField h = new VectorField(field.targets());
            field.addField(m, h);
            for (int i = 0; i < h.size(); i++) {
                if (!Double.isFinite(h.x[i] + h.y[i] + h.z[i])) {
                    throw new InputException(p.file(), p.lines()[i], 0, "the field at point (" + px[i] + ", "
                            + py[i] + ", " + pz[i] + ") m is not finite (" + h.x[i] + ", " + h.y[i] + ", " + h.z[i]
                            + " A/m): the sources' sizes or magnetisations are beyond double precision there; "
                            + "nothing was written");
                }
            }
            AtomicTextFile.write(out, w -> {
                w.write("hx,hy,hz\n");
                for (int i = 0; i < h.size(); i++) {
                    w.write(Double.toString(h.x[i]));
                    w.write(',');
                    w.write(Double.toString(h.y[i]));
                    w.write(',');
                    w.write(Double.toString(h.z[i]));
                    w.write('\n');
                }
            });
        } finally {
            pool.close();
        }
        return 0;
    }

    /**
     * The far-field surrogate evaluates in the mid-planes of the sources' layers (a layer: every source with one z,
     * all of one thickness): fails on the first source whose thickness differs from its layer's, or the first point
     * in no layer's mid-plane, before anything is built. A model file holds one layer.
     */
    private void requireLayers(CsvInput.Table s, CsvInput.Table p) {
        double[] z = s.column("z"), sz = s.column("sz"), pz = p.column("z");
        LayeredFarFieldSurrogate.Layers layers;
        try {
            layers = LayeredFarFieldSurrogate.Layers.of(z, sz);
        } catch (LayeredFarFieldSurrogate.MixedThickness e) {
            int j = e.domain;
            throw new InputException(s.file(), s.lines()[j], 0, String.format(Locale.ROOT, "--demag surrogate "
                    + "needs one thickness per layer: this source at z = %s m is %s m thick, source %d at the same"
                    + " z %s m (use --demag exact)", z[j], sz[j], e.other + 1, sz[e.other]));
        }
        if (layers.count() > 1 && model != null) {
            throw new InputException(s.file(), s.lines()[0], 0, "--model holds one layer; the sources lie in "
                    + layers.count() + " layers, whose models are made now (leave out --model)");
        }
        for (int i = 0; i < pz.length; i++) {
            if (layers.at(pz[i]) < 0) {
                StringBuilder planes = new StringBuilder();
                for (double h : layers.z()) {
                    planes.append(planes.length() == 0 ? "" : ", ").append(h);
                }
                boolean several = layers.count() > 1;
                String where = several ? "the mid-planes of the sources' layers z = " : "the sources' mid-plane z = ";
                throw new InputException(p.file(), p.lines()[i], 0, String.format(Locale.ROOT, "--demag surrogate "
                        + "evaluates the field in %s%s m; this point has z = %s m (use --demag exact off the "
                        + "plane%s)", where, planes, pz[i], several ? "s" : ""));
            }
        }
    }

    /** Fails on the first point (in file order) that lies on an edge or corner of some source. */
    private static void rejectPointsOnEdges(CsvInput.Table s, CsvInput.Table p, Prisms prisms, WorkerPool pool) {
        double[] px = p.column("x"), py = p.column("y"), pz = p.column("z");
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        pool.forRange(px.length, 64, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < prisms.size(); j++) {
                    if (PrismTensor.isOnEdge(px[i], py[i], pz[i], prisms.cx(j), prisms.cy(j), prisms.cz(j),
                            prisms.sx(j), prisms.sy(j), prisms.sz(j))) {
                        long key = (long) i * Integer.MAX_VALUE + j;
                        first.accumulateAndGet(key, Math::min);
                        break;
                    }
                }
            }
        });
        long key = first.get();
        if (key != Long.MAX_VALUE) {
            int i = (int) (key / Integer.MAX_VALUE), j = (int) (key % Integer.MAX_VALUE);
            throw new InputException(p.file(), p.lines()[i], 0, "point (" + px[i] + ", " + py[i] + ", " + pz[i]
                    + ") m lies on an edge or corner of source " + (j + 1) + " (" + s.file() + ":" + s.lines()[j]
                    + "), where the field diverges; move the point off the edge");
        }
    }
}
