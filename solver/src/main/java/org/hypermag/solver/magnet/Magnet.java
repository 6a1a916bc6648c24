package org.hypermag.solver.magnet;

import java.util.List;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;

/**
 * The magnetic system: N domains (prisms), each in a region with a {@link Material}, optionally the cells of a
 * regular grid. Immutable; per-domain parameters are expanded into primitive arrays for the hot loops.
 *
 * <p>Exchange between two regions uses the harmonic mean of their stiffnesses times a scaling factor (default 1;
 * 0 decouples the regions), as in mumax3.
 */
public final class Magnet {
    private final Prisms prisms;
    private final RegularGrid grid;
    private final int[] gridCell;
    private final int[] region;
    private final Material[] materials;
    private final double[][] exchangeScaling;
    private final double[] ms, volume, alpha, gamma;

    private Magnet(Prisms prisms, RegularGrid grid, int[] gridCell, int[] region, Material[] materials,
                   double[][] exchangeScaling) {
        int n = prisms.size();
        if (n == 0) {
            throw new IllegalArgumentException("a magnet needs at least one domain");
        }
        if (region.length != n) {
            throw new IllegalArgumentException("region array has " + region.length + " entries for " + n + " domains");
        }
        if (materials.length == 0) {
            throw new IllegalArgumentException("at least one material is needed");
        }
        for (int i = 0; i < n; i++) {
            if (region[i] < 0 || region[i] >= materials.length) {
                throw new IllegalArgumentException("domain " + i + " is in region " + region[i] + ", but materials exist "
                        + "for regions 0.." + (materials.length - 1));
            }
        }
        this.prisms = prisms;
        this.grid = grid;
        this.gridCell = gridCell;
        this.region = region;
        this.materials = materials;
        this.exchangeScaling = exchangeScaling;
        ms = new double[n];
        volume = new double[n];
        alpha = new double[n];
        gamma = new double[n];
        for (int i = 0; i < n; i++) {
            Material m = materials[region[i]];
            ms[i] = m.ms();
            volume[i] = prisms.volume(i);
            alpha[i] = m.alpha();
            gamma[i] = m.gamma();
        }
    }

    private static double[][] unitScaling(int regions) {
        double[][] s = new double[regions][regions];
        for (double[] row : s) {
            java.util.Arrays.fill(row, 1);
        }
        return s;
    }

    /**
     * All cells of a grid, one material.
     *
     * @param grid the grid
     * @param material the material
     * @return the magnet; domain i is cell i
     */
    public static Magnet onGrid(RegularGrid grid, Material material) {
        return new Magnet(grid.toPrisms(), grid, null, new int[grid.cellCount()], new Material[] {material},
                unitScaling(1));
    }

    /**
     * Some cells of a grid, with regions.
     *
     * @param grid the grid
     * @param cells grid cell index of each domain (distinct)
     * @param regions region of each domain
     * @param materials material of each region
     * @return the magnet
     */
    public static Magnet onGrid(RegularGrid grid, int[] cells, int[] regions, List<Material> materials) {
        boolean[] used = new boolean[grid.cellCount()];
        for (int d = 0; d < cells.length; d++) {
            int c = cells[d];
            if (c < 0 || c >= used.length || used[c]) {
                throw new IllegalArgumentException("domain " + d + ": grid cell " + c + " is out of range or repeated");
            }
            used[c] = true;
        }
        return new Magnet(grid.toPrisms(cells), grid, cells.clone(), regions.clone(),
                materials.toArray(new Material[0]), unitScaling(materials.size()));
    }

    /**
     * An arbitrary collection of prisms, with regions.
     *
     * @param prisms the domains
     * @param regions region of each domain
     * @param materials material of each region
     * @return the magnet
     */
    public static Magnet ofPrisms(Prisms prisms, int[] regions, List<Material> materials) {
        return new Magnet(prisms, null, null, regions.clone(), materials.toArray(new Material[0]),
                unitScaling(materials.size()));
    }

    /**
     * @param r1 a region
     * @param r2 another region
     * @param scale factor on the harmonic-mean exchange between them, &ge; 0
     * @return a copy with that inter-region exchange scaling (symmetric)
     */
    public Magnet withExchangeScaling(int r1, int r2, double scale) {
        if (r1 < 0 || r2 < 0 || r1 >= materials.length || r2 >= materials.length) {
            throw new IllegalArgumentException("regions " + r1 + ", " + r2 + " out of range 0.." + (materials.length - 1));
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("exchange scaling must be a finite number >= 0, got " + scale);
        }
        double[][] s = new double[materials.length][];
        for (int r = 0; r < s.length; r++) {
            s[r] = exchangeScaling[r].clone();
        }
        s[r1][r2] = scale;
        s[r2][r1] = scale;
        return new Magnet(prisms, grid, gridCell, region, materials, s);
    }

    /** @return the number of domains */
    public int size() {
        return region.length;
    }

    /** @return the domains' prisms */
    public Prisms prisms() {
        return prisms;
    }

    /** @return the grid the domains are cells of, or null */
    public RegularGrid grid() {
        return grid;
    }

    /** @return true if the domains are cells of a regular grid */
    public boolean isOnGrid() {
        return grid != null;
    }

    /**
     * @return the grid cell of each domain (a copy), or null when the domains are all cells in order or not on a grid
     */
    public int[] gridCells() {
        return gridCell == null ? null : gridCell.clone();
    }

    /** @param i domain @return its region */
    public int region(int i) {
        return region[i];
    }

    /** @return the number of regions */
    public int regionCount() {
        return materials.length;
    }

    /** @param r region @return its material */
    public Material material(int r) {
        return materials[r];
    }

    /**
     * @param r1 a region
     * @param r2 another region
     * @return the exchange stiffness (J/m) coupling them: A within a region, else scaling × harmonic mean
     */
    public double exchangeBetween(int r1, int r2) {
        double a1 = materials[r1].exchange(), a2 = materials[r2].exchange();
        if (r1 == r2) {
            return a1;
        }
        double mean = a1 + a2 > 0 ? 2 * a1 * a2 / (a1 + a2) : 0;
        return exchangeScaling[r1][r2] * mean;
    }

    /** @param i domain @return Ms (A/m) */
    public double ms(int i) {
        return ms[i];
    }

    /** @param i domain @return volume (m³) */
    public double volume(int i) {
        return volume[i];
    }

    /** @param i domain @return α */
    public double alpha(int i) {
        return alpha[i];
    }

    /** @param i domain @return γ (m/(A·s)) */
    public double gamma(int i) {
        return gamma[i];
    }

    /** @return a copy of Ms per domain (A/m) */
    public double[] msArray() {
        return ms.clone();
    }

    /** @return a copy of the volume per domain (m³) */
    public double[] volumeArray() {
        return volume.clone();
    }

    /** @return total volume (m³) */
    public double totalVolume() {
        double v = 0;
        for (double x : volume) {
            v += x;
        }
        return v;
    }
}
