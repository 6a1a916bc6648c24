package org.hypermag.scenarios.spec;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hypermag.scenarios.input.CsvInput;
import org.hypermag.scenarios.input.InputException;
import org.hypermag.scenarios.spec.Scenario.Compute;
import org.hypermag.scenarios.spec.Scenario.Demag;
import org.hypermag.scenarios.spec.Scenario.DemagMethod;
import org.hypermag.scenarios.spec.Scenario.Domains;
import org.hypermag.scenarios.spec.Scenario.ExchangeScaling;
import org.hypermag.scenarios.spec.Scenario.Field;
import org.hypermag.scenarios.spec.Scenario.FrameField;
import org.hypermag.scenarios.spec.Scenario.Gpu;
import org.hypermag.scenarios.spec.Scenario.Hysteresis;
import org.hypermag.scenarios.spec.Scenario.Initial;
import org.hypermag.scenarios.spec.Scenario.Integrator;
import org.hypermag.scenarios.spec.Scenario.IntegratorMethod;
import org.hypermag.scenarios.spec.Scenario.Output;
import org.hypermag.scenarios.spec.Scenario.Relax;
import org.hypermag.scenarios.spec.Scenario.Run;
import org.hypermag.scenarios.spec.Scenario.Stage;
import org.hypermag.scenarios.spec.Scenario.Validation;
import org.hypermag.solver.Constants;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.geometry.GranularFilm;
import org.hypermag.solver.geometry.IslandArray;
import org.hypermag.solver.geometry.Overlaps;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.geometry.Shape;
import org.hypermag.solver.magnet.Material;
import org.hypermag.surrogate.FarFieldModel;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a scenario file (YAML; format in docs/scenarios.md) into a validated {@link Scenario}. The file is data:
 * it is composed into a node tree (no objects are constructed from it) and bound key by key. Every problem of the
 * file is collected (unknown keys, wrong types, out-of-range values, missing keys, inconsistent geometry) and
 * reported together in one {@link ScenarioException}, each with file:line:column, key path, value and expectation.
 */
public final class ScenarioParser {
    private static final Set<String> TOP = keys("name", "description", "geometry", "materials", "exchange_scaling",
            "initial", "stages", "demag", "integrator", "compute", "output", "validation");
    private static final Set<String> FIELD_UNITS = keys("mT", "T", "A_per_m");

    private final YamlNode.Context ctx;
    private final Path baseDir;

    private ScenarioParser(String file, Path baseDir) {
        this.ctx = new YamlNode.Context(file);
        this.baseDir = baseDir;
    }

    private static Set<String> keys(String... k) {
        return new LinkedHashSet<>(Arrays.asList(k));
    }

    /**
     * Reads a scenario file.
     *
     * @param file the file
     * @return the scenario
     * @throws ScenarioException listing every problem
     */
    public static Scenario parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "file not found")));
        } catch (MalformedInputException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "not a UTF-8 text file")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "cannot read: " + e.getMessage())));
        }
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(text, file.toString(), dir, name);
    }

    /**
     * Reads a scenario from text.
     *
     * @param text the YAML text
     * @param source the name used in messages
     * @param baseDir directory that relative paths in the file are resolved against
     * @param defaultName the scenario name when the file gives none
     * @return the scenario
     * @throws ScenarioException listing every problem
     */
    public static Scenario parse(String text, String source, Path baseDir, String defaultName) {
        ScenarioParser p = new ScenarioParser(source, baseDir);
        Scenario s = p.scenario(text, defaultName);
        if (!p.ctx.problems.isEmpty() || s == null) {
            List<Problem> sorted = new ArrayList<>(p.ctx.problems);
            sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            if (sorted.isEmpty()) {
                sorted.add(new Problem(source, 0, 0, "", "the scenario is incomplete"));
            }
            throw new ScenarioException(sorted);
        }
        return s;
    }

    private Scenario scenario(String text, String defaultName) {
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(ctx.file).setMaxAliasesForCollections(50)
                    .setAllowRecursiveKeys(false).setCodePointLimit(16 * 1024 * 1024).build();
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            YamlNode.error(ctx, e.getProblemMark().orElse(null), "", "not valid YAML: " + e.getProblem());
            return null;
        } catch (YamlEngineException e) {
            YamlNode.error(ctx, null, "", "not valid YAML: " + e.getMessage());
            return null;
        }
        if (root.isEmpty()) {
            ctx.problems.add(new Problem(ctx.file, 0, 0, "", "the file is empty; expected a scenario mapping with "
                    + "the keys geometry, materials, initial, stages (and optionally " + "name, description, "
                    + "exchange_scaling, demag, integrator, compute, output, validation)"));
            return null;
        }
        YamlNode doc = new YamlNode(ctx, root.get(), "");
        YamlNode.Mapping m = doc.mapping(TOP);
        if (m == null) {
            return null;
        }
        String name = m.has("name") ? m.get("name").text() : defaultName;
        if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
            m.get("name").error("got '" + name + "'; expected a name of letters, digits, '.', '_' and '-'");
        }
        String description = m.has("description") ? m.get("description").text() : "";
        YamlNode geometryNode = m.require("geometry", "the domains: grid, prisms, granular_film or island_array");
        Domains domains = geometryNode == null ? null : geometry(geometryNode);
        YamlNode materialsNode = m.require("materials", "a list with one material per region");
        List<Material> materials = materialsNode == null ? null : materials(materialsNode, domains);
        List<ExchangeScaling> scaling = m.has("exchange_scaling")
                ? exchangeScaling(m.get("exchange_scaling"), materials) : List.of();
        YamlNode initialNode = m.require("initial", "the initial magnetisation: uniform, random, vortex or file");
        Initial initial = initialNode == null ? null : initial(initialNode);
        YamlNode stagesNode = m.require("stages", "a list of relax, run and hysteresis stages");
        List<Stage> stages = stagesNode == null ? null : stages(stagesNode);
        Demag demag = m.has("demag") ? demag(m.get("demag"), name == null ? defaultName : name)
                : new Demag(DemagMethod.EXACT, null, FarFieldModel.Settings.DEFAULT, List.of());
        Integrator integrator = m.has("integrator") ? integrator(m.get("integrator"))
                : new Integrator(IntegratorMethod.DORMAND_PRINCE, 1e-5, Double.POSITIVE_INFINITY, Double.NaN);
        Compute compute = m.has("compute") ? compute(m.get("compute")) : new Compute(0, Gpu.AUTO);
        Output output = m.has("output") ? output(m.get("output"))
                : new Output(null, 1e-12, 0, EnumSet.of(FrameField.M), false, 60);
        Validation validation = m.has("validation") ? validation(m.get("validation")) : Validation.DEFAULT;
        if (!ctx.problems.isEmpty() || domains == null || materials == null || initial == null || stages == null
                || demag == null || integrator == null || compute == null || output == null || name == null
                || validation == null) {
            return null;
        }
        return new Scenario(name, description, ctx.file, text, domains, materials, scaling, initial, stages, demag,
                integrator, compute, output, validation);
    }

    // ---------------------------------------------------------------- geometry

    private Domains geometry(YamlNode node) {
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
                    if ((long) a * b * c > 200_000_000L) {
                        cn.error("got " + ((long) a * b * c) + " cells; expected at most 200000000");
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
            Shape shape = shn == null ? null : shape(shn);
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

    private Shape shape(YamlNode node) {
        YamlNode s = node.oneOf(keys("rectangle", "ellipse", "disk", "polygon", "union", "difference"), "shape");
        if (s == null) {
            return null;
        }
        switch (s.key()) {
            case "rectangle": {
                YamlNode.Mapping m = s.mapping(keys("centre", "size"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "centre x, y in m");
                double[] sz = vec(m, "size", 2, "m", true, "width and height in m");
                return c == null || sz == null ? null : Shape.rectangle(c[0], c[1], sz[0], sz[1]);
            }
            case "ellipse": {
                YamlNode.Mapping m = s.mapping(keys("centre", "radii"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "centre x, y in m");
                double[] r = vec(m, "radii", 2, "m", true, "semi-axes along x and y in m");
                return c == null || r == null ? null : Shape.ellipse(c[0], c[1], r[0], r[1]);
            }
            case "disk": {
                YamlNode.Mapping m = s.mapping(keys("centre", "radius"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "centre x, y in m");
                YamlNode rn = m.require("radius", "radius in m");
                Double r = rn == null ? null : rn.positive("m");
                return c == null || r == null ? null : Shape.ellipse(c[0], c[1], r, r);
            }
            case "polygon": {
                YamlNode.Mapping m = s.mapping(keys("vertices"));
                if (m == null) {
                    return null;
                }
                YamlNode vn = m.require("vertices", "a list of at least 3 [x, y] points in m");
                List<YamlNode> vs = vn == null ? null : vn.list(3);
                if (vs == null) {
                    return null;
                }
                double[] xs = new double[vs.size()], ys = new double[vs.size()];
                boolean ok = true;
                for (int i = 0; i < vs.size(); i++) {
                    double[] v = vs.get(i).vector(2, "m", false);
                    if (v == null) {
                        ok = false;
                    } else {
                        xs[i] = v[0];
                        ys[i] = v[1];
                    }
                }
                return ok ? Shape.polygon(xs, ys) : null;
            }
            case "union": {
                YamlNode.Mapping m = s.mapping(keys("of"));
                List<Shape> parts = m == null ? null : shapes(m.require("of", "a list of shapes"));
                return parts == null ? null : Shape.union(parts);
            }
            default: {
                YamlNode.Mapping m = s.mapping(keys("from", "remove"));
                if (m == null) {
                    return null;
                }
                YamlNode fn = m.require("from", "the shape to cut from");
                Shape from = fn == null ? null : shape(fn);
                List<Shape> removed = shapes(m.require("remove", "a list of shapes to take away"));
                return from == null || removed == null ? null : Shape.difference(from, removed);
            }
        }
    }

    private List<Shape> shapes(YamlNode node) {
        List<YamlNode> items = node == null ? null : node.list(1);
        if (items == null) {
            return null;
        }
        List<Shape> out = new ArrayList<>();
        for (YamlNode i : items) {
            Shape s = shape(i);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return out;
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
                "seed", "region"));
        if (m == null) {
            return null;
        }
        double[] size = vec(m, "size", 2, "m", true, "film extent along x and y in m");
        Double thickness = pos(m, "thickness", "m", "grain height in m");
        Double grain = pos(m, "grain_size", "m", "mean grain side in m");
        Double spread = m.has("grain_size_spread") ? m.get("grain_size_spread").number(
                "a number from 0 to 0.99 (relative standard deviation of the grain side)", x -> x >= 0 && x < 1) : 0.0;
        Double gap = m.has("gap") ? m.get("gap").nonNegative("m") : 0.0;
        YamlNode cn = m.require("grains", "number of grains");
        Integer count = cn == null ? null : cn.integer(1, 10_000_000, "number of grains");
        YamlNode sn = m.require("seed", "random seed, an integer");
        Long seed = sn == null ? null : sn.seed();
        Integer region = m.has("region") ? m.get("region").integer(0, 1000, "region index") : Integer.valueOf(0);
        if (size == null || thickness == null || grain == null || spread == null || gap == null || count == null
                || seed == null || region == null) {
            return null;
        }
        GranularFilm film = new GranularFilm(size[0], size[1], thickness, grain, spread, gap, count, seed);
        try {
            Prisms p = film.generate();
            int[] regions = new int[p.size()];
            Arrays.fill(regions, region);
            return new Domains(p, regions, null, null, "granular film of " + count + " grains (mean side "
                    + fmt(grain) + " m, spread " + spread + ", gap " + fmt(gap) + " m) in " + fmt(size[0]) + " x "
                    + fmt(size[1]) + " m, seed " + seed, seed);
        } catch (IllegalStateException | IllegalArgumentException e) {
            node.error(e.getMessage());
            return null;
        }
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

    // ---------------------------------------------------------------- materials

    private List<Material> materials(YamlNode node, Domains domains) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        Material[] byRegion = new Material[1001];
        int maxRegion = -1;
        boolean ok = true;
        for (YamlNode it : items) {
            YamlNode.Mapping m = it.mapping(keys("region", "Ms", "A", "K1", "anisotropy_axis", "Kc1", "Kc2",
                    "cubic_axes", "alpha", "gamma"));
            if (m == null) {
                ok = false;
                continue;
            }
            Integer region = m.has("region") ? m.get("region").integer(0, 1000, "region index") : Integer.valueOf(0);
            Double ms = pos(m, "Ms", "A/m", "saturation magnetisation in A/m");
            YamlNode an = m.require("A", "exchange stiffness in J/m (0 for none)");
            Double a = an == null ? null : an.nonNegative("J/m");
            YamlNode alphan = m.require("alpha", "Gilbert damping, a number >= 0");
            Double alpha = alphan == null ? null : alphan.nonNegative("dimensionless");
            Double k1 = m.has("K1") ? m.get("K1").finite("J/m^3") : 0.0;
            double[] axis = m.has("anisotropy_axis") ? m.get("anisotropy_axis").vector(3, "direction", false)
                    : new double[] {0, 0, 1};
            Double kc1 = m.has("Kc1") ? m.get("Kc1").finite("J/m^3") : 0.0;
            Double kc2 = m.has("Kc2") ? m.get("Kc2").finite("J/m^3") : 0.0;
            double[][] cubic = {{1, 0, 0}, {0, 1, 0}};
            if (m.has("cubic_axes")) {
                List<YamlNode> ax = m.get("cubic_axes").list(2);
                if (ax == null || ax.size() != 2) {
                    m.get("cubic_axes").error("expected two perpendicular directions [[x, y, z], [x, y, z]]");
                    cubic = null;
                } else {
                    cubic = new double[][] {ax.get(0).vector(3, "direction", false), ax.get(1).vector(3, "direction",
                        false)};
                    if (cubic[0] == null || cubic[1] == null) {
                        cubic = null;
                    }
                }
            }
            Double gamma = m.has("gamma") ? m.get("gamma").positive("m/(A s)") : Constants.GAMMA_OOMMF;
            if (region == null || ms == null || a == null || alpha == null || k1 == null || axis == null || kc1 == null
                    || kc2 == null || cubic == null || gamma == null) {
                ok = false;
                continue;
            }
            if (byRegion[region] != null) {
                it.error("region " + region + " has two materials; expected one material per region");
                ok = false;
                continue;
            }
            try {
                byRegion[region] = Material.of(ms).withExchange(a).withAlpha(alpha).withUniaxial(k1, axis)
                        .withCubic(kc1, kc2, cubic[0], cubic[1]).withGamma(gamma);
                maxRegion = Math.max(maxRegion, region);
            } catch (IllegalArgumentException e) {
                it.error(e.getMessage());
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        if (domains != null) {
            Set<Integer> missing = new java.util.TreeSet<>();
            for (int r : domains.regions()) {
                if (r > maxRegion || byRegion[r] == null) {
                    missing.add(r);
                }
            }
            if (!missing.isEmpty()) {
                node.error("the geometry uses region(s) " + missing + " but no material is given for them; expected "
                        + "a materials entry with 'region: N' for each");
                return null;
            }
        }
        List<Material> out = new ArrayList<>();
        for (int r = 0; r <= maxRegion; r++) {
            // regions without domains never reach a domain; fill their slot with a real material
            out.add(byRegion[r] != null ? byRegion[r] : firstNonNull(byRegion));
        }
        return out;
    }

    private static Material firstNonNull(Material[] m) {
        for (Material x : m) {
            if (x != null) {
                return x;
            }
        }
        throw new IllegalStateException("no material");
    }

    private List<ExchangeScaling> exchangeScaling(YamlNode node, List<Material> materials) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        List<ExchangeScaling> out = new ArrayList<>();
        for (YamlNode it : items) {
            YamlNode.Mapping m = it.mapping(keys("regions", "factor"));
            if (m == null) {
                continue;
            }
            YamlNode rn = m.require("regions", "the two regions, [r1, r2]");
            List<YamlNode> rs = rn == null ? null : rn.list(2);
            Integer r1 = null, r2 = null;
            if (rs != null && rs.size() == 2) {
                r1 = rs.get(0).integer(0, 1000, "region index");
                r2 = rs.get(1).integer(0, 1000, "region index");
            } else if (rs != null) {
                rn.error("got " + rs.size() + " regions; expected two, [r1, r2]");
            }
            YamlNode fn = m.require("factor", "scaling of the inter-region exchange, >= 0");
            Double f = fn == null ? null : fn.nonNegative("dimensionless");
            if (r1 == null || r2 == null || f == null) {
                continue;
            }
            if (materials != null && (r1 >= materials.size() || r2 >= materials.size())) {
                rn.error("got regions [" + r1 + ", " + r2 + "]; expected regions that have materials (0.."
                        + (materials.size() - 1) + ")");
                continue;
            }
            if (r1.equals(r2)) {
                rn.error("got the same region twice; expected two different regions");
                continue;
            }
            out.add(new ExchangeScaling(r1, r2, f));
        }
        return out;
    }

    // ---------------------------------------------------------------- initial state

    private Initial initial(YamlNode node) {
        YamlNode i = node.oneOf(keys("uniform", "random", "vortex", "file"), "initial state");
        if (i == null) {
            return null;
        }
        switch (i.key()) {
            case "uniform": {
                double[] d = i.vector(3, "direction", false);
                if (d != null && d[0] == 0 && d[1] == 0 && d[2] == 0) {
                    i.error("got [0, 0, 0]; expected a non-zero direction");
                    return null;
                }
                return d == null ? null : new Scenario.Uniform(d);
            }
            case "random": {
                YamlNode.Mapping m = i.mapping(keys("seed"));
                YamlNode sn = m == null ? null : m.require("seed", "random seed, an integer");
                Long seed = sn == null ? null : sn.seed();
                return seed == null ? null : new Scenario.RandomDirections(seed);
            }
            case "vortex": {
                YamlNode.Mapping m = i.mapping(keys("centre", "circulation", "polarity", "core_radius"));
                if (m == null) {
                    return null;
                }
                double[] c = vec(m, "centre", 2, "m", false, "core position x, y in m");
                Integer circ = m.has("circulation") ? sign(m.get("circulation"), "circulation") : Integer.valueOf(1);
                Integer pol = m.has("polarity") ? sign(m.get("polarity"), "polarity") : Integer.valueOf(1);
                Double rc = m.has("core_radius") ? m.get("core_radius").positive("m") : 10e-9;
                return c == null || circ == null || pol == null || rc == null ? null
                        : new Scenario.Vortex(c[0], c[1], circ, pol, rc);
            }
            default: {
                YamlNode.Mapping m = i.mapping(keys("path", "frame"));
                if (m == null) {
                    return null;
                }
                YamlNode pn = m.require("path", "an earlier run's output directory");
                String p = pn == null ? null : pn.text();
                Integer frame = -1;
                if (m.has("frame")) {
                    YamlNode fn = m.get("frame");
                    if (fn.isScalar() && "last".equals(fn.text())) {
                        frame = -1;
                    } else {
                        frame = fn.integer(0, Integer.MAX_VALUE, "frame index, or last");
                    }
                }
                return p == null || frame == null ? null : new Scenario.FromRun(baseDir.resolve(p), frame);
            }
        }
    }

    private static Integer sign(YamlNode n, String what) {
        Integer v = n.integer(-1, 1, what + ", +1 or -1");
        if (v != null && v == 0) {
            n.error("got '0'; expected +1 or -1 (" + what + ")");
            return null;
        }
        return v;
    }

    // ---------------------------------------------------------------- stages and fields

    private List<Stage> stages(YamlNode node) {
        List<YamlNode> items = node.list(1);
        if (items == null) {
            return null;
        }
        List<Stage> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode it : items) {
            YamlNode s = it.oneOf(keys("relax", "run", "hysteresis"), "stage kind");
            Stage stage = s == null ? null : switch (s.key()) {
                case "relax" -> relax(s);
                case "run" -> run(s);
                default -> hysteresis(s);
            };
            if (stage == null) {
                ok = false;
            } else {
                out.add(stage);
            }
        }
        return ok ? out : null;
    }

    private Relax relax(YamlNode node) {
        if (node.isScalar() && node.text() != null && node.text().isEmpty()) {
            return new Relax(null, 0.1, 200_000);
        }
        YamlNode.Mapping m = node.mapping(keys("torque_tolerance", "max_iterations", "field"));
        if (m == null) {
            return null;
        }
        Double tol = m.has("torque_tolerance") ? m.get("torque_tolerance").positive("A/m") : 0.1;
        Integer max = m.has("max_iterations") ? m.get("max_iterations").integer(1, 1_000_000_000, "iteration limit")
                : Integer.valueOf(200_000);
        Field field = m.has("field") ? constantField(m.get("field")) : null;
        if (tol == null || max == null || (m.has("field") && field == null)) {
            return null;
        }
        return new Relax(field, tol, max);
    }

    private Run run(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("duration", "field"));
        if (m == null) {
            return null;
        }
        Double duration = pos(m, "duration", "s", "stage length in s");
        Field field = m.has("field") ? protocol(m.get("field")) : null;
        if (duration == null || (m.has("field") && field == null)) {
            return null;
        }
        return new Run(duration, field);
    }

    private Hysteresis hysteresis(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("from", "to", "steps", "return", "torque_tolerance", "frames"));
        if (m == null) {
            return null;
        }
        YamlNode fn = m.require("from", "start field, e.g. {mT: [50, 0, 0]}");
        double[] from = fn == null ? null : fieldVector(fn);
        YamlNode tn = m.require("to", "end field, e.g. {mT: [-50, 0, 0]}");
        double[] to = tn == null ? null : fieldVector(tn);
        YamlNode sn = m.require("steps", "number of field steps from start to end");
        Integer steps = sn == null ? null : sn.integer(1, 1_000_000, "field steps");
        Boolean back = m.has("return") ? m.get("return").bool() : Boolean.TRUE;
        Double tol = m.has("torque_tolerance") ? m.get("torque_tolerance").positive("A/m") : 0.1;
        Boolean frames = m.has("frames") ? m.get("frames").bool() : Boolean.FALSE;
        if (from == null || to == null || steps == null || back == null || tol == null || frames == null) {
            return null;
        }
        return new Hysteresis(from, to, steps, back, tol, frames);
    }

    /** A field vector with an explicit unit: {mT: [..]}, {T: [..]} (μ0H) or {A_per_m: [..]}; returns A/m. */
    private double[] fieldVector(YamlNode node) {
        YamlNode u = node.oneOf(FIELD_UNITS, "field unit (mT or T for mu0*H, A_per_m for H)");
        if (u == null) {
            return null;
        }
        double[] v = u.vector(3, u.key().equals("A_per_m") ? "A/m" : u.key(), false);
        if (v == null) {
            return null;
        }
        double f = switch (u.key()) {
            case "mT" -> 1e-3 / Constants.MU0;
            case "T" -> 1 / Constants.MU0;
            default -> 1;
        };
        return new double[] {v[0] * f, v[1] * f, v[2] * f};
    }

    private Field constantField(YamlNode node) {
        double[] h = fieldVector(node);
        return h == null ? null : new Field(AppliedField.constant(h), "constant " + vecText(h) + " A/m");
    }

    /** A field protocol: a constant field vector, or one of ramp, sinusoid, table. */
    private Field protocol(YamlNode node) {
        if (node.keyNames().stream().anyMatch(FIELD_UNITS::contains)) {
            return constantField(node);
        }
        YamlNode p = node.oneOf(keys("ramp", "sinusoid", "table"), "field: a vector ({mT: [...]}, {T: [...]}, "
                + "{A_per_m: [...]}) or a protocol");
        if (p == null) {
            return null;
        }
        switch (p.key()) {
            case "ramp": {
                YamlNode.Mapping m = p.mapping(keys("from", "to", "start", "end"));
                if (m == null) {
                    return null;
                }
                YamlNode fn = m.require("from", "start field"), tn = m.require("to", "end field");
                double[] from = fn == null ? null : fieldVector(fn), to = tn == null ? null : fieldVector(tn);
                Double start = m.has("start") ? m.get("start").nonNegative("s") : 0.0;
                Double end = pos(m, "end", "s", "time in the stage when the ramp reaches 'to', in s");
                if (from == null || to == null || start == null || end == null) {
                    return null;
                }
                if (!(end > start)) {
                    m.get("end").error("got " + m.get("end").shown() + "; expected a time after start = " + start
                            + " s");
                    return null;
                }
                return new Field(AppliedField.ramp(from, to, start, end), "ramp from " + vecText(from) + " to "
                        + vecText(to) + " A/m between " + start + " and " + end + " s");
            }
            case "sinusoid": {
                YamlNode.Mapping m = p.mapping(keys("offset", "amplitude", "frequency", "phase"));
                if (m == null) {
                    return null;
                }
                double[] offset = m.has("offset") ? fieldVector(m.get("offset")) : new double[3];
                YamlNode an = m.require("amplitude", "amplitude field, e.g. {mT: [0, 5, 0]}");
                double[] amp = an == null ? null : fieldVector(an);
                Double f = pos(m, "frequency", "Hz", "frequency in Hz");
                Double phase = m.has("phase") ? m.get("phase").finite("rad") : 0.0;
                if (offset == null || amp == null || f == null || phase == null) {
                    return null;
                }
                return new Field(AppliedField.sinusoid(offset, amp, f, phase), "sinusoid " + vecText(offset) + " + "
                        + vecText(amp) + " sin(2 pi " + f + " Hz t + " + phase + ") A/m");
            }
            default: {
                YamlNode.Mapping m = p.mapping(keys("unit", "times", "values"));
                if (m == null) {
                    return null;
                }
                YamlNode un = m.require("unit", "mT, T or A_per_m");
                String unit = un == null ? null : un.choice(List.of("mT", "T", "A_per_m"));
                YamlNode tn = m.require("times", "strictly increasing times in s");
                List<YamlNode> ts = tn == null ? null : tn.list(1);
                YamlNode vn = m.require("values", "one [x, y, z] field per time");
                List<YamlNode> vs = vn == null ? null : vn.list(1);
                if (unit == null || ts == null || vs == null) {
                    return null;
                }
                if (ts.size() != vs.size()) {
                    vn.error("got " + vs.size() + " values for " + ts.size() + " times; expected one per time");
                    return null;
                }
                double f = unit.equals("mT") ? 1e-3 / Constants.MU0 : unit.equals("T") ? 1 / Constants.MU0 : 1;
                double[] times = new double[ts.size()];
                double[][] values = new double[ts.size()][];
                boolean ok = true;
                for (int k = 0; k < times.length; k++) {
                    Double t = ts.get(k).nonNegative("s");
                    double[] v = vs.get(k).vector(3, unit, false);
                    if (t == null || v == null) {
                        ok = false;
                        continue;
                    }
                    if (k > 0 && !(t > times[k - 1])) {
                        ts.get(k).error("got " + ts.get(k).shown() + "; expected a time after " + times[k - 1]
                                + " s (strictly increasing)");
                        ok = false;
                    }
                    times[k] = t;
                    values[k] = new double[] {v[0] * f, v[1] * f, v[2] * f};
                }
                return ok ? new Field(AppliedField.tabulated(times, values), "table of " + times.length + " fields")
                        : null;
            }
        }
    }

    // ---------------------------------------------------------------- methods and output

    private Demag demag(YamlNode node, String scenarioName) {
        YamlNode.Mapping m = node.mapping(keys("method", "model", "near_radius", "k_max_R", "period_margin",
                "size_features", "mlp_width", "mlp_depth"));
        if (m == null) {
            return null;
        }
        YamlNode mn = m.require("method", "exact, surrogate or none");
        String method = mn == null ? null : mn.choice(List.of("exact", "surrogate", "none"));
        boolean ok = method != null;
        for (String k : new String[] {"model", "near_radius", "k_max_R", "period_margin", "size_features",
            "mlp_width", "mlp_depth"}) {
            if (m.has(k) && method != null && !method.equals("surrogate")) {
                m.get(k).error("'" + k + "' is a setting of the surrogate; it is only used with method: surrogate");
                ok = false;
            }
        }
        Path model = null;
        if (m.has("model")) {
            String f = m.get("model").text();
            ok &= f != null;
            model = f == null ? null : baseDir.resolve(f);
        }
        FarFieldModel.Settings d = FarFieldModel.Settings.DEFAULT;
        Double r = m.has("near_radius") ? m.get("near_radius").positive("reference sizes") : (Double) d.nearRadius();
        Double kr = m.has("k_max_R") ? m.get("k_max_R").positive("dimensionless") : (Double) d.kR();
        Double margin = m.has("period_margin") ? m.get("period_margin").nonNegative("near radii")
                : (Double) d.periodMargin();
        String map = m.has("size_features") ? m.get("size_features").choice(List.of("moments", "mlp")) : "moments";
        Integer width = m.has("mlp_width") ? m.get("mlp_width").integer(1, 64, "width of the MLP's tanh layers") : (Integer) d.mlpWidth();
        Integer depth = m.has("mlp_depth") ? m.get("mlp_depth").integer(1, 8, "number of the MLP's tanh layers") : (Integer) d.mlpDepth();
        if (!ok || r == null || kr == null || margin == null || map == null || width == null || depth == null) {
            return null;
        }
        return new Demag(DemagMethod.valueOf(method.toUpperCase(Locale.ROOT)), model,
                new FarFieldModel.Settings(r, kr, margin, map.equals("mlp") ? FarFieldModel.SizeMap.MLP
                        : FarFieldModel.SizeMap.MOMENTS, width, depth), List.of(baseDir.resolve("models").resolve(scenarioName
                        + ".far-field.h5")));
    }

    private Integrator integrator(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("method", "tolerance", "max_step", "step"));
        if (m == null) {
            return null;
        }
        String method = m.has("method") ? m.get("method").choice(List.of("dormand-prince", "heun", "rk4"))
                : "dormand-prince";
        if (method == null) {
            return null;
        }
        if (method.equals("dormand-prince")) {
            if (m.has("step")) {
                m.get("step").error("a fixed step is for heun and rk4; dormand-prince adapts its step (use "
                        + "tolerance and max_step)");
                return null;
            }
            Double tol = m.has("tolerance") ? m.get("tolerance").positive("rad per step") : 1e-5;
            Double max = m.has("max_step") ? m.get("max_step").positive("s") : Double.POSITIVE_INFINITY;
            return tol == null || max == null ? null
                    : new Integrator(IntegratorMethod.DORMAND_PRINCE, tol, max, Double.NaN);
        }
        for (String k : new String[] {"tolerance", "max_step"}) {
            if (m.has(k)) {
                m.get(k).error("'" + k + "' is for dormand-prince; " + method + " takes a fixed 'step'");
                return null;
            }
        }
        Double step = pos(m, "step", "s", "the fixed time step in s");
        return step == null ? null : new Integrator(method.equals("heun") ? IntegratorMethod.HEUN
                : IntegratorMethod.RK4, Double.NaN, step, step);
    }

    private Compute compute(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("threads", "gpu", "gpu_precision"));
        if (m == null) {
            return null;
        }
        Integer threads = 0;
        if (m.has("threads")) {
            YamlNode t = m.get("threads");
            threads = t.isScalar() && "auto".equals(t.text()) ? Integer.valueOf(0) : t.integer(1, 4096, "threads, or auto");
        }
        String gpu = m.has("gpu") ? m.get("gpu").choice(List.of("auto", "on", "off")) : "auto";
        String precision = m.has("gpu_precision") ? m.get("gpu_precision").choice(List.of("single", "double"))
                : "single";
        return threads == null || gpu == null || precision == null ? null : new Compute(threads,
                Gpu.valueOf(gpu.toUpperCase(Locale.ROOT)), org.hypermag.solver.gpu.Precision.parse(precision));
    }

    private Output output(YamlNode node) {
        YamlNode.Mapping m = node.mapping(keys("directory", "table_interval", "frame_interval", "fields", "precision",
                "checkpoint_interval"));
        if (m == null) {
            return null;
        }
        Path dir = null;
        if (m.has("directory")) {
            String d = m.get("directory").text();
            if (d == null) {
                return null;
            }
            dir = Path.of(d);
        }
        Double table = m.has("table_interval") ? m.get("table_interval").positive("s") : 1e-12;
        Double frames = m.has("frame_interval") ? m.get("frame_interval").nonNegative("s; 0 for frames at stage "
                + "ends only") : 0.0;
        Set<FrameField> fields = EnumSet.of(FrameField.M);
        if (m.has("fields")) {
            List<YamlNode> fs = m.get("fields").list(1);
            if (fs == null) {
                return null;
            }
            for (YamlNode f : fs) {
                String v = f.choice(List.of("m", "demag_field", "effective_field", "energy_density"));
                if (v == null) {
                    return null;
                }
                fields.add(FrameField.valueOf(v.toUpperCase(Locale.ROOT)));
            }
        }
        String precision = m.has("precision") ? m.get("precision").choice(List.of("float32", "float64")) : "float32";
        Double checkpoint = m.has("checkpoint_interval") ? m.get("checkpoint_interval").positive("s of wall time")
                : 60.0;
        if (table == null || frames == null || precision == null || checkpoint == null) {
            return null;
        }
        double ratio = frames / table;
        if (frames > 0 && (ratio < 1 - 1e-9 || Math.abs(ratio - Math.rint(ratio)) > 1e-6 * ratio)) {
            m.get("frame_interval").error("got " + m.get("frame_interval").shown() + "; expected a multiple of "
                    + "table_interval = " + table + " s (frames are written at table rows)");
            return null;
        }
        return new Output(dir, table, frames, fields, precision.equals("float64"), checkpoint);
    }

    private Validation validation(YamlNode node) {
        String[][] keys = {{"field_error_median", "relative"}, {"field_error_l2", "relative"},
            {"field_error_max", "relative"}, {"zero_crossing_time", "s"}, {"final_m", "per component of <m>"},
            {"coercive_field", "A/m"}, {"remanence", "of m along the field"}, {"energy", "relative"},
            {"state_difference", "mean |m_s - m_e|"}, {"max_m_divergence", "max |m_s - m_e|"}};
        Set<String> names = new LinkedHashSet<>();
        for (String[] k : keys) {
            names.add(k[0]);
        }
        YamlNode.Mapping m = node.mapping(names);
        if (m == null) {
            return null;
        }
        Validation d = Validation.DEFAULT;
        double[] v = {d.fieldErrorMedian(), d.fieldErrorL2(), d.fieldErrorMax(), d.zeroCrossingTime(), d.finalM(),
            d.coerciveField(), d.remanence(), d.energy(), d.stateDifference(), d.maxMDivergence()};
        boolean ok = true;
        for (int k = 0; k < keys.length; k++) {
            if (m.has(keys[k][0])) {
                YamlNode n = m.get(keys[k][0]);
                if (n.isScalar() && "off".equals(n.text())) {
                    v[k] = Double.POSITIVE_INFINITY;
                    continue;
                }
                Double x = n.positive(keys[k][1] + "; or off to report it unchecked");
                ok &= x != null;
                v[k] = x == null ? Double.NaN : x;
            }
        }
        return ok ? new Validation(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]) : null;
    }

    // ---------------------------------------------------------------- helpers

    private static double[] vec(YamlNode.Mapping m, String key, int n, String unit, boolean positive, String what) {
        YamlNode v = m.require(key, what);
        return v == null ? null : v.vector(n, unit, positive);
    }

    private static Double pos(YamlNode.Mapping m, String key, String unit, String what) {
        YamlNode v = m.require(key, what);
        return v == null ? null : v.positive(unit);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String vecText(double[] v) {
        return "(" + fmt(v[0]) + ", " + fmt(v[1]) + ", " + fmt(v[2]) + ")";
    }
}
