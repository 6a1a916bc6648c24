package org.hypermag.sweeps;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario key path as a sweep names it: mapping keys separated by dots, list items by [index], e.g.
 * {@code materials[0].Dind}, {@code geometry.granular_film.seed}, {@code temperature} (the notation of the scenario
 * parser's messages). Sets a value in a scenario's YAML tree (maps and lists as snakeyaml-engine loads them). Immutable.
 */
final class KeyPath implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    /** The path as written. */
    final String text;
    /** Segments: a String (mapping key) or an Integer (list index). */
    private final List<Object> segments;

    private KeyPath(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * @param text the path
     * @return the path
     * @throws IllegalArgumentException saying what is expected
     */
    static KeyPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an empty key path; expected e.g. materials[0].K1 or temperature");
        }
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a key path; expected names separated by "
                        + "dots with [index] after list keys, e.g. materials[0].K1");
            }
            segments.add(m.group(1));
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) {
                segments.add(Integer.valueOf(i.group(1)));
            }
        }
        return new KeyPath(text, segments);
    }

    /**
     * Sets the value at this path in a scenario tree: missing mapping keys are added (so a key the base scenario
     * leaves at its default can be varied), list items must exist.
     *
     * @param root the tree (a mapping at the top)
     * @param value the value (scalars, lists and mappings as loaded from YAML)
     * @throws IllegalArgumentException naming the segment that does not fit the tree
     */
    @SuppressWarnings("unchecked")
    void set(Object root, Object value) {
        Object node = root;
        StringBuilder at = new StringBuilder();
        for (int k = 0; k < segments.size(); k++) {
            Object seg = segments.get(k);
            boolean last = k == segments.size() - 1;
            Object next = k + 1 < segments.size() ? segments.get(k + 1) : null;
            if (seg instanceof String key) {
                if (!(node instanceof Map)) {
                    throw new IllegalArgumentException(where(at) + "is not a mapping, so it has no key '" + key + "'");
                }
                Map<String, Object> map = (Map<String, Object>) node;
                at.append(at.length() == 0 ? "" : ".").append(key);
                if (last) {
                    map.put(key, value);
                    return;
                }
                Object child = map.get(key);
                if (child == null) {
                    if (next instanceof Integer) {
                        throw new IllegalArgumentException("the base scenario has no list '" + at + "'");
                    }
                    child = new LinkedHashMap<String, Object>();
                    map.put(key, child);
                }
                node = child;
            } else {
                int index = (Integer) seg;
                if (!(node instanceof List)) {
                    throw new IllegalArgumentException(where(at) + "is not a list, so it has no item [" + index + "]");
                }
                List<Object> list = (List<Object>) node;
                if (index >= list.size()) {
                    throw new IllegalArgumentException("'" + at + "' has " + list.size() + " item(s) in the base "
                            + "scenario; there is no [" + index + "]");
                }
                at.append('[').append(index).append(']');
                if (last) {
                    list.set(index, value);
                    return;
                }
                node = list.get(index);
            }
        }
    }

    private static String where(StringBuilder at) {
        return at.length() == 0 ? "the scenario " : "'" + at + "' ";
    }

    /**
     * @param problemPath a key path from the scenario parser's problem
     * @return whether it is this path or lies inside it
     */
    boolean covers(String problemPath) {
        return problemPath.equals(text) || problemPath.startsWith(text + ".") || problemPath.startsWith(text + "[");
    }

    /**
     * @param section a key path from the scenario parser's problem
     * @return whether this path lies inside that section (a stage, a material)
     */
    boolean liesIn(String section) {
        return text.startsWith(section + ".") || text.startsWith(section + "[");
    }

    @Override
    public String toString() {
        return text;
    }
}
