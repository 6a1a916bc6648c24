package org.hypermag.surrogate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DirectSum;
import org.hypermag.solver.demag.NewellTensor;
import org.hypermag.solver.demag.PrismTensor;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.parallel.Cancellation;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * The far-field surrogate among domains in several layers (issue 17): a two-layer recording medium, a multilayer
 * stack, a grid with several cells through the thickness (one layer per z). A layer is every domain whose centre
 * has one z; it has one thickness. The field at a layer is the sum of its own surrogate ({@link FarFieldSurrogate},
 * the one-layer model in its mid-plane) and one {@link FarFieldInterLayer} per other layer (the smeared kernel
 * between the two planes, all six components), each exact in its near zone. All pieces share the harmonics, the
 * span (the whole collection's extent) and the near radius; their models are smeared (no fit) and made at each
 * build (seconds), one per distinct vertical offset, thickness and size set.
 *
 * <p>Cost: L² pieces for L layers, each with its own transforms. Not thread-safe; {@link #addField} allocates
 * nothing.
 */
public final class LayeredFarFieldSurrogate implements DemagField {
    private final int n, nt;
    /** Per layer: its sources (indices into M) and the targets in its plane (indices into H). */
    private final int[][] members, targetsOf;
    private final FarFieldSurrogate[] own;
    private final FarFieldInterLayer[] between;
    private final VectorField[] mLayer, hLayer;
    private final WorkerPool pool;
    private final String description;

    private LayeredFarFieldSurrogate(int n, int nt, int[][] members, int[][] targetsOf, FarFieldSurrogate[] own,
                                     FarFieldInterLayer[] between, WorkerPool pool, String description) {
        this.n = n;
        this.nt = nt;
        this.members = members;
        this.targetsOf = targetsOf;
        this.own = own;
        this.between = between;
        this.pool = pool;
        this.description = description;
        mLayer = new VectorField[members.length];
        hLayer = new VectorField[members.length];
        for (int a = 0; a < members.length; a++) {
            mLayer[a] = new VectorField(members[a].length);
            hLayer[a] = new VectorField(targetsOf[a].length);
        }
    }

    /**
     * The layers of a collection of domains: a layer is every domain whose centre z lies within 1e-9 of its
     * thickness of the layer's first domain's, all of one thickness; layers in ascending z.
     *
     * @param layerOf each domain's layer
     * @param z each layer's mid-plane height (m)
     * @param thickness each layer's thickness (m)
     */
    public record Layers(int[] layerOf, double[] z, double[] thickness) {
        /**
         * @param cz the domains' centre heights (m)
         * @param sz their thicknesses (m)
         * @return their layers
         * @throws MixedThickness naming the first domain whose thickness differs from its layer's
         */
        public static Layers of(double[] cz, double[] sz) {
            int n = cz.length;
            int[] found = new int[n], first = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                int layer = -1;
                for (int a = 0; a < count && layer < 0; a++) {
                    if (Math.abs(cz[i] - cz[first[a]]) <= 1e-9 * sz[i]) {
                        layer = a;
                    }
                }
                if (layer < 0) {
                    first[count] = i;
                    layer = count++;
                } else if (Math.abs(sz[i] - sz[first[layer]]) > 1e-9 * sz[i]) {
                    throw new MixedThickness(i, first[layer], cz[i], sz[i], sz[first[layer]]);
                }
                found[i] = layer;
            }
            Integer[] order = new Integer[count];
            for (int a = 0; a < count; a++) {
                order[a] = a;
            }
            java.util.Arrays.sort(order, (u, v) -> Double.compare(cz[first[u]], cz[first[v]]));
            int[] rank = new int[count];
            double[] z = new double[count], t = new double[count];
            for (int a = 0; a < count; a++) {
                rank[order[a]] = a;
                z[a] = cz[first[order[a]]];
                t[a] = sz[first[order[a]]];
            }
            for (int i = 0; i < n; i++) {
                found[i] = rank[found[i]];
            }
            return new Layers(found, z, t);
        }

        /** @return the number of layers */
        public int count() {
            return z.length;
        }

        /** @return the indices of each layer's domains, ascending */
        public int[][] members() {
            int[] size = new int[count()];
            for (int l : layerOf) {
                size[l]++;
            }
            int[][] out = new int[count()][];
            for (int a = 0; a < out.length; a++) {
                out[a] = new int[size[a]];
            }
            int[] fill = new int[count()];
            for (int i = 0; i < layerOf.length; i++) {
                out[layerOf[i]][fill[layerOf[i]]++] = i;
            }
            return out;
        }

        /**
         * @param height a point's z (m)
         * @return the layer whose mid-plane the point lies in (within 1e-9 of the layer's thickness), or −1
         */
        public int at(double height) {
            for (int a = 0; a < z.length; a++) {
                if (Math.abs(height - z[a]) <= 1e-9 * thickness[a]) {
                    return a;
                }
            }
            return -1;
        }
    }

    /** A layer holding domains of different thicknesses. */
    public static final class MixedThickness extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** The domain whose thickness differs, and the first domain of its layer. */
        public final int domain, other;

        MixedThickness(int domain, int other, double z, double thickness, double layerThickness) {
            super(String.format(Locale.ROOT, "the far-field surrogate needs one thickness per layer: domain %d at "
                    + "z = %.6g m is %.6g m thick, others there %.6g m", domain, z, thickness, layerThickness));
            this.domain = domain;
            this.other = other;
        }
    }

    /**
     * @param p the domains
     * @return their layers ({@link Layers#of})
     */
    public static Layers layersOf(Prisms p) {
        double[] sz = new double[p.size()];
        for (int i = 0; i < sz.length; i++) {
            sz[i] = p.sz(i);
        }
        return Layers.of(p.centresZ(), sz);
    }

    /**
     * The domains grouped into layers ({@link Layers}).
     *
     * @param p the domains
     * @return the indices of each layer's domains, layers in ascending z
     * @throws IllegalArgumentException if a layer holds domains of different thicknesses
     */
    public static int[][] layers(Prisms p) {
        return layersOf(p).members();
    }

    /**
     * The layered surrogate among prisms coupled like {@code DirectDemag.forPrisms} (the reciprocal point tensor).
     *
     * @param p the prisms, in any number of layers
     * @param settings accuracy settings (the smeared construction is used)
     * @param pool threads
     * @param log one line per model made
     * @return the surrogate
     */
    public static LayeredFarFieldSurrogate forPrisms(Prisms p, FarFieldSettings settings, WorkerPool pool,
                                                     Consumer<String> log) {
        Layers layers = layersOf(p);
        DirectSum exact = DirectSum.amongDomains(p, true, 0, pool);
        return build(p, layers, null, null, settings, pool, log, (i, j, out) -> exact.tensor(i, j, out, 0));
    }

    /**
     * The field of prisms in several layers at points, each in the mid-plane of one of the layers: H(r) =
     * −Σ_j N(r − c_j; s_j)·M_j with the point tensor (the {@code field} command's definition), the near part exact.
     *
     * @param sources the prisms, in any number of layers
     * @param x points x (m)
     * @param y points y (m)
     * @param z points z (m): each a layer's mid-plane height
     * @param settings accuracy settings (the smeared construction is used)
     * @param pool threads
     * @param log one line per model made
     * @return the field, {@link #addField} taking the sources' M and adding into a field over the points
     * @throws IllegalArgumentException naming the first point in no layer's mid-plane
     */
    public static LayeredFarFieldSurrogate atPoints(Prisms sources, double[] x, double[] y, double[] z,
                                                    FarFieldSettings settings, WorkerPool pool, Consumer<String> log) {
        Layers layers = layersOf(sources);
        for (int i = 0; i < z.length; i++) {
            if (layers.at(z[i]) < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "point %d is at z = %.9g m; the "
                        + "far-field surrogate evaluates in the mid-planes of the sources' layers (z = %s m; use the "
                        + "exact method off them)", i + 1, z[i], list(layers.z())));
            }
        }
        double[][] points = {x.clone(), y.clone(), z.clone()};
        return build(sources, layers, null, points, settings, pool, log, (i, j, out) -> PrismTensor.evaluate(
                x[i] - sources.cx(j), y[i] - sources.cy(j), z[i] - sources.cz(j), sources.sx(j), sources.sy(j),
                sources.sz(j), out, 0));
    }

    /**
     * The layered surrogate among the cells of a grid (cell-averaged coupling, as the exact FFT).
     *
     * @param grid the grid, any nz
     * @param cells the cells of the domains, or null for all
     * @param settings accuracy settings (the smeared construction is used)
     * @param pool threads
     * @param log one line per model made
     * @return the surrogate
     */
    public static LayeredFarFieldSurrogate forGrid(RegularGrid grid, int[] cells, FarFieldSettings settings,
                                                   WorkerPool pool, Consumer<String> log) {
        Prisms p = cells == null ? grid.toPrisms() : grid.toPrisms(cells);
        double dx = grid.dx(), dy = grid.dy(), dz = grid.dz();
        return build(p, layersOf(p), new double[] {dx, dy, dz}, null, settings, pool, log, (i, j, out) ->
                NewellTensor.evaluate(p.cx(i) - p.cx(j), p.cy(i) - p.cy(j), p.cz(i) - p.cz(j), dx, dy, dz, out, 0));
    }

    /**
     * Builds the pieces. Targets: the domains themselves (points null: the exact coupling by domain indices), or
     * points grouped by layer ({@link #atPoints}: the exact coupling by (point, source)).
     */
    private static LayeredFarFieldSurrogate build(Prisms p, Layers all, double[] cell, double[][] points,
                                                  FarFieldSettings settings, WorkerPool pool, Consumer<String> log,
                                                  FarFieldNearZone.PairTensor exact) {
        long t0 = System.nanoTime();
        int[][] layers = all.members();
        int count = p.size();
        double[] cx = p.centresX(), cy = p.centresY(), vol = new double[count], sx = new double[count],
            sy = new double[count];
        for (int i = 0; i < count; i++) {
            vol[i] = p.volume(i);
            sx[i] = p.sx(i);
            sy[i] = p.sy(i);
        }
        double[] b = p.centreBounds();
        if (points != null) {
            for (int i = 0; i < points[0].length; i++) {
                b[0] = Math.min(b[0], points[0][i]);
                b[1] = Math.max(b[1], points[0][i]);
                b[2] = Math.min(b[2], points[1][i]);
                b[3] = Math.max(b[3], points[1][i]);
            }
        }
        double spanX = b[1] - b[0], spanY = b[3] - b[2];
        int[][] targetsOf = points == null ? layers : pointGroups(points[2], all);
        double reference = cell != null ? Math.max(cell[0], cell[1]) : FarFieldFit.medianSide(p);
        FarFieldSettings smeared = settings.withConstruction(FarFieldSettings.Construction.SMEARED);
        int nl = layers.length;
        double[] z = new double[nl], t = new double[nl];
        boolean[] oneSize = new boolean[nl];
        for (int a = 0; a < nl; a++) {
            int first = layers[a][0];
            z[a] = p.cz(first);
            t[a] = p.sz(first);
            oneSize[a] = SizeFeatures.distinct(pick(sx, layers[a]), pick(sy, layers[a])).length == 1;
        }
        Map<String, FarFieldModel> models = new HashMap<>();
        FarFieldSurrogate[] own = new FarFieldSurrogate[nl];
        List<FarFieldInterLayer> between = new ArrayList<>();
        int[] nearPairs = {0};
        for (int a = 0; a < nl; a++) {
            FarFieldModel m = model(models, sx, sy, layers[a], a, reference, spanX, spanY, 0, t[a], cell, smeared,
                    pool);
            Prisms layer = subset(p, layers[a]);
            if (points != null) {
                int[] ta = targetsOf[a];
                own[a] = ta.length == 0 ? null : FarFieldSurrogate.atPoints(layer, pick(points[0], ta),
                        pick(points[1], ta), pick(points[2], ta), m, pool);
            } else if (cell != null) {
                int[] cells = new int[layer.size()];
                RegularGrid g = layerGrid(layer, cell, cells);
                own[a] = FarFieldSurrogate.forGrid(g, cells, m, pool);
            } else {
                own[a] = FarFieldSurrogate.forPrisms(layer, m, pool);
            }
            nearPairs[0] += own[a] == null ? 0 : own[a].nearPairs();
        }
        for (int a = 0; a < nl; a++) {
            for (int c = 0; c < nl; c++) {
                int[] ta = targetsOf[a], sc = layers[c];
                if (a == c || ta.length == 0) {
                    continue;
                }
                Cancellation.check();
                double dz = z[a] - z[c];
                FarFieldModel ma = model(models, sx, sy, sc, c, reference, spanX, spanY, dz, t[c], cell, smeared,
                        pool);
                FarFieldModel mb;
                if (points != null) {
                    mb = null;
                } else {
                    boolean single = cell != null || (oneSize[a] && oneSize[c] && t[a] == t[c]
                            && sx[ta[0]] == sx[sc[0]] && sy[ta[0]] == sy[sc[0]]);
                    mb = single ? ma : model(models, sx, sy, ta, a, reference, spanX, spanY, dz, t[a], cell,
                            smeared, pool);
                }
                double[] tx = points != null ? pick(points[0], ta) : pick(cx, ta);
                double[] ty = points != null ? pick(points[1], ta) : pick(cy, ta);
                FarFieldInterLayer piece = new FarFieldInterLayer(pick(cx, sc), pick(cy, sc), pick(vol, sc),
                        pick(sx, sc), pick(sy, sc), sc, tx, ty, points != null ? null : pick(sx, ta),
                        points != null ? null : pick(sy, ta), ta, ma, mb,
                        (i, j, out) -> exact.tensor(ta[i], sc[j], out), pool);
                nearPairs[0] += piece.nearPairs();
                between.add(piece);
            }
        }
        FarFieldModel first = models.values().iterator().next();
        int nt = points == null ? count : points[0].length;
        long exactMap = between.stream().filter(FarFieldInterLayer::exactSizeMap).count();
        String d = String.format(Locale.ROOT, "far-field surrogate in %d layers (z = %s m): %d pieces (%d between "
                + "layers, %d of them over the prisms' rectangles), %d smeared models, L = %d per channel, %.1f exact "
                + "near blocks per target; %s", nl, list(z), nl + between.size(), between.size(), exactMap,
                models.size(), first.basisSize(), nearPairs[0] / (double) Math.max(1, nt), first.describe());
        log.accept(String.format(Locale.ROOT, "built the layered far-field surrogate (%d layers, %d models) in %.1f s",
                nl, models.size(), (System.nanoTime() - t0) * 1e-9));
        return new LayeredFarFieldSurrogate(count, nt, layers, targetsOf, own,
                between.toArray(new FarFieldInterLayer[0]), pool, d);
    }

    /** Points grouped by the layer whose mid-plane they lie in (each lies in one: checked by {@link #atPoints}). */
    private static int[][] pointGroups(double[] z, Layers layers) {
        int[] of = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            of[i] = layers.at(z[i]);
        }
        return new Layers(of, layers.z(), layers.thickness()).members();
    }

    /** The model for sources of one layer at a vertical offset, made once per (layer sizes, dz, thickness). */
    private static FarFieldModel model(Map<String, FarFieldModel> cache, double[] sx, double[] sy, int[] layer,
                                       int layerIndex, double reference, double spanX, double spanY, double dz,
                                       double thickness, double[] cell, FarFieldSettings settings, WorkerPool pool) {
        String key = (cell != null ? "grid" : "layer" + layerIndex) + "|" + dz + "|" + thickness;
        FarFieldModel m = cache.get(key);
        if (m == null) {
            m = FarFieldFit.smearedPair(pick(sx, layer), pick(sy, layer), reference, spanX, spanY, dz, thickness,
                    cell, settings, pool);
            cache.put(key, m);
        }
        return m;
    }

    /**
     * A one-layer grid holding a layer's cells (only offsets matter), and each domain's cell in it.
     *
     * @param layer the layer's domains, grid cells
     * @param cell the cell sides
     * @param cells receives each domain's cell index in the grid
     * @return the grid
     */
    private static RegularGrid layerGrid(Prisms layer, double[] cell, int[] cells) {
        double[] b = layer.centreBounds();
        int nx = (int) Math.round((b[1] - b[0]) / cell[0]) + 1, ny = (int) Math.round((b[3] - b[2]) / cell[1]) + 1;
        RegularGrid g = new RegularGrid(nx, ny, 1, cell[0], cell[1], cell[2], b[0] - 0.5 * cell[0],
                b[2] - 0.5 * cell[1], layer.cz(0) - 0.5 * cell[2]);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = g.index((int) Math.round((layer.cx(i) - b[0]) / cell[0]),
                    (int) Math.round((layer.cy(i) - b[2]) / cell[1]), 0);
        }
        return g;
    }

    /** The domains of one layer, in the layer's order. */
    private static Prisms subset(Prisms p, int[] which) {
        double[] x = new double[which.length], y = new double[which.length], z = new double[which.length];
        double[] a = new double[which.length], b = new double[which.length], c = new double[which.length];
        for (int i = 0; i < which.length; i++) {
            int k = which[i];
            x[i] = p.cx(k);
            y[i] = p.cy(k);
            z[i] = p.cz(k);
            a[i] = p.sx(k);
            b[i] = p.sy(k);
            c[i] = p.sz(k);
        }
        return Prisms.of(x, y, z, a, b, c);
    }

    private static double[] pick(double[] a, int[] which) {
        double[] b = new double[which.length];
        for (int i = 0; i < which.length; i++) {
            b[i] = a[which[i]];
        }
        return b;
    }

    private static String list(double[] z) {
        StringBuilder s = new StringBuilder();
        for (int a = 0; a < z.length; a++) {
            s.append(a == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", z[a]));
        }
        return s.toString();
    }

    /** @return the number of layers */
    public int layerCount() {
        return members.length;
    }

    @Override
    public int sources() {
        return n;
    }

    @Override
    public int targets() {
        return nt;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != n || h.size() != nt) {
            throw new IllegalArgumentException("layered surrogate has " + n + " sources and " + nt + " targets; got "
                    + "magnetisation of size " + magnetisation.size() + " and field of size " + h.size());
        }
        for (int a = 0; a < members.length; a++) {
            if (own[a] == null) {
                continue;
            }
            int[] idx = members[a], out = targetsOf[a];
            VectorField ma = mLayer[a], ha = hLayer[a];
            for (int i = 0; i < idx.length; i++) {
                ma.x[i] = magnetisation.x[idx[i]];
                ma.y[i] = magnetisation.y[idx[i]];
                ma.z[i] = magnetisation.z[idx[i]];
            }
            ha.clear();
            own[a].addField(ma, ha);
            for (int i = 0; i < out.length; i++) {
                h.x[out[i]] += ha.x[i];
                h.y[out[i]] += ha.y[i];
                h.z[out[i]] += ha.z[i];
            }
        }
        for (FarFieldInterLayer piece : between) {
            piece.addField(magnetisation, h, pool);
        }
    }
}
