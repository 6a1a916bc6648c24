package org.hypermag.solver.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds overlapping prisms with a spatial hash: O(N) for prisms of bounded size ratio. */
public final class Overlaps {
    private Overlaps() {
    }

    /**
     * @param p prisms
     * @return the first pair {i, j} (i &lt; j, in order of i) whose interiors overlap, or null. Prisms that only touch
     *     (share a face, an edge or a corner, within a relative 1e-9) do not overlap.
     */
    public static int[] first(Prisms p) {
        int n = p.size();
        if (n < 2) {
            return null;
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
                            if (j > i && overlap(p, i, j)) {
                                return new int[] {i, j};
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    private static long key(Prisms p, int i, double cell, int ox, int oy, int oz) {
        long x = (long) Math.floor(p.cx(i) / cell) + ox, y = (long) Math.floor(p.cy(i) / cell) + oy,
                z = (long) Math.floor(p.cz(i) / cell) + oz;
        return (x & 0x1FFFFF) | ((y & 0x1FFFFF) << 21) | ((z & 0x1FFFFF) << 42);
    }

    /**
     * @param p prisms
     * @param i one
     * @param j another
     * @return true if their interiors overlap by more than a relative 1e-9 along every axis
     */
    public static boolean overlap(Prisms p, int i, int j) {
        return axisOverlap(p.cx(i), p.sx(i), p.cx(j), p.sx(j)) && axisOverlap(p.cy(i), p.sy(i), p.cy(j), p.sy(j))
                && axisOverlap(p.cz(i), p.sz(i), p.cz(j), p.sz(j));
    }

    private static boolean axisOverlap(double c1, double s1, double c2, double s2) {
        double half = 0.5 * (s1 + s2);
        return half - Math.abs(c1 - c2) > 1e-9 * half;
    }
}
