package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hypermag.output.RunLayout;
import org.hypermag.scenarios.sim.ScenarioRunner;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.scenarios.spec.ShippedScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hypermag run [SCENARIO]}: runs a scenario file or a shipped scenario, or resumes a run.
 */
@Command(name = "run",
        description = {
            "Runs a scenario: a YAML file, or the name of a shipped scenario (sp4-field1, the default; sp4-field2; "
                    + "permalloy-disk-vortex; granular-film-hysteresis; square-ice-ramp).",
            "Writes table.csv, run.h5, frames/segment-*.h5, checkpoint.h5 and PNG plots into the output directory "
                    + "(default out/NAME). Ctrl-C stops at the next safe point; --resume DIR continues."},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    /** Exit status of a run stopped by Ctrl-C (resumable). */
    static final int EXIT_INTERRUPTED = 130;
    /** Exit status of a failed integration. */
    static final int EXIT_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A scenario file (.yaml) or a shipped scenario's name (default: sp4-field1).")
    String scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: the scenario's output.directory, else out/NAME).")
    Path outDir;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run in DIR from its checkpoint (uses DIR/scenario.yaml).")
    Path resume;

    @Option(names = "--overwrite", description = "Replace an earlier run in the output directory.")
    boolean overwrite;

    @Mixin
    GpuOptions gpuOptions = new GpuOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario s;
        Path dir;
        if (resume != null) {
            if (scenario != null) {
                throw new Main.UsageException("--resume takes the scenario from " + resume + "/"
                        + RunLayout.SCENARIO_FILE + "; do not name a scenario as well");
            }
            Path copy = resume.resolve(RunLayout.SCENARIO_FILE);
            if (!Files.isRegularFile(copy) || !Files.isRegularFile(resume.resolve(RunLayout.CHECKPOINT_FILE))) {
                throw new Main.UsageException(resume + ": not a resumable run directory (expected "
                        + RunLayout.SCENARIO_FILE + " and " + RunLayout.CHECKPOINT_FILE + ")");
            }
            s = gpuOptions.apply(CheckCommand.parseOrThrow(copy, out));
            dir = resume;
        } else {
            s = gpuOptions.apply(CheckCommand.byNameOrFile(scenario == null ? ShippedScenarios.DEFAULT : scenario,
                    out));
            dir = outDir != null ? outDir : s.output().directory() != null ? s.output().directory()
                    : Path.of("out", s.name());
        }
        out.printf("hypermag run %s: %s%n", s.name(), s.domains().summary());
        out.printf("  output: %s%n", dir.toAbsolutePath().normalize());
        ProgressDisplay display = new ProgressDisplay(out, System.console() != null);
        try (StopOnSignal stop = StopOnSignal.install()) {
            ScenarioRunner.Result result;
            try {
                result = new ScenarioRunner(s, new ScenarioRunner.Options(dir, resume != null, overwrite,
                        Main.version(), org.hypermag.output.FrameSegmentWriter.DEFAULT_SEGMENT_BYTES), display,
                        stop).run();
            } catch (ScenarioRunner.SetupException e) {
                throw new Main.UsageException(e.getMessage());
            } catch (ScenarioRunner.StoppedException e) {
                display.done();
                out.println("  " + e.getMessage());
                out.flush();
                return EXIT_INTERRUPTED;
            } finally {
                display.done();
            }
            out.println("summary:");
            for (String line : result.summaries()) {
                out.println("  " + line);
            }
            out.printf(Locale.ROOT, "  status: %s at t = %.6g s%s%n", result.status().name().toLowerCase(Locale.ROOT),
                    result.time(), result.message().isEmpty() ? "" : "; " + result.message());
            out.println("files:");
            for (Path f : result.files()) {
                out.println("  " + f.toAbsolutePath().normalize());
            }
            out.flush();
            // closing the handler lets a Ctrl-C shutdown proceed: everything is written and reported
            return switch (result.status()) {
                case COMPLETED -> 0;
                case INTERRUPTED -> EXIT_INTERRUPTED;
                case FAILED -> EXIT_FAILED;
            };
        }
    }

    /** A progress bar on a terminal, plain periodic lines otherwise. */
    static final class ProgressDisplay implements ScenarioRunner.Progress {
        private final PrintWriter out;
        private final boolean terminal;
        private long last;
        private long stageWall;
        private boolean barShown;

        ProgressDisplay(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        private boolean due() {
            long now = System.nanoTime();
            if (now - last < (terminal ? 200_000_000L : 10_000_000_000L)) {
                return false;
            }
            last = now;
            return true;
        }

        @Override
        public void note(String text) {
            out.println("  " + text);
        }

        @Override
        public void stageStarted(int index, int count, Scenario.Stage stage) {
            clearBar();
            stageWall = System.nanoTime();
            last = stageWall;
            out.printf("stage %d of %d: %s%n", index + 1, count, stage.kind());
        }

        @Override
        public void running(double t, double start, double end, long steps) {
            if (!due()) {
                return;
            }
            double frac = (t - start) / (end - start);
            double wall = (System.nanoTime() - stageWall) / 1e9;
            double rate = steps / Math.max(wall, 1e-9);
            double remaining = frac > 0 ? wall * (1 - frac) / frac : Double.NaN;
            // below 10 steps/s (large problems) two significant digits, not a rounded 0
            String text = String.format(Locale.ROOT, "t = %.4g of %.4g s, %d steps, %s steps/s, %s left",
                    t, end, steps, String.format(Locale.ROOT, rate >= 10 ? "%.0f" : "%.2g", rate),
                    Double.isNaN(remaining) ? "?" : formatSeconds(remaining));
            show(frac, text);
        }

        @Override
        public void relaxing(int iteration, double torque) {
            if (due()) {
                show(Double.NaN, String.format(Locale.ROOT, "relaxing: iteration %d, max torque %.3g A/m", iteration,
                        torque));
            }
        }

        @Override
        public void point(int point, int points) {
            if (due() || point == points) {
                show((double) point / points, "field point " + point + " of " + points);
            }
        }

        @Override
        public void stageFinished(int index, String summary) {
            clearBar();
            out.println("  " + summary);
        }

        private void show(double frac, String text) {
            if (terminal) {
                String bar = "";
                if (!Double.isNaN(frac)) {
                    int w = 30, filled = (int) Math.round(w * Math.max(0, Math.min(1, frac)));
                    bar = "[" + "#".repeat(filled) + "-".repeat(w - filled) + "] "
                            + String.format(Locale.ROOT, "%3.0f%% ", 100 * frac);
                }
                out.print("\r" + bar + text + "\u001b[K");
                out.flush();
                barShown = true;
            } else {
                out.println("  " + text);
            }
        }

        private void clearBar() {
            if (barShown) {
                out.print("\r\u001b[K");
                out.flush();
                barShown = false;
            }
        }

        void done() {
            clearBar();
        }

        private static String formatSeconds(double s) {
            long x = Math.round(s);
            return x >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", x / 3600, x / 60 % 60, x % 60)
                    : String.format(Locale.ROOT, "%d:%02d", x / 60, x % 60);
        }
    }
}
