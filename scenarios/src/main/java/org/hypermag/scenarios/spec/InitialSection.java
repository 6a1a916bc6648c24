package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.vec;

import java.nio.file.Path;
import java.util.List;
import org.hypermag.scenarios.spec.Scenario.Initial;

/** The {@code initial:} section: uniform, random, vortex, or a frame of an earlier run. */
final class InitialSection {
    private final Path baseDir;

    InitialSection(Path baseDir) {
        this.baseDir = baseDir;
    }

    Initial initial(YamlNode node) {
        YamlNode i = node.oneOf(keys("uniform", "random", "vortex", "file"), "initial state");
        if (i == null) {
            return null;
        }
        switch (i.key()) {
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
                YamlNode pn = m.require("path", "an earlier run's output directory");
                String p = pn == null ? null : pn.text();
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

    private static Integer sign(YamlNode n, String what) {
        Integer v = n.integer(-1, 1, what + ", +1 or -1");
        if (v != null && v == 0) {
            n.error("got '0'; expected +1 or -1 (" + what + ")");
            return null;
        }
        return v;
    }
}
