package org.hypermag.surrogate.paper;

import java.util.Locale;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;
import org.hypermag.surrogate.FarFieldModel;
import org.hypermag.surrogate.FarFieldSettings;
import org.hypermag.surrogate.FarFieldSurrogate;

/**
 * The paper protocol ({@link PaperProtocol}: Eq. 10 medians on the single-source and 2–20-source test sets of an
 * evaluation seed) for the {@code far-field} model.
 *
 * <p>The far-field model represents one layer: all sources of one thickness, centred on one plane, evaluated in that
 * mid-plane. The original protocol draws every source's thickness uniformly in [0.1, 1], which no single far-field
 * model can represent ({@link #unsupported} gives {@link FarFieldModel}'s reason); the model is evaluated on the
 * fixed-thickness variant ({@link Sampling#fixedThickness}), whose sources and points are otherwise those of the
 * original protocol. One model is fitted once ({@link #fit}) for the whole sampled size range — in-plane sides in
 * [0.5, 2]², moment features — and the offsets of the domain (source centres in [−2, 2]², points in [−3, 3]²: up to
 * {@value #SPAN} domain units per axis), then bound to each test example with {@link FarFieldSurrogate#atPoints}.
 *
 * <p>Only Δ_H is reported: the model has no scalar potential that includes M_z (in the mid-plane the potential of M_z
 * vanishes while H_z does not; H_z is a separate channel), and its near zone is the exact tensor, not a potential, so
 * there is no φ to compare (Δ_φ is "n/a"). Relative errors are taken at every point exactly as in
 * {@link PaperProtocol}, points inside sources included.
 *
 * <p>Lengths: the protocol's domain unit is {@value #LENGTH_UNIT} m (the paper models' default); relative errors do
 * not depend on it.
 */
public final class FarFieldPaperProtocol {
    /** The domain unit (m). */
    public static final double LENGTH_UNIT = 1e-8;
    /** The largest |offset| per axis between a source centre and a point (domain units): 2 + 3. */
    public static final double SPAN = Examples.CENTRES + Examples.DOMAIN;
    /** The reference size a of the fitted model (domain units): the middle of the side range [0.5, 2]. */
    public static final double REFERENCE = 1.25;
    /** The thickness of the fixed-thickness variant used in docs/surrogate.md (domain units). */
    public static final double DEFAULT_THICKNESS = 0.5;

    private FarFieldPaperProtocol() {
    }

    /**
     * Eq. 10 errors of the far-field model on one protocol, as fractions; Δ_φ is not available.
     *
     * @param sampling the protocol's sampling (the fixed-thickness variant)
     * @param settings the model's settings
     * @param nearRadius the near radius R (domain units)
     * @param basisSize harmonics per channel L
     * @param seed the evaluation seed
     * @param singleH Δ_H, single-source
     * @param multiH Δ_H, multi-source (2–20)
     * @param singleNear fraction of the single-source set's source–point pairs inside R (computed exactly)
     * @param multiNear the same for the multi-source set
     * @param singleFarH median relative error of H over the single-source points with at least one source beyond R
     *     (where the harmonic far field contributes; NaN if there are none)
     * @param multiFarH the same for the multi-source set
     * @param points evaluation points per set
     */
    public record Report(Sampling sampling, FarFieldSettings settings, double nearRadius, int basisSize,
                         long seed, double singleH, double multiH, double singleNear, double multiNear,
                         double singleFarH, double multiFarH, int[] points) {
        /** @return the Markdown header matching {@link #tableRow()} */
        public static String tableHeader() {
            return "| model | protocol | single Δφ % | single ΔH % | multi Δφ % | multi ΔH % | R (sizes / domain units) "
                    + "| k_max R | L | pairs inside R, single / multi % | ΔH % at points with a source beyond R, single / multi "
                    + "|\n|---|---|---|---|---|---|---|---|---|---|---|";
        }

        /** @return a Markdown table row (errors in %) */
        public String tableRow() {
            return String.format(Locale.ROOT, "| far-field | %s | n/a | %s | n/a | %s | %.3g / %.3g | %.3g | %d "
                    + "| %.1f / %.1f | %s / %s |", sampling.label(), percent(singleH), percent(multiH),
                    settings.nearRadius(), nearRadius, settings.kR(), basisSize, 100 * singleNear, 100 * multiNear,
                    percent(singleFarH), percent(multiFarH));
        }

        private static String percent(double f) {
            if (Double.isNaN(f)) {
                return "-";
            }
            return 100 * f >= 0.01 ? String.format(Locale.ROOT, "%.2f", 100 * f)
                    : String.format(Locale.ROOT, "%.1e", 100 * f);
        }
    }

    /**
     * A Markdown row, matching {@link Report#tableHeader()}, for a protocol the model is not applicable to (the
     * reason goes below the table).
     *
     * @param sampling the protocol
     * @param settings the settings asked for
     * @return the row
     */
    public static String notApplicableRow(Sampling sampling, FarFieldSettings settings) {
        return String.format(Locale.ROOT, "| far-field | %s | n/a | not applicable | n/a | not applicable | %.3g / %.3g "
                + "| %.3g | - | - | - |", sampling.label(), settings.nearRadius(), settings.nearRadius() * REFERENCE,
                settings.kR());
    }

    /**
     * Fits one far-field model for the fixed-thickness protocol: sources of the given thickness with any in-plane
     * sides in [0.5, 2]² (moment features, reference size {@value #REFERENCE}), covering offsets up to {@code span}
     * per axis.
     *
     * @param settings accuracy settings; R in units of {@value #REFERENCE} domain units
     * @param thickness the sources' thickness (domain units)
     * @param span the largest |offset| per axis to cover (domain units), at least {@value #SPAN} to cover the domain
     * @param pool threads for the fit
     * @return the model
     * @throws IllegalArgumentException with {@link FarFieldModel}'s reason if it cannot be fitted (e.g. the whole span
     *     lies inside the near radius: no far zone)
     */
    public static FarFieldModel fit(FarFieldSettings settings, double thickness, double span, WorkerPool pool) {
        if (!(thickness > 0) || !Double.isFinite(thickness)) {
            throw new IllegalArgumentException("thickness must be finite and > 0 (domain units), got " + thickness);
        }
        if (!(span >= SPAN) || !Double.isFinite(span)) {
            throw new IllegalArgumentException("span must be finite and >= " + SPAN + " domain units (the protocol's "
                    + "largest offset), got " + span);
        }
        // 13 squares with sides 0.5, 0.625, …, 2: more than 9 distinct sizes (moment features) spanning [0.5, 2]²,
        // median side 1.25 (the reference size)
        int n = 13;
        double[] cx = new double[n], zero = new double[n], s = new double[n], t = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = (0.5 + 1.5 * k / (n - 1)) * LENGTH_UNIT;
            cx[k] = 3 * k * LENGTH_UNIT;
            t[k] = thickness * LENGTH_UNIT;
        }
        Prisms template = Prisms.of(cx, zero, zero, s, s, t);
        double u = span * LENGTH_UNIT;
        try {
            return FarFieldModel.fitPrisms(template, u, u, settings, pool, FarFieldModel.Progress.NONE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "far-field for the paper protocol (offsets "
                    + "up to %s x %s domain units of %.0e m, R = %s domain units): %s", Sampling.number(span),
                    Sampling.number(span), LENGTH_UNIT, Sampling.number(settings.nearRadius() * REFERENCE),
                    e.getMessage()), e);
        }
    }

    /**
     * Why the model cannot represent the test sources of a protocol, or null if it can: {@link FarFieldModel}'s
     * reason for the first unrepresentable example of each test set.
     *
     * @param model the model
     * @param sampling the protocol
     * @param seed the evaluation seed
     * @return the reason, or null
     */
    public static String unsupported(FarFieldModel model, Sampling sampling, long seed) {
        Examples[] sets = PaperProtocol.testSets(seed, sampling);
        String single = firstUnsupported(model, sets[0]), multi = firstUnsupported(model, sets[1]);
        if (single == null && multi == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("the far-field model cannot represent the test sources of the ")
                .append(sampling.label()).append(" protocol (").append(sampling.describe()).append(")");
        if (single != null) {
            b.append("; single-source set, ").append(single);
        }
        if (multi != null) {
            b.append("; multi-source set, ").append(multi);
        }
        return b.toString();
    }

    private static String firstUnsupported(FarFieldModel model, Examples ex) {
        for (int e = 0; e < ex.count; e++) {
            String why = model.unsupported(prisms(ex, e));
            if (why != null) {
                return "example " + e + ": " + why;
            }
        }
        return null;
    }

    /**
     * Evaluates the model with the paper protocol's Eq. 10 Δ_H on both test sets.
     *
     * @param model a far-field model with point coupling, e.g. from {@link #fit}
     * @param sampling the protocol (its sources must be representable: the fixed-thickness variant of the model's
     *     thickness)
     * @param seed the evaluation seed
     * @param pool threads (examples are evaluated in parallel)
     * @return the errors
     * @throws IllegalArgumentException with {@link #unsupported}'s reason if the model cannot represent the sources
     */
    public static Report evaluate(FarFieldModel model, Sampling sampling, long seed, WorkerPool pool) {
        String why = unsupported(model, sampling, seed);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        Examples[] sets = PaperProtocol.testSets(seed, sampling);
        double[] s = errors(model, sets[0], pool), m = errors(model, sets[1], pool);
        return new Report(sampling, model.settings(), model.nearRadius() / LENGTH_UNIT, model.basisSize(), seed, s[0],
                m[0], s[1], m[1], s[2], m[2], new int[] {sets[0].count * sets[0].points, sets[1].count * sets[1].points});
    }

    /** The sources of example e as prisms (m), centred in z = 0. */
    private static Prisms prisms(Examples ex, int e) {
        int from = ex.sourceStart[e], n = ex.sourceStart[e + 1] - from;
        double[][] c = new double[6][n];
        for (int j = 0; j < n; j++) {
            int o = (from + j) * Examples.FEATURES;
            c[0][j] = ex.sources[o] * LENGTH_UNIT;
            c[1][j] = ex.sources[o + 1] * LENGTH_UNIT;
            c[3][j] = ex.sources[o + 2] * LENGTH_UNIT;
            c[4][j] = ex.sources[o + 3] * LENGTH_UNIT;
            c[5][j] = ex.sources[o + 4] * LENGTH_UNIT;
        }
        return Prisms.of(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    /**
     * {Δ_H, fraction of source–point pairs inside R, Δ_H over the points with a source beyond R} of the model on
     * examples.
     */
    private static double[] errors(FarFieldModel model, Examples ex, WorkerPool pool) {
        double[] rh = new double[ex.count * ex.points];
        boolean[] far = new boolean[rh.length];
        long[] near = new long[ex.count], pairs = new long[ex.count];
        double r2 = model.nearRadius() * model.nearRadius();
        try (WorkerPool serial = new WorkerPool(1)) {
            pool.forRange(ex.count, 1, (from, to) -> {
                for (int e = from; e < to; e++) {
                    Prisms p = prisms(ex, e);
                    int n = p.size(), o = e * ex.points;
                    VectorField m = new VectorField(n), h = new VectorField(ex.points);
                    for (int j = 0; j < n; j++) {
                        int q = (ex.sourceStart[e] + j) * Examples.FEATURES;
                        m.x[j] = ex.sources[q + 5];
                        m.y[j] = ex.sources[q + 6];
                        m.z[j] = ex.sources[q + 7];
                    }
                    double[] x = new double[ex.points], y = new double[ex.points], z = new double[ex.points];
                    for (int i = 0; i < ex.points; i++) {
                        x[i] = ex.px[o + i] * LENGTH_UNIT;
                        y[i] = ex.py[o + i] * LENGTH_UNIT;
                        for (int j = 0; j < n; j++) {
                            double dx = x[i] - p.cx(j), dy = y[i] - p.cy(j);
                            if (dx * dx + dy * dy <= r2) {
                                near[e]++;
                            } else {
                                far[o + i] = true;
                            }
                        }
                    }
                    pairs[e] = (long) n * ex.points;
                    FarFieldSurrogate.atPoints(p, x, y, z, model, serial).addField(m, h);
                    for (int i = 0; i < ex.points; i++) {
                        double dx = h.x[i] - ex.hx[o + i], dy = h.y[i] - ex.hy[o + i], dz = h.z[i] - ex.hz[o + i];
                        rh[o + i] = Math.sqrt((dx * dx + dy * dy + dz * dz) / (ex.hx[o + i] * ex.hx[o + i]
                                + ex.hy[o + i] * ex.hy[o + i] + ex.hz[o + i] * ex.hz[o + i]));
                    }
                }
            });
        }
        long nearSum = 0, pairSum = 0;
        for (int e = 0; e < ex.count; e++) {
            nearSum += near[e];
            pairSum += pairs[e];
        }
        int farCount = 0;
        for (boolean f : far) {
            farCount += f ? 1 : 0;
        }
        double[] rf = new double[farCount];
        for (int i = 0, k = 0; i < rh.length; i++) {
            if (far[i]) {
                rf[k++] = rh[i];
            }
        }
        return new double[] {PaperProtocol.median(rh), (double) nearSum / pairSum,
            farCount == 0 ? Double.NaN : PaperProtocol.median(rf)};
    }
}
