package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.vec;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hypermag.scenarios.spec.Scenario.Initial;

/**
 * The {@code initial:} section: uniform, random, vortex, skyrmion, two_domain, or a frame of an earlier run; or a
 * list of such states, each for a region ({@code region: N}) or for all.
 */
final class InitialSection {
    private final Path baseDir;

    InitialSection(Path baseDir) {
        this.baseDir = baseDir;
    }

    private static final Set<String> STATES = keys("uniform", "random", "vortex", "file", "skyrmion", "two_domain");

    Initial initial(YamlNode node) {
        if (node.isList()) {
            List<YamlNode> items = node.list(1);
            if (items == null) {
                return null;
            }
            Set<String> allowed = new java.util.LinkedHashSet<>(STATES);
            allowed.add("region");
            List<Scenario.RegionState> out = new java.util.ArrayList<>();
            boolean ok = true;
            for (YamlNode item : items) {
                YamlNode.Mapping m = item.mapping(allowed);
                if (m == null) {
                    ok = false;
                    continue;
                }
                Integer region = m.optional("region", r -> r.integer(0, 1_000_000, "region index"), -1);
                List<String> states = m.entries.keySet().stream().filter(STATES::contains).toList();
                if (states.size() != 1) {
                    item.error((states.isEmpty() ? "no state" : "has " + String.join(" and ", states))
                            + "; expected exactly one initial state: " + String.join(", ", STATES)
                            + " (and optionally region)");
                    ok = false;
                    continue;
                }
                Initial state = state(m.get(states.get(0)));
                if (state == null || region == null) {
                    ok = false;
                } else {
                    out.add(new Scenario.RegionState(region, state));
                }
            }
            return ok ? new Scenario.PerRegion(out) : null;
        }
        YamlNode i = node.oneOf(STATES, "initial state");
        return i == null ? null : state(i);
    }

    /** One state, from its key's node. */
    private Initial state(YamlNode i) {
        switch (i.key()) {
            case "skyrmion": {
                YamlNode.Mapping m = i.mapping(keys("centre", "radius", "width", "polarity", "chirality"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "centre x, y in m");
                Double radius = m.required("radius", "where m_z = 0, in m", n -> n.positive("m"));
                Double width = m.optional("width", n -> n.positive("m"), radius == null ? 1e-9 : radius / 3);
                Integer pol = m.has("polarity") ? sign(m.get("polarity"), "polarity") : Integer.valueOf(1);
                Double helicity = m.optional("chirality", InitialSection::helicity, 0.0);
                return c == null || radius == null || width == null || pol == null || helicity == null ? null
                        : new Scenario.Skyrmion(c[0], c[1], radius, width, pol, helicity);
            }
            case "two_domain": {
                YamlNode.Mapping m = i.mapping(keys("axis", "position", "first", "second", "middle", "width"));
                if (m == null) {
                    return null;
                }
                String axis = m.optional("axis", n -> n.choice(List.of("x", "y", "z")), "x");
                Double position = m.optional("position", n -> n.finite("m"), 0.0);
                double[] first = m.required("first", "m on the - side, e.g. [0, 0, 1]", n -> n.vector(3,
                        "direction", false));
                double[] second = m.required("second", "m on the + side, e.g. [0, 0, -1]", n -> n.vector(3,
                        "direction", false));
                Double width = m.optional("width", n -> n.nonNegative("m"), 0.0);
                if (axis == null || position == null || first == null || second == null || width == null) {
                    return null;
                }
                double[] a = unit(first), b = unit(second);
                if (a == null || b == null) {
                    (a == null ? m.get("first") : m.get("second")).error("expected a non-zero direction");
                    return null;
                }
                double[] middle;
                if (m.has("middle")) {
                    middle = m.get("middle").vector(3, "direction", false);
                    if (middle == null) {
                        return null;
                    }
                    double[] u = unit(middle);
                    double dot = u == null ? 1 : u[0] * a[0] + u[1] * a[1] + u[2] * a[2];
                    if (u == null || Math.abs(dot) > 1e-6) {
                        m.get("middle").error("got " + m.get("middle").shown() + "; expected a direction "
                                + "perpendicular to first (the wall's centre)");
                        return null;
                    }
                    middle = u;
                } else {
                    // the great circle from first to second; for opposite domains the wall centre must be named
                    double[] mid = {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
                    double len = Math.sqrt(mid[0] * mid[0] + mid[1] * mid[1] + mid[2] * mid[2]);
                    if (len < 1e-6 && width > 0) {
                        m.require("middle", "the wall's centre direction: first and second are opposite, so the "
                                + "wall can turn through any direction perpendicular to them (e.g. along the "
                                + "axis for a Neel wall)");
                        return null;
                    }
                    double[] perp = len < 1e-6 ? new double[] {0, 0, 0} : gramSchmidt(mid, a);
                    middle = perp;
                }
                return new Scenario.TwoDomain("xyz".indexOf(axis), position, a, b, middle, width);
            }
            case "uniform": {
                double[] d = i.vector(3, "direction", false);
                if (d != null && d[0] == 0 && d[1] == 0 && d[2] == 0) {
                    i.error("got [0, 0, 0]; expected a non-zero direction");
                    return null;
                }
                return d == null ? null : new Scenario.Uniform(d);
            }
            case "random": {
                YamlNode.Mapping m = i.mapping(keys("seed"));
                YamlNode sn = m == null ? null : m.require("seed", "random seed, an integer");
                Long seed = sn == null ? null : sn.seed();
                return seed == null ? null : new Scenario.RandomDirections(seed);
            }
            case "vortex": {
                YamlNode.Mapping m = i.mapping(keys("centre", "circulation", "polarity", "core_radius", "axis"));
                if (m == null) {
                    return null;
                }
                String axis = m.has("axis") ? m.get("axis").choice(List.of("x", "y", "z")) : "z";
                double[] c = vec(m, "centre", 2, "m", false, "core position in m: x, y for axis z; y, z for axis x; "
                        + "z, x for axis y");
                Integer circ = m.has("circulation") ? sign(m.get("circulation"), "circulation") : Integer.valueOf(1);
                Integer pol = m.has("polarity") ? sign(m.get("polarity"), "polarity") : Integer.valueOf(1);
                Double rc = m.has("core_radius") ? m.get("core_radius").positive("m") : Double.valueOf(10e-9);
                return c == null || circ == null || pol == null || rc == null || axis == null ? null
                        : new Scenario.Vortex(c[0], c[1], circ, pol, rc, "xyz".indexOf(axis));
            }
            default: {
                YamlNode.Mapping m = i.mapping(keys("path", "frame"));
                if (m == null) {
                    return null;
                }
                YamlNode pn = m.require("path", "an earlier run's output directory, or an OVF file (.ovf, .omf)");
                String p = pn == null ? null : pn.text();
                if (p != null && p.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(ovf|omf|ohf|obf)")) {
                    if (m.has("frame")) {
                        m.get("frame").error("an OVF file holds one state; frame applies to a run's output directory");
                        return null;
                    }
                    return new Scenario.FromOvf(baseDir.resolve(p));
                }
                Integer frame = -1;
                if (m.has("frame")) {
                    YamlNode fn = m.get("frame");
                    if (fn.isScalar() && "last".equals(fn.text())) {
                        frame = -1;
                    } else {
                        frame = fn.integer(0, Integer.MAX_VALUE, "frame index, or last");
                    }
                }
                return p == null || frame == null ? null : new Scenario.FromRun(baseDir.resolve(p), frame);
            }
        }
    }

    /** The chirality of a skyrmion: a helicity in degrees, or neel (0), neel-inward (180), bloch (90), bloch-cw. */
    private static Double helicity(YamlNode n) {
        if (n.isScalar() && n.text() != null && List.of("neel", "neel-inward", "bloch", "bloch-cw")
                .contains(n.text())) {
            return switch (n.text()) {
                case "neel" -> 0.0;
                case "neel-inward" -> Math.PI;
                case "bloch" -> Math.PI / 2;
                default -> -Math.PI / 2;
            };
        }
        Double deg = n.number("neel, neel-inward, bloch, bloch-cw, or a helicity in degrees (0: Neel with the "
                + "in-plane part outward)", x -> true);
        return deg == null ? null : Math.toRadians(deg);
    }

    private static double[] unit(double[] v) {
        double r = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return r > 0 && Double.isFinite(r) ? new double[] {v[0] / r, v[1] / r, v[2] / r} : null;
    }

    /** @return the unit part of v perpendicular to the unit vector a (v not parallel to a) */
    private static double[] gramSchmidt(double[] v, double[] a) {
        double d = v[0] * a[0] + v[1] * a[1] + v[2] * a[2];
        double[] p = {v[0] - d * a[0], v[1] - d * a[1], v[2] - d * a[2]};
        double[] u = unit(p);
        return u == null ? new double[] {0, 0, 0} : u;
    }

    private static Integer sign(YamlNode n, String what) {
        Integer v = n.integer(-1, 1, what + ", +1 or -1");
        if (v != null && v == 0) {
            n.error("got '0'; expected +1 or -1 (" + what + ")");
            return null;
        }
        return v;
    }
}
