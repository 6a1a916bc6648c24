package org.hypermag.scenarios.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hypermag.output.AtomicTextFile;
import org.hypermag.scenarios.spec.Scenario;

/** The short Markdown report of {@code hypermag validate}, {@code validation.md}. */
public final class ValidationReport {
    private ValidationReport() {
    }

    /**
     * @param file the report file (written atomically)
     * @param s the scenario
     * @param r the outcome
     */
    public static void write(Path file, Scenario s, SurrogateValidation.Outcome r) {
        AtomicTextFile.write(file, w -> w.write(text(s, r)));
    }

    /**
     * @param s the scenario
     * @param r the outcome
     * @return the report
     */
    public static String text(Scenario s, SurrogateValidation.Outcome r) {
        StringBuilder b = new StringBuilder();
        long failed = r.checks().stream().filter(ValidationCheck::failed).count();
        b.append("# Validation of ").append(s.name()).append(": ").append(r.interrupted() ? "INTERRUPTED"
                : r.passed() ? "PASS" : "FAIL (" + failed + " check" + (failed == 1 ? "" : "s") + " failed)")
                .append("\n\n");
        if (r.interrupted()) {
            b.append("The validation was stopped (Ctrl-C or SIGTERM) before both paths ended: what was written is kept and "
                    + "compared below as far as both paths got, the checks of what did not run fail.\n\n");
            b.append("- exact path: ").append(status(r.exact())).append('\n');
            b.append("- surrogate path: ").append(r.surrogate() == null ? "not started" : status(r.surrogate()))
                    .append('\n');
            b.append("- to repeat the whole validation: hypermag validate ... --overwrite\n\n");
        }
        b.append("- scenario: ").append(s.source()).append(", ").append(s.domains().summary()).append('\n');
        b.append("- exact path: ").append(r.exactDemag()).append('\n');
        b.append("- surrogate path: ").append(r.surrogateDemag()).append('\n');
        b.append(String.format(Locale.ROOT, "- wall time: exact %.1f s, surrogate %s, speed-up %s "
                + "(exact / surrogate; each path's setup included)%n", r.exactSeconds(),
                r.surrogate() == null ? "not run" : String.format(Locale.ROOT, "%.1f s", r.surrogateSeconds()),
                r.surrogate() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.speedUp())));
        long paired = r.series().rows().stream().filter(row -> !Double.isNaN(row[FrameComparison.DIVERGENCE_MEAN]))
                .count();
        b.append("- frames compared: ").append(r.series().rows().size());
        List<String> notes = new ArrayList<>();
        if (paired != r.series().rows().size()) {
            notes.add("field errors on every frame of the exact path, " + paired + " of them with the surrogate "
                    + "path's frame at the same time");
        }
        if (r.surrogate() != null) {
            notes.add("validation.csv, validation.h5; figure validation.png");
        }
        b.append(notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")").append("\n\n");
        if (!r.passed()) {
            b.append("Failed:\n\n");
            for (ValidationCheck c : r.checks()) {
                if (c.failed()) {
                    b.append("- ").append(c.label()).append(": ").append(c.name()).append(": ").append(why(c))
                            .append('\n');
                }
            }
            b.append('\n');
        }
        b.append("| where | check | exact | surrogate | difference | tolerance | result |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (ValidationCheck c : r.checks()) {
            b.append("| ").append(c.label()).append(" | ").append(cell(c.name())).append(" | ").append(num(c.exact()))
                    .append(" | ").append(num(c.surrogate())).append(" | ").append(num(c.difference())).append(" | ")
                    .append(Double.isInfinite(c.tolerance()) ? "not checked" : num(c.tolerance())).append(" | ")
                    .append(c.verdict().name().toLowerCase(Locale.ROOT))
                    .append(c.note().isEmpty() ? "" : " (" + cell(c.note()) + ")").append(" |\n");
        }
        b.append("\nField errors are those of the surrogate on the exact path's frames (both fields from the same "
                + "magnetisation); the divergence |m_s - m_e| compares the two paths' frames at the same time. "
                + "Tolerances: the scenario's `validation:` block, else the defaults (docs/scenarios.md).\n");
        return b.toString();
    }

    private static String status(ScenarioRunner.Result r) {
        return r.status().name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT, " at t = %.6g s", r.time())
                + (r.message().isEmpty() ? "" : "; " + r.message());
    }

    private static String why(ValidationCheck c) {
        if (!c.note().isEmpty()) {
            return c.note();
        }
        return "difference " + num(c.difference()) + " > tolerance " + num(c.tolerance());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
