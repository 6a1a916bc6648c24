package org.hypermag.scenarios.spec;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Edits of a scenario's text that keep everything else as written (comments, order, layout): replacing one top-level
 * key's value, or adding the key when the text has none.
 */
final class ScenarioText {
    private ScenarioText() {
    }

    /**
     * @param text a scenario's text (valid YAML whose root is a mapping, as every parsed scenario's text is)
     * @param key a top-level key
     * @param flowValue the new value in YAML flow style, on one line (e.g. {@code {method: exact}})
     * @param comment a comment put after the value on the same line, or null
     * @return the text with {@code key: flowValue} in place of the key's old entry, or added at the end
     * @throws IllegalArgumentException if the text's root is not a mapping
     */
    static String replaceTopLevel(String text, String key, String flowValue, String comment) {
        Optional<Node> root = new Compose(LoadSettings.builder().build()).composeString(text);
        if (root.isEmpty() || !(root.get() instanceof MappingNode map)) {
            throw new IllegalArgumentException("the scenario text is not a YAML mapping");
        }
        String entry = key + ": " + flowValue;
        boolean flow = map.getFlowStyle() == FlowStyle.FLOW;
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                int start = charIndex(text, k.getStartMark().orElseThrow().getIndex());
                int end = charIndex(text, end(t.getValueNode()));
                return text.substring(0, start) + entry + (comment == null || flow ? "" : "  # " + comment)
                        + text.substring(end);
            }
        }
        if (flow) {
            int close = text.lastIndexOf('}');
            return text.substring(0, close) + ", " + entry + text.substring(close);
        }
        return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + entry
                + (comment == null ? "" : "  # " + comment) + "\n";
    }

    /** The code-point index just after the last character of a node's own text (not the whitespace after it). */
    private static int end(Node n) {
        if (n instanceof ScalarNode || (n instanceof MappingNode m && m.getFlowStyle() == FlowStyle.FLOW)
                || (n instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.FLOW)) {
            return n.getEndMark().orElseThrow().getIndex();
        }
        int end = n.getStartMark().orElseThrow().getIndex();
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                end = Math.max(end, end(t.getValueNode()));
            }
        } else if (n instanceof SequenceNode s) {
            for (Node c : s.getValue()) {
                end = Math.max(end, end(c));
            }
        }
        return end;
    }

    private static int charIndex(String text, int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }
}
