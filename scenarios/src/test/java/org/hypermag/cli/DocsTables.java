package org.hypermag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tables in the documentation that are generated from the code (the must-fail inputs, the material keys): each sits
 * between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->} in its Markdown file. A test compares it with the
 * generated text; with {@code HYPERMAG_UPDATE_DOCS=1} the test rewrites the file instead.
 */
final class DocsTables {
    private DocsTables() {
    }

    static void check(Path doc, String name, String generated) throws IOException {
        String begin = "<!-- " + name + ":begin -->\n", end = "<!-- " + name + ":end -->";
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int a = text.indexOf(begin), b = text.indexOf(end);
        assertTrue(a >= 0 && b > a, doc + " has the markers " + begin.strip() + " and " + end);
        String current = text.substring(a + begin.length(), b);
        if (System.getenv("HYPERMAG_UPDATE_DOCS") != null) {
            Files.writeString(doc, text.substring(0, a + begin.length()) + generated + text.substring(b),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, current, doc + ": the table between the markers differs from the code; run "
                + "HYPERMAG_UPDATE_DOCS=1 mvn test -pl scenarios -Dtest=MustFailTest,MaterialKeysDocTest to rewrite it");
    }
}
