package org.hypermag.scenarios.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The scenarios shipped in the repository's {@code scenarios/} folder, available by name from the class path. */
public final class ShippedScenarios {
    /** Their names, the default first. */
    public static final List<String> NAMES = List.of("sp4-field1", "sp4-field2", "sp2-d5", "sp2-d30", "sp3-flower",
            "sp3-vortex", "permalloy-disk-vortex", "granular-film-hysteresis", "granular-film-thermal",
            "square-ice-ramp", "skyrmion-disk", "saf-hysteresis", "sp5", "domain-wall-current", "sot-switching",
            "granular-bilayer");
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
     * The stored far-field surrogate model of a shipped scenario (scenarios/models/NAME.far-field.h5 in the
     * repository, on the class path in the build), copied to a temporary file.
     *
     * @param name the scenario's name
     * @param source where the scenario came from ({@link Scenario#source()})
     * @return the model file, or null if the scenario is not a shipped one or has no stored model
     */
    public static Path storedModel(String name, String source) {
        if (!NAMES.contains(name) || !source.equals(name + ".yaml (shipped)")) {
            return null;
        }
        try (InputStream in = ShippedScenarios.class.getResourceAsStream("/org/hypermag/scenarios/shipped/models/"
                + name + ".far-field.h5")) {
            if (in == null) {
                return null;
            }
            Path tmp = Files.createTempFile("hypermag-" + name + "-", ".far-field.h5");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
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
