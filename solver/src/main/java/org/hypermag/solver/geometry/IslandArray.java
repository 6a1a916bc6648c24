package org.hypermag.solver.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Nanomagnet island arrays (artificial spin ice): elongated islands of length × width × thickness on the bonds of a
 * square or kagome lattice, each island made of one or several cells.
 *
 * <p>Square ice: horizontal islands at ((i + ½) a, j a) and vertical ones at (i a, (j + ½) a), for 0 ≤ i &lt; columns,
 * 0 ≤ j &lt; rows (a = lattice spacing). Regions: 0 horizontal, 1 vertical. Each island is split exactly into
 * cellsAlong × cellsAcross cells.
 *
 * <p>Kagome ice: islands on the bonds of a honeycomb lattice of bond length a with one bond along x, i.e. along 0°,
 * 60° and 120° (regions 0, 1, 2). A rectangular unit of 3a × √3a holds two honeycomb vertices with three islands each;
 * there are columns × rows such units. Prisms are axis-aligned, so a tilted island is a staircase of square cells of
 * side min(length/cellsAlong, width/cellsAcross) whose centres lie inside the tilted rectangle (every island must come
 * out face-connected, else an error asks for more cells); with one cell along and across it is a single square prism
 * of the island's area (side √(length·width)); give the regions a uniaxial anisotropy along their islands to model the
 * shape anisotropy of such macrospins.
 *
 * @param lattice square or kagome
 * @param columns unit cells along x, &ge; 1
 * @param rows unit cells along y, &ge; 1
 * @param spacing lattice spacing a (m)
 * @param length island length (m)
 * @param width island width (m), &le; length
 * @param thickness island thickness (m)
 * @param cellsAlong cells along an island, &ge; 1
 * @param cellsAcross cells across an island, &ge; 1
 */
public record IslandArray(Lattice lattice, int columns, int rows, double spacing, double length, double width,
                          double thickness, int cellsAlong, int cellsAcross) {

    /** Lattice kinds. */
    public enum Lattice {
        /** Square artificial spin ice. */
        SQUARE,
        /** Kagome artificial spin ice. */
        KAGOME
    }

    /** Validates the parameters. */
    public IslandArray {
        if (columns < 1 || rows < 1 || cellsAlong < 1 || cellsAcross < 1) {
            throw new IllegalArgumentException("island array counts must be >= 1");
        }
        for (double v : new double[] {spacing, length, width, thickness}) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("island array sizes must be finite numbers > 0 (m)");
            }
        }
        if (width > length) {
            throw new IllegalArgumentException("island width " + width + " m exceeds its length " + length + " m");
        }
        if (length >= (lattice == Lattice.SQUARE ? spacing - width : spacing)) {
            throw new IllegalArgumentException("islands of length " + length + " m do not fit the spacing " + spacing
                    + " m: neighbouring islands would touch");
        }
    }

    /** The generated cells and the island each belongs to. */
    public record Cells(Prisms prisms, int[] region, int[] island) {
    }

    /** @return the cells of all islands */
    public Cells generate() {
        List<double[]> cells = new ArrayList<>();
        List<int[]> tags = new ArrayList<>();
        int island = 0;
        if (lattice == Lattice.SQUARE) {
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    addAligned(cells, tags, (i + 0.5) * spacing, j * spacing, true, 0, island++);
                    addAligned(cells, tags, i * spacing, (j + 0.5) * spacing, false, 1, island++);
                }
            }
        } else {
            double a = spacing, h = Math.sqrt(3) * a;
            double[][] axis = {{1, 0}, {0.5, 0.5 * Math.sqrt(3)}, {-0.5, 0.5 * Math.sqrt(3)}};
            // island centres relative to a honeycomb vertex A: its three bonds
            double[][] offset = {{0.5 * a, 0}, {-0.25 * a, -0.25 * h}, {-0.25 * a, 0.25 * h}};
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    for (int v = 0; v < 2; v++) {
                        double vx = i * 3 * a + v * 1.5 * a, vy = j * h + v * 0.5 * h;
                        for (int d = 0; d < 3; d++) {
                            addTilted(cells, tags, vx + offset[d][0], vy + offset[d][1], axis[d][0], axis[d][1], d,
                                    island++);
                        }
                    }
                }
            }
        }
        int n = cells.size();
        double[] cx = new double[n], cy = new double[n], cz = new double[n], sx = new double[n], sy = new double[n],
                sz = new double[n];
        int[] region = new int[n], isl = new int[n];
        for (int k = 0; k < n; k++) {
            double[] c = cells.get(k);
            cx[k] = c[0];
            cy[k] = c[1];
            cz[k] = 0.5 * thickness;
            sx[k] = c[2];
            sy[k] = c[3];
            sz[k] = thickness;
            region[k] = tags.get(k)[0];
            isl[k] = tags.get(k)[1];
        }
        Prisms p = Prisms.of(cx, cy, cz, sx, sy, sz);
        int[] bad = Overlaps.first(p);
        if (bad != null) {
            throw new IllegalArgumentException("island cells " + bad[0] + " and " + bad[1] + " overlap: increase the "
                    + "spacing or reduce the island size");
        }
        requireConnected(p, isl, island);
        return new Cells(p, region, isl);
    }

    /** Every island's cells must form one face-connected piece (union-find over face contacts). */
    private static void requireConnected(Prisms p, int[] island, int islands) {
        int n = p.size();
        int[] parent = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = k;
        }
        for (int k = 0; k < n; k++) {
            for (int l = k + 1; l < n && island[l] == island[k]; l++) {
                if (Contacts.classify(p, k, l) >= 0) {
                    parent[find(parent, k)] = find(parent, l);
                }
            }
        }
        int[] roots = new int[islands];
        java.util.Arrays.fill(roots, -1);
        for (int k = 0; k < n; k++) {
            int r = find(parent, k);
            if (roots[island[k]] == -1) {
                roots[island[k]] = r;
            } else if (roots[island[k]] != r) {
                throw new IllegalArgumentException("island " + island[k] + " falls apart into cells touching only at "
                        + "edges: use more cells across the island");
            }
        }
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private void addAligned(List<double[]> cells, List<int[]> tags, double x, double y, boolean horizontal, int region,
                            int island) {
        double cl = length / cellsAlong, cw = width / cellsAcross;
        for (int a = 0; a < cellsAlong; a++) {
            for (int b = 0; b < cellsAcross; b++) {
                double along = -0.5 * length + (a + 0.5) * cl, across = -0.5 * width + (b + 0.5) * cw;
                if (horizontal) {
                    cells.add(new double[] {x + along, y + across, cl, cw});
                } else {
                    cells.add(new double[] {x + across, y + along, cw, cl});
                }
                tags.add(new int[] {region, island});
            }
        }
    }

    private void addTilted(List<double[]> cells, List<int[]> tags, double x, double y, double ex, double ey, int region,
                           int island) {
        if (cellsAcross == 1 && cellsAlong == 1) {
            double side = Math.sqrt(length * width);
            cells.add(new double[] {x, y, side, side});
            tags.add(new int[] {region, island});
            return;
        }
        double c = Math.min(length / cellsAlong, width / cellsAcross);
        int reach = (int) Math.ceil(0.5 * length / c) + 1;
        for (int p = -reach; p <= reach; p++) {
            for (int q = -reach; q <= reach; q++) {
                double dx = p * c, dy = q * c;
                double along = dx * ex + dy * ey, across = -dx * ey + dy * ex;
                if (Math.abs(along) <= 0.5 * length && Math.abs(across) <= 0.5 * width) {
                    cells.add(new double[] {x + dx, y + dy, c, c});
                    tags.add(new int[] {region, island});
                }
            }
        }
    }
}
