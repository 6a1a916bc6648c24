package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.vec;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.geometry.Shape;

/** Shapes in scenario files (regions of a grid): rectangle, ellipse, disk, polygon, union, difference. */
final class ShapeSection {
    private ShapeSection() {
    }

    static Shape shape(YamlNode node) {
        YamlNode s = node.oneOf(keys("rectangle", "ellipse", "disk", "polygon", "union", "difference"), "shape");
        if (s == null) {
            return null;
        }
        switch (s.key()) {
            case "rectangle": {
                YamlNode.Mapping m = s.mapping(keys("centre", "size"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "centre x, y in m");
                double[] sz = vec(m, "size", 2, "m", true, "width and height in m");
                return c == null || sz == null ? null : Shape.rectangle(c[0], c[1], sz[0], sz[1]);
            }
            case "ellipse": {
                YamlNode.Mapping m = s.mapping(keys("centre", "radii"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "centre x, y in m");
                double[] r = vec(m, "radii", 2, "m", true, "semi-axes along x and y in m");
                return c == null || r == null ? null : Shape.ellipse(c[0], c[1], r[0], r[1]);
            }
            case "disk": {
                YamlNode.Mapping m = s.mapping(keys("centre", "radius"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "centre x, y in m");
                YamlNode rn = m.require("radius", "radius in m");
                Double r = rn == null ? null : rn.positive("m");
                return c == null || r == null ? null : Shape.ellipse(c[0], c[1], r, r);
            }
            case "polygon": {
                YamlNode.Mapping m = s.mapping(keys("vertices"));
                if (m == null) {
                    return null;
                }
                YamlNode vn = m.require("vertices", "a list of at least 3 [x, y] points in m");
                List<YamlNode> vs = vn == null ? null : vn.list(3);
                if (vs == null) {
                    return null;
                }
                double[] xs = new double[vs.size()], ys = new double[vs.size()];
                boolean ok = true;
                for (int i = 0; i < vs.size(); i++) {
                    double[] v = vs.get(i).vector(2, "m", false);
                    if (v == null) {
                        ok = false;
                    } else {
                        xs[i] = v[0];
                        ys[i] = v[1];
                    }
                }
                return ok ? Shape.polygon(xs, ys) : null;
            }
            case "union": {
                YamlNode.Mapping m = s.mapping(keys("of"));
                List<Shape> parts = m == null ? null : shapes(m.require("of", "a list of shapes"));
                return parts == null ? null : Shape.union(parts);
            }
            default: {
                YamlNode.Mapping m = s.mapping(keys("from", "remove"));
                if (m == null) {
                    return null;
                }
                YamlNode fn = m.require("from", "the shape to cut from");
                Shape from = fn == null ? null : shape(fn);
                List<Shape> removed = shapes(m.require("remove", "a list of shapes to take away"));
                return from == null || removed == null ? null : Shape.difference(from, removed);
            }
        }
    }

    static List<Shape> shapes(YamlNode node) {
        List<YamlNode> items = node == null ? null : node.list(1);
        if (items == null) {
            return null;
        }
        List<Shape> out = new ArrayList<>();
        for (YamlNode i : items) {
            Shape s = shape(i);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

}
