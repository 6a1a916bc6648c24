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

/** Applied fields in scenario files: a vector with its unit ({mT: ..}, {T: ..}, {A_per_m: ..}) or a protocol (ramp,
 * sinusoid, table). */
final class FieldSection {
    static final Set<String> UNITS = keys("mT", "T", "A_per_m");

    private FieldSection() {
    }

    static double[] vector(YamlNode node) {
        YamlNode u = node.oneOf(UNITS, "field unit (mT or T for mu0*H, A_per_m for H)");
        if (u == null) {
            return null;
        }
        double[] v = u.vector(3, u.key().equals("A_per_m") ? "A/m" : u.key(), false);
        if (v == null) {
            return null;
        }
        double f = switch (u.key()) {
            case "mT" -> 1e-3 / Constants.MU0;
            case "T" -> 1 / Constants.MU0;
            default -> 1;
        };
        return new double[] {v[0] * f, v[1] * f, v[2] * f};
    }

    static Field constant(YamlNode node) {
        double[] h = vector(node);
        return h == null ? null : new Field(AppliedField.constant(h), "constant " + vecText(h) + " A/m");
    }

    /** A field protocol: a constant field vector, or one of ramp, sinusoid, table. */
    static Field protocol(YamlNode node) {
        if (node.keyNames().stream().anyMatch(UNITS::contains)) {
            return constant(node);
        }
        YamlNode p = node.oneOf(keys("ramp", "sinusoid", "table"), "field: a vector ({mT: [...]}, {T: [...]}, "
                + "{A_per_m: [...]}) or a protocol");
        if (p == null) {
            return null;
        }
        switch (p.key()) {
            case "ramp": {
                YamlNode.Mapping m = p.mapping(keys("from", "to", "start", "end"));
                if (m == null) {
                    return null;
                }
                YamlNode fn = m.require("from", "start field"), tn = m.require("to", "end field");
                double[] from = fn == null ? null : vector(fn), to = tn == null ? null : vector(tn);
                Double start = m.has("start") ? m.get("start").nonNegative("s") : Double.valueOf(0.0);
                Double end = pos(m, "end", "s", "time in the stage when the ramp reaches 'to', in s");
                if (from == null || to == null || start == null || end == null) {
                    return null;
                }
                if (!(end > start)) {
                    m.get("end").error("got " + m.get("end").shown() + "; expected a time after start = " + start
                            + " s");
                    return null;
                }
                return new Field(AppliedField.ramp(from, to, start, end), "ramp from " + vecText(from) + " to "
                        + vecText(to) + " A/m between " + start + " and " + end + " s");
            }
            case "sinusoid": {
                YamlNode.Mapping m = p.mapping(keys("offset", "amplitude", "frequency", "phase"));
                if (m == null) {
                    return null;
                }
                double[] offset = m.has("offset") ? vector(m.get("offset")) : new double[3];
                YamlNode an = m.require("amplitude", "amplitude field, e.g. {mT: [0, 5, 0]}");
                double[] amp = an == null ? null : vector(an);
                Double f = pos(m, "frequency", "Hz", "frequency in Hz");
                Double phase = m.has("phase") ? m.get("phase").finite("rad") : Double.valueOf(0.0);
                if (offset == null || amp == null || f == null || phase == null) {
                    return null;
                }
                return new Field(AppliedField.sinusoid(offset, amp, f, phase), "sinusoid " + vecText(offset) + " + "
                        + vecText(amp) + " sin(2 pi " + f + " Hz t + " + phase + ") A/m");
            }
            default: {
                YamlNode.Mapping m = p.mapping(keys("unit", "times", "values"));
                if (m == null) {
                    return null;
                }
                YamlNode un = m.require("unit", "mT, T or A_per_m");
                String unit = un == null ? null : un.choice(List.of("mT", "T", "A_per_m"));
                YamlNode tn = m.require("times", "strictly increasing times in s");
                List<YamlNode> ts = tn == null ? null : tn.list(1);
                YamlNode vn = m.require("values", "one [x, y, z] field per time");
                List<YamlNode> vs = vn == null ? null : vn.list(1);
                if (unit == null || ts == null || vs == null) {
                    return null;
                }
                if (ts.size() != vs.size()) {
                    vn.error("got " + vs.size() + " values for " + ts.size() + " times; expected one per time");
                    return null;
                }
                double f = unit.equals("mT") ? 1e-3 / Constants.MU0 : unit.equals("T") ? 1 / Constants.MU0 : 1;
                double[] times = times(ts);
                double[][] values = new double[ts.size()][];
                boolean ok = times != null;
                for (int k = 0; k < values.length; k++) {
                    double[] v = vs.get(k).vector(3, unit, false);
                    if (v == null) {
                        ok = false;
                        continue;
                    }
                    values[k] = new double[] {v[0] * f, v[1] * f, v[2] * f};
                }
                return ok ? new Field(AppliedField.tabulated(times, values), "table of " + times.length + " fields")
                        : null;
            }
        }
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
