package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every must-fail input of {@link MustFailCases}: refused with its exit status and message, by {@code check} and by
 * {@code run} alike for status 2 (and {@code run} writes nothing then), without a stack trace or "internal error",
 * each within a few seconds. docs/reliability.md's table is generated from the same list; set
 * {@code HYPERMAG_UPDATE_DOCS=1} to rewrite it after changing the list.
 */
class MustFailTest {
    /** The most a refusal may take (s): parsing is bounded, nothing is simulated. */
    static final double REFUSAL_SECONDS = 5;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyMustFailInputIsRefusedAsDocumented() {
        return MustFailCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(MustFailCases.Case c) throws IOException {
        Path work = dir.resolve(c.name());
        Files.createDirectories(work);
        if (c.field() != null) {
            Files.writeString(work.resolve("tiny.csv"), "x,y,z,sx,sy,sz,mx,my,mz\n0,0,0,1e-300,1e-300,1e-300,"
                    + "8e5,0,0\n");
            Files.writeString(work.resolve("points.csv"), "x,y,z\n1e-9,0,0\n");
            String[] args = new String[c.field().length + 1];
            args[0] = "field";
            for (int k = 0; k < c.field().length; k++) {
                args[k + 1] = c.field()[k].replace("DIR", work.toString());
            }
            CliRunner r = timed(c, args);
            expect(c, r, "field");
            assertFalse(Files.exists(work.resolve("H.csv")), c.name() + ": no output file");
            assertEquals(1, Files.readAllLines(work.resolve("tiny.csv")).size() - 1, c.name() + ": input kept");
            return;
        }
        Path file = work.resolve(c.name() + ".yaml");
        Files.writeString(file, c.scenario().replace("FILE", file.toString()), StandardCharsets.UTF_8);
        Path out = work.resolve("out");
        if (c.status() == 2) {
            expect(c, timed(c, "check", file.toString()), "check");
            expect(c, timed(c, "run", file.toString(), "--out", out.toString()), "run");
            assertFalse(Files.exists(out), c.name() + ": run refused before touching its output directory");
        } else {
            CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());
            assertEquals(c.status(), r.status, c.name() + ": " + r.out + r.err);
            String all = r.out + r.err;
            for (String m : c.messages()) {
                assertTrue(all.contains(m), c.name() + ": expected '" + m + "' in\n" + all);
            }
            assertTrue(Files.exists(out.resolve("run.h5")) && Files.exists(out.resolve("checkpoint.h5")),
                    c.name() + ": a failed run keeps its files");
        }
    }

    private static CliRunner timed(MustFailCases.Case c, String... args) {
        long t0 = System.nanoTime();
        CliRunner r = CliRunner.run(args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < REFUSAL_SECONDS, c.name() + ": " + args[0] + " took " + seconds + " s");
        return r;
    }

    private static void expect(MustFailCases.Case c, CliRunner r, String command) {
        assertEquals(c.status(), r.status, c.name() + " (" + command + "): " + r.err);
        for (String m : c.messages()) {
            assertTrue(r.err.contains(m), c.name() + " (" + command + "): expected '" + m + "' in\n" + r.err);
        }
        assertFalse(r.err.contains("internal error") || r.err.contains("Exception") || r.err.contains("\tat "),
                c.name() + " (" + command + "): " + r.err);
    }

    /** The table of docs/reliability.md, between its markers. */
    static String table() {
        StringBuilder b = new StringBuilder("| input | exit status | the message contains |\n|---|---|---|\n");
        for (MustFailCases.Case c : MustFailCases.all()) {
            List<String> m = new ArrayList<>();
            for (String x : c.messages()) {
                m.add("`" + x.replace("|", "\\|") + "`");
            }
            b.append("| ").append(c.input().replace("|", "\\|")).append(" | ").append(c.status()).append(" | ")
                    .append(String.join(", ", m)).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void docsReliabilityListsEveryMustFailInput() throws IOException {
        DocsTables.check(Path.of("..", "docs", "reliability.md"), "mustfail", table());
    }
}
