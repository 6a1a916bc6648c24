package org.hypermag.sweeps;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hypermag.cli.Main;
import org.hypermag.scenarios.spec.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hypermag sweep SWEEP.yaml}: runs every variant of a sweep file on Apache Spark (docs/sweeps.md).
 */
@Command(name = "sweep",
        description = {
            "Runs a sweep: a base scenario with keys varied over lists, ranges and seeds, every variant an ordinary "
                    + "run, on Apache Spark (in-process local[*] by default; --master spark://host:port or "
                    + "k8s://... for a cluster). Every variant is written out and checked before anything runs.",
            "Writes variants/ID.yaml, runs/ID/ (each an ordinary run directory), status/ID.properties, sweep.csv "
                    + "and sweep.h5 into the output directory (default out/sweeps/NAME; a path every worker can "
                    + "reach). Ctrl-C stops the running variants at their next safe point; --resume continues."},
        mixinStandardHelpOptions = true)
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep file (.yaml).")
    Path file;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[N] (N variant threads in "
            + "this process; local[*]: one per core), spark://host:port (a standalone cluster) or k8s://... "
            + "(default: the sweep file's spark.master, else local[*]).")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default out/sweeps/NAME).")
    Path out;

    @Option(names = "--resume", description = "Continue the sweep in the output directory: completed variants are "
            + "kept, interrupted ones continue from their checkpoints, the others run.")
    boolean resume;

    @Option(names = "--check", description = "Only read the sweep file and check every variant; run nothing.")
    boolean checkOnly;

    /** Set by Ctrl-C (or {@link #requestStop}); the variants stop at their next safe point. */
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Seconds between progress lines. */
    double progressSeconds = System.console() != null ? 2 : 10;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SweepSpec s;
        List<SweepPlan.Variant> variants;
        try {
            s = SweepFile.parse(file);
            variants = SweepPlan.variants(s, line -> {
                o.println("  " + line);
                o.flush();
            });
        } catch (SweepException e) {
            err.println(file + ": " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                    + ":");
            for (Problem p : e.problems()) {
                err.println("  " + p);
            }
            err.flush();
            return Main.EXIT_INPUT;
        }
        if (checkOnly) {
            o.println(file + ": ok: " + variants.size() + " variants of " + s.baseSource());
            o.flush();
            return 0;
        }
        Path dir = out != null ? out : Path.of("out", "sweeps", s.name());
        try {
            return new SweepRunner(s, variants, new SweepRunner.Options(dir, master, resume, Main.version(),
                    progressSeconds), o).run(stop::get);
        } catch (IllegalStateException | org.hypermag.output.RunLock.BusyException e) {
            err.println("hypermag sweep: " + e.getMessage());
            err.flush();
            return Main.EXIT_INPUT;
        }
    }

    /** Asks a running sweep to stop as Ctrl-C does (tests, embedding). */
    public void requestStop() {
        stop.set(true);
    }

    /**
     * Runs {@code hypermag sweep}: Ctrl-C and SIGTERM ask the variants to stop (the JVM does not start shutting down
     * until the sweep has written its summary).
     *
     * @param args command-line arguments after "sweep"
     */
    public static void main(String[] args) {
        SweepCommand c = new SweepCommand();
        Runnable handler = c::requestStop;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> handler.run());
            } catch (IllegalArgumentException e) {
                // the signal is not available here (another OS): Ctrl-C then ends the JVM as usual
            }
        }
        CommandLine cl = new CommandLine(c);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("hypermag sweep: " + ex.getMessage());
            return 1;
        });
        int code = cl.execute(args);
        System.exit(code);
    }
}
