package org.hypermag.surrogate.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;

/**
 * A paper model ({@link PaperModel}: fourier, fc-ilr, linear) used as the demagnetising field among a fixed set of
 * domains, as it comes: at every call the coefficient vectors of all domains (size, position and M) are summed
 * ({@link PaperModel#represent}) and the field H = −∇φ, with H_z from the model's own H_z channel
 * ({@link PaperModel#evaluate}), is evaluated at every domain's centre.
 *
 * <p>Placement: the model's domain is [−3, 3]² of its length unit around the origin, with source centres trained in
 * [−2, 2]². The domains are shifted so that the centre of their centres' bounding box is at the origin and their
 * common mid-plane at z = 0; they must form one layer (equal centre z) whose centres lie within the trained square
 * ({@link #unsupported}). Source sides and thicknesses outside the trained ranges (0.5–2 and 0.1–1 units) are
 * accepted: the hypernetwork extrapolates, and {@link #describe()} says so.
 *
 * <p>Self term: nothing is added for a domain's own field. The value at a domain's centre is the model's prediction
 * there, which includes its own source (the training points fall inside sources too, where the target is the exact
 * H = −N·M of that prism), so the self-demagnetisation is whatever the model learnt. The exact paths it is compared
 * with use the cell-averaged (Newell) tensor on grids and the point tensor at centres otherwise.
 *
 * <p>Cost per call: O(N) hypernetwork evaluations plus O(N) basis evaluations, in parallel chunks on the pool; each
 * call allocates its scratch (the models allocate per call). Not thread-safe (one caller at a time), like every
 * {@link DemagField}.
 */
public final class PaperModelDemag implements DemagField {
    /** Trained range of in-plane sides and thicknesses (domain units), as sampled by the training data. */
    static final double SIDE_MIN = 0.5, SIDE_MAX = 2, THICKNESS_MIN = 0.1, THICKNESS_MAX = 1;

    private final PaperModel model;
    private final int n;
    private final Prisms[] chunkSources;
    private final int[] chunkStart;
    private final double[][] chunkX, chunkY;
    private final double[][] chunkMx, chunkMy, chunkMz, chunkHx, chunkHy, chunkHz;
    private final double[][] chunkRep;
    private final WorkerPool pool;
    private final String description;

    private PaperModelDemag(PaperModel model, Prisms domains, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.n = domains.size();
        double[] b = domains.centreBounds();
        double x0 = 0.5 * (b[0] + b[1]), y0 = 0.5 * (b[2] + b[3]), z0 = domains.cz(0);
        int chunks = Math.max(1, Math.min(n, 4 * pool.threads()));
        chunkSources = new Prisms[chunks];
        chunkStart = new int[chunks + 1];
        chunkX = new double[chunks][];
        chunkY = new double[chunks][];
        chunkMx = new double[chunks][];
        chunkMy = new double[chunks][];
        chunkMz = new double[chunks][];
        chunkHx = new double[chunks][];
        chunkHy = new double[chunks][];
        chunkHz = new double[chunks][];
        chunkRep = new double[chunks][];
        for (int c = 0; c < chunks; c++) {
            chunkStart[c + 1] = (int) ((long) n * (c + 1) / chunks);
            int from = chunkStart[c], len = chunkStart[c + 1] - from;
            double[] cx = new double[len], cy = new double[len], cz = new double[len], sx = new double[len],
                    sy = new double[len], sz = new double[len];
            for (int k = 0; k < len; k++) {
                int i = from + k;
                cx[k] = domains.cx(i) - x0;
                cy[k] = domains.cy(i) - y0;
                cz[k] = domains.cz(i) - z0;
                sx[k] = domains.sx(i);
                sy[k] = domains.sy(i);
                sz[k] = domains.sz(i);
            }
            chunkSources[c] = Prisms.of(cx, cy, cz, sx, sy, sz);
            chunkX[c] = cx;
            chunkY[c] = cy;
            chunkMx[c] = new double[len];
            chunkMy[c] = new double[len];
            chunkMz[c] = new double[len];
            chunkHx[c] = new double[len];
            chunkHy[c] = new double[len];
            chunkHz[c] = new double[len];
        }
        Settings s = model.settings();
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "paper model %s (%d coefficients per source, "
                + "summed; %d parameters): length unit %.4g m, magnetisation unit %.4g A/m; %d domains placed with "
                + "their centres' box at the origin of [-3, 3]^2 units and their mid-plane at z = 0; H = -grad(phi) "
                + "in-plane and the model's H_z channel at each domain's centre, the self term as the model predicts "
                + "it", model.name(), model.representationSize(), model.parameterCount(), s.lengthUnit(),
                s.magnetisationScale(), n));
        List<String> outside = outsideTraining(model, domains);
        if (!outside.isEmpty()) {
            d.append("; outside the trained range (the model extrapolates): ").append(String.join("; ", outside));
        }
        description = d.toString();
    }

    /**
     * Binds a model to the domains.
     *
     * @param model the trained model
     * @param domains the domains (one layer: equal centre z)
     * @param pool threads
     * @return the demag field among the domains
     * @throws IllegalArgumentException with {@link #unsupported}'s reason if the model cannot represent them
     */
    public static PaperModelDemag bind(PaperModel model, Prisms domains, WorkerPool pool) {
        String why = unsupported(model, domains);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return new PaperModelDemag(model, domains, pool);
    }

    /**
     * Why the model cannot represent the domains, or null if it can: they are empty, do not form one layer (the
     * model evaluates in one plane, its sources centred in it), or their centres, placed with their bounding box
     * centred at the origin, span more than the trained square [−2, 2]² of the model's length unit.
     *
     * @param model the model
     * @param domains the domains
     * @return the reason (one sentence, with the numbers in m and in domain units), or null
     */
    public static String unsupported(PaperModel model, Prisms domains) {
        return unsupported(model.name(), model.settings().lengthUnit(), domains);
    }

    /**
     * {@link #unsupported(PaperModel, Prisms)} before a model exists (to refuse a geometry before training for it).
     *
     * @param name the model's name (for the message)
     * @param u the model's length unit (m)
     * @param domains the domains
     * @return the reason, or null
     */
    public static String unsupported(String name, double u, Prisms domains) {
        if (domains.size() == 0) {
            return "there are no domains";
        }
        double z0 = domains.cz(0);
        for (int i = 1; i < domains.size(); i++) {
            if (Math.abs(domains.cz(i) - z0) > 1e-6 * u) {
                return String.format(Locale.ROOT, "the %s model evaluates in one plane and its sources are centred "
                        + "in it, but domain %d is centred at z = %.4g m and domain 0 at z = %.4g m (several layers)",
                        name, i, domains.cz(i), z0);
            }
        }
        double[] b = domains.centreBounds();
        double half = 0.5 * Math.max(b[1] - b[0], b[3] - b[2]);
        if (half > Examples.CENTRES * u * (1 + 1e-9)) {
            return String.format(Locale.ROOT, "its length unit is %.4g m, so it was trained on sources centred "
                    + "within +-%.4g m (+-%.0f units) of the origin, but the domains' centres span %.4g x %.4g m "
                    + "(+-%.3g units)", u, Examples.CENTRES * u, Examples.CENTRES, b[1] - b[0], b[3] - b[2],
                    half / u);
        }
        return null;
    }

    /**
     * The scales a paper model needs for a system's domains: the length unit of {@link #lengthUnitFor} (centres
     * within the trained [−2, 2]² units, no side above 2 units) and the largest saturation magnetisation of the domains
     * as the magnetisation unit (so |M| is at most 1 unit; the training sampled |M| in [0.5, 1] units).
     *
     * @param magnet the domains
     * @return {length unit (m), magnetisation unit (A/m)}
     */
    public static double[] scales(org.hypermag.solver.magnet.Magnet magnet) {
        double ms = 0;
        for (int i = 0; i < magnet.size(); i++) {
            ms = Math.max(ms, magnet.ms(i));
        }
        return new double[] {lengthUnitFor(magnet.prisms()), ms > 0 ? ms : 8e5};
    }

    /**
     * The length unit that fits a model to the domains: the smallest unit (m) for which their centres, placed as
     * {@link #bind} places them, lie within the trained square [−2, 2]² and no in-plane side exceeds the largest
     * trained side, 2 units; that is max(half the larger span of the centres, the largest side) / 2. The smallest
     * such unit keeps the sources as large in domain units as the domain allows (grid cells are still far smaller
     * than the trained 0.5 units: see {@link #outsideTraining}).
     *
     * @param domains the domains, at least one
     * @return the length unit (m)
     * @throws IllegalArgumentException if there are no domains
     */
    public static double lengthUnitFor(Prisms domains) {
        if (domains.size() == 0) {
            throw new IllegalArgumentException("there are no domains");
        }
        double[] b = domains.centreBounds();
        double half = 0.5 * Math.max(b[1] - b[0], b[3] - b[2]), side = 0;
        for (int i = 0; i < domains.size(); i++) {
            side = Math.max(side, Math.max(domains.sx(i), domains.sy(i)));
        }
        return Math.max(half / Examples.CENTRES, side / SIDE_MAX);
    }

    /**
     * Where the domains leave the ranges the model was trained on (sides, thicknesses), in domain units.
     *
     * @param model the model
     * @param domains the domains
     * @return one phrase per quantity outside its trained range (empty if none)
     */
    public static List<String> outsideTraining(PaperModel model, Prisms domains) {
        return outsideTraining(model.settings().lengthUnit(), domains);
    }

    /**
     * {@link #outsideTraining(PaperModel, Prisms)} for a length unit.
     *
     * @param u the length unit (m)
     * @param domains the domains
     * @return one phrase per quantity outside its trained range (empty if none)
     */
    public static List<String> outsideTraining(double u, Prisms domains) {
        double sMin = Double.POSITIVE_INFINITY, sMax = 0, tMin = Double.POSITIVE_INFINITY, tMax = 0;
        for (int i = 0; i < domains.size(); i++) {
            sMin = Math.min(sMin, Math.min(domains.sx(i), domains.sy(i)) / u);
            sMax = Math.max(sMax, Math.max(domains.sx(i), domains.sy(i)) / u);
            tMin = Math.min(tMin, domains.sz(i) / u);
            tMax = Math.max(tMax, domains.sz(i) / u);
        }
        List<String> out = new ArrayList<>();
        if (sMin < SIDE_MIN || sMax > SIDE_MAX) {
            out.add(String.format(Locale.ROOT, "in-plane sides %.3g-%.3g units (trained %.1f-%.0f)", sMin, sMax,
                    SIDE_MIN, SIDE_MAX));
        }
        if (tMin < THICKNESS_MIN || tMax > THICKNESS_MAX) {
            out.add(String.format(Locale.ROOT, "thickness %.3g-%.3g units (trained %.1f-%.0f)", tMin, tMax,
                    THICKNESS_MIN, THICKNESS_MAX));
        }
        return out;
    }

    /** @return the bound model */
    public PaperModel model() {
        return model;
    }

    @Override
    public int sources() {
        return n;
    }

    @Override
    public int targets() {
        return n;
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        int chunks = chunkSources.length;
        pool.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                int start = chunkStart[c];
                for (int k = 0; k < chunkMx[c].length; k++) {
                    chunkMx[c][k] = magnetisation.x[start + k];
                    chunkMy[c][k] = magnetisation.y[start + k];
                    chunkMz[c][k] = magnetisation.z[start + k];
                }
                chunkRep[c] = model.represent(chunkSources[c], chunkMx[c], chunkMy[c], chunkMz[c]);
            }
        });
        double[] rep = new double[model.representationSize()];
        for (double[] r : chunkRep) {
            for (int j = 0; j < rep.length; j++) {
                rep[j] += r[j];
            }
        }
        pool.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                model.evaluate(rep, chunkX[c], chunkY[c], null, chunkHx[c], chunkHy[c], chunkHz[c]);
            }
        });
        for (int c = 0; c < chunks; c++) {
            int start = chunkStart[c];
            for (int k = 0; k < chunkHx[c].length; k++) {
                h.x[start + k] += chunkHx[c][k];
                h.y[start + k] += chunkHy[c][k];
                h.z[start + k] += chunkHz[c][k];
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
