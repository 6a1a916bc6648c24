package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldModels;
import org.hypermag.surrogate.FieldAccuracy;
import org.hypermag.surrogate.paper.PaperModel;
import org.hypermag.surrogate.paper.PaperModels;
import org.hypermag.surrogate.paper.PaperProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypermag accuracy FILE}: the accuracy report of a surrogate model file. */
@Command(name = "accuracy",
        description = {"Prints the accuracy report of a surrogate model file: how it was made, the accuracy measured "
                + "when it was made, and (with --scenario or --sources) the field error measured now on those domains "
                + "against the exact field."},
        mixinStandardHelpOptions = true)
final class AccuracyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The model file (.h5).")
    Path file;

    @Option(names = "--scenario", paramLabel = "FILE|NAME", description = "Measure on a scenario's domains.")
    String scenario;

    @Option(names = "--sources", paramLabel = "S.csv", description = "Measure on the prisms of a CSV file.")
    Path sources;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    Integer threads;

    @Option(names = "--eval-seed", paramLabel = "N", description = "Paper models: seed of the held-out test sets "
            + "(default " + PaperReport.DEFAULT_SEED + ").")
    Long evalSeed;

    @Override
    public Integer call() {
        if (threads != null && threads < 1) {
            throw new Main.UsageException("--threads must be >= 1, got " + threads);
        }
        ModelFile f;
        try {
            f = ModelFile.read(file);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        if (PaperModels.NAMES.contains(f.model())) {
            return paperModel(f);
        }
        if (!f.model().equals(FarFieldModel.NAME)) {
            throw new Main.UsageException(file + ": unknown model '" + f.model() + "'; known: " + FarFieldModel.NAME
                    + ", " + String.join(", ", PaperModels.NAMES));
        }
        if (evalSeed != null) {
            throw new Main.UsageException("--eval-seed is a setting of the paper models' report");
        }
        FarFieldModel m;
        try {
            m = FarFieldModel.fromFile(f, file);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(file + ": " + m.describe());
        for (String k : new String[] {"training", "trained_on", "created"}) {
            if (f.text().containsKey(k)) {
                o.println(k + ": " + f.text().get(k));
            }
        }
        StringBuilder stored = new StringBuilder("| magnetisation | median (%) | relative L2 (%) | max (%) |\n"
                + "|---|---|---|---|\n");
        boolean any = false;
        for (FieldAccuracy.Pattern p : FieldAccuracy.Pattern.values()) {
            double[] e = f.numbers().get("accuracy_" + p.name().toLowerCase(Locale.ROOT));
            if (e != null && e.length == 3) {
                any = true;
                stored.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %.3g |%n", p.label, 100 * e[0],
                        100 * e[1], 100 * e[2]));
            }
        }
        o.println();
        if (any) {
            o.println("Measured when it was made (" + f.text().getOrDefault("accuracy_reference", "") + "):");
            o.print(stored);
        } else {
            o.println("The file records no accuracy (made by an automatic fit); measure it with --scenario or "
                    + "--sources.");
        }
        if (scenario != null || sources != null) {
            ModelGeometry g = ModelGeometry.of(scenario, sources);
            try {
                FarFieldModels.load(file, g.target());
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
            WorkerPool pool = threads == null ? WorkerPool.shared() : new WorkerPool(threads);
            try {
                Map<FieldAccuracy.Pattern, FieldAccuracy.Errors> acc = g.measure(m, pool);
                o.println();
                o.println("Measured now on " + g.label() + ", against the exact field:");
                o.print(ModelGeometry.table(acc));
            } finally {
                pool.close();
            }
        }
        o.flush();
        return 0;
    }

    /** A paper model: its training record, and the paper protocol measured now beside the paper's Table 2. */
    private int paperModel(ModelFile f) {
        if (scenario != null || sources != null) {
            throw new Main.UsageException("model '" + f.model() + "' is measured with the paper's protocol; "
                    + "--scenario and --sources belong to far-field models");
        }
        PaperModel m;
        try {
            m = PaperModel.fromFile(f, file);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(file + ": paper model '" + m.name() + "', " + m.parameterCount() + " parameters");
        m.training().forEach((k, v) -> o.println(k + ": " + v));
        o.println();
        o.print(PaperReport.table(m, PaperProtocol.evaluate(m, evalSeed == null ? PaperReport.DEFAULT_SEED
                : evalSeed)));
        o.flush();
        return 0;
    }
}
