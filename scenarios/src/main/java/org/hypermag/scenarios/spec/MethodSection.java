package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.pos;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hypermag.scenarios.spec.Scenario.Compute;
import org.hypermag.scenarios.spec.Scenario.Demag;
import org.hypermag.scenarios.spec.Scenario.Integrator;
import org.hypermag.scenarios.spec.Scenario.IntegratorMethod;
import org.hypermag.solver.demag.DemagProvider;
import org.hypermag.solver.demag.DemagSetting;
import org.hypermag.solver.demag.DemagSettings;
import org.hypermag.solver.gpu.GpuMode;
import org.hypermag.solver.gpu.Precision;

/**
 * The numerical methods: {@code demag:} (a method of {@link DemagMethods} and the settings its provider declares),
 * {@code integrator:} and {@code compute:}.
 */
final class MethodSection {
    private MethodSection() {
    }

    /** @return every key {@code demag:} may have: method and the settings of every method */
    static Set<String> demagKeys() {
        Set<String> k = new LinkedHashSet<>();
        k.add("method");
        for (DemagProvider p : DemagMethods.ALL) {
            for (DemagSetting s : p.settings()) {
                k.add(s.key());
            }
        }
        return k;
    }

    static Demag demag(YamlNode node, Path baseDir) {
        YamlNode.Mapping m = node.mapping(demagKeys());
        if (m == null) {
            return null;
        }
        String method = m.required("method", String.join(", ", DemagMethods.names()),
                n -> n.choice(DemagMethods.names()));
        if (method == null) {
            return null;
        }
        DemagProvider provider = DemagMethods.byName(method);
        Map<String, Object> given = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, YamlNode> e : m.entries.entrySet()) {
            String key = e.getKey();
            if (key.equals("method")) {
                continue;
            }
            DemagSetting setting = provider.settings().stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElse(null);
            if (setting == null) {
                String owner = DemagMethods.ALL.stream().filter(p -> p.settings().stream()
                        .anyMatch(s -> s.key().equals(key))).map(DemagProvider::name).findFirst().orElse("?");
                e.getValue().error("'" + key + "' is a setting of the " + owner + " method; it is only used with "
                        + "method: " + owner);
                ok = false;
                continue;
            }
            Object v = value(e.getValue(), setting, baseDir);
            if (v == null) {
                ok = false;
            } else {
                given.put(key, v);
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return new Demag(provider, DemagSettings.of(provider, given));
        } catch (IllegalArgumentException e) {
            node.error(e.getMessage());
            return null;
        }
    }

    private static Object value(YamlNode n, DemagSetting s, Path baseDir) {
        return switch (s.kind()) {
            case NUMBER -> n.number(s.expected(), s::allows);
            case INTEGER -> n.integer((long) s.min(), (long) s.max(), s.doc());
            case CHOICE -> n.choice(s.choices());
            case PATH -> {
                String f = n.text();
                yield f == null ? null : baseDir.resolve(f);
            }
        };
    }

    static Integrator integrator(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("method", "tolerance", "max_step", "step"));
        if (m == null) {
            return null;
        }
        String method = m.optional("method", n -> n.choice(List.of("dormand-prince", "fehlberg", "bogacki-shampine",
                "heun", "rk4", "rk46", "prk48", "prk410")), "dormand-prince");
        if (method == null) {
            return null;
        }
        IntegratorMethod chosen = IntegratorMethod.of(method);
        // rk4 without a step adapts it (RK4(3), as OOMMF's rk4 evolver adapts); with a step it is fixed
        if (chosen != IntegratorMethod.HEUN && !(chosen == IntegratorMethod.RK4 && m.has("step"))) {
            if (m.has("step")) {
                m.get("step").error("a fixed step is for heun and rk4; " + method + " adapts its step (use "
                        + "tolerance and max_step)");
                return null;
            }
            Double tol = m.optional("tolerance", n -> n.positive("rad per step"), Integrator.DEFAULT.tolerance());
            Double max = m.optional("max_step", n -> n.positive("s"), Integrator.DEFAULT.maxStep());
            return tol == null || max == null ? null : new Integrator(chosen, tol, max, Double.NaN);
        }
        for (String k : new String[] {"tolerance", "max_step"}) {
            if (m.has(k)) {
                m.get(k).error("'" + k + "' is for the adaptive methods; " + method + " with a 'step' is fixed"
                        + (method.equals("rk4") ? " (leave 'step' out for the adaptive rk4)" : ""));
                return null;
            }
        }
        Double step = pos(m, "step", "s", "the fixed time step in s");
        return step == null ? null : new Integrator(chosen, Double.NaN, step, step);
    }

    static Compute compute(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("threads", "gpu", "gpu_precision"));
        if (m == null) {
            return null;
        }
        Integer threads = m.optional("threads", t -> t.isScalar() && "auto".equals(t.text()) ? Integer.valueOf(0)
                : t.integer(1, Compute.MAX_THREADS, "threads, or auto"), 0);
        String gpu = m.optional("gpu", n -> n.choice(List.of("auto", "on", "off")), "auto");
        String precision = m.optional("gpu_precision", n -> n.choice(List.of("single", "double")), "single");
        return threads == null || gpu == null || precision == null ? null
                : new Compute(threads, GpuMode.parse(gpu), Precision.parse(precision));
    }
}
