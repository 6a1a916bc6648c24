package org.hypermag.scenarios.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node with its key path and location, and typed accessors that record a {@link Problem} (file, line, column,
 * path, the value found and what is expected) instead of throwing, so that every problem of a file is reported at
 * once. Accessors return null when the value is unusable.
 */
final class YamlNode {
    private static final String NUMBER = "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?";

    /** Problems of one file, and where its keys are. */
    static final class Context {
        final String file;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, int[]> locations = new LinkedHashMap<>();

        Context(String file) {
            this.file = file;
        }

        /** Records where a key is, for problems found after parsing; only short key paths (not list items). */
        void locate(String path, Mark mark) {
            if (mark != null && path.length() < 80 && path.chars().filter(c -> c == '.').count() <= 3
                    && locations.size() < 10_000) {
                locations.putIfAbsent(path, new int[] {mark.getLine() + 1, mark.getColumn() + 1});
            }
        }
    }

    final Context ctx;
    final Node node;
    final String path;

    YamlNode(Context ctx, Node node, String path) {
        this.ctx = ctx;
        this.node = node;
        this.path = path;
    }

    int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    int column() {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    void error(String message) {
        ctx.problems.add(new Problem(ctx.file, line(), column(), path, message));
    }

    static void error(Context ctx, Mark mark, String path, String message) {
        ctx.problems.add(new Problem(ctx.file, mark == null ? 0 : mark.getLine() + 1,
                mark == null ? 0 : mark.getColumn() + 1, path, message));
    }

    /** A short rendering of the node for messages. */
    String shown() {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'";
        }
        return node instanceof MappingNode ? "a mapping" : "a list";
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The keys of a mapping with their value nodes, in file order. */
    final class Mapping {
        final Map<String, YamlNode> entries;

        Mapping(Map<String, YamlNode> entries) {
            this.entries = entries;
        }

        YamlNode get(String key) {
            return entries.get(key);
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        YamlNode require(String key, String what) {
            YamlNode v = entries.get(key);
            if (v == null) {
                error("missing key '" + key + "' (" + what + ")");
            }
            return v;
        }

        YamlNode owner() {
            return YamlNode.this;
        }

        /**
         * An optional key read with a typed accessor.
         *
         * @param key the key
         * @param read reads the value (records a problem and returns null when it is unusable)
         * @param absent the value when the key is absent
         * @param <T> the type
         * @return the value, absent's value, or null (problem recorded)
         */
        <T> T optional(String key, java.util.function.Function<YamlNode, T> read, T absent) {
            YamlNode v = entries.get(key);
            return v == null ? absent : read.apply(v);
        }

        /**
         * A required key read with a typed accessor.
         *
         * @param key the key
         * @param what what it is, for the message when missing
         * @param read reads the value
         * @param <T> the type
         * @return the value, or null (problem recorded)
         */
        <T> T required(String key, String what, java.util.function.Function<YamlNode, T> read) {
            YamlNode v = require(key, what);
            return v == null ? null : read.apply(v);
        }
    }

    /**
     * Views the node as a mapping with only the allowed keys.
     *
     * @param allowed keys that may appear
     * @return the mapping, or null (problem recorded) if the node is not a mapping
     */
    Mapping mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            error("got " + shown() + "; expected a mapping with keys " + String.join(", ", allowed));
            return null;
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                error(k.getStartMark().orElse(null), "a key must be a plain name");
                continue;
            }
            String key = ks.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                error(k.getStartMark().orElse(null), childPath, "unknown key; expected one of "
                        + String.join(", ", allowed) + suggestion(key, allowed));
                continue;
            }
            if (entries.containsKey(key)) {
                error(k.getStartMark().orElse(null), childPath, "key appears twice");
                continue;
            }
            YamlNode child = new YamlNode(ctx, t.getValueNode(), childPath);
            entries.put(key, child);
            ctx.locate(childPath, k.getStartMark().orElse(null));
        }
        return new Mapping(entries);
    }

    private void error(Mark mark, String message) {
        error(ctx, mark, path, message);
    }

    private void error(Mark mark, String childPath, String message) {
        error(ctx, mark, childPath, message);
    }

    private static String suggestion(String key, Set<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = distance(key.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * A mapping that must have exactly one of the given keys (a choice such as the kind of geometry).
     *
     * @param options the keys to choose from
     * @param what what is being chosen, for messages
     * @return the chosen key's node, or null (problem recorded)
     */
    YamlNode oneOf(Set<String> options, String what) {
        int before = ctx.problems.size();
        Mapping m = mapping(options);
        if (m == null) {
            return null;
        }
        if (m.entries.isEmpty() && ctx.problems.size() > before) {
            return null; // the unknown key has been reported already
        }
        if (m.entries.size() != 1) {
            error((m.entries.isEmpty() ? "empty" : "has " + String.join(" and ", m.entries.keySet()))
                    + "; expected exactly one " + what + ": " + String.join(", ", options));
            return null;
        }
        return m.entries.values().iterator().next();
    }

    /** @return the plain key names of a mapping node without checking them (empty for other nodes) */
    Set<String> keyNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    names.add(k.getValue());
                }
            }
        }
        return names;
    }

    /** @return the key under which this node was found: the last element of the path */
    String key() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * @param minSize least number of items
     * @return the items of a list, or null (problem recorded)
     */
    List<YamlNode> list(int minSize) {
        if (!(node instanceof SequenceNode s)) {
            error("got " + shown() + "; expected a list");
            return null;
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            items.add(new YamlNode(ctx, s.getValue().get(i), path + "[" + i + "]"));
        }
        if (items.size() < minSize) {
            error("got " + items.size() + " item(s); expected at least " + minSize);
            return null;
        }
        return items;
    }

    /** @return a plain scalar's text, or null (problem recorded) */
    private String plain(String expected) {
        if (!(node instanceof ScalarNode s)) {
            error("got " + shown() + "; expected " + expected);
            return null;
        }
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            error("got the quoted text " + shown() + "; expected " + expected);
            return null;
        }
        return s.getValue();
    }

    /**
     * A number with a condition.
     *
     * @param expected what is expected, with unit (e.g. "a number > 0 (s)")
     * @param ok the condition
     * @return the number, or null (problem recorded)
     */
    Double number(String expected, java.util.function.DoublePredicate ok) {
        String v = plain(expected);
        if (v == null) {
            return null;
        }
        if (!v.matches(NUMBER)) {
            error("got " + shown() + "; expected " + expected);
            return null;
        }
        double x = Double.parseDouble(v);
        if (!Double.isFinite(x)) {
            error("got " + shown() + ", which overflows a double-precision number (largest 1.8e308); expected "
                    + expected);
            return null;
        }
        if (!ok.test(x)) {
            error("got " + shown() + "; expected " + expected);
            return null;
        }
        return x;
    }

    /** @return a finite number (unit in the message), or null */
    Double finite(String unit) {
        return number("a number (" + unit + ")", x -> true);
    }

    /** @return a number &gt; 0, or null */
    Double positive(String unit) {
        return number("a number > 0 (" + unit + ")", x -> x > 0);
    }

    /** @return a number &ge; 0, or null */
    Double nonNegative(String unit) {
        return number("a number >= 0 (" + unit + ")", x -> x >= 0);
    }

    /**
     * @param min least value
     * @param max greatest value
     * @param what meaning, for messages
     * @return an integer in range, or null
     */
    Integer integer(long min, long max, String what) {
        Long x = bounded(min, max, "an integer " + (max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to "
                + max) + " (" + what + ")");
        return x == null ? null : Integer.valueOf((int) (long) x);
    }

    /**
     * @param min least value
     * @param max greatest value
     * @param what meaning, for messages
     * @return a 64-bit integer in range, or null
     */
    Long longInteger(long min, long max, String what) {
        return bounded(min, max, "an integer from " + min + " to " + max + " (" + what + ")");
    }

    /** An integer of at most 18 digits in [min, max], or null after reporting what was expected. */
    private Long bounded(long min, long max, String expected) {
        String v = plain(expected);
        if (v == null) {
            return null;
        }
        if (!v.matches("[+-]?\\d{1,18}")) {
            error("got " + shown() + "; expected " + expected);
            return null;
        }
        long x = Long.parseLong(v);
        if (x < min || x > max) {
            error("got " + shown() + "; expected " + expected);
            return null;
        }
        return x;
    }

    /** @return a 64-bit integer (a seed), or null */
    Long seed() {
        String v = plain("an integer (random seed)");
        if (v == null) {
            return null;
        }
        if (!v.matches("[+-]?\\d{1,18}")) {
            error("got " + shown() + "; expected an integer (random seed)");
            return null;
        }
        return Long.parseLong(v);
    }

    /** @return true/false, or null */
    Boolean bool() {
        String v = plain("true or false");
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            error("got " + shown() + "; expected true or false");
            return null;
        }
        return Boolean.valueOf(v);
    }

    /** @return a text (plain or quoted), or null */
    String text() {
        if (!(node instanceof ScalarNode s)) {
            error("got " + shown() + "; expected a text");
            return null;
        }
        return s.getValue();
    }

    /**
     * @param options allowed words
     * @return the chosen word, or null
     */
    String choice(List<String> options) {
        if (!(node instanceof ScalarNode s)) {
            error("got " + shown() + "; expected one of " + String.join(", ", options));
            return null;
        }
        if (!options.contains(s.getValue())) {
            error("got " + shown() + "; expected one of " + String.join(", ", options));
            return null;
        }
        return s.getValue();
    }

    /**
     * A list of n finite numbers.
     *
     * @param n the length
     * @param unit unit for messages
     * @param positive whether each must be &gt; 0
     * @return the numbers, or null
     */
    double[] vector(int n, String unit, boolean positive) {
        if (!(node instanceof SequenceNode s) || s.getValue().size() != n) {
            error("got " + shown() + (node instanceof SequenceNode s2 ? " of " + s2.getValue().size() + " numbers" : "")
                    + "; expected a list of " + n + (positive ? " numbers > 0" : " numbers") + " (" + unit + ")");
            return null;
        }
        double[] v = new double[n];
        boolean ok = true;
        List<YamlNode> items = list(n);
        for (int i = 0; i < n; i++) {
            Double x = positive ? items.get(i).positive(unit) : items.get(i).finite(unit);
            if (x == null) {
                ok = false;
            } else {
                v[i] = x;
            }
        }
        return ok ? v : null;
    }
}
