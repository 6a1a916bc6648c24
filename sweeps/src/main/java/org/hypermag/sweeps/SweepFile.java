package org.hypermag.sweeps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hypermag.scenarios.spec.Problem;
import org.hypermag.scenarios.spec.ShippedScenarios;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a sweep file (docs/sweeps.md) into a {@link SweepSpec}, collecting every problem with file:line:column, the
 * key and what is expected; nothing is run. Whether each variant is a valid scenario is checked afterwards, on the
 * variants themselves ({@link SweepPlan}).
 */
final class SweepFile {
    /** Largest sweep file (characters). */
    static final int MAX_CHARS = 1 << 20;
    /** Most variants a sweep may make. */
    static final long MAX_VARIANTS = 100_000;
    private static final Set<String> TOP = Set.of("name", "description", "base", "vary", "zip", "retries",
            "threads_per_variant", "spark");

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    private SweepFile(String source) {
        this.source = source;
    }

    /**
     * @param file the sweep file
     * @return the sweep
     * @throws SweepException listing every problem
     */
    static SweepSpec parse(Path file) {
        SweepFile p = new SweepFile(file.toString());
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new SweepException(List.of(new Problem(file.toString(), 0, 0, "", "file not found")));
            }
            if (Files.size(file) > MAX_CHARS) {
                throw new SweepException(List.of(new Problem(file.toString(), 0, 0, "", "the file has "
                        + Files.size(file) + " bytes; sweep files are limited to " + MAX_CHARS)));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SweepException(List.of(new Problem(file.toString(), 0, 0, "", "cannot read: " + e.getMessage())));
        }
        SweepSpec spec = p.read(file, text);
        if (!p.problems.isEmpty()) {
            throw new SweepException(p.problems);
        }
        return spec;
    }

    private SweepSpec read(Path file, String text) {
        Node root;
        Object tree;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(source).setMaxAliasesForCollections(50)
                    .setAllowRecursiveKeys(false).build();
            Optional<Node> composed = new Compose(settings).composeString(text);
            if (composed.isEmpty() || !(composed.get() instanceof MappingNode)) {
                problem(composed.orElse(null), "", "a sweep file is a mapping with base: and vary: "
                        + "(docs/sweeps.md)");
                return null;
            }
            root = composed.get();
            tree = new Load(settings).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int col = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            problems.add(new Problem(source, line, col, "", "not valid YAML: " + e.getProblem()));
            return null;
        } catch (YamlEngineException e) {
            problems.add(new Problem(source, 0, 0, "", "not valid YAML: " + e.getMessage()));
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) tree;
        Map<String, Node> nodes = keys((MappingNode) root, "", TOP);
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = nodes.containsKey("name") ? text(nodes.get("name"), "name", "a name") : stem;
        if (name != null && !name.matches("[A-Za-z0-9._-]{1,100}")) {
            problem(nodes.get("name"), "name", "'" + name + "'; expected 1 to 100 letters, digits, '.', '_' or '-' "
                    + "(it names the output folder)");
        }
        // the base scenario
        String baseSource = null;
        String baseText = null;
        Path baseDir = null;
        Node baseNode = nodes.get("base");
        int baseLine = line(baseNode);
        if (baseNode == null) {
            problem(root, "base", "missing; expected the base scenario: a scenario file relative to this file, or "
                    + "a shipped scenario's name");
        } else {
            String base = text(baseNode, "base", "a scenario file or a shipped scenario's name");
            if (base != null) {
                Path dir = file.toAbsolutePath().getParent();
                Path f = dir.resolve(base).normalize();
                if (Files.isRegularFile(f)) {
                    try {
                        baseText = Files.readString(f, StandardCharsets.UTF_8);
                        baseSource = f.toString();
                        baseDir = f.getParent();
                    } catch (IOException e) {
                        problem(baseNode, "base", "cannot read " + f + ": " + e.getMessage());
                    }
                } else if (ShippedScenarios.NAMES.contains(base)) {
                    baseText = ShippedScenarios.text(base);
                    baseSource = base;
                    baseDir = dir;
                } else {
                    problem(baseNode, "base", "'" + base + "': no such file (" + f + ") and not a shipped "
                            + "scenario; expected a scenario file relative to the sweep file or one of "
                            + ShippedScenarios.NAMES);
                }
            }
        }
        List<SweepSpec.Axis> axes = axes(nodes.get("vary"), top.get("vary"), root);
        boolean zip = nodes.containsKey("zip") && bool(nodes.get("zip"), "zip");
        int retries = nodes.containsKey("retries") ? integer(nodes.get("retries"), "retries", 0, 10) : 1;
        int threads = nodes.containsKey("threads_per_variant")
                ? integer(nodes.get("threads_per_variant"), "threads_per_variant", 1, 1024) : 1;
        String master = null;
        Map<String, String> conf = new LinkedHashMap<>();
        if (nodes.containsKey("spark")) {
            Node s = nodes.get("spark");
            if (!(s instanceof MappingNode)) {
                problem(s, "spark", "expected a mapping with master: and conf:");
            } else {
                Map<String, Node> sk = keys((MappingNode) s, "spark", Set.of("master", "conf"));
                if (sk.containsKey("master")) {
                    master = text(sk.get("master"), "spark.master", "a Spark master URL: local[N], "
                            + "spark://host:port or k8s://...");
                }
                if (sk.containsKey("conf")) {
                    conf = conf(sk.get("conf"));
                }
            }
        }
        if (zip && axes.size() > 1) {
            int n = axes.get(0).values().size();
            for (SweepSpec.Axis a : axes) {
                if (a.values().size() != n) {
                    problems.add(new Problem(source, a.line(), a.column(), "vary[" + a.index() + "]", "zip: true "
                            + "needs lists of one length; vary[0] (" + axes.get(0).path() + ") has " + n
                            + " values, this one (" + a.path() + ") " + a.values().size()));
                }
            }
        }
        SweepSpec spec = new SweepSpec(file, name, baseSource, baseText, baseDir, axes, zip, retries, threads,
                master, conf, baseLine);
        if (problems.isEmpty() && spec.variantCount() > MAX_VARIANTS) {
            problem(nodes.get("vary"), "vary", "the axes make " + spec.variantCount() + " variants; a sweep is "
                    + "limited to " + MAX_VARIANTS);
        }
        return spec;
    }

    private List<SweepSpec.Axis> axes(Node node, Object loaded, Node root) {
        List<SweepSpec.Axis> axes = new ArrayList<>();
        if (node == null) {
            problem(root, "vary", "missing; expected a list of {key: PATH, values: [...]} (or range:, seeds:)");
            return axes;
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node, "vary", "expected a non-empty list of {key: PATH, values: [...]} (or range:, seeds:)");
            return axes;
        }
        List<?> items = (List<?>) loaded;
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String at = "vary[" + i + "]";
            if (!(item instanceof MappingNode m)) {
                problem(item, at, "expected {key: PATH, values: [...]}, {key: PATH, range: {...}} or "
                        + "{key: PATH, seeds: {...}}");
                continue;
            }
            Map<String, Node> k = keys(m, at, Set.of("key", "values", "range", "seeds"));
            @SuppressWarnings("unchecked")
            Map<String, Object> obj = (Map<String, Object>) items.get(i);
            KeyPath path = null;
            if (!k.containsKey("key")) {
                problem(item, at + ".key", "missing; expected a scenario key path such as materials[0].K1");
            } else {
                String t = text(k.get("key"), at + ".key", "a scenario key path such as materials[0].K1");
                if (t != null) {
                    try {
                        path = KeyPath.parse(t);
                        if (!seen.add(t)) {
                            problem(k.get("key"), at + ".key", "'" + t + "' is varied twice");
                        }
                    } catch (IllegalArgumentException e) {
                        problem(k.get("key"), at + ".key", e.getMessage());
                    }
                }
            }
            int given = (k.containsKey("values") ? 1 : 0) + (k.containsKey("range") ? 1 : 0)
                    + (k.containsKey("seeds") ? 1 : 0);
            if (given != 1) {
                problem(item, at, given == 0 ? "no values; expected one of values: [...], range: {from, to, count} "
                        + "or seeds: {first, count}" : "give one of values:, range: and seeds:, not " + given);
                continue;
            }
            List<Object> values = k.containsKey("values") ? values(k.get("values"), obj.get("values"), at)
                    : k.containsKey("range") ? range(k.get("range"), at + ".range")
                    : seeds(k.get("seeds"), at + ".seeds");
            if (values == null || path == null) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            for (Object v : values) {
                labels.add(label(v));
            }
            axes.add(new SweepSpec.Axis(i, path, values, labels, line(item), column(item)));
        }
        return axes;
    }

    private List<Object> values(Node node, Object loaded, String at) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node, at + ".values", "expected a non-empty list of values");
            return null;
        }
        return new ArrayList<>((List<?>) loaded);
    }

    private List<Object> range(Node node, String at) {
        if (!(node instanceof MappingNode m)) {
            problem(node, at, "expected {from: X, to: Y, count: N} and optionally scale: linear or log");
            return null;
        }
        Map<String, Node> k = keys(m, at, Set.of("from", "to", "count", "scale"));
        for (String req : List.of("from", "to", "count")) {
            if (!k.containsKey(req)) {
                problem(node, at + "." + req, "missing; a range needs from:, to: and count:");
            }
        }
        if (!k.keySet().containsAll(List.of("from", "to", "count"))) {
            return null;
        }
        Double from = number(k.get("from"), at + ".from");
        Double to = number(k.get("to"), at + ".to");
        Integer count = integerOrNull(k.get("count"), at + ".count", 0, (int) MAX_VARIANTS);
        String scale = k.containsKey("scale") ? text(k.get("scale"), at + ".scale", "linear or log") : "linear";
        if (from == null || to == null || count == null || scale == null) {
            return null;
        }
        if (count == 0) {
            problem(k.get("count"), at + ".count", "0: an empty range; expected at least 1 value");
            return null;
        }
        boolean log = switch (scale) {
            case "linear" -> false;
            case "log" -> true;
            default -> {
                problem(k.get("scale"), at + ".scale", "'" + scale + "'; expected linear or log");
                yield false;
            }
        };
        if (log && !(from > 0 && to > 0)) {
            problem(node, at, "scale: log needs from and to above 0; got " + from + " and " + to);
            return null;
        }
        List<Object> v = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double f = count == 1 ? 0 : i / (count - 1.0);
            v.add(log ? from * Math.pow(to / from, f) : from + f * (to - from));
        }
        return v;
    }

    private List<Object> seeds(Node node, String at) {
        if (!(node instanceof MappingNode m)) {
            problem(node, at, "expected {first: N, count: N}: count seeds from first (default 1)");
            return null;
        }
        Map<String, Node> k = keys(m, at, Set.of("first", "count"));
        if (!k.containsKey("count")) {
            problem(node, at + ".count", "missing; expected how many seeds");
            return null;
        }
        Integer first = k.containsKey("first") ? integerOrNull(k.get("first"), at + ".first", 0, Integer.MAX_VALUE
                - (int) MAX_VARIANTS) : Integer.valueOf(1);
        Integer count = integerOrNull(k.get("count"), at + ".count", 0, (int) MAX_VARIANTS);
        if (first == null || count == null) {
            return null;
        }
        if (count == 0) {
            problem(k.get("count"), at + ".count", "0: no seeds; expected at least 1");
            return null;
        }
        List<Object> v = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            v.add(first + i);
        }
        return v;
    }

    private Map<String, String> conf(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            problem(node, "spark.conf", "expected a mapping of Spark settings, e.g. {spark.executor.memory: 4g}");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || !(t.getValueNode() instanceof ScalarNode value)) {
                problem(t.getKeyNode(), "spark.conf", "expected plain settings: name: value");
                continue;
            }
            if (!key.getValue().startsWith("spark.")) {
                problem(key, "spark.conf." + key.getValue(), "not a Spark setting; expected a name starting with "
                        + "'spark.'");
                continue;
            }
            out.put(key.getValue(), value.getValue());
        }
        return out;
    }

    /** The mapping's keys, each checked against the allowed ones. */
    private Map<String, Node> keys(MappingNode m, String at, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            String path = at.isEmpty() ? String.valueOf(key) : at + "." + key;
            if (key == null) {
                problem(t.getKeyNode(), at, "a key must be a plain name");
            } else if (!allowed.contains(key)) {
                problem(t.getKeyNode(), path, "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
            } else if (out.put(key, t.getValueNode()) != null) {
                problem(t.getKeyNode(), path, "key appears twice");
            }
        }
        return out;
    }

    private String text(Node n, String at, String expected) {
        if (n instanceof ScalarNode s && !s.getValue().isEmpty()) {
            return s.getValue();
        }
        problem(n, at, "expected " + expected);
        return null;
    }

    private boolean bool(Node n, String at) {
        if (n instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return s.getValue().equals("true");
        }
        problem(n, at, valueOf(n) + "; expected true or false");
        return false;
    }

    private Double number(Node n, String at) {
        if (n instanceof ScalarNode s) {
            try {
                double v = Double.parseDouble(s.getValue());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(n, at, valueOf(n) + "; expected a finite number");
        return null;
    }

    private int integer(Node n, String at, int min, int max) {
        Integer v = integerOrNull(n, at, min, max);
        return v == null ? min : v;
    }

    private Integer integerOrNull(Node n, String at, int min, int max) {
        if (n instanceof ScalarNode s && s.getValue().matches("[+-]?\\d{1,10}")) {
            long v = Long.parseLong(s.getValue());
            if (v >= min && v <= max) {
                return (int) v;
            }
        }
        problem(n, at, valueOf(n) + "; expected a whole number from " + min + " to " + max);
        return null;
    }

    private static String valueOf(Node n) {
        return n instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a " + (n instanceof SequenceNode ? "list"
                : "mapping");
    }

    /** A value as text: numbers as Java prints them (shortest round trip), others as YAML flow text. */
    static String label(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : d.toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(label(l.get(i)));
            }
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static int line(Node n) {
        return n == null ? 0 : n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static int column(Node n) {
        return n == null ? 0 : n.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    private void problem(Node n, String path, String message) {
        problems.add(new Problem(source, line(n), column(n), path, message));
    }
}
