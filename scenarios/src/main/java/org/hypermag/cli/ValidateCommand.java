package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hypermag.scenarios.sim.ScenarioRunner;
import org.hypermag.scenarios.sim.SurrogateValidation;
import org.hypermag.scenarios.sim.ValidationCheck;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ShippedScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hypermag validate [SCENARIO] [--model FILE]}: runs a scenario with the exact and with the surrogate demag
 * and reports how far apart they are, against the scenario's tolerances.
 */
@Command(name = "validate",
        description = {
            "Runs a scenario twice, with the exact demag and with the surrogate, and compares them: the surrogate's "
                    + "field error on every output frame, the divergence of the trajectories, and the landmarks of "
                    + "each stage (zero crossings and final <m> of a run; coercive fields and remanences of a "
                    + "hysteresis stage; final energy and state of a relaxation), against the tolerances of the "
                    + "scenario's validation: block or the defaults (docs/scenarios.md).",
            "Writes exact/ and surrogate/ (two runs), validation.csv, validation.h5, validation.png and "
                    + "validation.md into the output directory (default out/NAME-validation).",
            "Each path's scenario.yaml records the demag it ran with (surrogate/: the model it used, copied to "
                    + "surrogate/demag-model.h5), so 'hypermag run --resume DIR/exact' or 'DIR/surrogate' continues "
                    + "that path. Ctrl-C stops at the next safe point: what was written is kept and compared, and the "
                    + "report says INTERRUPTED.",
            "Exit status: 0 all checks pass, 3 a check failed (everything is still written), 2 bad input, 130 "
                    + "interrupted."},
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
    /** Exit status when a check fails. */
    static final int EXIT_CHECK_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A scenario file (.yaml) or a shipped scenario's name (default: sp4-field1).")
    String scenario;

    @Option(names = "--model", paramLabel = "FILE", description = "A model file for the surrogate path: a far-field "
            + "model, or one of the paper's models (fourier, fc-ilr, linear; its length unit must fit the scenario: "
            + "hypermag train --model NAME --scenario SCENARIO makes one). Default: the scenario's demag.model, else "
            + "the stored far-field model that fits, else an automatic fit.")
    Path model;

    @Option(names = "--far-field", paramLabel = "HOW", description = "How the surrogate path's far-field model is "
            + "made: smeared (the default; no fit) or fitted (least squares): validating both compares them.")
    String farField;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/NAME-validation).")
    Path outDir;

    @Option(names = "--overwrite", description = "Replace an earlier validation in the output directory.")
    boolean overwrite;

    @Mixin
    GpuOptions gpuOptions = new GpuOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = gpuOptions.apply(CheckCommand.byNameOrFile(scenario == null ? ShippedScenarios.DEFAULT
                : scenario));
        Path dir = outDir != null ? outDir : Path.of("out", s.name() + "-validation");
        try {
            SurrogateValidation.surrogatePath(s, model, farField);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException((model != null && farField == null ? "--model: " : "") + e.getMessage());
        }
        out.printf("hypermag validate %s: %s%n", s.name(), s.domains().summary());
        out.printf("  output: %s%n", dir.toAbsolutePath().normalize());
        RunCommand.ProgressDisplay display = new RunCommand.ProgressDisplay(out, System.console() != null);
        try (StopOnSignal stop = StopOnSignal.install()) {
            SurrogateValidation.Outcome r;
            try {
                r = SurrogateValidation.run(s, new SurrogateValidation.Options(dir, overwrite, model, Main.version(),
                        farField),
                        display, stop);
            } catch (ScenarioRunner.SetupException | IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            } finally {
                display.done();
            }
            out.println("checks:");
            for (ValidationCheck c : r.checks()) {
                if (c.verdict() != ValidationCheck.Verdict.INFO) {
                    out.printf(Locale.ROOT, "  %-4s %s: %s%s%n", c.verdict().name().toLowerCase(Locale.ROOT),
                            c.label(), c.name(), detail(c));
                }
            }
            if (r.surrogate() == null) {
                out.printf(Locale.ROOT, "wall time: exact %.1f s, surrogate not run%n", r.exactSeconds());
            } else {
                out.printf(Locale.ROOT, "wall time: exact %.1f s, surrogate %.1f s, speed-up %.2f%n",
                        r.exactSeconds(), r.surrogateSeconds(), r.speedUp());
            }
            out.println("result: " + r.result());
            out.println("files:");
            for (Path f : r.files()) {
                out.println("  " + f.toAbsolutePath().normalize());
            }
            out.flush();
            // closing the handler lets a Ctrl-C shutdown proceed: everything is written and reported
            return r.interrupted() ? RunCommand.EXIT_INTERRUPTED : r.passed() ? 0 : EXIT_CHECK_FAILED;
        }
    }

    private static String detail(ValidationCheck c) {
        if (!c.note().isEmpty()) {
            return " (" + c.note() + ")";
        }
        if (Double.isNaN(c.difference())) {
            return "";
        }
        return String.format(Locale.ROOT, " (%.4g, tolerance %.4g)", c.difference(), c.tolerance());
    }
}
