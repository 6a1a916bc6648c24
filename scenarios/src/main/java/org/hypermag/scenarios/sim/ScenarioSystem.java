package org.hypermag.scenarios.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.hypermag.output.ModelFile;
import org.hypermag.output.RunReader;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectDemag;
import org.hypermag.solver.demag.DirectSum;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.solver.gpu.GpuDevices;
import org.hypermag.solver.gpu.GpuDirectSum;
import org.hypermag.solver.gpu.GpuMode;
import org.hypermag.solver.gpu.GpuUnavailableException;
import org.hypermag.solver.gpu.Precision;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldModels;
import org.hypermag.surrogate.FarFieldSurrogate;
import org.hypermag.surrogate.gpu.GpuFarFieldSurrogate;
import org.hypermag.surrogate.paper.PaperModel;
import org.hypermag.surrogate.paper.PaperModelDemag;
import org.hypermag.surrogate.paper.PaperModels;

/** Builds the physical system of a scenario: the magnet, the demag method and the initial state. */
public final class ScenarioSystem {
    private ScenarioSystem() {
    }

    /**
     * @param s the scenario
     * @return its magnet, with the inter-region exchange scaling applied
     */
    public static Magnet magnet(Scenario s) {
        Scenario.Domains d = s.domains();
        Magnet magnet;
        if (d.grid() != null) {
            int[] cells = d.gridCells();
            if (cells == null) {
                cells = new int[d.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = i;
                }
            }
            magnet = Magnet.onGrid(d.grid(), cells, d.regions(), s.materials());
        } else {
            magnet = Magnet.ofPrisms(d.prisms(), d.regions(), s.materials());
        }
        for (Scenario.ExchangeScaling e : s.exchangeScaling()) {
            magnet = magnet.withExchangeScaling(e.region1(), e.region2(), e.factor());
        }
        return magnet;
    }

    /**
     * @param s the scenario
     * @param magnet its magnet
     * @param pool threads
     * @param log one line per setup step (which surrogate model is used or fitted)
     * @return the demag method, or null for none: exact (FFT on grids, direct sum otherwise) or the far-field
     *     surrogate (a named model file, a stored model that fits, the cached automatic fit, or a new fit)
     * @throws IllegalArgumentException if the surrogate cannot represent the geometry or a named model does not fit
     */
    public static DemagField demag(Scenario s, Magnet magnet, WorkerPool pool, Consumer<String> log) {
        return switch (s.demag().method()) {
            case NONE -> null;
            case EXACT -> exactDemag(magnet, pool);
            case SURROGATE -> surrogate(s, magnet, pool, log);
        };
    }

    /**
     * Chooses where the scenario's demagnetising field runs ({@code compute.gpu}). Nothing is probed when nothing
     * could run on a GPU (no demag, or the exact FFT on a grid) unless the scenario says {@code on}.
     *
     * @param s the scenario
     * @return the device (null: the CPU) and why
     * @throws GpuUnavailableException for {@code on} without an OpenCL GPU
     */
    public static GpuDevices.Choice chooseDevice(Scenario s) {
        GpuMode mode = GpuMode.valueOf(s.compute().gpu().name());
        boolean gpuWork = s.demag().method() == Scenario.DemagMethod.SURROGATE
                || s.demag().method() == Scenario.DemagMethod.EXACT && s.domains().grid() == null;
        if (mode == GpuMode.AUTO && !gpuWork) {
            return new GpuDevices.Choice(null, "gpu: auto: the CPU (" + (s.demag().method()
                    == Scenario.DemagMethod.NONE ? "no demag" : "the exact demag on a grid is the FFT convolution, "
                    + "which has no GPU kernel") + ")");
        }
        return GpuDevices.choose(mode);
    }

    /**
     * The demag method on the chosen device: on an OpenCL GPU the far-field surrogate ({@link GpuFarFieldSurrogate})
     * and the exact direct sum among arbitrary prisms ({@link GpuDirectSum}); the exact FFT on grids stays on the
     * CPU. A kernel's fallback to Java threads is reported once on stderr.
     *
     * @param s the scenario
     * @param magnet its magnet
     * @param pool threads
     * @param log one line per setup step
     * @param choice from {@link #chooseDevice}
     * @return the demag method, or null for none
     */
    public static DemagField demag(Scenario s, Magnet magnet, WorkerPool pool, Consumer<String> log,
                                   GpuDevices.Choice choice) {
        if (!choice.isGpu() || s.demag().method() == Scenario.DemagMethod.NONE) {
            return demag(s, magnet, pool, log);
        }
        Precision precision = s.compute().gpuPrecision();
        Consumer<String> report = System.err::println;
        if (s.demag().method() == Scenario.DemagMethod.SURROGATE) {
            DemagField cpu = surrogate(s, magnet, pool, log);
            if (cpu instanceof FarFieldSurrogate f) {
                return new GpuFarFieldSurrogate(f, choice.device(), precision, report);
            }
            log.accept("gpu: this surrogate has no GPU kernel; it runs on the CPU");
            return cpu;
        }
        FarFieldModels.Target t = target(magnet);
        if (t.grid() != null) {
            log.accept("gpu: the exact demag on a grid is the FFT convolution, which runs on the CPU");
            return exactDemag(t, pool);
        }
        return GpuDirectSum.amongDomains(t.prisms(), choice.device(), precision, report);
    }

    /**
     * @param magnet the domains
     * @param pool threads
     * @return the exact demag of the domains: FFT with the cell-averaged tensor on grids, else the reciprocal direct
     *     sum with the point tensor
     */
    public static DemagField exactDemag(Magnet magnet, WorkerPool pool) {
        return exactDemag(target(magnet), pool);
    }

    /**
     * @param domains the domains
     * @param pool threads
     * @return their exact demag: FFT with the cell-averaged tensor on a grid, else the reciprocal direct sum with the
     *     point tensor
     */
    public static DemagField exactDemag(FarFieldModels.Target domains, WorkerPool pool) {
        return domains.grid() != null ? new FftDemag(domains.grid(), domains.cells(), pool)
                : DirectDemag.forPrisms(domains.prisms(), DirectSum.defaultMemoryBudget(), pool);
    }

    private static DemagField surrogate(Scenario s, Magnet magnet, WorkerPool pool, Consumer<String> log) {
        return surrogateModel(s, magnet, pool, log).bind(magnet, pool);
    }

    /**
     * The model of a surrogate path, with the model file contents that give it exactly (so that a run can keep a
     * copy of the model it used).
     *
     * @param file the model file contents: as read from a named file, or written from a far-field model found or
     *     fitted automatically
     * @param source the named model file it was read from, or null (found or fitted automatically)
     * @param origin where it came from (a file, a stored or cached model, a new fit), for logs
     * @param farField the far-field model, or null
     * @param paper the paper model (fourier, fc-ilr, linear), or null
     */
    public record SurrogateModel(ModelFile file, Path source, String origin, FarFieldModel farField,
                                 PaperModel paper) {
        /**
         * @param magnet the domains (the ones the model was checked against)
         * @param pool threads
         * @return the surrogate demag field among the domains
         */
        public DemagField bind(Magnet magnet, WorkerPool pool) {
            return farField != null ? FarFieldModels.bind(target(magnet), farField, pool)
                    : PaperModelDemag.bind(paper, magnet.prisms(), pool);
        }
    }

    /**
     * The surrogate model of a scenario: its {@code demag.model} file (a far-field model, or a paper model:
     * fourier, fc-ilr, linear) checked against the domains, else a stored far-field model that fits, the cached
     * automatic fit, or a new fit.
     *
     * @param s the scenario
     * @param magnet its magnet
     * @param pool threads for fitting
     * @param log one line per setup step
     * @return the model
     * @throws IllegalArgumentException naming the file, what does not fit and why, and what to do
     */
    public static SurrogateModel surrogateModel(Scenario s, Magnet magnet, WorkerPool pool, Consumer<String> log) {
        FarFieldModels.Target target = target(magnet);
        Path file = s.demag().model();
        if (file != null) {
            ModelFile contents = ModelFile.read(file);
            if (PaperModels.NAMES.contains(contents.model())) {
                PaperModel m = PaperModel.fromFile(contents, file);
                String why = PaperModelDemag.unsupported(m, magnet.prisms());
                if (why != null) {
                    String ref = s.source().endsWith(" (shipped)") ? s.name() : s.source();
                    throw new IllegalArgumentException("model file " + file + " (" + m.name() + ") cannot represent "
                            + "the domains of " + s.name() + ": " + why + ". Make a " + m.name() + " model for them: "
                            + "hypermag train --model " + m.name() + " --scenario " + ref + " --from " + file
                            + " --out FILE (the same trained parameters with a length unit that fits), or train one: "
                            + "hypermag train --model " + m.name() + " --scenario " + ref + " --out FILE");
                }
                log.accept(m.name() + " model " + file);
                return new SurrogateModel(contents, file, file.toString(), null, m);
            }
            FarFieldModel m = FarFieldModels.load(file, target);
            log.accept("far-field model " + file);
            return new SurrogateModel(contents, file, file.toString(), m, null);
        }
        List<Path> stored = new ArrayList<>(s.demag().storedModels());
        Path shipped = ShippedScenarios.storedModel(s.name(), s.source());
        if (shipped != null) {
            stored.add(shipped);
        }
        String[] origin = {"a new fit"};
        FarFieldModel model = FarFieldModels.obtain(target, s.demag().settings(), stored,
                FarFieldModels.defaultCacheDir(), pool, line -> {
                    if (line.startsWith("far-field model ")) {
                        origin[0] = line.substring("far-field model ".length());
                    }
                    log.accept(line);
                });
        if (shipped != null && origin[0].equals(shipped.toString())) {
            origin[0] = "the stored model of the shipped scenario (scenarios/models/" + s.name() + ".far-field.h5)";
        }
        Map<String, String> text = new LinkedHashMap<>();
        text.put("training", "the far-field model used for scenario " + s.name() + ": " + origin[0]);
        text.put("created", LocalDate.now().toString());
        return new SurrogateModel(model.toFile(text, Map.of()), null, origin[0], model, null);
    }

    /**
     * The scales a paper model needs for a scenario's domains: the length unit of
     * {@link PaperModelDemag#lengthUnitFor} (centres within the trained [−2, 2]² units, no side above 2 units) and
     * the largest saturation magnetisation of the domains as the magnetisation unit (so |M| is at most 1 unit; the
     * training sampled |M| in [0.5, 1] units).
     *
     * @param magnet the domains
     * @return {length unit (m), magnetisation unit (A/m)}
     */
    public static double[] paperScales(Magnet magnet) {
        double ms = 0;
        for (int i = 0; i < magnet.size(); i++) {
            ms = Math.max(ms, magnet.ms(i));
        }
        return new double[] {PaperModelDemag.lengthUnitFor(magnet.prisms()), ms > 0 ? ms : 8e5};
    }

    /**
     * @param magnet the domains
     * @return what a far-field surrogate model must represent for them
     */
    public static FarFieldModels.Target target(Magnet magnet) {
        return magnet.isOnGrid() ? new FarFieldModels.Target(magnet.prisms(), magnet.grid(), magnet.gridCells())
                : new FarFieldModels.Target(magnet.prisms(), null, null);
    }

    /**
     * @param s the scenario
     * @return its initial unit magnetisation
     * @throws IllegalArgumentException if an earlier run to start from does not fit
     */
    public static VectorField initial(Scenario s) {
        Prisms p = s.domains().prisms();
        int n = p.size();
        VectorField m = new VectorField(n);
        Scenario.Initial init = s.initial();
        if (init instanceof Scenario.Uniform u) {
            {
                double[] d = u.direction();
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                for (int i = 0; i < n; i++) {
                    m.set(i, d[0] / r, d[1] / r, d[2] / r);
                }
            }
        } else if (init instanceof Scenario.RandomDirections rd) {
            {
                Random rnd = new Random(rd.seed());
                for (int i = 0; i < n; i++) {
                    double x, y, z, r2;
                    do {
                        x = 2 * rnd.nextDouble() - 1;
                        y = 2 * rnd.nextDouble() - 1;
                        z = 2 * rnd.nextDouble() - 1;
                        r2 = x * x + y * y + z * z;
                    } while (r2 > 1 || r2 < 1e-6);
                    double r = Math.sqrt(r2);
                    m.set(i, x / r, y / r, z / r);
                }
            }
        } else if (init instanceof Scenario.Vortex v) {
            {
                for (int i = 0; i < n; i++) {
                    double dx = p.cx(i) - v.cx(), dy = p.cy(i) - v.cy();
                    double r = Math.sqrt(dx * dx + dy * dy);
                    double core = Math.exp(-(r * r) / (v.coreRadius() * v.coreRadius()));
                    double inPlane = Math.sqrt(Math.max(0, 1 - core * core));
                    double ex = r > 0 ? -dy / r : 0, ey = r > 0 ? dx / r : 0;
                    m.set(i, v.circulation() * inPlane * ex, v.circulation() * inPlane * ey, v.polarity() * core);
                    if (r == 0) {
                        m.set(i, 0, 0, v.polarity());
                    }
                }
            }
        } else {
            Scenario.FromRun f = (Scenario.FromRun) init;
            {
                RunReader r = RunReader.open(f.directory());
                if (r.domains() != n) {
                    throw new IllegalArgumentException("initial.file: the run in " + f.directory() + " has "
                            + r.domains() + " domains, this scenario " + n + "; expected the same geometry");
                }
                if (r.frameCount() == 0) {
                    throw new IllegalArgumentException("initial.file: the run in " + f.directory() + " has no frames");
                }
                VectorField v = r.magnetisation(f.frame());
                for (int i = 0; i < n; i++) {
                    double len = Math.sqrt(v.x[i] * v.x[i] + v.y[i] * v.y[i] + v.z[i] * v.z[i]);
                    m.set(i, v.x[i] / len, v.y[i] / len, v.z[i] / len);
                }
            }
        }
        return m;
    }
}
