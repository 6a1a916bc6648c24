package org.hypermag.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hypermag.solver.VectorField;

/**
 * The far part of a {@link FarFieldSurrogate} evaluated by non-uniform FFTs ({@link Nufft2d}) instead of explicit
 * phase sums: the same model, the same sums, O((M + N)·w² + C·nf²·log nf) per evaluation instead of O((M + N)·L).
 *
 * <p>The model's kernel between a target and a source is a cosine/sine series in their offset; written as a complex
 * Fourier series over wavevectors (p, q), |p| ≤ Kx, |q| ≤ Ky, every output field component is
 * H_c(r_i) = Σ_{p,q} e^{ik·r_i} Σ_{c'} T_{c c'}(p, q) S_{c'}(p, q) with S_{c'}(p, q) = Σ_j q_{c' j} e^{−ik·r_j}: a type-1
 * transform per input channel (the sources' volume-weighted magnetisation components, times a size feature where the
 * coefficients are the sources' own), a real multiplier per wavevector, and a type-2 transform per output channel
 * (times the target's size feature where the coefficients are the target's). With the model's coefficient sets
 * (a^xx, a^yy, a^xy, a^zz per (m, n) = (|p|, |q|), {@link FarFieldKernel}), CC(p, q) = ¼ (2 if p = 0) (2 if q = 0)
 * and SS(p, q) = −¼ sgn p sgn q (0 if p or q is 0), the multipliers are T_xx = −CC a^xx, T_xy = T_yx = −SS a^xy,
 * T_yy = −CC a^yy, T_zz = −CC a^zz: the phase sums of {@link FarFieldPhaseSums} rewritten.
 *
 * <p>Allocates nothing per evaluation. Not thread-safe.
 */
final class FarFieldSpectral {
    /** Default relative tolerance of the transforms (far below the model's own error, ≥ 1e-5). */
    static final double TOLERANCE = 1e-8;

    private final Nufft2d fft;
    private final Nufft2d.Points sources, targets;
    private final int n, nt;
    /** Inputs: magnetisation component (0, 1, 2) and per-source factor (V_j, or V_j φ_jf). */
    private final int[] inComp;
    private final double[][] inFactor;
    private final double[][] spectra;
    /** Outputs: field component and per-target factor (null: 1). */
    private final int[] outComp;
    private final double[][] outFactor;
    /** Per output: the inputs it takes and their multipliers (mx·my reals each). */
    private final int[][] pairIn;
    private final double[][][] pairT;
    /** Per output and term: whether the multiplier is imaginary (i·T: the xz and yz series between layers). */
    private final boolean[][] pairImag;
    private final double[] q, value, combined;

    /**
     * @param model the model
     * @param px source x (m)
     * @param py source y (m)
     * @param volume source volumes (m³)
     * @param sourceFeatures n × K features of the sources (row-major)
     * @param tx target x (m); the same array as px when the targets are the sources
     * @param ty target y (m)
     * @param targetFeatures nt × K features whose coefficients multiply the B channel at each target, or null
     * @param wA weight of the channel with the sources' own coefficients (0: unused)
     * @param wB weight of the channel with the targets' coefficients (0: unused)
     * @param fft the transforms on the model's harmonics
     */
    FarFieldSpectral(FarFieldModel model, double[] px, double[] py, double[] volume, double[] sourceFeatures,
                     double[] tx, double[] ty, double[] targetFeatures, double wA, double wB, Nufft2d fft) {
        this(model, model, px, py, volume, sourceFeatures, tx, ty, targetFeatures, wA, wB, fft);
    }

    /**
     * The same with one model for the sources' own coefficients (A) and another for the targets' (B): between two
     * layers of different thickness, T_ij = ½ V_j [G_A(s_j)(d) + G_B(s_i)(d)] with G_A made for the source layer's
     * thickness and G_B for the target layer's (the reciprocal coupling of {@code DirectSum}). Both models must share
     * the harmonic axes.
     *
     * @param modelA the model of the sources' own coefficients
     * @param modelB the model of the targets' coefficients
     * @param px source x (m)
     * @param py source y (m)
     * @param volume source volumes (m³)
     * @param sourceFeatures n × K_A features of the sources in model A (row-major)
     * @param tx target x (m); the same array as px when the targets are the sources
     * @param ty target y (m)
     * @param targetFeatures nt × K_B features of the targets in model B, or null
     * @param wA weight of channel A (0: unused)
     * @param wB weight of channel B (0: unused)
     * @param fft the transforms on the models' harmonics
     */
    FarFieldSpectral(FarFieldModel modelA, FarFieldModel modelB, double[] px, double[] py, double[] volume,
                     double[] sourceFeatures, double[] tx, double[] ty, double[] targetFeatures, double wA, double wB,
                     Nufft2d fft) {
        FarFieldModel model = modelA;
        HarmonicAxis ax = model.ax, ay = model.ay;
        if (modelB.ax.modes != ax.modes || modelB.ay.modes != ay.modes || modelB.ax.period != ax.period
                || modelB.ay.period != ay.period) {
            throw new IllegalArgumentException("the two models of a pair of layers must share their harmonics");
        }
        int features = model.sets.length, featuresB = modelB.sets.length;
        n = px.length;
        nt = tx.length;
        this.fft = fft;
        sources = fft.points(angles(px, ax), angles(py, ay));
        targets = tx == px && ty == py ? sources : fft.points(angles(tx, ax), angles(ty, ay));
        int modes = fft.mx * fft.my;
        // multipliers of each (out, in) component pair for each feature set
        double[][][] g = new double[features][][], gB = new double[featuresB][][];
        for (int f = 0; f < features; f++) {
            g[f] = multipliers(model.sets[f], ax, ay);
        }
        for (int f = 0; f < featuresB; f++) {
            gB[f] = modelB == modelA ? g[f] : multipliers(modelB.sets[f], ax, ay);
        }
        List<Integer> inC = new ArrayList<>();
        List<double[]> inF = new ArrayList<>();
        List<Integer> outC = new ArrayList<>();
        List<double[]> outF = new ArrayList<>();
        List<int[]> pIn = new ArrayList<>();
        List<double[][]> pT = new ArrayList<>();
        List<boolean[]> pImag = new ArrayList<>();
        if (wB != 0) {
            int first = inC.size();
            for (int c = 0; c < 3; c++) {
                inC.add(c);
                inF.add(volume);
            }
            for (int f = 0; f < featuresB; f++) {
                double[] factor = column(targetFeatures, f, featuresB, nt);
                if (factor == null) {
                    continue;
                }
                boolean ones = true;
                for (double v : factor) {
                    ones &= v == 1;
                }
                for (int c = 0; c < 3; c++) {
                    List<Integer> ins = new ArrayList<>();
                    List<double[]> ts = new ArrayList<>();
                    List<Boolean> im = new ArrayList<>();
                    addTerms(c, first, gB[f], wB, ins, ts, im);
                    outC.add(c);
                    outF.add(ones ? null : factor);
                    pIn.add(ins.stream().mapToInt(Integer::intValue).toArray());
                    pT.add(ts.toArray(new double[0][]));
                    pImag.add(flags(im));
                }
            }
        }
        if (wA != 0) {
            int[] firstOf = new int[features];
            for (int f = 0; f < features; f++) {
                double[] factor = column(sourceFeatures, f, features, n);
                firstOf[f] = -1;
                if (factor == null) {
                    continue;
                }
                double[] weighted = new double[n];
                for (int j = 0; j < n; j++) {
                    weighted[j] = factor[j] * volume[j];
                }
                firstOf[f] = inC.size();
                for (int c = 0; c < 3; c++) {
                    inC.add(c);
                    inF.add(weighted);
                }
            }
            for (int c = 0; c < 3; c++) {
                List<Integer> ins = new ArrayList<>();
                List<double[]> ts = new ArrayList<>();
                List<Boolean> im = new ArrayList<>();
                for (int f = 0; f < features; f++) {
                    if (firstOf[f] >= 0) {
                        addTerms(c, firstOf[f], g[f], wA, ins, ts, im);
                    }
                }
                outC.add(c);
                outF.add(null);
                pIn.add(ins.stream().mapToInt(Integer::intValue).toArray());
                pT.add(ts.toArray(new double[0][]));
                pImag.add(flags(im));
            }
        }
        inComp = inC.stream().mapToInt(Integer::intValue).toArray();
        inFactor = inF.toArray(new double[0][]);
        outComp = outC.stream().mapToInt(Integer::intValue).toArray();
        outFactor = outF.toArray(new double[0][]);
        pairIn = pIn.toArray(new int[0][]);
        pairT = pT.toArray(new double[0][][]);
        pairImag = pImag.toArray(new boolean[0][]);
        spectra = new double[inComp.length][2 * modes];
        combined = new double[2 * modes];
        q = new double[n];
        value = new double[nt];
    }

    /**
     * The (output, input) component pairs with a multiplier, in the order of {@link #multipliers}: the five of a
     * layer's own mid-plane, then (between layers) xz, zx, yz, zy, whose multipliers are imaginary.
     */
    static final int[][] PAIRS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {0, 2}, {2, 0}, {1, 2}, {2, 1}};

    /** @return whether multiplier k ({@link #PAIRS} order) is imaginary */
    static boolean imaginary(int k) {
        return k >= 5;
    }

    private static boolean[] flags(List<Boolean> im) {
        boolean[] b = new boolean[im.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = im.get(i);
        }
        return b;
    }

    /**
     * Appends the terms of output component c from one block of three input channels (x, y, z from index first):
     * the input index and its multiplier (one coefficient set's, times weight).
     */
    private static void addTerms(int c, int first, double[][] multipliers, double weight, List<Integer> ins,
                                 List<double[]> ts, List<Boolean> imag) {
        for (int k = 0; k < multipliers.length; k++) {
            if (PAIRS[k][0] == c) {
                ins.add(first + PAIRS[k][1]);
                ts.add(scaled(multipliers[k], weight));
                imag.add(imaginary(k));
            }
        }
    }

    private static double[] scaled(double[] a, double s) {
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] *= s;
        }
        return b;
    }

    /** Feature f of every row, or null when it is 0 everywhere. */
    private static double[] column(double[] rows, int f, int k, int count) {
        double[] c = new double[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            c[i] = rows[i * k + f];
            any |= c[i] != 0;
        }
        return any ? c : null;
    }

    /** Angles 2π x / P of the positions along an axis (also {@link FarFieldBoxTransforms}'). */
    static double[] angles(double[] x, HarmonicAxis axis) {
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = axis.w1 * x[i];
        }
        return t;
    }

    /**
     * The multipliers of one coefficient set, per mode (q + Ky)·mx + p + Kx, in {@link #PAIRS} order: T_xx, T_xy,
     * T_yx, T_yy, T_zz, and for a kernel between layers the imaginary parts of T_xz = T_zx = i·sgn p·(2 if q = 0)/4
     * a^xz and T_yz = T_zy = i·sgn q·(2 if p = 0)/4 a^yz (from sin(w_m d_x) cos(w_n d_y) = Σ sgn p/(4i) e^{i k·d}).
     */
    static double[][] multipliers(FarFieldKernel set, HarmonicAxis ax, HarmonicAxis ay) {
        int kx = ax.modes, ky = ay.modes, mx = 2 * kx + 1, my = 2 * ky + 1;
        boolean off = set.offPlane();
        double[][] t = new double[off ? 9 : 5][mx * my];
        for (int qi = 0; qi < my; qi++) {
            int qq = qi - ky, nn = Math.abs(qq);
            for (int pi = 0; pi < mx; pi++) {
                int pp = pi - kx, m = Math.abs(pp), l = m * (ky + 1) + nn, at = qi * mx + pi;
                double cc = 0.25 * (pp == 0 ? 2 : 1) * (qq == 0 ? 2 : 1);
                double ss = pp == 0 || qq == 0 ? 0 : -0.25 * Integer.signum(pp) * Integer.signum(qq);
                t[0][at] = -cc * set.xx[l];
                t[1][at] = -ss * set.xy[l];
                t[2][at] = -ss * set.xy[l];
                t[3][at] = -cc * set.yy[l];
                t[4][at] = -cc * set.zz[l];
                if (off) {
                    double sc = 0.25 * Integer.signum(pp) * (qq == 0 ? 2 : 1);
                    double cs = 0.25 * Integer.signum(qq) * (pp == 0 ? 2 : 1);
                    t[5][at] = sc * set.xz[l];
                    t[6][at] = sc * set.xz[l];
                    t[7][at] = cs * set.yz[l];
                    t[8][at] = cs * set.yz[l];
                }
            }
        }
        return t;
    }

    /** @return the same transforms as a plan for the device kernels */
    TransformPlan plan() {
        TransformPlan plan = new TransformPlan(fft);
        for (int ch = 0; ch < inComp.length; ch++) {
            plan.input(sources, inComp[ch], inFactor[ch]);
        }
        for (int o = 0; o < outComp.length; o++) {
            int out = plan.output(targets, outComp[o], outFactor[o]);
            for (int k = 0; k < pairIn[o].length; k++) {
                plan.term(out, pairIn[o][k], pairT[o][k], pairImag[o][k]);
            }
        }
        return plan;
    }

    /** @return transforms per evaluation (type 1 plus type 2) */
    int transforms() {
        return inComp.length + outComp.length;
    }

    /**
     * Adds the far field of the sources magnetised M (A/m) at the targets into h (A/m).
     *
     * @param m magnetisation of the sources
     * @param h field at the targets
     */
    void addField(VectorField m, VectorField h) {
        for (int ch = 0; ch < inComp.length; ch++) {
            double[] f = inFactor[ch], mm = component(m, inComp[ch]);
            for (int j = 0; j < n; j++) {
                q[j] = f[j] * mm[j];
            }
            fft.forward(sources, q, spectra[ch]);
        }
        for (int o = 0; o < outComp.length; o++) {
            Arrays.fill(combined, 0);
            for (int k = 0; k < pairIn[o].length; k++) {
                double[] s = spectra[pairIn[o][k]], t = pairT[o][k];
                if (pairImag[o][k]) {
                    // i·t·(re + i im) = −t im + i t re
                    for (int i = 0; i < t.length; i++) {
                        combined[2 * i] -= t[i] * s[2 * i + 1];
                        combined[2 * i + 1] += t[i] * s[2 * i];
                    }
                } else {
                    for (int i = 0; i < t.length; i++) {
                        combined[2 * i] += t[i] * s[2 * i];
                        combined[2 * i + 1] += t[i] * s[2 * i + 1];
                    }
                }
            }
            double[] factor = outFactor[o], out = component(h, outComp[o]);
            if (factor == null) {
                fft.backward(combined, targets, 1, out);
            } else {
                Arrays.fill(value, 0);
                fft.backward(combined, targets, 1, value);
                for (int i = 0; i < nt; i++) {
                    out[i] += factor[i] * value[i];
                }
            }
        }
    }

    static double[] component(VectorField v, int c) {
        return c == 0 ? v.x : c == 1 ? v.y : v.z;
    }
}
