package org.hypermag.solver.field;

import java.util.Arrays;
import org.hypermag.solver.geometry.Contacts;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;

/**
 * The pairs of domains that share a face, each once: on a grid the lattice neighbours (+x, +y, +z of each cell),
 * otherwise the prisms whose faces touch (found with a spatial hash, within a relative 1e-9; prisms touching only
 * along an edge are not paired; overlapping prisms are an error). For each pair: the face's normal axis, the sign of
 * the step from the first domain to the second along it, the face's area and the distance of the centres along the
 * normal. The pair terms (exchange, DMI) and the gradients of the Zhang–Li torque are built from this one list,
 * found once per magnet. The arrays are shared: read them, never write them.
 */
public final class FacePairs {
    public final int[] first;
    public final int[] second;
    /** Normal axis of the shared face: 0 x, 1 y, 2 z. */
    public final int[] axis;
    /** +1 if the second domain lies on the + side of the first along the axis, else −1. */
    public final int[] sign;
    /** Shared face area (m²). */
    public final double[] area;
    /** Distance of the centres along the normal (m). */
    public final double[] distance;

    private FacePairs(int[] first, int[] second, int[] axis, int[] sign, double[] area, double[] distance) {
        this.first = first;
        this.second = second;
        this.axis = axis;
        this.sign = sign;
        this.area = area;
        this.distance = distance;
    }

    /** @return the number of pairs */
    public int size() {
        return first.length;
    }

    /**
     * @param magnet the system
     * @return its face-sharing pairs
     * @throws IllegalArgumentException if two prisms of an arbitrary collection overlap
     */
    public static FacePairs of(Magnet magnet) {
        // a magnet is immutable and its pairs are read only: exchange, both DMI terms and the Zhang-Li torque (and
        // the preflight before them) share one search per magnet
        FacePairs cached = CACHE.get(magnet);
        if (cached == null) {
            cached = find(magnet);
            CACHE.put(magnet, cached);
        }
        return cached;
    }

    /** Pairs already found, per magnet (identity; dropped with the magnet). */
    private static final java.util.Map<Magnet, FacePairs> CACHE = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private static FacePairs find(Magnet magnet) {
        Builder b = new Builder();
        if (magnet.isOnGrid()) {
            grid(magnet, b);
        } else {
            prisms(magnet.prisms(), b);
        }
        return b.build();
    }

    /**
     * Row starts of a compressed-row table in which every pair k with {@code use[k]} appears in the rows of both its
     * domains.
     *
     * @param n number of domains
     * @param use which pairs take part (null: all)
     * @return start[i] .. start[i + 1] − 1 are row i's entries (length n + 1)
     */
    public int[] rowStarts(int n, boolean[] use) {
        int[] count = new int[n + 1];
        for (int k = 0; k < first.length; k++) {
            if (use == null || use[k]) {
                count[first[k] + 1]++;
                count[second[k] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        return count;
    }

    private static void grid(Magnet magnet, Builder b) {
        RegularGrid g = magnet.grid();
        int[] domainOfCell = magnet.domainOfCell();
        double[] area = {g.dy() * g.dz(), g.dx() * g.dz(), g.dx() * g.dy()};
        double[] step = {g.dx(), g.dy(), g.dz()};
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int d = domainOfCell[g.index(i, j, k)];
                    if (d < 0) {
                        continue;
                    }
                    int[] next = {i + 1 < g.nx() ? domainOfCell[g.index(i + 1, j, k)] : -1,
                        j + 1 < g.ny() ? domainOfCell[g.index(i, j + 1, k)] : -1,
                        k + 1 < g.nz() ? domainOfCell[g.index(i, j, k + 1)] : -1};
                    for (int a = 0; a < 3; a++) {
                        if (next[a] >= 0) {
                            b.add(d, next[a], a, 1, area[a], step[a]);
                        }
                    }
                }
            }
        }
    }

    private static void prisms(Prisms p, Builder b) {
        Contacts.nearbyPairs(p, (i, j) -> {
            int axis = Contacts.classify(p, i, j);
            if (axis == Contacts.OVERLAP) {
                throw new IllegalArgumentException("prisms " + i + " and " + j + " overlap");
            }
            if (axis >= 0) {
                double delta = axis == 0 ? p.cx(j) - p.cx(i) : axis == 1 ? p.cy(j) - p.cy(i) : p.cz(j) - p.cz(i);
                b.add(i, j, axis, delta > 0 ? 1 : -1, Contacts.faceArea(p, i, j, axis), Math.abs(delta));
            }
        });
    }

    /** Collects pairs into growable primitive arrays. */
    private static final class Builder {
        private int n;
        private int[] first = new int[16], second = new int[16], axis = new int[16], sign = new int[16];
        private double[] area = new double[16], distance = new double[16];

        void add(int i, int j, int a, int s, double faceArea, double d) {
            if (n == first.length) {
                int c = 2 * n;
                first = Arrays.copyOf(first, c);
                second = Arrays.copyOf(second, c);
                axis = Arrays.copyOf(axis, c);
                sign = Arrays.copyOf(sign, c);
                area = Arrays.copyOf(area, c);
                distance = Arrays.copyOf(distance, c);
            }
            first[n] = i;
            second[n] = j;
            axis[n] = a;
            sign[n] = s;
            area[n] = faceArea;
            distance[n] = d;
            n++;
        }

        FacePairs build() {
            return new FacePairs(Arrays.copyOf(first, n), Arrays.copyOf(second, n), Arrays.copyOf(axis, n),
                    Arrays.copyOf(sign, n), Arrays.copyOf(area, n), Arrays.copyOf(distance, n));
        }
    }
}
