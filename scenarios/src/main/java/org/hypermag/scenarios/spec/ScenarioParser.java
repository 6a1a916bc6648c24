package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hypermag.scenarios.spec.Scenario.Compute;
import org.hypermag.scenarios.spec.Scenario.Demag;
import org.hypermag.scenarios.spec.Scenario.Domains;
import org.hypermag.scenarios.spec.Scenario.ExchangeScaling;
import org.hypermag.scenarios.spec.Scenario.FrameField;
import org.hypermag.scenarios.spec.Scenario.Initial;
import org.hypermag.scenarios.spec.Scenario.Integrator;
import org.hypermag.scenarios.spec.Scenario.Output;
import org.hypermag.scenarios.spec.Scenario.Stage;
import org.hypermag.scenarios.spec.Scenario.Validation;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.gpu.GpuMode;
import org.hypermag.solver.magnet.Material;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a scenario file (YAML; format in docs/scenarios.md) into a validated {@link Scenario}. The file is data:
 * it is composed into a node tree within bounds ({@link YamlInput}; no objects are constructed from it) and bound
 * section by section ({@link GeometrySection}, {@link MaterialsSection}, {@link InitialSection},
 * {@link StageSection}, {@link MethodSection}, {@link OutputSection}). Every problem of the file is collected
 * (unknown keys, wrong types, out-of-range values, missing keys, inconsistent geometry) and reported together in one
 * {@link ScenarioException}, each with file:line:column, key path, value and expectation.
 */
public final class ScenarioParser {
    private static final Set<String> TOP = keys("name", "description", "geometry", "materials", "exchange_scaling",
            "initial", "stages", "demag", "integrator", "compute", "output", "validation", "temperature", "seed",
            "interlayer");

    private final YamlNode.Context ctx;
    private final Path baseDir;
    private final Consumer<String> progress;

    private ScenarioParser(String file, Path baseDir, Consumer<String> progress) {
        this.ctx = new YamlNode.Context(file);
        this.baseDir = baseDir;
        this.progress = progress;
    }

    /**
     * Reads a scenario file.
     *
     * @param file the file
     * @return the scenario
     * @throws ScenarioException listing every problem
     */
    public static Scenario parse(Path file) {
        return parse(file, line -> { });
    }

    /**
     * Reads a scenario file, reporting long set-up work (placing the grains of a large film).
     *
     * @param file the file
     * @param progress receives a line every few seconds of long work
     * @return the scenario
     * @throws ScenarioException listing every problem
     */
    public static Scenario parse(Path file, Consumer<String> progress) {
        String text;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 4L * YamlInput.MAX_CHARS) {
                throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "the file has "
                        + Files.size(file) + " bytes; scenario files are limited to " + YamlInput.MAX_CHARS
                        + " characters (4 MiB): put large prism lists in a CSV file (geometry.prisms.file)")));
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "file not found")));
        } catch (CharacterCodingException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "not a UTF-8 text file")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "cannot read: "
                    + e.getMessage())));
        }
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(text, file.toString(), dir, name, progress);
    }

    /**
     * Reads a scenario from text.
     *
     * @param text the YAML text
     * @param source the name used in messages
     * @param baseDir directory that relative paths in the file are resolved against
     * @param defaultName the scenario name when the file gives none
     * @return the scenario
     * @throws ScenarioException listing every problem
     */
    public static Scenario parse(String text, String source, Path baseDir, String defaultName) {
        return parse(text, source, baseDir, defaultName, line -> { });
    }

    /**
     * Reads a scenario from text, reporting long set-up work.
     *
     * @param text the YAML text
     * @param source the name used in messages
     * @param baseDir directory that relative paths in the file are resolved against
     * @param defaultName the scenario name when the file gives none
     * @param progress receives a line every few seconds of long work
     * @return the scenario
     * @throws ScenarioException listing every problem
     */
    public static Scenario parse(String text, String source, Path baseDir, String defaultName,
                                 Consumer<String> progress) {
        ScenarioParser p = new ScenarioParser(source, baseDir, progress);
        Scenario s = p.scenario(text, defaultName);
        if (!p.ctx.problems.isEmpty() || s == null) {
            List<Problem> sorted = new ArrayList<>(p.ctx.problems);
            sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            if (sorted.isEmpty()) {
                sorted.add(new Problem(source, 0, 0, "", "the scenario is incomplete"));
            }
            throw new ScenarioException(sorted);
        }
        return s;
    }

    private Scenario scenario(String text, String defaultName) {
        Optional<Node> root = YamlInput.compose(ctx, text);
        if (!ctx.problems.isEmpty()) {
            return null;
        }
        if (root.isEmpty()) {
            ctx.problems.add(new Problem(ctx.file, 0, 0, "", "the file is empty; expected a scenario mapping with "
                    + "the keys geometry, materials, initial, stages (and optionally name, description, "
                    + "exchange_scaling, interlayer, demag, integrator, compute, output, validation, temperature, "
                    + "seed)"));
            return null;
        }
        YamlNode doc = new YamlNode(ctx, root.get(), "");
        YamlNode.Mapping m = doc.mapping(TOP);
        if (m == null) {
            return null;
        }
        String name = m.optional("name", YamlNode::text, defaultName);
        if (name != null && !name.matches("[A-Za-z0-9._-]{1,200}")) {
            m.get("name").error("got '" + name + "'; expected a name of letters, digits, '.', '_' and '-'");
        }
        String description = m.optional("description", YamlNode::text, "");
        Domains domains = m.required("geometry", "the domains: grid, prisms, granular_film or island_array",
                n -> new GeometrySection(ctx, baseDir, progress).geometry(n));
        List<Material> materials = m.required("materials", "a list with one material per region",
                n -> MaterialsSection.materials(n, domains));
        List<ExchangeScaling> scaling = m.optional("exchange_scaling",
                n -> MaterialsSection.exchangeScaling(n, materials), List.of());
        List<org.hypermag.solver.magnet.Magnet.Interlayer> interlayer = m.optional("interlayer",
                n -> MaterialsSection.interlayer(n, materials), List.of());
        Initial initial = m.required("initial", "the initial magnetisation: uniform, random, vortex or file",
                n -> new InitialSection(baseDir).initial(n));
        List<Stage> stages = m.required("stages", "a list of relax, run and hysteresis stages",
                StageSection::stages);
        Demag demag = m.optional("demag", n -> MethodSection.demag(n, baseDir), Demag.of("exact"));
        Integrator integrator = m.optional("integrator", MethodSection::integrator, Integrator.DEFAULT);
        Compute compute = m.optional("compute", MethodSection::compute, new Compute(0, GpuMode.AUTO));
        Output output = m.optional("output", OutputSection::output, new Output(null, 1e-12, 0,
                EnumSet.of(FrameField.M), false, 60, Output.DEFAULT_MAX_ROWS, Output.DEFAULT_MAX_FRAMES, null, true));
        Validation validation = m.optional("validation", OutputSection::validation, Validation.DEFAULT);
        Temperature temperature = m.optional("temperature", TemperatureSection::temperature, null);
        Long seed = m.optional("seed", n -> n.longInteger(0, Scenario.Thermal.MAX_SEED, "the seed of the thermal field's random "
                + "numbers"), null);
        if (!ctx.problems.isEmpty() || domains == null || materials == null || scaling == null || interlayer == null
                || initial == null
                || stages == null || demag == null || integrator == null || compute == null || output == null
                || name == null || description == null || validation == null
                || (m.has("temperature") && temperature == null) || (m.has("seed") && seed == null)) {
            return null;
        }
        if (!withinBounds(m, stages, integrator, output)) {
            return null;
        }
        Scenario s = new Scenario(name, description, ctx.file, baseDir, text, domains, materials, scaling, interlayer,
                initial,
                stages, demag, integrator, compute, output, validation, new Scenario.Thermal(temperature, seed),
                ctx.locations);
        for (int k = 0; k < stages.size(); k++) {
            if (stages.get(k) instanceof Scenario.Run r && r.currentRegions() != null) {
                for (int reg : r.currentRegions()) {
                    if (reg >= materials.size()) {
                        ctx.problems.add(s.problemAt("stages[" + k + "].run.current_regions", "got region " + reg
                                + "; expected regions that have materials (0.." + (materials.size() - 1) + ")"));
                    }
                }
            }
        }
        if (initial instanceof Scenario.PerRegion per) {
            for (int k = 0; k < per.entries().size(); k++) {
                int r = per.entries().get(k).region();
                if (r >= materials.size()) {
                    ctx.problems.add(s.problemAt("initial[" + k + "].region", "got region " + r + "; expected a "
                            + "region that has a material (0.." + (materials.size() - 1) + ")"));
                }
            }
        }
        if (!ctx.problems.isEmpty()) {
            return null;
        }
        if (s.isThermal() && !m.has("integrator")) {
            s = s.withIntegrator(Integrator.THERMAL_DEFAULT);
        }
        return ThermalChecks.check(s, ctx.problems::add) ? s : null;
    }


    /**
     * Refuses a scenario whose table rows, frames or fixed steps would exceed the output's bounds (a table interval
     * of 1e-30 s, a duration of 1e300 s): the keys {@code output.max_rows}, {@code output.max_frames} raise them.
     */
    private boolean withinBounds(YamlNode.Mapping m, List<Stage> stages, Integrator integrator, Output output) {
        double rows = 0, frames = 0, steps = 0;
        for (Stage st : stages) {
            if (st instanceof Scenario.Run r) {
                rows += r.duration() / output.tableInterval() + 2;
                frames += output.frameInterval() > 0 ? r.duration() / output.frameInterval() + 2 : 1;
                if (!Double.isNaN(integrator.step())) {
                    steps += r.duration() / integrator.step();
                }
            } else if (st instanceof Scenario.Hysteresis h) {
                rows += h.points();
                frames += h.frames() ? h.points() : 1;
            } else {
                rows += 1;
                frames += 1;
            }
        }
        YamlNode at = m.has("output") ? m.get("output") : m.get("stages");
        if (rows > output.maxRows()) {
            at.error(String.format(java.util.Locale.ROOT, "the stages would write %.3g table rows (durations over "
                    + "output.table_interval = %s s), more than output.max_rows = %d; lengthen table_interval, or "
                    + "raise max_rows if that many rows are meant", rows, output.tableInterval(), output.maxRows()));
            return false;
        }
        if (frames > output.maxFrames()) {
            at.error(String.format(java.util.Locale.ROOT, "the stages would write %.3g frames, more than "
                    + "output.max_frames = %d; lengthen frame_interval, or raise max_frames if that many frames "
                    + "are meant", frames, output.maxFrames()));
            return false;
        }
        if (steps > Scenario.Integrator.MAX_FIXED_STEPS) {
            (m.has("integrator") ? m.get("integrator") : at).error(String.format(java.util.Locale.ROOT, "the run "
                    + "stages would take %.3g fixed steps of %s s, more than %d; use a larger step or dormand-prince",
                    steps, integrator.step(), Scenario.Integrator.MAX_FIXED_STEPS));
            return false;
        }
        return true;
    }
}
