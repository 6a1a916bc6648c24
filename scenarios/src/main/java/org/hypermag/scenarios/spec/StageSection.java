package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.pos;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.scenarios.spec.Scenario.Field;
import org.hypermag.scenarios.spec.Scenario.Hysteresis;
import org.hypermag.scenarios.spec.Scenario.Relax;
import org.hypermag.scenarios.spec.Scenario.Run;
import org.hypermag.scenarios.spec.Scenario.Stage;
import org.hypermag.solver.field.Temperature;

/** The {@code stages:} section: relax, run and hysteresis stages, in order. */
final class StageSection {
    private StageSection() {
    }

    static List<Stage> stages(YamlNode node) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        List<Stage> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode it : items) {
            YamlNode s = it.oneOf(keys("relax", "run", "hysteresis"), "stage kind");
            Stage stage = s == null ? null : switch (s.key()) {
                case "relax" -> relax(s);
                case "run" -> run(s);
                default -> hysteresis(s);
            };
            if (stage == null) {
                ok = false;
            } else {
                out.add(stage);
            }
        }
        return ok ? out : null;
    }

    private static Relax relax(YamlNode node) {
        if (node.isScalar() && node.text() != null && node.text().isEmpty()) {
            return new Relax(null, 0.1, Relax.DEFAULT_MAX_ITERATIONS);
        }
        YamlNode.Mapping m = node.mapping(keys("torque_tolerance", "max_iterations", "field", "temperature"));
        if (m == null) {
            return null;
        }
        if (m.has("temperature")) {
            m.get("temperature").error("a relaxation is deterministic (an energy minimisation, always at 0 K); "
                    + "temperature applies to run and hysteresis stages");
            return null;
        }
        Double tol = m.optional("torque_tolerance", n -> n.positive("A/m"), 0.1);
        Integer max = m.optional("max_iterations", n -> n.integer(1, 1_000_000_000, "iteration limit"),
                Relax.DEFAULT_MAX_ITERATIONS);
        Field field = m.optional("field", FieldSection::constant, null);
        if (tol == null || max == null || (m.has("field") && field == null)) {
            return null;
        }
        return new Relax(field, tol, max);
    }

    private static Run run(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("duration", "field", "temperature", "current", "current_regions"));
        if (m == null) {
            return null;
        }
        Double duration = pos(m, "duration", "s", "stage length in s");
        Field field = m.has("field") ? FieldSection.protocol(m.get("field")) : null;
        Temperature temperature = m.optional("temperature", TemperatureSection::temperature, null);
        Field current = m.optional("current", n -> FieldSection.protocol(n, FieldSection.CURRENT), null);
        List<Integer> regions = m.optional("current_regions", StageSection::regionList, null);
        if (duration == null || (m.has("field") && field == null) || (m.has("temperature") && temperature == null)
                || (m.has("current") && current == null) || (m.has("current_regions") && regions == null)) {
            return null;
        }
        if (regions != null && current == null) {
            m.get("current_regions").error("current_regions without a current; give current: {A_per_m2: [...]}");
            return null;
        }
        return new Run(duration, field, temperature, current == null ? null : current.field(), regions);
    }

    private static Hysteresis hysteresis(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("from", "to", "steps", "return", "torque_tolerance", "max_iterations",
                "frames", "temperature", "rate"));
        if (m == null) {
            return null;
        }
        double[] from = m.required("from", "start field, e.g. {mT: [50, 0, 0]}", FieldSection::vector);
        double[] to = m.required("to", "end field, e.g. {mT: [-50, 0, 0]}", FieldSection::vector);
        Integer steps = m.required("steps", "number of field steps from start to end",
                n -> n.integer(1, 1_000_000, "field steps"));
        Boolean back = m.optional("return", YamlNode::bool, Boolean.TRUE);
        Double tol = m.optional("torque_tolerance", n -> n.positive("A/m"), 0.1);
        Integer max = m.optional("max_iterations", n -> n.integer(1, 1_000_000_000, "iteration limit per field "
                + "point"), Relax.DEFAULT_MAX_ITERATIONS);
        Boolean frames = m.optional("frames", YamlNode::bool, Boolean.FALSE);
        Temperature temperature = m.optional("temperature", TemperatureSection::temperature, null);
        Double rate = m.optional("rate", n -> n.positive("T/s"), Double.NaN);
        if (from == null || to == null || steps == null || back == null || tol == null || max == null
                || frames == null || rate == null || (m.has("temperature") && temperature == null)) {
            return null;
        }
        return new Hysteresis(from, to, steps, back, tol, max, frames, temperature, rate);
    }

    /** A list of region indices, at least one. */
    private static List<Integer> regionList(YamlNode node) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (YamlNode it : items) {
            Integer r = it.integer(0, 1_000_000, "region index");
            if (r == null) {
                return null;
            }
            out.add(r);
        }
        return out;
    }
}
