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
        if (!f.model().equals(FarFieldModel.NAME)) {
            throw new Main.UsageException(file + ": model '" + f.model() + "' has no accuracy report in this version; "
                    + "known: " + FarFieldModel.NAME);
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
}
