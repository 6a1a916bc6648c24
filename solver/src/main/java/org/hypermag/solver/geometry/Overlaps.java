package org.hypermag.solver.geometry;

/** Finds overlapping prisms (touching is allowed). */
public final class Overlaps {
    private Overlaps() {
    }

    /**
     * @param p prisms
     * @return the first pair {i, j} (i &lt; j, in order of i) whose interiors overlap, or null. Prisms that only touch
     *     (share a face, an edge or a corner, within a relative 1e-9) do not overlap.
     */
    public static int[] first(Prisms p) {
        int[][] found = {null};
        Contacts.nearbyPairs(p, (i, j) -> {
            if (found[0] == null && Contacts.classify(p, i, j) == Contacts.OVERLAP) {
                found[0] = new int[] {i, j};
            }
        });
        return found[0];
    }
}
