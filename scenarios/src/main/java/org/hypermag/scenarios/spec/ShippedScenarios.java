package org.hypermag.scenarios.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The scenarios shipped in the repository's {@code scenarios/} folder, available by name from the class path. */
public final class ShippedScenarios {
    /** Their names, the default first. */
    public static final List<String> NAMES = List.of("sp4-field1", "sp4-field2", "permalloy-disk-vortex",
            "granular-film-hysteresis", "square-ice-ramp");
    /** The built-in default of {@code hypermag run}. */
    public static final String DEFAULT = "sp4-field1";

    private ShippedScenarios() {
    }

    /**
     * @param name a shipped scenario's name
     * @return its text, or null if there is no such scenario
     */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            return null;
        }
        try (InputStream in = ShippedScenarios.class.getResourceAsStream("/org/hypermag/scenarios/shipped/" + name
                + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("shipped scenario " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a shipped scenario's name
     * @return it, parsed (relative paths resolve against the working directory)
     */
    public static Scenario parse(String name) {
        String text = text(name);
        if (text == null) {
            throw new IllegalArgumentException("no shipped scenario " + name);
        }
        return ScenarioParser.parse(text, name + ".yaml (shipped)", Path.of("").toAbsolutePath(), name);
    }
}
