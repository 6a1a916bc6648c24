package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;

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
                double[] w = FieldSection.rampWindow(m);
                if (from == null || to == null || w == null) {
                    return null;
                }
                return Temperature.ramp(from, to, w[0], w[1]);
            }
            case "sinusoid": {
                YamlNode.Mapping m = p.mapping(keys("offset", "amplitude", "frequency", "phase"));
                if (m == null) {
                    return null;
                }
                Double offset = m.required("offset", "mean temperature in K", TemperatureSection::kelvin);
                Double amp = m.required("amplitude", "amplitude in K", n -> n.finite("K"));
                double[] timing = FieldSection.sinusoidTiming(m);
                if (offset == null || amp == null || timing == null) {
                    return null;
                }
                if (Math.abs(amp) > offset) {
                    m.get("amplitude").error("got " + m.get("amplitude").shown() + " K with offset " + offset
                            + " K; expected |amplitude| <= offset (a temperature never below 0 K)");
                    return null;
                }
                return Temperature.sinusoid(offset, amp, timing[0], timing[1]);
            }
            default: {
                YamlNode.Mapping m = p.mapping(keys("times", "values"));
                if (m == null) {
                    return null;
                }
                FieldSection.TableNodes tab = FieldSection.tableNodes(m, "one temperature in K per time");
                if (tab == null || !tab.sameLength()) {
                    return null;
                }
                List<YamlNode> vs = tab.values();
                double[] times = FieldSection.times(tab.times()), kelvin = new double[vs.size()];
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
