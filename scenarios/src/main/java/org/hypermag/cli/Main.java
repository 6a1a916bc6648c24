package org.hypermag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.hypermag.scenarios.input.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line interface: {@code hypermag COMMAND [OPTIONS]}.
 *
 * <p>Exit status: 0 on success, 2 on bad input or usage (one-line message, no stack trace), 70 on an internal error.
 */
@Command(name = "hypermag",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Magnetisation dynamics of many uniformly magnetised rectangular prisms, with exact and surrogate "
                    + "demagnetising fields.",
            "Units are SI: lengths in m, magnetisation and fields in A/m."},
        subcommands = {RunCommand.class, CheckCommand.class, FieldCommand.class, PlotCommand.class, TrainCommand.class,
            AccuracyCommand.class, ValidateCommand.class, CoreposCommand.class, ConvertCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "  sweep      Runs a sweep file's variants on Apache Spark (its own module: hypermag sweep --help; "
                + "docs/sweeps.md).", "", "Run 'hypermag help COMMAND' for the options of a command."})
public final class Main implements Runnable {
    /** Exit status for bad input or usage. */
    public static final int EXIT_INPUT = 2;
    /** Exit status for an internal error. */
    public static final int EXIT_INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line in-process (for tests and embedding).
     *
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            String command = line.getCommandName();
            if (ex instanceof InputException || ex instanceof UsageException
                    || ex instanceof org.hypermag.solver.gpu.GpuUnavailableException
                    || ex instanceof org.hypermag.output.ovf.OvfException) {
                err.println("hypermag " + command + ": error: " + ex.getMessage());
                return EXIT_INPUT;
            }
            if (ex instanceof UncheckedIOException) {
                err.println("hypermag " + command + ": error: " + ex.getMessage());
                return EXIT_INPUT;
            }
            if (ex instanceof org.hypermag.solver.parallel.Cancellation.CancelledException) {
                err.println("hypermag " + command + ": " + ex.getMessage() + "; nothing was written");
                return RunCommand.EXIT_INTERRUPTED;
            }
            err.println("hypermag " + command + ": internal error: " + ex);
            if (System.getenv("HYPERMAG_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set HYPERMAG_DEBUG=1 for the stack trace, and please report it)");
            }
            return EXIT_INTERNAL;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @param dir a directory named on the command line as a run's output
     * @return its reader
     * @throws UsageException when it holds no run
     */
    static org.hypermag.output.RunReader openRun(java.nio.file.Path dir) {
        if (!java.nio.file.Files.isRegularFile(dir.resolve(org.hypermag.output.RunLayout.RUN_FILE))) {
            throw new UsageException(dir + ": not a run's output directory (no "
                    + org.hypermag.output.RunLayout.RUN_FILE + ")");
        }
        return org.hypermag.output.RunReader.open(dir);
    }

    /** Bad option values that picocli cannot check itself. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Reads the version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hypermag " + version()};
        }
    }

    /** @return the project version */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
