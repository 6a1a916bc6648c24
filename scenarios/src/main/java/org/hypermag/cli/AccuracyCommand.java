package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hypermag.output.ModelFile;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldModels;
import org.hypermag.surrogate.FieldAccuracy;
import org.hypermag.surrogate.paper.PaperModel;
import org.hypermag.surrogate.paper.PaperModels;
import org.hypermag.surrogate.paper.FarFieldPaperProtocol;
import org.hypermag.surrogate.paper.PaperProtocol;
import org.hypermag.surrogate.paper.Sampling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hypermag accuracy FILE}: the accuracy report of a surrogate model file; {@code hypermag accuracy
 * --paper-protocol far-field}: the far-field model on the paper's protocol.
 */
@Command(name = "accuracy",
        description = {"Prints the accuracy report of a surrogate model file: how it was made, the accuracy measured "
                + "when it was made, and (with --scenario or --sources) the field error measured now on those domains "
                + "against the exact field.",
            "With --paper-protocol far-field and no FILE: fits one far-field model for the paper protocol's sources "
                    + "(sides 0.5-2, one thickness) and domain, and prints its Eq. 10 errors on the original protocol "
                    + "(not applicable: varied thickness, with the reason) and on the fixed-thickness variant "
                    + "(docs/surrogate.md#paper-protocol)."},
        mixinStandardHelpOptions = true)
final class AccuracyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The model file (.h5); not with "
            + "--paper-protocol.")
    Path file;

    @Option(names = "--paper-protocol", paramLabel = "MODEL", description = "Measure a model that is fitted, not "
            + "trained, on the paper's protocol: far-field (the only such model).")
    String paperProtocol;

    @Option(names = "--thickness", paramLabel = "T", description = "Paper protocol: the fixed-thickness variant with "
            + "every source T domain units thick (default for far-field: " + FarFieldPaperProtocol.DEFAULT_THICKNESS
            + "; for a paper model file: the original protocol unless given).")
    Double thickness;

    @Option(names = "--near-radius", paramLabel = "R", description = "--paper-protocol far-field: near radius in "
            + "reference sizes of " + FarFieldPaperProtocol.REFERENCE + " domain units (default 10).")
    Double nearRadius;

    @Option(names = "--k-max-r", paramLabel = "K", description = "--paper-protocol far-field: k_max times R "
            + "(default 8).")
    Double kR;

    @Option(names = "--span", paramLabel = "S", description = "--paper-protocol far-field: largest offset per axis "
            + "the model covers, domain units (default " + FarFieldPaperProtocol.SPAN + ", the protocol's domain).")
    Double span;

    @Option(names = "--scenario", paramLabel = "FILE|NAME", description = "Measure on a scenario's domains.")
    String scenario;

    @Option(names = "--sources", paramLabel = "S.csv", description = "Measure on the prisms of a CSV file.")
    Path sources;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    Integer threads;

    @Option(names = "--eval-seed", paramLabel = "N", description = "Paper models: seed of the held-out test sets "
            + "(default " + PaperReport.DEFAULT_SEED + ").")
    Long evalSeed;

    @Option(names = "--protocol", paramLabel = "NAME", description = "paper-2d: FILE is a model of the paper's own 2-D "
            + "protocol (train --protocol paper-2d); its errors on the protocol's validation and test sets.")
    String protocol;

    @Option(names = "--figure", paramLabel = "PNG", description = "--protocol paper-2d: also draw the four-source "
            + "validation example, true against the model (potential and |H|), as the paper's Fig. 6.")
    Path figure;

    @Option(names = "--validation-draws", paramLabel = "K", description = "--protocol paper-2d: also score the model "
            + "on K other draws of the one-sample validation sets and print each column's median and 5th-95th "
            + "percentile (Table 2's columns are one draw each).")
    Integer validationDraws;

    @Override
    public Integer call() {
        if (threads != null && threads < 1) {
            throw new Main.UsageException("--threads must be >= 1, got " + threads);
        }
        if (protocol != null) {
            Paper2dCommands.require(protocol, null);
            if (file == null) {
                throw new Main.UsageException("--protocol " + protocol + " measures a model FILE");
            }
            ModelFile f;
            try {
                f = ModelFile.read(file);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
            return Paper2dCommands.accuracy(f, file, evalSeed, figure, validationDraws, spec.commandLine().getOut());
        }
        if (figure != null || validationDraws != null) {
            throw new Main.UsageException("--figure and --validation-draws belong to --protocol paper-2d");
        }
        if (paperProtocol != null) {
            return farFieldPaperProtocol();
        }
        if (file == null) {
            throw new Main.UsageException("give a model FILE, or --paper-protocol far-field");
        }
        if (nearRadius != null || kR != null || span != null) {
            throw new Main.UsageException("--near-radius, --k-max-r and --span belong to --paper-protocol far-field");
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
        if (evalSeed != null || thickness != null) {
            throw new Main.UsageException("--eval-seed and --thickness are settings of the paper protocol");
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
                : evalSeed, PaperReport.sampling(thickness))));
        o.flush();
        return 0;
    }

    /** The far-field model on the paper protocol: the original (not applicable) and the fixed-thickness variant. */
    private int farFieldPaperProtocol() {
        if (!FarFieldModel.NAME.equals(paperProtocol)) {
            throw new Main.UsageException("--paper-protocol measures far-field (the paper's own models are measured "
                    + "from their model files: accuracy FILE), got '" + paperProtocol + "'");
        }
        if (file != null || scenario != null || sources != null) {
            throw new Main.UsageException("--paper-protocol far-field fits its own model on the protocol's domain; "
                    + "FILE, --scenario and --sources do not apply");
        }
        FarFieldSettings settings;
        Sampling variant;
        try {
            FarFieldSettings d = FarFieldSettings.DEFAULT;
            settings = new FarFieldSettings(nearRadius == null ? d.nearRadius() : nearRadius,
                    kR == null ? d.kR() : kR, d.periodMargin());
            variant = Sampling.fixedThickness(thickness == null ? FarFieldPaperProtocol.DEFAULT_THICKNESS : thickness);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        long seed = evalSeed == null ? PaperReport.DEFAULT_SEED : evalSeed;
        PrintWriter o = spec.commandLine().getOut();
        WorkerPool pool = threads == null ? WorkerPool.shared() : new WorkerPool(threads);
        try {
            String fitFailure = null;
            FarFieldModel m = null;
            try {
                m = FarFieldPaperProtocol.fit(settings, variant.thickness(), span == null ? FarFieldPaperProtocol.SPAN
                        : span, pool);
                o.println(m.describe());
            } catch (IllegalArgumentException e) {
                fitFailure = e.getMessage();
            }
            o.printf(Locale.ROOT, "far-field on the paper protocol: Eq. 10 (median over points of the relative "
                    + "error, %%), held-out seed %d, %d single-source and %d multi-source (2-20 sources) examples of "
                    + "%d points; domain unit %.0e m, R in sizes of %s domain units. Paper Table 2 has no far-field "
                    + "row.%n%n", seed, PaperProtocol.SINGLE_EXAMPLES, PaperProtocol.MULTI_EXAMPLES,
                    PaperProtocol.POINTS, FarFieldPaperProtocol.LENGTH_UNIT, FarFieldPaperProtocol.REFERENCE);
            o.println(FarFieldPaperProtocol.Report.tableHeader());
            String original = m == null ? fitFailure : FarFieldPaperProtocol.unsupported(m, Sampling.PAPER, seed);
            o.println(FarFieldPaperProtocol.notApplicableRow(Sampling.PAPER, settings));
            if (m == null) {
                o.println(FarFieldPaperProtocol.notApplicableRow(variant, settings));
            } else {
                o.println(FarFieldPaperProtocol.evaluate(m, variant, seed, pool).tableRow());
            }
            o.println();
            o.println("Not applicable on the original protocol: " + original);
            if (m == null) {
                o.println("Not applicable on the " + variant.label() + " protocol: " + fitFailure);
            }
            o.println("Δφ is n/a: the far-field model has no scalar potential with M_z (in the mid-plane the potential "
                    + "of M_z vanishes; H_z is a separate channel) and its near zone is the exact tensor.");
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        } finally {
            pool.close();
        }
        o.flush();
        return 0;
    }
}
