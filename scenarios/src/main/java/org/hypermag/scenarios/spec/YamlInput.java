package org.hypermag.scenarios.spec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns a scenario's text into a YAML node tree, within bounds that keep a small or hostile file from exhausting
 * time or memory: the file's size, the length of a line, the nesting depth, the number of aliases and the number of
 * nodes once aliases are expanded, and no alias may contain itself. Each bound is checked before the work it
 * protects, and a file beyond one is refused with file:line:column and the bound (docs/scenarios.md, "Limits").
 */
final class YamlInput {
    /** Largest scenario file (characters). */
    static final int MAX_CHARS = 4 << 20;
    /** Longest line (characters): put long lists one item per line, or in a CSV file. */
    static final int MAX_LINE = 256 << 10;
    /** Deepest nesting of lists and mappings. */
    static final int MAX_DEPTH = 64;
    /** Most aliases ({@code *name}) in a file. */
    static final int MAX_ALIASES = 200;
    /** Most nodes once aliases are expanded. */
    static final int MAX_NODES = 4_000_000;

    private YamlInput() {
    }

    /**
     * @param ctx where problems go
     * @param text the file's text
     * @return the root node, or empty (a problem recorded, or the text is empty: the caller says so)
     */
    static Optional<Node> compose(YamlNode.Context ctx, String text) {
        if (text.length() > MAX_CHARS) {
            problem(ctx, 0, 0, "the file has " + text.length() + " characters; scenario files are limited to "
                    + MAX_CHARS + " (4 MiB): put large prism lists in a CSV file (geometry.prisms.file)");
            return Optional.empty();
        }
        if (!prescan(ctx, text)) {
            return Optional.empty();
        }
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(ctx.file).setMaxAliasesForCollections(MAX_ALIASES)
                    .setAllowRecursiveKeys(false).setCodePointLimit(MAX_CHARS + 16).build();
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            YamlNode.error(ctx, e.getProblemMark().orElse(null), "", "not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            YamlNode.error(ctx, null, "", "not valid YAML: " + e.getMessage());
            return Optional.empty();
        } catch (StackOverflowError e) {
            problem(ctx, 0, 0, "nested too deeply for the YAML reader; expected at most " + MAX_DEPTH + " levels");
            return Optional.empty();
        }
        if (root.isPresent() && !expandedSizeOk(ctx, root.get())) {
            return Optional.empty();
        }
        return root;
    }

    /**
     * Checks line lengths and the nesting of flow collections ([ and {) and of block sequences opened on one line
     * ("- - -") before the YAML reader sees the text, whose recursion would otherwise overflow the stack.
     */
    private static boolean prescan(YamlNode.Context ctx, String text) {
        int line = 1, col = 0, flow = 0, lineStart = 0;
        boolean atLineStart = true, comment = false;
        char quote = 0;
        int blockDepth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '\n') {
                if (i - lineStart > MAX_LINE) {
                    problem(ctx, line, 1, "line " + line + " has " + (i - lineStart) + " characters; lines are limited "
                            + "to " + MAX_LINE + ": put long lists one item per line, or in a CSV file");
                    return false;
                }
                line++;
                col = 0;
                lineStart = i + 1;
                atLineStart = true;
                comment = false;
                blockDepth = 0;
                if (quote == '\'' || quote == '"') {
                    continue; // a quoted scalar may span lines
                }
                continue;
            }
            if (comment) {
                continue;
            }
            if (quote != 0) {
                if (c == quote && (quote == '\'' || text.charAt(i - 1) != '\\')) {
                    quote = 0;
                }
                continue;
            }
            if (atLineStart) {
                if (c == ' ') {
                    continue;
                }
                if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                    if (++blockDepth > MAX_DEPTH) {
                        problem(ctx, line, col, "nested more than " + MAX_DEPTH + " levels deep");
                        return false;
                    }
                    continue;
                }
                atLineStart = false;
            }
            switch (c) {
                case '#' -> comment = i == 0 || Character.isWhitespace(text.charAt(i - 1));
                case '\'', '"' -> {
                    char prev = previousSignificant(text, i);
                    if (prev == 0 || prev == '[' || prev == '{' || prev == ',' || prev == ':' || prev == '-'
                            || prev == '\n') {
                        quote = c;
                    }
                }
                case '[', '{' -> {
                    if (++flow > MAX_DEPTH) {
                        problem(ctx, line, col, "nested more than " + MAX_DEPTH + " levels deep");
                        return false;
                    }
                }
                case ']', '}' -> flow = Math.max(0, flow - 1);
                default -> {
                }
            }
        }
        if (text.length() - lineStart > MAX_LINE) {
            problem(ctx, line, 1, "line " + line + " has " + (text.length() - lineStart) + " characters; lines are "
                    + "limited to " + MAX_LINE + ": put long lists one item per line, or in a CSV file");
            return false;
        }
        return true;
    }

    private static char previousSignificant(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            char c = text.charAt(j);
            if (c == '\n') {
                return '\n';
            }
            if (c != ' ' && c != '\t') {
                return c;
            }
        }
        return 0;
    }

    /**
     * Counts the nodes of the tree with aliases expanded, stopping at the bound, and refuses an alias that contains
     * itself; iterative, so it cannot overflow the stack.
     */
    private static boolean expandedSizeOk(YamlNode.Context ctx, Node root) {
        Map<Node, Boolean> onPath = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, Boolean.FALSE});
        long count = 0;
        int depth = 0;
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Node n = (Node) top[0];
            if ((Boolean) top[1]) {
                onPath.remove(n);
                depth--;
                continue;
            }
            if (++count > MAX_NODES) {
                problem(ctx, n, "the document expands to more than " + MAX_NODES + " nodes (aliases of aliases?); "
                        + "scenario files are limited to " + MAX_NODES);
                return false;
            }
            List<Node> children = children(n);
            if (children.isEmpty()) {
                continue;
            }
            if (onPath.containsKey(n)) {
                problem(ctx, n, "an alias refers to a list or mapping that contains it (a cycle); expected a tree");
                return false;
            }
            if (++depth > MAX_DEPTH) {
                problem(ctx, n, "nested more than " + MAX_DEPTH + " levels deep");
                return false;
            }
            onPath.put(n, Boolean.TRUE);
            stack.push(new Object[] {n, Boolean.TRUE});
            for (int k = children.size() - 1; k >= 0; k--) {
                stack.push(new Object[] {children.get(k), Boolean.FALSE});
            }
        }
        return true;
    }

    private static List<Node> children(Node n) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        if (n instanceof MappingNode m) {
            List<Node> out = new java.util.ArrayList<>(2 * m.getValue().size());
            for (NodeTuple t : m.getValue()) {
                out.add(t.getKeyNode());
                out.add(t.getValueNode());
            }
            return out;
        }
        return List.of();
    }

    private static void problem(YamlNode.Context ctx, Node n, String message) {
        Mark mark = n.getStartMark().orElse(null);
        YamlNode.error(ctx, mark, "", message);
    }

    private static void problem(YamlNode.Context ctx, int line, int column, String message) {
        ctx.problems.add(new Problem(ctx.file, line, column, "", message));
    }
}
