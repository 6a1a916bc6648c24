package org.hypermag.solver.geometry;

import java.util.Arrays;
import java.util.List;

/**
 * A region of the xy-plane (lengths in m), used to select the cells of a grid: a cell belongs to a shape when its
 * centre does. Shapes are immutable; build them with the static factories.
 */
public interface Shape {

    /**
     * @param x x (m)
     * @param y y (m)
     * @return true if the point lies inside (boundary points count as inside)
     */
    boolean contains(double x, double y);

    /**
     * @param cx centre x (m)
     * @param cy centre y (m)
     * @param width extent along x (m), &gt; 0
     * @param height extent along y (m), &gt; 0
     * @return an axis-aligned rectangle
     */
    static Shape rectangle(double cx, double cy, double width, double height) {
        requirePositive("rectangle width", width);
        requirePositive("rectangle height", height);
        double hx = 0.5 * width, hy = 0.5 * height;
        return (x, y) -> Math.abs(x - cx) <= hx && Math.abs(y - cy) <= hy;
    }

    /**
     * @param cx centre x (m)
     * @param cy centre y (m)
     * @param rx semi-axis along x (m), &gt; 0
     * @param ry semi-axis along y (m), &gt; 0
     * @return an axis-aligned ellipse (a disk when rx = ry)
     */
    static Shape ellipse(double cx, double cy, double rx, double ry) {
        requirePositive("ellipse semi-axis x", rx);
        requirePositive("ellipse semi-axis y", ry);
        return (x, y) -> {
            double u = (x - cx) / rx, v = (y - cy) / ry;
            return u * u + v * v <= 1;
        };
    }

    /**
     * A simple polygon (even–odd rule).
     *
     * @param xs vertex x (m), at least 3
     * @param ys vertex y (m)
     * @return the polygon
     */
    static Shape polygon(double[] xs, double[] ys) {
        if (xs.length < 3 || xs.length != ys.length) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices with x and y, got " + xs.length);
        }
        double[] px = xs.clone(), py = ys.clone();
        for (int i = 0; i < px.length; i++) {
            if (!Double.isFinite(px[i]) || !Double.isFinite(py[i])) {
                throw new IllegalArgumentException("polygon vertex " + i + " is not finite: " + Arrays.toString(xs));
            }
        }
        return (x, y) -> {
            boolean inside = false;
            for (int i = 0, j = px.length - 1; i < px.length; j = i++) {
                if ((py[i] > y) != (py[j] > y)) {
                    double xc = px[j] + (y - py[j]) * (px[i] - px[j]) / (py[i] - py[j]);
                    if (x < xc) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        };
    }

    /**
     * @param shapes the parts
     * @return points inside any part
     */
    static Shape union(List<Shape> shapes) {
        Shape[] s = shapes.toArray(new Shape[0]);
        return (x, y) -> {
            for (Shape p : s) {
                if (p.contains(x, y)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * @param base the shape to cut from
     * @param removed the parts taken away
     * @return points inside base and in none of the removed parts
     */
    static Shape difference(Shape base, List<Shape> removed) {
        Shape r = union(removed);
        return (x, y) -> base.contains(x, y) && !r.contains(x, y);
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0 (m), got " + v);
        }
    }
}
