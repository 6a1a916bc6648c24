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
 * features ({@link FarFieldSpectral}), and no moment approximation.
 *
 * <p>Allocates nothing per evaluation. Not thread-safe.
 */
final class FarFieldBoxTransforms {
    private final Nufft2d fft;
    private final Nufft2d.Points boxSources, centreSources, centreTargets, boxTargets;
    private final int n;
    private final double wA, wB;
    /** The line kernel's multipliers in {@link FarFieldSpectral#PAIRS} order (in-plane: five). */
    private final double[][] t;
    private final double[] volume, q, combined;
    private final double[][] spectraA, spectraB;

    /**
     * @param s the sources and targets; their model has a line kernel ({@link FarFieldSources#exactMap})
     * @param fft the transforms on the model's harmonics
     */
    FarFieldBoxTransforms(FarFieldSources s, Nufft2d fft) {
        if (!s.exactMap) {
            throw new IllegalArgumentException("the box transforms need a model with a line kernel");
        }
        FarFieldModel model = s.model;
        HarmonicAxis ax = model.ax, ay = model.ay;
        this.fft = fft;
        n = s.n;
        volume = s.volume;
        wA = s.weightA();
        wB = s.weightB();
        t = FarFieldSpectral.multipliers(model.line, ax, ay);
        double[] cx = angles(s.px, ax.w1), cy = angles(s.py, ay.w1);
        double[] halfX = new double[n], halfY = new double[n];
        for (int j = 0; j < n; j++) {
            halfX[j] = 0.5 * ax.w1 * s.sx[j];
            halfY[j] = 0.5 * ay.w1 * s.sy[j];
        }
        boxSources = fft.boxPoints(cx, cy, halfX, halfY);
        if (s.reciprocal) {
            // the targets are the domains: their centres and rectangles are the sources'
            centreSources = fft.points(cx, cy);
            centreTargets = centreSources;
            boxTargets = boxSources;
        } else {
            centreSources = null;
            centreTargets = fft.points(angles(s.tx, ax.w1), angles(s.ty, ay.w1));
            boxTargets = null;
        }
        int modes = fft.mx * fft.my;
        spectraA = new double[3][2 * modes];
        spectraB = wB != 0 ? new double[3][2 * modes] : null;
        combined = new double[2 * modes];
        q = new double[n];
    }

    private static double[] angles(double[] x, double w1) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = w1 * x[i];
        }
        return a;
    }

    /** @return transforms per evaluation (type 1 plus type 2) */
    int transforms() {
        return spectraB == null ? 6 : 12;
    }

    /** @return the footprint widths of the rectangles {x, y} (grid points) */
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
            double[] mc = component(m, c);
            for (int j = 0; j < n; j++) {
                q[j] = volume[j] * mc[j];
            }
            fft.forward(boxSources, q, spectraA[c]);
            if (spectraB != null) {
                fft.forward(centreSources, q, spectraB[c]);
            }
        }
        for (int c = 0; c < 3; c++) {
            double[] out = component(h, c);
            combine(c, spectraA, wA);
            fft.backward(combined, centreTargets, 1, out);
            if (spectraB != null) {
                combine(c, spectraB, wB);
                fft.backward(combined, boxTargets, 1, out);
            }
        }
    }

    /** combined = weight Σ_c' T_{c c'} S_c' over the in-plane pairs of {@link FarFieldSpectral#PAIRS}. */
    private void combine(int c, double[][] spectra, double weight) {
        Arrays.fill(combined, 0);
        for (int k = 0; k < 5; k++) {
            if (FarFieldSpectral.PAIRS[k][0] != c) {
                continue;
            }
            double[] s = spectra[FarFieldSpectral.PAIRS[k][1]], tk = t[k];
            for (int i = 0; i < tk.length; i++) {
                double g = weight * tk[i];
                combined[2 * i] += g * s[2 * i];
                combined[2 * i + 1] += g * s[2 * i + 1];
            }
        }
    }

    private static double[] component(VectorField v, int c) {
        return c == 0 ? v.x : c == 1 ? v.y : v.z;
    }
}
