package org.hypermag.sweeps;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hypermag.scenarios.sim.ScenarioPreflight;
import org.hypermag.scenarios.spec.Problem;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.scenarios.spec.ScenarioException;
import org.hypermag.scenarios.spec.ScenarioParser;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The variants of a sweep: the axes combined (product, or zipped), each a full scenario text (the base scenario's
 * tree with the varied keys set, and compute.threads), checked as {@code hypermag check} would before anything runs.
 */
final class SweepPlan {
    /** Most problems listed at once (the rest are counted). */
    static final int MAX_LISTED = 50;

    /**
     * One variant.
     *
     * @param index 0-based
     * @param id its name, v0001 ... (the folder of its run)
     * @param params key path → value as text, in the sweep's order
     * @param text the full scenario
     */
    record Variant(int index, String id, Map<String, String> params, String text) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private SweepPlan() {
    }

    /**
     * Builds and checks every variant.
     *
     * @param spec the sweep
     * @param progress a line now and then while checking many variants
     * @return the variants, in order
     * @throws SweepException listing every problem, each at the sweep file's line of the key it concerns
     */
    static List<Variant> variants(SweepSpec spec, Consumer<String> progress) {
        int n = (int) spec.variantCount();
        int width = Math.max(4, String.valueOf(n).length());
        List<Variant> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int unlisted = 0;
        long last = System.nanoTime();
        // the base scenario is read once; each variant sets its keys in a fresh copy of its tree
        Object base = new Load(LoadSettings.builder().setLabel(spec.baseSource()).build())
                .loadFromString(spec.baseText());
        KeyPath threads = KeyPath.parse("compute.threads");
        DumpSettings dump = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        for (int v = 0; v < n; v++) {
            int[] choice = choice(spec, v);
            String id = String.format(Locale.ROOT, "v%0" + width + "d", v + 1);
            Object tree = copy(base);
            Map<String, String> params = new LinkedHashMap<>();
            List<Problem> found = new ArrayList<>();
            for (int a = 0; a < spec.axes().size(); a++) {
                SweepSpec.Axis axis = spec.axes().get(a);
                params.put(axis.path().text, axis.labels().get(choice[a]));
                try {
                    axis.path().set(tree, copy(axis.values().get(choice[a])));
                } catch (IllegalArgumentException e) {
                    found.add(at(spec, axis, id, params, e.getMessage()));
                }
            }
            threads.set(tree, spec.threads());
            String text = new Dump(dump).dumpToString(tree);
            found.addAll(check(spec, id, params, text));
            for (Problem p : found) {
                if (problems.size() < MAX_LISTED) {
                    problems.add(p);
                } else {
                    unlisted++;
                }
            }
            out.add(new Variant(v, id, params, text));
            if (System.nanoTime() - last > 5_000_000_000L) {
                progress.accept("checked " + (v + 1) + " of " + n + " variants");
                last = System.nanoTime();
            }
        }
        if (unlisted > 0) {
            problems.add(new Problem(spec.file().toString(), 0, 0, "", "and " + unlisted + " more problem(s) of the "
                    + "same kinds"));
        }
        if (!problems.isEmpty()) {
            throw new SweepException(problems);
        }
        return out;
    }

    /** Which value of each axis variant v takes: the last axis fastest (product), or the same index (zip). */
    static int[] choice(SweepSpec spec, int v) {
        List<SweepSpec.Axis> axes = spec.axes();
        int[] c = new int[axes.size()];
        int rest = v;
        for (int a = axes.size() - 1; a >= 0; a--) {
            int size = axes.get(a).values().size();
            c[a] = spec.zip() ? v : rest % size;
            rest /= spec.zip() ? 1 : size;
        }
        return c;
    }

    /**
     * Parses a variant as a scenario.
     *
     * @param spec the sweep
     * @param variant the variant
     * @return the scenario
     * @throws ScenarioException as the parser reports
     */
    static Scenario scenario(SweepSpec spec, Variant variant) {
        return ScenarioParser.parse(variant.text(), spec.baseSource() + " (variant " + variant.id() + ")",
                spec.baseDir(), spec.name() + "-" + variant.id());
    }

    /** The scenario parser's and the preflight's problems of a variant, moved to the sweep file's lines. */
    private static List<Problem> check(SweepSpec spec, String id, Map<String, String> params, String text) {
        List<Problem> scenario;
        try {
            Scenario s = ScenarioParser.parse(text, spec.baseSource(), spec.baseDir(), spec.name() + "-" + id);
            scenario = ScenarioPreflight.problems(s);
        } catch (ScenarioException e) {
            scenario = e.problems();
        }
        List<Problem> out = new ArrayList<>();
        for (Problem p : scenario) {
            SweepSpec.Axis axis = null;
            for (SweepSpec.Axis a : spec.axes()) {
                // the varied key itself, something inside it, or the section it lies in (a stage, a material)
                if (a.path().covers(p.path()) || !p.path().isEmpty() && a.path().liesIn(p.path())) {
                    axis = a;
                }
            }
            String what = (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
            out.add(axis != null ? at(spec, axis, id, params, what) : new Problem(spec.file().toString(),
                    spec.line(), 0, "base", "variant " + id + " " + params + ": the scenario " + spec.baseSource()
                    + " says: " + what));
        }
        return out;
    }

    private static Problem at(SweepSpec spec, SweepSpec.Axis axis, String id, Map<String, String> params,
                              String message) {
        return new Problem(spec.file().toString(), axis.line(), axis.column(), "vary[" + axis.index() + "] ("
                + axis.path() + ")", "variant " + id + " " + params + ": " + message);
    }

    /** A fresh copy of a loaded YAML value (lists and mappings are not shared between variants or with the base). */
    private static Object copy(Object v) {
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            for (Object x : l) {
                c.add(copy(x));
            }
            return c;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                c.put(e.getKey(), copy(e.getValue()));
            }
            return c;
        }
        return v;
    }
}
