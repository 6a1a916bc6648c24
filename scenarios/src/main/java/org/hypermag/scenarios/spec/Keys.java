package org.hypermag.scenarios.spec;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Small helpers shared by the scenario sections. */
final class Keys {
    private Keys() {
    }

    /** @return the keys, in order */
    static Set<String> keys(String... k) {
        return new LinkedHashSet<>(Arrays.asList(k));
    }

    static double[] vec(YamlNode.Mapping m, String key, int n, String unit, boolean positive, String what) {
        YamlNode v = m.require(key, what);
        return v == null ? null : v.vector(n, unit, positive);
    }

    static Double pos(YamlNode.Mapping m, String key, String unit, String what) {
        YamlNode v = m.require(key, what);
        return v == null ? null : v.positive(unit);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String vecText(double[] v) {
        return "(" + fmt(v[0]) + ", " + fmt(v[1]) + ", " + fmt(v[2]) + ")";
    }
}
