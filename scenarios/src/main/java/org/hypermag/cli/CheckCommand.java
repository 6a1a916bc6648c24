package org.hypermag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hypermag.scenarios.sim.ScenarioPreflight;
import org.hypermag.scenarios.spec.Problem;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioException;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.hypermag.scenarios.spec.ShippedScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypermag check FILE...}: validates scenario files without running them. */
@Command(name = "check",
        description = "Validates scenario files without running them: every problem of each file is listed with "
                + "file:line:column, the key path, the value and what is expected. check refuses everything run "
                + "would refuse before simulating (model files, initial runs, memory, gpu: on).",
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.yaml), or shipped scenarios' "
            + "names (as run takes them).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (Path f : files) {
            List<Problem> problems;
            Scenario s = null;
            try {
                String name = f.toString();
                boolean shipped = !name.endsWith(".yaml") && !name.endsWith(".yml") && !Files.exists(f)
                        && ShippedScenarios.NAMES.contains(name);
                s = shipped ? ShippedScenarios.parse(name) : ScenarioParser.parse(f, line -> err.println("  " + line));
                problems = ScenarioPreflight.problems(s);
            } catch (ScenarioException e) {
                problems = e.problems();
            }
            if (problems.isEmpty()) {
                out.println(f + ": ok: " + describe(s));
            } else {
                bad++;
                err.println(f + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":");
                for (Problem p : problems) {
                    err.println("  " + p);
                }
            }
        }
        err.flush();
        return bad == 0 ? 0 : Main.EXIT_INPUT;
    }

    static String describe(Scenario s) {
        StringBuilder b = new StringBuilder(s.name()).append(", ").append(s.domains().summary()).append(", stages:");
        for (Scenario.Stage st : s.stages()) {
            b.append(' ').append(st.kind());
        }
        b.append(", demag ").append(s.demag().method());
        return b.toString();
    }

    /**
     * A scenario given on the command line: a file (ends in .yaml or .yml, or exists), else a shipped scenario's name.
     *
     * @param name the argument
     * @return the parsed scenario
     */
    static Scenario byNameOrFile(String name) {
        return byNameOrFile(name, null);
    }

    /**
     * @param name the argument
     * @param progress where long set-up work reports (placing grains), or null
     * @return the parsed scenario
     */
    static Scenario byNameOrFile(String name, PrintWriter progress) {
        if (name.endsWith(".yaml") || name.endsWith(".yml") || Files.exists(Path.of(name))) {
            return parseOrThrow(Path.of(name), progress);
        }
        if (ShippedScenarios.NAMES.contains(name)) {
            return ShippedScenarios.parse(name);
        }
        throw new Main.UsageException("'" + name + "' is neither a scenario file nor a shipped scenario; "
                + "shipped: " + String.join(", ", ShippedScenarios.NAMES));
    }

    /** Parses a scenario for running; problems become one usage error listing them all. */
    static Scenario parseOrThrow(Path file) {
        return parseOrThrow(file, null);
    }

    /** Parses a scenario for running, reporting long set-up work; problems become one usage error. */
    static Scenario parseOrThrow(Path file, PrintWriter progress) {
        try {
            return ScenarioParser.parse(file, line -> {
                if (progress != null) {
                    progress.println("  " + line);
                    progress.flush();
                }
            });
        } catch (ScenarioException e) {
            throw new Main.UsageException(e.problems().size() + " problem(s) in the scenario:\n  "
                    + String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
        }
    }
}
