package org.hypermag.solver.magnet;

import java.util.List;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;

/**
 * The magnetic system: N domains (prisms), each in a region with a {@link Material}, optionally the cells of a
 * regular grid. Immutable; per-domain parameters are expanded into primitive arrays for the hot loops.
 *
 * <p>Pair couplings between two regions (exchange) use the harmonic mean of the regions' constants times a scaling
 * factor (default 1; 0 decouples the regions), as in mumax3: {@link #harmonicMeanBetween}.
 */
public final class Magnet {
    private final Prisms prisms;
    private final RegularGrid grid;
    private final int[] gridCell;
    private final int[] region;
    private final Material[] materials;
    private final double[][] exchangeScaling;
    private final List<Interlayer> interlayer;
    private final double[] ms, volume;

    /**
     * Exchange between two regions across a spacer (RKKY-like): energy per area of the facing surfaces
     * −J1 m_i·m_j − J2 (m_i·m_j)² (J/m²) for each pair of facing domains.
     *
     * @param region1 a region
     * @param region2 another region
     * @param j1 bilinear constant J1 (J/m²): &gt; 0 favours parallel, &lt; 0 antiparallel
     * @param j2 biquadratic constant J2 (J/m²): &lt; 0 favours perpendicular
     */
    public record Interlayer(int region1, int region2, double j1, double j2) {
    }

    private Magnet(Prisms prisms, RegularGrid grid, int[] gridCell, int[] region, Material[] materials,
                   double[][] exchangeScaling) {
        this(prisms, grid, gridCell, region, materials, exchangeScaling, List.of());
    }

    private Magnet(Prisms prisms, RegularGrid grid, int[] gridCell, int[] region, Material[] materials,
                   double[][] exchangeScaling, List<Interlayer> interlayer) {
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
        this.interlayer = List.copyOf(interlayer);
        ms = new double[n];
        volume = new double[n];
        for (int i = 0; i < n; i++) {
            ms[i] = materials[region[i]].ms();
            volume[i] = prisms.volume(i);
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
        // all cells in order is stored as null (gridCells()), so that the grid's fast paths (the FFT demag's
        // contiguous copies, the exchange stencil) see it whichever way the magnet was built
        boolean inOrder = cells.length == used.length;
        for (int d = 0; inOrder && d < cells.length; d++) {
            inOrder = cells[d] == d;
        }
        return new Magnet(grid.toPrisms(cells), grid, inOrder ? null : cells.clone(), regions.clone(),
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
        return new Magnet(prisms, grid, gridCell, region, materials, s, interlayer);
    }

    /**
     * @param coupling an interlayer exchange between two distinct regions, with finite constants
     * @return a copy with it added
     */
    public Magnet withInterlayer(Interlayer coupling) {
        int r1 = coupling.region1(), r2 = coupling.region2();
        if (r1 < 0 || r2 < 0 || r1 >= materials.length || r2 >= materials.length || r1 == r2) {
            throw new IllegalArgumentException("interlayer exchange needs two distinct regions in 0.."
                    + (materials.length - 1) + ", got " + r1 + ", " + r2);
        }
        if (!Double.isFinite(coupling.j1()) || !Double.isFinite(coupling.j2())) {
            throw new IllegalArgumentException("interlayer J1 and J2 must be finite (J/m^2), got " + coupling.j1()
                    + ", " + coupling.j2());
        }
        List<Interlayer> all = new java.util.ArrayList<>(interlayer);
        all.add(coupling);
        return new Magnet(prisms, grid, gridCell, region, materials, exchangeScaling, all);
    }

    /**
     * @return for a magnet on a grid, the domain of each grid cell, −1 for cells that are not magnetic (a new array)
     * @throws IllegalStateException if the magnet is not on a grid
     */
    public int[] domainOfCell() {
        if (grid == null) {
            throw new IllegalStateException("the domains are not the cells of a grid");
        }
        int[] out = new int[grid.cellCount()];
        java.util.Arrays.fill(out, -1);
        for (int d = 0; d < region.length; d++) {
            out[gridCell == null ? d : gridCell[d]] = d;
        }
        return out;
    }

    /** @return the interlayer couplings between regions (often none) */
    public List<Interlayer> interlayer() {
        return interlayer;
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
     * The coupling constant between two regions for a material parameter of a pair term (exchange stiffness, DMI
     * constant): the region's own value within a region, else the harmonic mean times the regions' scaling factor, as
     * in mumax3.
     *
     * @param p a scalar parameter
     * @param r1 a region
     * @param r2 another region
     * @return the coupling constant, in p's unit
     */
    public double harmonicMeanBetween(Parameter p, int r1, int r2) {
        double a1 = materials[r1].get(p), a2 = materials[r2].get(p);
        if (r1 == r2) {
            return a1;
        }
        double mean = a1 * a2 > 0 ? 2 * a1 * a2 / (a1 + a2) : 0;
        return exchangeScaling[r1][r2] * mean;
    }

    /**
     * @param p a parameter
     * @return whether some region's value of p differs from zero (a term with all its constants zero is left out)
     */
    public boolean anyNonZero(Parameter p) {
        for (Material m : materials) {
            for (double v : m.vector(p)) {
                if (v != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param parameters parameters without a default (optional ones)
     * @return whether some region's material gives one of them
     */
    public boolean anySets(Parameter... parameters) {
        for (Material m : materials) {
            for (Parameter p : parameters) {
                if (m.isSet(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the region of each domain (a copy) */
    public int[] regionArray() {
        return region.clone();
    }

    /**
     * Expands a scalar parameter per domain.
     *
     * @param p a scalar parameter
     * @return its value for each domain (a new array)
     */
    public double[] perDomain(Parameter p) {
        double[] byRegion = new double[materials.length];
        for (int r = 0; r < byRegion.length; r++) {
            byRegion[r] = materials[r].get(p);
        }
        double[] out = new double[region.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = byRegion[region[i]];
        }
        return out;
    }

    /** @param i domain @return Ms (A/m) */
    public double ms(int i) {
        return ms[i];
    }

    /** @param i domain @return volume (m³) */
    public double volume(int i) {
        return volume[i];
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
