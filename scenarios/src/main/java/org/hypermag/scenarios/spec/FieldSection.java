package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.fmt;
import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.pos;
import static org.hypermag.scenarios.spec.Keys.vecText;

import java.util.List;
import java.util.Set;
import org.hypermag.scenarios.spec.Scenario.Field;
import org.hypermag.solver.Constants;
import org.hypermag.solver.field.AppliedField;

/**
 * Vector protocols in scenario files: a vector with its unit or a protocol (ramp, sinusoid, table), in stage time.
 * Applied fields ({@link #FIELD}: {mT: ..}, {T: ..}, {A_per_m: ..}, in A/m) and current densities
 * ({@link #CURRENT}: {A_per_m2: ..}, in A/m²) share the parsing.
 */
final class FieldSection {
    /**
     * The units of a vector quantity: each key's factor to SI, and how messages name the quantity.
     *
     * @param factors unit key → factor to the SI unit
     * @param unitText each unit key → the unit in messages
     * @param what the quantity, e.g. "field"
     * @param siUnit the SI unit, e.g. "A/m"
     */
    record Units(java.util.Map<String, Double> factors, java.util.Map<String, String> unitText, String what,
                 String siUnit) {
        Set<String> keys() {
            return new java.util.LinkedHashSet<>(factors.keySet());
        }
    }

    /** Applied fields: mT and T for μ0H, A_per_m for H. */
    static final Units FIELD = new Units(orderedMap("mT", 1e-3 / Constants.MU0, "T", 1 / Constants.MU0, "A_per_m",
            1.0), java.util.Map.of("mT", "mT", "T", "T", "A_per_m", "A/m"), "field", "A/m");
    /** Electric current densities. */
    static final Units CURRENT = new Units(orderedMap("A_per_m2", 1.0), java.util.Map.of("A_per_m2", "A/m^2"),
            "current density", "A/m^2");

    private FieldSection() {
    }

    private static java.util.Map<String, Double> orderedMap(Object... kv) {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], (Double) kv[k + 1]);
        }
        return m;
    }

    static double[] vector(YamlNode node) {
        return vector(node, FIELD);
    }

    static double[] vector(YamlNode node, Units units) {
        YamlNode u = node.oneOf(units.keys(), units.what() + " unit (" + String.join(", ", units.keys()) + ")");
        if (u == null) {
            return null;
        }
        double[] v = u.vector(3, units.unitText().get(u.key()), false);
        if (v == null) {
            return null;
        }
        double f = units.factors().get(u.key());
        return new double[] {v[0] * f, v[1] * f, v[2] * f};
    }

    static Field constant(YamlNode node) {
        return constant(node, FIELD);
    }

    static Field constant(YamlNode node, Units units) {
        double[] h = vector(node, units);
        return h == null ? null : new Field(AppliedField.constant(h), "constant " + vecText(h) + " " + units.siUnit());
    }

    static Field protocol(YamlNode node) {
        return protocol(node, FIELD);
    }

    /** A vector protocol: a constant vector with its unit, or one of ramp, sinusoid, table. */
    static Field protocol(YamlNode node, Units units) {
        if (node.keyNames().stream().anyMatch(units.keys()::contains)) {
            return constant(node, units);
        }
        Set<String> choices = new java.util.LinkedHashSet<>(units.keys());
        choices.addAll(keys("ramp", "sinusoid", "table"));
        YamlNode p = node.oneOf(choices, units.what() + ": a vector (" + String.join(", ",
                units.keys().stream().map(k -> "{" + k + ": [...]}").toList()) + ") or a protocol");
        if (p == null) {
            return null;
        }
        switch (p.key()) {
            case "ramp": {
                YamlNode.Mapping m = p.mapping(keys("from", "to", "start", "end"));
                if (m == null) {
                    return null;
                }
                YamlNode fn = m.require("from", "start " + units.what()), tn = m.require("to", "end " + units.what());
                double[] from = fn == null ? null : vector(fn, units), to = tn == null ? null : vector(tn, units);
                double[] w = rampWindow(m);
                if (from == null || to == null || w == null) {
                    return null;
                }
                return new Field(AppliedField.ramp(from, to, w[0], w[1]), "ramp from " + vecText(from) + " to "
                        + vecText(to) + " " + units.siUnit() + " between " + w[0] + " and " + w[1] + " s");
            }
            case "sinusoid": {
                YamlNode.Mapping m = p.mapping(keys("offset", "amplitude", "frequency", "phase"));
                if (m == null) {
                    return null;
                }
                double[] offset = m.has("offset") ? vector(m.get("offset"), units) : new double[3];
                YamlNode an = m.require("amplitude", "amplitude vector with its unit");
                double[] amp = an == null ? null : vector(an, units);
                double[] timing = sinusoidTiming(m);
                if (offset == null || amp == null || timing == null) {
                    return null;
                }
                return new Field(AppliedField.sinusoid(offset, amp, timing[0], timing[1]), "sinusoid "
                        + vecText(offset) + " + " + vecText(amp) + " sin(2 pi " + timing[0] + " Hz t + " + timing[1]
                        + ") " + units.siUnit());
            }
            default: {
                YamlNode.Mapping m = p.mapping(keys("unit", "times", "values"));
                if (m == null) {
                    return null;
                }
                YamlNode un = m.require("unit", String.join(", ", units.keys()));
                String unit = un == null ? null : un.choice(List.copyOf(units.keys()));
                TableNodes tab = tableNodes(m, "one [x, y, z] " + units.what() + " per time");
                if (unit == null || tab == null || !tab.sameLength()) {
                    return null;
                }
                List<YamlNode> vs = tab.values();
                double f = units.factors().get(unit);
                double[] times = times(tab.times());
                double[][] values = new double[vs.size()][];
                boolean ok = times != null;
                for (int k = 0; k < values.length; k++) {
                    double[] v = vs.get(k).vector(3, units.unitText().get(unit), false);
                    if (v == null) {
                        ok = false;
                        continue;
                    }
                    values[k] = new double[] {v[0] * f, v[1] * f, v[2] * f};
                }
                return ok ? new Field(AppliedField.tabulated(times, values), "table of " + times.length + " values")
                        : null;
            }
        }
    }

    /**
     * The time window of a ramp: {@code start} (s, &ge; 0, default 0) and {@code end} (s, after start).
     *
     * @param m the ramp's mapping
     * @return {start, end}, or null (every problem recorded)
     */
    static double[] rampWindow(YamlNode.Mapping m) {
        Double start = m.optional("start", n -> n.nonNegative("s"), 0.0);
        Double end = pos(m, "end", "s", "time in the stage when the ramp reaches 'to', in s");
        if (start == null || end == null) {
            return null;
        }
        if (!(end > start)) {
            m.get("end").error("got " + m.get("end").shown() + "; expected a time after start = " + start + " s");
            return null;
        }
        return new double[] {start, end};
    }

    /**
     * The timing of a sinusoid: {@code frequency} (Hz, &gt; 0) and {@code phase} (rad, default 0).
     *
     * @param m the sinusoid's mapping
     * @return {frequency, phase}, or null (every problem recorded)
     */
    static double[] sinusoidTiming(YamlNode.Mapping m) {
        Double f = pos(m, "frequency", "Hz", "frequency in Hz");
        Double phase = m.optional("phase", n -> n.finite("rad"), 0.0);
        return f == null || phase == null ? null : new double[] {f, phase};
    }

    /**
     * The {@code times} and {@code values} lists of a table protocol.
     *
     * @param times the items of {@code times}
     * @param values the items of {@code values}
     * @param valuesNode the {@code values} node, where a length mismatch is reported
     */
    record TableNodes(List<YamlNode> times, List<YamlNode> values, YamlNode valuesNode) {
        /** @return whether there is one value per time (else the problem is recorded) */
        boolean sameLength() {
            if (times.size() != values.size()) {
                valuesNode.error("got " + values.size() + " values for " + times.size() + " times; expected one "
                        + "per time");
                return false;
            }
            return true;
        }
    }

    /**
     * @param m a table's mapping
     * @param valuesWhat what {@code values} holds, for messages
     * @return its lists, or null (the missing or malformed ones recorded)
     */
    static TableNodes tableNodes(YamlNode.Mapping m, String valuesWhat) {
        YamlNode tn = m.require("times", "strictly increasing times in s");
        List<YamlNode> ts = tn == null ? null : tn.list(1);
        YamlNode vn = m.require("values", valuesWhat);
        List<YamlNode> vs = vn == null ? null : vn.list(1);
        return ts == null || vs == null ? null : new TableNodes(ts, vs, vn);
    }

    /**
     * The times of a table protocol: numbers &ge; 0 (s), strictly increasing.
     *
     * @param ts the items of {@code times}
     * @return the times, or null (every problem recorded)
     */
    static double[] times(List<YamlNode> ts) {
        double[] times = new double[ts.size()];
        boolean ok = true;
        for (int k = 0; k < times.length; k++) {
            Double t = ts.get(k).nonNegative("s");
            if (t == null) {
                ok = false;
                continue;
            }
            if (k > 0 && !(t > times[k - 1])) {
                ts.get(k).error("got " + ts.get(k).shown() + "; expected a time after " + times[k - 1]
                        + " s (strictly increasing)");
                ok = false;
            }
            times[k] = t;
        }
        return ok ? times : null;
    }
}
