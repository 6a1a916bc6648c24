package org.hypermag.solver.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How two axis-aligned prisms meet, and a spatial hash that visits every pair of prisms close enough to meet
 * (O(N) for prisms of bounded size ratio). Coincidence is judged within a relative 1e-9 of the sizes.
 */
public final class Contacts {
    /** The prisms are apart, or touch only along an edge or at a corner. */
    public static final int APART = -1;
    /** The prisms' interiors overlap. */
    public static final int OVERLAP = -2;

    /** Receives a pair of prism indices i &lt; j. */
    @FunctionalInterface
    public interface PairVisitor {
        /**
         * @param i the first prism
         * @param j the second prism, j &gt; i
         */
        void visit(int i, int j);
    }

    private Contacts() {
    }

    /**
     * @param p prisms
     * @param i one prism
     * @param j another
     * @return the axis (0, 1, 2) of the face the two share with positive area, {@link #APART} or {@link #OVERLAP}
     */
    public static int classify(Prisms p, int i, int j) {
        int touching = -1, separated = 0;
        for (int a = 0; a < 3; a++) {
            double half = 0.5 * (size(p, i, a) + size(p, j, a));
            double gap = Math.abs(centre(p, i, a) - centre(p, j, a)) - half;
            if (Math.abs(gap) <= 1e-9 * half) {
                touching = touching == -1 ? a : -2;
            } else if (gap > 0) {
                separated++;
            }
        }
        if (separated > 0 || touching == -2) {
            return APART;
        }
        return touching == -1 ? OVERLAP : touching;
    }

    /**
     * @param p prisms
     * @param i one prism
     * @param j another, sharing a face with it along {@code axis}
     * @param axis the face normal (from {@link #classify})
     * @return the area of the shared face (m²)
     */
    public static double faceArea(Prisms p, int i, int j, int axis) {
        double area = 1;
        for (int a = 0; a < 3; a++) {
            if (a == axis) {
                continue;
            }
            double half = 0.5 * (size(p, i, a) + size(p, j, a));
            double overlap = Math.min(half - Math.abs(centre(p, i, a) - centre(p, j, a)),
                    Math.min(size(p, i, a), size(p, j, a)));
            area *= overlap;
        }
        return area;
    }

    /**
     * Visits every pair of prisms whose centres are within one largest prism side of each other along each axis
     * (a superset of the pairs that touch or overlap), each pair once, in order of the first index.
     *
     * @param p prisms
     * @param visitor receives each pair
     */
    public static void nearbyPairs(Prisms p, PairVisitor visitor) {
        int n = p.size();
        if (n < 2) {
            return;
        }
        double cell = 0;
        for (int i = 0; i < n; i++) {
            cell = Math.max(cell, Math.max(p.sx(i), Math.max(p.sy(i), p.sz(i))));
        }
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            buckets.computeIfAbsent(key(p, i, cell, 0, 0, 0), k -> new ArrayList<>()).add(i);
        }
        for (int i = 0; i < n; i++) {
            for (int ox = -1; ox <= 1; ox++) {
                for (int oy = -1; oy <= 1; oy++) {
                    for (int oz = -1; oz <= 1; oz++) {
                        List<Integer> b = buckets.get(key(p, i, cell, ox, oy, oz));
                        if (b == null) {
                            continue;
                        }
                        for (int j : b) {
                            if (j > i) {
                                visitor.visit(i, j);
                            }
                        }
                    }
                }
            }
        }
    }

    private static long key(Prisms p, int i, double cell, int ox, int oy, int oz) {
        long x = (long) Math.floor(p.cx(i) / cell) + ox, y = (long) Math.floor(p.cy(i) / cell) + oy,
                z = (long) Math.floor(p.cz(i) / cell) + oz;
        return (x & 0x1FFFFF) | ((y & 0x1FFFFF) << 21) | ((z & 0x1FFFFF) << 42);
    }

    private static double centre(Prisms p, int i, int axis) {
        return axis == 0 ? p.cx(i) : axis == 1 ? p.cy(i) : p.cz(i);
    }

    private static double size(Prisms p, int i, int axis) {
        return axis == 0 ? p.sx(i) : axis == 1 ? p.sy(i) : p.sz(i);
    }
}
