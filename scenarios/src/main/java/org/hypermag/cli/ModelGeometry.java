package org.hypermag.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hypermag.scenarios.input.CsvInput;
import org.hypermag.scenarios.sim.ScenarioSystem;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DemagRequest;
import org.hypermag.solver.demag.ExactDemagProvider;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldModels;
import org.hypermag.surrogate.SurrogateDemagProvider;
import org.hypermag.surrogate.FieldAccuracy;

/**
 * The domains a surrogate model is made for or checked on (options {@code --scenario} or {@code --sources}), and
 * the accuracy report on them.
 *
 * @param label what the domains are, for reports and model files
 * @param target the domains
 * @param settings the far-field settings the scenario asks for (the defaults for a CSV file)
 */
record ModelGeometry(String label, FarFieldModels.Target target, FarFieldSettings settings) {
    /** Magnitude of the test magnetisations (A/m); relative errors do not depend on it. */
    static final double MS = 8e5;
    /** The field command's source columns, with the magnetisation optional (it is not used). */
    static final List<CsvInput.Column> COLUMNS = FieldCommand.SOURCE_COLUMNS.stream()
            .map(c -> c.name().startsWith("m") ? new CsvInput.Column(c.name(), c.unit() + ", not used",
                    c.constraint(), 0.0) : c)
            .toList();
    /** Seed of the random test magnetisation. */
    static final long SEED = 20261123;

    /**
     * @param scenario a scenario file or shipped name, or null
     * @param sources a CSV file of prisms (the {@code field} command's source format; M is not used), or null
     * @return the geometry
     * @throws Main.UsageException unless exactly one is given
     */
    static ModelGeometry of(String scenario, Path sources) {
        if ((scenario == null) == (sources == null)) {
            throw new Main.UsageException("give the domains with either --scenario FILE|NAME or --sources S.csv");
        }
        if (scenario != null) {
            Scenario s = CheckCommand.byNameOrFile(scenario);
            return new ModelGeometry("scenario " + s.name() + " (" + s.domains().summary() + ")",
                    SurrogateDemagProvider.target(ScenarioSystem.magnet(s)),
                    s.demag().provider() == SurrogateDemagProvider.INSTANCE
                            ? SurrogateDemagProvider.farFieldSettings(s.demag().settings()) : FarFieldSettings.DEFAULT);
        }
        CsvInput.Table t = CsvInput.read(sources, COLUMNS);
        Prisms p = Prisms.of(t.column("x"), t.column("y"), t.column("z"), t.column("sx"), t.column("sy"),
                t.column("sz"));
        return new ModelGeometry("sources " + sources.getFileName() + " (" + p.size() + " prisms)",
                new FarFieldModels.Target(p, null, null), FarFieldSettings.DEFAULT);
    }

    /**
     * Measures a model on these domains against the exact field.
     *
     * @param model the model (it must fit)
     * @param pool threads
     * @return errors per test magnetisation
     */
    Map<FieldAccuracy.Pattern, FieldAccuracy.Errors> measure(FarFieldModel model, WorkerPool pool) {
        DemagField surrogate = FarFieldModels.bind(target, model, pool);
        int n = target.prisms().size();
        Material material = Material.of(MS);
        Magnet magnet = target.grid() == null ? Magnet.ofPrisms(target.prisms(), new int[n], List.of(material))
                : target.cells() == null ? Magnet.onGrid(target.grid(), material)
                : Magnet.onGrid(target.grid(), target.cells(), new int[n], List.of(material));
        DemagField exact = ExactDemagProvider.INSTANCE.build(DemagRequest.onCpu(magnet, ExactDemagProvider.INSTANCE,
                pool));
        return FieldAccuracy.measure(surrogate, exact, target.prisms(), MS, SEED);
    }

    /**
     * @param errors the measured errors
     * @return a Markdown table: pattern, median, relative L2 and maximum relative error (%)
     */
    static String table(Map<FieldAccuracy.Pattern, FieldAccuracy.Errors> errors) {
        StringBuilder b = new StringBuilder("| magnetisation | median (%) | relative L2 (%) | max (%) |\n"
                + "|---|---|---|---|\n");
        errors.forEach((p, e) -> b.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %.3g |%n", p.label,
                100 * e.median(), 100 * e.l2(), 100 * e.max())));
        return b.toString();
    }
}
