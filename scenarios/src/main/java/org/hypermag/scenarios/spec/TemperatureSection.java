package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.pos;

import java.util.List;
import org.hypermag.solver.field.Temperature;

/**
 * Temperatures in scenario files (K): a number, or the time protocols fields have (ramp, sinusoid, table), times in
 * s from the start of the stage it applies to. Every value finite and &ge; 0 at all times.
 */
final class TemperatureSection {
    static final String EXPECTED = "a temperature in K (a number >= 0), or {ramp: ...}, {sinusoid: ...} or "
            + "{table: ...}";

    private TemperatureSection() {
    }

    static Temperature temperature(YamlNode node) {
        if (node.isScalar()) {
            Double k = node.number("a temperature in K (a number >= 0)", x -> x >= 0);
            return k == null ? null : Temperature.constant(k);
        }
        YamlNode p = node.oneOf(keys("ramp", "sinusoid", "table"), EXPECTED);
        if (p == null) {
            return null;
        }
        switch (p.key()) {
            case "ramp": {
                YamlNode.Mapping m = p.mapping(keys("from", "to", "start", "end"));
                if (m == null) {
                    return null;
                }
                Double from = m.required("from", "start temperature in K", TemperatureSection::kelvin);
                Double to = m.required("to", "end temperature in K", TemperatureSection::kelvin);
                Double start = m.optional("start", n -> n.nonNegative("s"), 0.0);
                Double end = pos(m, "end", "s", "time in the stage when the ramp reaches 'to', in s");
                if (from == null || to == null || start == null || end == null) {
                    return null;
                }
                if (!(end > start)) {
                    m.get("end").error("got " + m.get("end").shown() + "; expected a time after start = " + start
                            + " s");
                    return null;
                }
                return Temperature.ramp(from, to, start, end);
            }
            case "sinusoid": {
                YamlNode.Mapping m = p.mapping(keys("offset", "amplitude", "frequency", "phase"));
                if (m == null) {
                    return null;
                }
                Double offset = m.required("offset", "mean temperature in K", TemperatureSection::kelvin);
                Double amp = m.required("amplitude", "amplitude in K", n -> n.finite("K"));
                Double f = pos(m, "frequency", "Hz", "frequency in Hz");
                Double phase = m.optional("phase", n -> n.finite("rad"), 0.0);
                if (offset == null || amp == null || f == null || phase == null) {
                    return null;
                }
                if (Math.abs(amp) > offset) {
                    m.get("amplitude").error("got " + m.get("amplitude").shown() + " K with offset " + offset
                            + " K; expected |amplitude| <= offset (a temperature never below 0 K)");
                    return null;
                }
                return Temperature.sinusoid(offset, amp, f, phase);
            }
            default: {
                YamlNode.Mapping m = p.mapping(keys("times", "values"));
                if (m == null) {
                    return null;
                }
                YamlNode tn = m.require("times", "strictly increasing times in s");
                List<YamlNode> ts = tn == null ? null : tn.list(1);
                YamlNode vn = m.require("values", "one temperature in K per time");
                List<YamlNode> vs = vn == null ? null : vn.list(1);
                if (ts == null || vs == null) {
                    return null;
                }
                if (ts.size() != vs.size()) {
                    vn.error("got " + vs.size() + " values for " + ts.size() + " times; expected one per time");
                    return null;
                }
                double[] times = FieldSection.times(ts), kelvin = new double[ts.size()];
                boolean ok = times != null;
                for (int k = 0; k < kelvin.length; k++) {
                    Double v = kelvin(vs.get(k));
                    if (v == null) {
                        ok = false;
                    } else {
                        kelvin[k] = v;
                    }
                }
                return ok ? Temperature.tabulated(times, kelvin) : null;
            }
        }
    }

    private static Double kelvin(YamlNode n) {
        return n.number("a temperature in K (a number >= 0)", x -> x >= 0);
    }
}
