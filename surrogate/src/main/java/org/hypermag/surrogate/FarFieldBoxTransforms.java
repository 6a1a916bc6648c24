package org.hypermag.surrogate;

import java.util.Arrays;
import org.hypermag.solver.VectorField;

/**
 * The far part of a {@link FarFieldSurrogate} with the exact size map ({@link FarFieldModel#line}), by non-uniform FFTs
 * whose points are the prisms' rectangles ({@link Nufft2d#boxPoints}): a prism's kernel is the line kernel convolved
 * with its in-plane rectangle, and spreading each source with the transform's kernel averaged over its rectangle puts
 * exactly its factors sinc(w_m s_x/2) sinc(w_n s_y/2) into the type-1 sums. So one set of multipliers (the line
 * kernel's) serves every size:
 * <ul>
 *   <li>channel A (the sources' own kernels): H_A = T_line · Σ_j V_j M_j sinc(s_j) e^{−ik·c_j}, type 1 over the
 *   rectangles, type 2 at the targets' centres;</li>
 *   <li>channel B (the targets' kernels, between domains): H_B(i) = the rectangle average around target i of
 *   T_line · Σ_j V_j M_j e^{−ik·c_j}, type 1 over the centres, type 2 over the rectangles.</li>
 * </ul>
 * Among domains H = ½ (H_A + H_B), the reciprocal coupling ½ V_j [g(s_j) + g(s_i)](d) of the exact path; at points
 * H = H_A. 12 transforms among domains (6 at points) whatever the spread of sizes, against 60 with nine moment
 * features ({@link FarFieldSpectral}), and no moment approximation. Between two layers
 * ({@link FarFieldInterLayer}) the same with a line kernel per channel: the source layer's thickness for A, the
 * target layer's for B, each with its xz and yz series.
 *
 * <p>Allocates nothing per evaluation. Not thread-safe.
 */
final class FarFieldBoxTransforms {
    private final Nufft2d fft;
    private final Nufft2d.Points boxSources, centreSources, centreTargets, boxTargets;
    private final int n;
    private final double wA, wB;
    /** The line kernels' multipliers in {@link FarFieldSpectral#PAIRS} order: channel A's and channel B's. */
    private final double[][] tA, tB;
    private final double[] volume, q, combined;
    private final double[][] spectraA, spectraB;

    /**
     * Among the domains of one layer (reciprocal) or at points of its mid-plane.
     *
     * @param s the sources and targets; their model has a line kernel ({@link FarFieldSources#exactMap})
     * @param fft the transforms on the model's harmonics
     */
    FarFieldBoxTransforms(FarFieldSources s, Nufft2d fft) {
        this(require(s).model.line, s.reciprocal ? s.model.line : null, s.px, s.py, s.volume, s.sx, s.sy, s.tx, s.ty,
                s.reciprocal ? s.sx : null, s.reciprocal ? s.sy : null, s.weightA(), s.weightB(), s.model.ax,
                s.model.ay, fft);
    }

    private static FarFieldSources require(FarFieldSources s) {
        if (!s.exactMap) {
            throw new IllegalArgumentException("the box transforms need a model with a line kernel");
        }
        return s;
    }

    /**
     * Any sources and targets, e.g. two layers: H = wA·(channel A with lineA) + wB·(channel B with lineB). Targets
     * given as the same arrays as the sources (tx == px, tsx == sx) share the sources' points.
     *
     * @param lineA the line kernel of the sources' own coefficients (per unit volume)
     * @param lineB the line kernel of the targets' coefficients, or null (channel B unused)
     * @param px source x (m)
     * @param py source y (m)
     * @param volume source volumes (m³)
     * @param sx source x sides (m)
     * @param sy source y sides (m)
     * @param tx target x (m)
     * @param ty target y (m)
     * @param tsx target x sides (m), or null when channel B is unused
     * @param tsy target y sides (m), or null
     * @param wA weight of channel A
     * @param wB weight of channel B (0 when lineB is null)
     * @param ax x harmonics of both line kernels
     * @param ay y harmonics
     * @param fft the transforms on those harmonics
     */
    FarFieldBoxTransforms(FarFieldKernel lineA, FarFieldKernel lineB, double[] px, double[] py, double[] volume,
                          double[] sx, double[] sy, double[] tx, double[] ty, double[] tsx, double[] tsy, double wA,
                          double wB, HarmonicAxis ax, HarmonicAxis ay, Nufft2d fft) {
        this.fft = fft;
        n = px.length;
        this.volume = volume;
        this.wA = wA;
        this.wB = lineB == null ? 0 : wB;
        tA = FarFieldSpectral.multipliers(lineA, ax, ay);
        tB = lineB == null ? null : FarFieldSpectral.multipliers(lineB, ax, ay);
        double[] cx = FarFieldSpectral.angles(px, ax), cy = FarFieldSpectral.angles(py, ay);
        boxSources = fft.boxPoints(cx, cy, halves(sx, ax.w1), halves(sy, ay.w1));
        boolean same = tx == px && ty == py;
        double[] tax = same ? cx : FarFieldSpectral.angles(tx, ax), tay = same ? cy : FarFieldSpectral.angles(ty, ay);
        centreTargets = fft.points(tax, tay);
        if (lineB != null) {
            centreSources = same ? centreTargets : fft.points(cx, cy);
            boxTargets = same && tsx == sx && tsy == sy ? boxSources : fft.boxPoints(tax, tay, halves(tsx, ax.w1),
                    halves(tsy, ay.w1));
        } else {
            centreSources = null;
            boxTargets = null;
        }
        int modes = fft.mx * fft.my;
        spectraA = new double[3][2 * modes];
        spectraB = lineB != null ? new double[3][2 * modes] : null;
        combined = new double[2 * modes];
        q = new double[n];
    }

    /** Half sides as angles. */
    private static double[] halves(double[] s, double w1) {
        double[] a = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            a[i] = 0.5 * w1 * s[i];
        }
        return a;
    }

    /** @return the same transforms as a plan for the device kernels */
    TransformPlan plan() {
        TransformPlan plan = new TransformPlan(fft);
        int[] inA = new int[3], inB = new int[3];
        for (int c = 0; c < 3; c++) {
            inA[c] = plan.input(boxSources, c, volume);
            if (spectraB != null) {
                inB[c] = plan.input(centreSources, c, volume);
            }
        }
        for (int c = 0; c < 3; c++) {
            planOutput(plan, plan.output(centreTargets, c, null), c, inA, tA, wA);
            if (spectraB != null) {
                planOutput(plan, plan.output(boxTargets, c, null), c, inB, tB, wB);
            }
        }
        return plan;
    }

    /** The terms of {@link #combine} as plan terms. */
    private static void planOutput(TransformPlan plan, int out, int c, int[] in, double[][] t, double weight) {
        for (int k = 0; k < t.length; k++) {
            if (FarFieldSpectral.PAIRS[k][0] == c) {
                double[] m = t[k].clone();
                for (int i = 0; i < m.length; i++) {
                    m[i] *= weight;
                }
                plan.term(out, in[FarFieldSpectral.PAIRS[k][1]], m, FarFieldSpectral.imaginary(k));
            }
        }
    }

    /** @return transforms per evaluation (type 1 plus type 2) */
    int transforms() {
        return spectraB == null ? 6 : 12;
    }

    /** @return the footprint widths of the sources' rectangles {x, y} (grid points) */
    int[] boxWidths() {
        return new int[] {boxSources.widthX, boxSources.widthY};
    }

    /**
     * Adds the far field of the sources magnetised M (A/m) at the targets into h (A/m).
     *
     * @param m magnetisation of the sources
     * @param h field at the targets
     */
    void addField(VectorField m, VectorField h) {
        for (int c = 0; c < 3; c++) {
            double[] mc = FarFieldSpectral.component(m, c);
            for (int j = 0; j < n; j++) {
                q[j] = volume[j] * mc[j];
            }
            fft.forward(boxSources, q, spectraA[c]);
            if (spectraB != null) {
                fft.forward(centreSources, q, spectraB[c]);
            }
        }
        for (int c = 0; c < 3; c++) {
            double[] out = FarFieldSpectral.component(h, c);
            combine(c, spectraA, tA, wA);
            fft.backward(combined, centreTargets, 1, out);
            if (spectraB != null) {
                combine(c, spectraB, tB, wB);
                fft.backward(combined, boxTargets, 1, out);
            }
        }
    }

    /**
     * combined = weight Σ_c' T_{c c'} S_c' over the pairs of {@link FarFieldSpectral#PAIRS} the multipliers have
     * (five in a layer's plane; nine between layers, whose xz and yz terms are imaginary).
     */
    private void combine(int c, double[][] spectra, double[][] t, double weight) {
        Arrays.fill(combined, 0);
        for (int k = 0; k < t.length; k++) {
            if (FarFieldSpectral.PAIRS[k][0] != c) {
                continue;
            }
            double[] s = spectra[FarFieldSpectral.PAIRS[k][1]], tk = t[k];
            boolean imaginary = FarFieldSpectral.imaginary(k);
            for (int i = 0; i < tk.length; i++) {
                double g = weight * tk[i];
                if (imaginary) {
                    // i·g·(re + i im) = −g im + i g re
                    combined[2 * i] -= g * s[2 * i + 1];
                    combined[2 * i + 1] += g * s[2 * i];
                } else {
                    combined[2 * i] += g * s[2 * i];
                    combined[2 * i + 1] += g * s[2 * i + 1];
                }
            }
        }
    }
}
