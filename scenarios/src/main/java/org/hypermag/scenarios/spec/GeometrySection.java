package org.hypermag.scenarios.spec;

import static org.hypermag.scenarios.spec.Keys.fmt;
import static org.hypermag.scenarios.spec.Keys.keys;
import static org.hypermag.scenarios.spec.Keys.pos;
import static org.hypermag.scenarios.spec.Keys.vec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hypermag.scenarios.input.CsvInput;
import org.hypermag.scenarios.input.InputException;
import org.hypermag.scenarios.spec.Scenario.Domains;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.IslandArray;
import org.hypermag.solver.geometry.Overlaps;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.geometry.Shape;

/** The {@code geometry:} section: a grid (with regions cut by shapes), a list or file of prisms, a granular film or
 * an island array. */
final class GeometrySection {
    private final YamlNode.Context ctx;
    private final Path baseDir;
    private final java.util.function.Consumer<String> progress;

    GeometrySection(YamlNode.Context ctx, Path baseDir, java.util.function.Consumer<String> progress) {
        this.ctx = ctx;
        this.baseDir = baseDir;
        this.progress = progress;
    }

    Domains geometry(YamlNode node) {
        YamlNode g = node.oneOf(keys("grid", "prisms", "granular_film", "island_array"), "geometry kind");
        if (g == null) {
            return null;
        }
        return switch (g.key()) {
            case "grid" -> grid(g);
            case "prisms" -> prisms(g);
            case "granular_film" -> granular(g);
            default -> islands(g);
        };
    }

    private Domains grid(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("cells", "cell_size", "origin", "regions"));
        if (m == null) {
            return null;
        }
        int[] cells = null;
        YamlNode cn = m.require("cells", "number of cells along x, y, z");
        if (cn != null) {
            List<YamlNode> items = cn.list(3);
            if (items != null && items.size() != 3) {
                cn.error("got " + items.size() + " numbers; expected 3 (cells along x, y, z)");
            } else if (items != null) {
                Integer a = items.get(0).integer(1, 1 << 20, "cells along x");
                Integer b = items.get(1).integer(1, 1 << 20, "cells along y");
                Integer c = items.get(2).integer(1, 1 << 20, "cells along z");
                if (a != null && b != null && c != null) {
                    String memory = MemoryEstimate.domains((double) a * b * c);
                    if ((long) a * b * c > 200_000_000L) {
                        cn.error("got " + ((long) a * b * c) + " cells; expected at most 200000000");
                    } else if (memory != null) {
                        cn.error(memory);
                    } else {
                        cells = new int[] {a, b, c};
                    }
                }
            }
        }
        YamlNode sn = m.require("cell_size", "cell size along x, y, z in m");
        double[] size = sn == null ? null : sn.vector(3, "m", true);
        double[] origin = m.has("origin") ? m.get("origin").vector(3, "m", false) : new double[3];
        if (cells == null || size == null || origin == null) {
            return null;
        }
        RegularGrid grid = new RegularGrid(cells[0], cells[1], cells[2], size[0], size[1], size[2], origin[0],
                origin[1], origin[2]);
        String summary = "grid " + cells[0] + " x " + cells[1] + " x " + cells[2] + " cells of " + fmt(size[0]) + " x "
                + fmt(size[1]) + " x " + fmt(size[2]) + " m";
        if (!m.has("regions")) {
            return new Domains(grid.toPrisms(), new int[grid.cellCount()], grid, null, summary, null);
        }
        List<YamlNode> entries = m.get("regions").list(1);
        if (entries == null) {
            return null;
        }
        int[] regionOfCell = new int[grid.cellCount()];
        Arrays.fill(regionOfCell, -1);
        boolean ok = true;
        for (YamlNode e : entries) {
            YamlNode.Mapping em = e.mapping(keys("region", "shape", "z"));
            if (em == null) {
                ok = false;
                continue;
            }
            YamlNode rn = em.require("region", "region index, an integer >= 0");
            Integer region = rn == null ? null : rn.integer(0, 1000, "region index");
            YamlNode shn = em.require("shape", "rectangle, ellipse, disk, polygon, union or difference");
            Shape shape = shn == null ? null : ShapeSection.shape(shn);
            double[] z = em.has("z") ? em.get("z").vector(2, "m", false) : new double[] {Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY};
            if (z != null && !(z[1] > z[0])) {
                em.get("z").error("got [z_min, z_max] = [" + z[0] + ", " + z[1] + "]; expected z_max > z_min (m)");
                z = null;
            }
            if (region == null || shape == null || z == null) {
                ok = false;
                continue;
            }
            int selected = 0;
            for (int k = 0; k < grid.nz(); k++) {
                double cz = grid.centreZ(k);
                if (cz < z[0] || cz > z[1]) {
                    continue;
                }
                for (int j = 0; j < grid.ny(); j++) {
                    for (int i = 0; i < grid.nx(); i++) {
                        if (shape.contains(grid.centreX(i), grid.centreY(j))) {
                            regionOfCell[grid.index(i, j, k)] = region;
                            selected++;
                        }
                    }
                }
            }
            if (selected == 0) {
                e.error("the shape contains no cell centre of the grid; expected a shape overlapping the grid");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        int count = 0;
        for (int r : regionOfCell) {
            count += r >= 0 ? 1 : 0;
        }
        int[] cellsOf = new int[count], regions = new int[count];
        for (int c = 0, d = 0; c < regionOfCell.length; c++) {
            if (regionOfCell[c] >= 0) {
                cellsOf[d] = c;
                regions[d++] = regionOfCell[c];
            }
        }
        return new Domains(grid.toPrisms(cellsOf), regions, grid, cellsOf,
                summary + ", " + count + " of them magnetic", null);
    }


    private Domains prisms(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("list", "file"));
        if (m == null) {
            return null;
        }
        if (!m.has("list") && !m.has("file")) {
            node.error("expected a 'list' of prisms, a 'file' (CSV), or both");
            return null;
        }
        List<double[]> rows = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        boolean ok = true;
        if (m.has("list")) {
            List<YamlNode> items = m.get("list").list(1);
            if (items == null) {
                ok = false;
            } else {
                for (YamlNode it : items) {
                    YamlNode.Mapping pm = it.mapping(keys("centre", "size", "region"));
                    if (pm == null) {
                        ok = false;
                        continue;
                    }
                    double[] c = vec(pm, "centre", 3, "m", false, "centre x, y, z in m");
                    double[] s = vec(pm, "size", 3, "m", true, "side lengths in m");
                    Integer r = pm.has("region") ? pm.get("region").integer(0, 1000, "region index") : Integer.valueOf(0);
                    if (c == null || s == null || r == null) {
                        ok = false;
                        continue;
                    }
                    rows.add(new double[] {c[0], c[1], c[2], s[0], s[1], s[2], r});
                    origins.add(ctx.file + ":" + it.line());
                }
            }
        }
        if (m.has("file")) {
            YamlNode fn = m.get("file");
            String f = fn.text();
            if (f == null) {
                ok = false;
            } else {
                Path path = baseDir.resolve(f);
                try {
                    CsvInput.Table t = CsvInput.read(path, List.of(
                            new CsvInput.Column("x", "centre x, m", CsvInput.Constraint.FINITE),
                            new CsvInput.Column("y", "centre y, m", CsvInput.Constraint.FINITE),
                            new CsvInput.Column("z", "centre z, m", CsvInput.Constraint.FINITE),
                            new CsvInput.Column("sx", "side length along x, m", CsvInput.Constraint.POSITIVE),
                            new CsvInput.Column("sy", "side length along y, m", CsvInput.Constraint.POSITIVE),
                            new CsvInput.Column("sz", "side length along z, m", CsvInput.Constraint.POSITIVE),
                            new CsvInput.Column("region", "region index", CsvInput.Constraint.INDEX, 0.0)));
                    for (int r = 0; r < t.rows(); r++) {
                        double[] row = new double[7];
                        for (int c = 0; c < 7; c++) {
                            row[c] = t.values()[c][r];
                        }
                        rows.add(row);
                        origins.add(t.file() + ":" + t.lines()[r]);
                    }
                } catch (InputException e) {
                    if (e.file() != null && e.line() > 0) {
                        ctx.problems.add(new Problem(e.file(), e.line(), e.column(), fn.path, stripLocation(e)));
                    } else {
                        fn.error(stripLocation(e) + " (" + path + ")");
                    }
                    ok = false;
                }
            }
        }
        if (!ok) {
            return null;
        }
        int n = rows.size();
        double[][] col = new double[7][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 7; c++) {
                col[c][i] = rows.get(i)[c];
            }
        }
        Prisms p = Prisms.of(col[0], col[1], col[2], col[3], col[4], col[5]);
        int[] overlap = Overlaps.first(p);
        if (overlap != null) {
            node.error("prisms " + overlap[0] + " (" + origins.get(overlap[0]) + ") and " + overlap[1] + " ("
                    + origins.get(overlap[1]) + ") overlap; expected prisms that at most touch");
            return null;
        }
        int[] regions = new int[n];
        for (int i = 0; i < n; i++) {
            regions[i] = (int) col[6][i];
        }
        return new Domains(p, regions, null, null, n + " prisms", null);
    }

    private static String stripLocation(InputException e) {
        String msg = e.getMessage();
        String prefix = e.file() == null ? "" : e.file();
        int at = msg.indexOf(": ", prefix.length());
        return at >= 0 ? msg.substring(at + 2) : msg;
    }

    private Domains granular(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("size", "thickness", "grain_size", "grain_size_spread", "gap", "grains",
                "seed", "region", "layers"));
        if (m == null) {
            return null;
        }
        double[] size = vec(m, "size", 2, "m", true, "film extent along x and y in m");
        boolean layered = m.has("layers");
        Double thickness = layered && !m.has("thickness") ? Double.valueOf(Double.NaN)
                : pos(m, "thickness", "m", "grain height in m");
        Double grain = pos(m, "grain_size", "m", "mean grain side in m");
        Double spread = m.has("grain_size_spread") ? m.get("grain_size_spread").number(
                "a number from 0 to 0.99 (relative standard deviation of the grain side)", x -> x >= 0 && x < 1) : Double.valueOf(0.0);
        Double gap = m.has("gap") ? m.get("gap").nonNegative("m") : Double.valueOf(0.0);
        YamlNode cn = m.require("grains", "number of grains");
        Integer count = cn == null ? null : cn.integer(1, 10_000_000, "number of grains");
        Long seed = null;
        if (!layered || m.has("seed")) {
            YamlNode sn = m.require("seed", "random seed, an integer");
            seed = sn == null ? null : sn.seed();
        }
        Integer region = m.has("region") ? m.get("region").integer(0, 1000, "region index") : Integer.valueOf(0);
        if (size == null || thickness == null || grain == null || spread == null || gap == null || count == null
                || (seed == null && !layered) || region == null) {
            return null;
        }
        List<GrainLayer> layers = new ArrayList<>();
        if (layered) {
            List<YamlNode> items = m.get("layers").list(1);
            if (items == null) {
                return null;
            }
            boolean ok = true;
            for (YamlNode item : items) {
                YamlNode.Mapping lm = item.mapping(keys("z", "thickness", "seed", "region"));
                if (lm == null) {
                    ok = false;
                    continue;
                }
                YamlNode zn = lm.require("z", "the layer's mid-plane height in m");
                Double z = zn == null ? null : zn.finite("m");
                Double t = lm.has("thickness") ? lm.get("thickness").positive("m") : thickness;
                if (t != null && Double.isNaN(t)) {
                    lm.require("thickness", "the layer's grain height in m (no thickness for the whole film)");
                    t = null;
                }
                Long ls = lm.has("seed") ? lm.get("seed").seed() : seed;
                if (!lm.has("seed") && seed == null) {
                    lm.require("seed", "the layer's random seed, an integer (no seed for the whole film)");
                }
                Integer lr = lm.has("region") ? lm.get("region").integer(0, 1000, "region index") : region;
                if (z == null || t == null || ls == null || lr == null) {
                    ok = false;
                    continue;
                }
                for (GrainLayer other : layers) {
                    if (Math.abs(z - other.z()) < 0.5 * (t + other.thickness()) * (1 - 1e-12)) {
                        zn.error(String.format(Locale.ROOT, "this layer (z = %s m, %s m thick) overlaps the one "
                                + "at z = %s m (%s m thick); expected layers apart by at least half the sum of their "
                                + "thicknesses", fmt(z), fmt(t), fmt(other.z()), fmt(other.thickness())));
                        ok = false;
                    }
                }
                layers.add(new GrainLayer(z, t, ls, lr));
            }
            if (!ok) {
                return null;
            }
        } else {
            layers.add(new GrainLayer(Double.NaN, thickness, seed, region));
        }
        String memory = MemoryEstimate.domains((long) count * layers.size());
        if (memory != null) {
            cn.error(memory);
            return null;
        }
        try {
            List<Prisms> films = new ArrayList<>();
            int total = 0;
            for (GrainLayer layer : layers) {
                GranularFilm film = new GranularFilm(size[0], size[1], layer.thickness(), grain, spread, gap, count,
                        layer.seed());
                long[] last = {System.nanoTime()};
                Prisms p = film.generate((placed, all) -> {
                    if (System.nanoTime() - last[0] > 2_000_000_000L) {
                        last[0] = System.nanoTime();
                        progress.accept("placing grains: " + placed + " of " + all);
                    }
                });
                films.add(p);
                total += p.size();
            }
            double[] x = new double[total], y = new double[total], z = new double[total], a = new double[total],
                b = new double[total], c = new double[total];
            int[] regions = new int[total];
            int at = 0;
            for (int l = 0; l < films.size(); l++) {
                Prisms p = films.get(l);
                for (int i = 0; i < p.size(); i++, at++) {
                    x[at] = p.cx(i);
                    y[at] = p.cy(i);
                    z[at] = Double.isNaN(layers.get(l).z()) ? p.cz(i) : layers.get(l).z();
                    a[at] = p.sx(i);
                    b[at] = p.sy(i);
                    c[at] = p.sz(i);
                    regions[at] = layers.get(l).region();
                }
            }
            String what = (layered ? layers.size() + " granular layers of " + count + " grains each"
                    : "granular film of " + count + " grains") + " (mean side " + fmt(grain) + " m, spread " + spread
                    + ", gap " + fmt(gap) + " m) in " + fmt(size[0]) + " x " + fmt(size[1]) + " m"
                    + (layered ? ", seeds " + seeds(layers) : ", seed " + seed);
            return new Domains(Prisms.of(x, y, z, a, b, c), regions, null, null, what, layers.get(0).seed());
        } catch (IllegalStateException | IllegalArgumentException e) {
            node.error(e.getMessage());
            return null;
        }
    }

    /** One layer of a granular film: mid-plane z (NaN: the film's own, from z = 0), thickness, seed, region. */
    private record GrainLayer(double z, double thickness, long seed, int region) {
    }

    private static String seeds(List<GrainLayer> layers) {
        StringBuilder s = new StringBuilder();
        for (GrainLayer l : layers) {
            s.append(s.length() == 0 ? "" : ", ").append(l.seed());
        }
        return s.toString();
    }

    private Domains islands(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("lattice", "columns", "rows", "spacing", "island", "cells"));
        if (m == null) {
            return null;
        }
        YamlNode ln = m.require("lattice", "square or kagome");
        String lattice = ln == null ? null : ln.choice(List.of("square", "kagome"));
        YamlNode coln = m.require("columns", "unit cells along x");
        Integer columns = coln == null ? null : coln.integer(1, 100_000, "unit cells along x");
        YamlNode rown = m.require("rows", "unit cells along y");
        Integer rows = rown == null ? null : rown.integer(1, 100_000, "unit cells along y");
        Double spacing = pos(m, "spacing", "m", "lattice spacing in m");
        YamlNode in = m.require("island", "the island: length, width, thickness in m");
        Double length = null, width = null, thickness = null;
        if (in != null) {
            YamlNode.Mapping im = in.mapping(keys("length", "width", "thickness"));
            if (im != null) {
                length = pos(im, "length", "m", "island length in m");
                width = pos(im, "width", "m", "island width in m");
                thickness = pos(im, "thickness", "m", "island thickness in m");
            }
        }
        int[] cells = {1, 1};
        if (m.has("cells")) {
            List<YamlNode> items = m.get("cells").list(2);
            if (items == null || items.size() != 2) {
                m.get("cells").error("expected [cells along, cells across] the island, integers >= 1");
                cells = null;
            } else {
                Integer a = items.get(0).integer(1, 10_000, "cells along the island");
                Integer b = items.get(1).integer(1, 10_000, "cells across the island");
                cells = a == null || b == null ? null : new int[] {a, b};
            }
        }
        if (lattice == null || columns == null || rows == null || spacing == null || length == null || width == null
                || thickness == null || cells == null) {
            return null;
        }
        String memory = MemoryEstimate.domains(3.0 * columns * rows * cells[0] * cells[1]);
        if (memory != null) {
            node.error(memory);
            return null;
        }
        try {
            IslandArray array = new IslandArray(lattice.equals("square") ? IslandArray.Lattice.SQUARE
                    : IslandArray.Lattice.KAGOME, columns, rows, spacing, length, width, thickness, cells[0], cells[1]);
            IslandArray.Cells c = array.generate();
            return new Domains(c.prisms(), c.region(), null, null, lattice + " island array, " + columns + " x " + rows
                    + " unit cells, " + (c.island()[c.island().length - 1] + 1) + " islands of " + fmt(length) + " x "
                    + fmt(width) + " x " + fmt(thickness) + " m, " + c.prisms().size() + " cells", null);
        } catch (IllegalArgumentException e) {
            node.error(e.getMessage());
            return null;
        }
    }
}
