package org.hypermag.solver.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;

/**
 * Interlayer exchange between two regions across a spacer (RKKY coupling of synthetic antiferromagnets, exchange
 * bias of bilayers), as OOMMF's Oxs_TwoSurfaceExchange: each pair of facing domains i (one region) and j (the other)
 * with facing area S_ij has the energy E_ij = −S_ij [J1 m_i·m_j + J2 (m_i·m_j)²] (J), and i feels
 * H_i = S_ij/(μ0 Ms_i V_i) [J1 + 2 J2 (m_i·m_j)] m_j (A/m). Facing means: stacked along z with overlapping footprints
 * and no domain of either region between them (on a grid: the same column, the spacer empty cells or none). The
 * couplings come from {@link Magnet#interlayer()}; the energy goes to the exchange column. Allocates nothing per
 * call; not thread-safe.
 */
public final class InterlayerExchangeField implements FieldTerm {
    /** The interlayer term: built when the magnet has interlayer couplings. */
    public static final FieldTermType TYPE = new FieldTermType("interlayer", "exchange",
            "interlayer exchange between facing surfaces of two regions, energy -J1 m1.m2 - J2 (m1.m2)^2 per area",
            List.of(), in -> in.magnet().interlayer().isEmpty() ? null : of(in.magnet()));

    private final int[] a, b;
    private final double[] area, j1, j2;
    private final double[] ms, volume;

    private InterlayerExchangeField(int[] a, int[] b, double[] area, double[] j1, double[] j2, Magnet magnet) {
        this.a = a;
        this.b = b;
        this.area = area;
        this.j1 = j1;
        this.j2 = j2;
        ms = magnet.msArray();
        volume = magnet.volumeArray();
    }

    /**
     * @param magnet a magnet with interlayer couplings
     * @return the term
     * @throws IllegalArgumentException if the regions of a coupling have no facing domains
     */
    public static InterlayerExchangeField of(Magnet magnet) {
        List<int[]> pairs = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Magnet.Interlayer c : magnet.interlayer()) {
            int before = pairs.size();
            List<double[]> areas = new ArrayList<>();
            facing(magnet, c.region1(), c.region2(), pairs, areas);
            if (pairs.size() == before) {
                throw new IllegalArgumentException("regions " + c.region1() + " and " + c.region2() + " do not face "
                        + "each other: no domain of one lies above a domain of the other (overlapping footprints, "
                        + "nothing of either region between)");
            }
            for (double[] s : areas) {
                values.add(new double[] {s[0], c.j1(), c.j2()});
            }
        }
        int n = pairs.size();
        int[] ia = new int[n], ib = new int[n];
        double[] s = new double[n], c1 = new double[n], c2 = new double[n];
        for (int k = 0; k < n; k++) {
            ia[k] = pairs.get(k)[0];
            ib[k] = pairs.get(k)[1];
            s[k] = values.get(k)[0];
            c1[k] = values.get(k)[1];
            c2[k] = values.get(k)[2];
        }
        return new InterlayerExchangeField(ia, ib, s, c1, c2, magnet);
    }

    /** Adds the facing pairs of regions r1 and r2, with their facing areas. */
    private static void facing(Magnet magnet, int r1, int r2, List<int[]> pairs, List<double[]> areas) {
        if (magnet.isOnGrid()) {
            RegularGrid g = magnet.grid();
            int[] domainOfCell = magnet.domainOfCell();
            double s = g.dx() * g.dy();
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int below = -1;
                    for (int k = 0; k < g.nz(); k++) {
                        int d = domainOfCell[g.index(i, j, k)];
                        if (d < 0) {
                            continue;
                        }
                        int r = magnet.region(d);
                        if (below >= 0 && (r == r1 || r == r2) && r != magnet.region(below)
                                && (magnet.region(below) == r1 || magnet.region(below) == r2)) {
                            pairs.add(new int[] {below, d});
                            areas.add(new double[] {s});
                        }
                        below = d;
                    }
                }
            }
            return;
        }
        Prisms p = magnet.prisms();
        List<Integer> in = new ArrayList<>();
        for (int d = 0; d < magnet.size(); d++) {
            if (magnet.region(d) == r1 || magnet.region(d) == r2) {
                in.add(d);
            }
        }
        if ((long) in.size() * in.size() > 100_000_000L) {
            throw new IllegalArgumentException("interlayer exchange between regions " + r1 + " and " + r2 + " of "
                    + in.size() + " prisms: more than this pairwise search handles (10^8 pairs); use a grid");
        }
        for (int x : in) {
            if (magnet.region(x) != r1) {
                continue;
            }
            for (int y : in) {
                if (magnet.region(y) != r2 || overlap(p, x, y) <= 0 || zGap(p, x, y) < -1e-9 * p.sz(x)) {
                    continue;
                }
                boolean blocked = false;
                for (int z : in) {
                    if (z != x && z != y && overlap(p, x, z) > 0 && overlap(p, y, z) > 0 && between(p, x, y, z)) {
                        blocked = true;
                        break;
                    }
                }
                if (!blocked) {
                    pairs.add(new int[] {x, y});
                    areas.add(new double[] {overlap(p, x, y)});
                }
            }
        }
    }

    /** @return the area of overlap of the footprints of prisms i and j in the x-y plane (m²), 0 if none */
    private static double overlap(Prisms p, int i, int j) {
        double ox = Math.min(p.cx(i) + p.sx(i) / 2, p.cx(j) + p.sx(j) / 2)
                - Math.max(p.cx(i) - p.sx(i) / 2, p.cx(j) - p.sx(j) / 2);
        double oy = Math.min(p.cy(i) + p.sy(i) / 2, p.cy(j) + p.sy(j) / 2)
                - Math.max(p.cy(i) - p.sy(i) / 2, p.cy(j) - p.sy(j) / 2);
        return ox > 0 && oy > 0 ? ox * oy : 0;
    }

    /** @return the gap between prisms i and j along z (m), negative if their z-extents overlap */
    private static double zGap(Prisms p, int i, int j) {
        return Math.abs(p.cz(i) - p.cz(j)) - (p.sz(i) + p.sz(j)) / 2;
    }

    /** @return whether prism k lies along z between prisms i and j */
    private static boolean between(Prisms p, int i, int j, int k) {
        double lo = Math.min(p.cz(i), p.cz(j)), hi = Math.max(p.cz(i), p.cz(j));
        return p.cz(k) > lo && p.cz(k) < hi;
    }

    /** @return the number of facing pairs */
    public int pairCount() {
        return a.length;
    }

    @Override
    public FieldTermType type() {
        return TYPE;
    }

    @Override
    public void addField(double t, VectorField m, VectorField h) {
        for (int k = 0; k < a.length; k++) {
            int i = a[k], j = b[k];
            double dot = m.x[i] * m.x[j] + m.y[i] * m.y[j] + m.z[i] * m.z[j];
            double c = area[k] * (j1[k] + 2 * j2[k] * dot) / Constants.MU0;
            double ci = c / (ms[i] * volume[i]), cj = c / (ms[j] * volume[j]);
            h.x[i] += ci * m.x[j];
            h.y[i] += ci * m.y[j];
            h.z[i] += ci * m.z[j];
            h.x[j] += cj * m.x[i];
            h.y[j] += cj * m.y[i];
            h.z[j] += cj * m.z[i];
        }
    }

    @Override
    public double energy(double t, VectorField m, VectorField ownField) {
        double e = 0;
        for (int k = 0; k < a.length; k++) {
            double dot = m.x[a[k]] * m.x[b[k]] + m.y[a[k]] * m.y[b[k]] + m.z[a[k]] * m.z[b[k]];
            e -= area[k] * (j1[k] * dot + j2[k] * dot * dot);
        }
        return e;
    }

    @Override
    public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        Arrays.fill(density, 0);
        for (int k = 0; k < a.length; k++) {
            double dot = m.x[a[k]] * m.x[b[k]] + m.y[a[k]] * m.y[b[k]] + m.z[a[k]] * m.z[b[k]];
            double half = -0.5 * area[k] * (j1[k] * dot + j2[k] * dot * dot);
            density[a[k]] += half / volume[a[k]];
            density[b[k]] += half / volume[b[k]];
        }
    }
}
