package org.hypermag.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Shared helpers of the sweep tests: sweep files next to a copy of the small base scenario, and running them. */
final class SweepTestSupport {
    private SweepTestSupport() {
    }

    /** The outcome of one {@code hypermag sweep} call. */
    record Outcome(int code, String out, String err) {
    }

    /** Copies the base scenario into dir and writes a sweep file there with the given text. */
    static Path sweepFile(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            for (String base : new String[] {"small-granular.yaml", "small-granular-run.yaml"}) {
                try (var in = SweepTestSupport.class.getResourceAsStream("/sweeps/" + base)) {
                    Files.write(dir.resolve(base), in.readAllBytes());
                }
            }
            Path f = dir.resolve(name);
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The eight-variant sweep of the tests (two anisotropies times four grain realisations), plus extra lines. */
    static String eight(String extra) {
        return "base: small-granular.yaml\n"
                + "vary:\n"
                + "  - key: materials[0].K1\n"
                + "    values: [1.0e5, 2.0e5]\n"
                + "  - key: geometry.granular_film.seed\n"
                + "    seeds: {first: 1, count: 4}\n"
                + extra;
    }

    /** Runs {@code hypermag sweep ARGS}; the command object may be told to stop meanwhile. */
    static Outcome run(SweepCommand c, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(c);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        c.progressSeconds = 0.5;
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The rows of sweep.csv (header first), split on commas (the tests' cells hold none). */
    static List<String[]> csv(Path f) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that two runs wrote the same hysteresis.csv, byte for byte. */
    static void assertSameLoop(Path a, Path b, String what) {
        assertSameFile(a, b, "hysteresis.csv", what);
    }

    /** Asserts that two runs wrote the same file, byte for byte. */
    static void assertSameFile(Path a, Path b, String name, String what) {
        try {
            assertEquals(Files.readString(a.resolve(name)), Files.readString(b.resolve(name)), what + ": " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
