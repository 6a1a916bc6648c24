package org.hypermag.surrogate;

import java.util.Arrays;
import org.hypermag.solver.geometry.Prisms;

/**
 * The sources and targets of a {@link FarFieldSurrogate}, with each source's size features: where they are, their
 * volumes, which coefficient set (size class) or which mixture of sets (moment features) each one has, and how the
 * targets are coupled (reciprocally among the domains themselves, or plainly at points). Immutable after
 * construction; arrays are shared read-only with the evaluators.
 */
final class FarFieldSources {
    final FarFieldModel model;
    /** Sources: count, centres (m), volumes (m³). */
    final int n;
    final double[] px, py, volume;
    /** Source j's size class (CLASSES features), or −1 (moments: coefficients built per source). */
    final int[] klass;
    /** Moment features φ_k of each source, n × K (null for classes). */
    final double[] phi;
    final int features;
    /** Targets: count and positions (m); among domains they are the sources. */
    final int nt;
    final double[] tx, ty;
    /** Whether the targets are the domains, coupled reciprocally (else points, plain point tensor). */
    final boolean reciprocal;
    /** One coefficient set for every source (and target): channel A equals g ⊙ B and is not needed. */
    final boolean singleSet;
    /** Which source sums an evaluation needs: A (each source's own coefficients), B (volume-weighted phases). */
    final boolean useA, useB;
    /** Basis size L = (Kx + 1)(Ky + 1). */
    final int size;
    /**
     * Whether coefficients come from the model's line kernel times each source's sinc factors (the exact size map,
     * {@link FarFieldModel#line}) rather than from its size features.
     */
    final boolean exactMap;
    /** The sources' in-plane sides (m). */
    final double[] sx, sy;
    /** The line kernel's in-plane series xx, yy, xy, zz (exact map), or null. */
    private final double[][] lineSeries;

    /**
     * @param model the model
     * @param p the sources
     * @param targetX target x, or null for the domains themselves (reciprocal coupling)
     * @param targetY target y
     */
    FarFieldSources(FarFieldModel model, Prisms p, double[] targetX, double[] targetY) {
        this.model = model;
        n = p.size();
        px = p.centresX();
        py = p.centresY();
        reciprocal = targetX == null;
        tx = reciprocal ? px : targetX.clone();
        ty = reciprocal ? py : targetY.clone();
        nt = tx.length;
        volume = new double[n];
        sx = new double[n];
        sy = new double[n];
        for (int i = 0; i < n; i++) {
            volume[i] = p.volume(i);
            sx[i] = p.sx(i);
            sy[i] = p.sy(i);
        }
        size = (model.ax.modes + 1) * (model.ay.modes + 1);
        SizeFeatures f = model.features;
        features = f.count();
        klass = new int[n];
        double[] buf = new double[features];
        if (f.kind == SizeFeatures.Kind.CLASSES) {
            phi = null;
            for (int i = 0; i < n; i++) {
                f.evaluate(p.sx(i), p.sy(i), buf);
                int k = 0;
                while (buf[k] == 0) {
                    k++;
                }
                klass[i] = k;
            }
        } else {
            phi = new double[n * features];
            for (int i = 0; i < n; i++) {
                klass[i] = -1;
                f.evaluate(p.sx(i), p.sy(i), buf);
                System.arraycopy(buf, 0, phi, i * features, features);
            }
        }
        boolean same = n > 0 && klass[0] >= 0;
        for (int i = 1; i < n && same; i++) {
            same = klass[i] == klass[0];
        }
        singleSet = same;
        exactMap = model.line != null && !singleSet;
        lineSeries = exactMap ? new double[][] {model.line.xx, model.line.yy, model.line.xy, model.line.zz} : null;
        useA = !singleSet;
        useB = singleSet || reciprocal;
    }

    /** @return the weight of the B channel at the targets: 1 among one size, ½ reciprocal, 0 at points */
    double weightB() {
        return singleSet ? 1 : reciprocal ? 0.5 : 0;
    }

    /** @return the weight of the A channel: 0 among one size, ½ reciprocal, 1 at points */
    double weightA() {
        return singleSet ? 0 : reciprocal ? 0.5 : 1;
    }

    /** Size features of the first count domains (one-hot for classes), n × K; sameAsFirst: every row domain 0's. */
    double[] featureRows(int count, boolean sameAsFirst) {
        double[] rows = new double[count * features];
        for (int i = 0; i < count; i++) {
            int d = sameAsFirst ? 0 : i;
            if (klass[d] >= 0) {
                rows[i * features + klass[d]] = 1;
            } else {
                System.arraycopy(phi, d * features, rows, i * features, features);
            }
        }
        return rows;
    }

    /**
     * The feature weights of the surrogate's kernel from source j at target i per unit source volume: ½ (φ_i + φ_j)
     * between domains, φ_j at points.
     */
    void pairWeights(int i, int j, double[] w) {
        Arrays.fill(w, 0);
        addPhi(j, w);
        if (reciprocal) {
            addPhi(i, w);
            for (int k = 0; k < features; k++) {
                w[k] *= 0.5;
            }
        }
    }

    /** Adds domain i's features to w. */
    void addPhi(int i, double[] w) {
        if (klass[i] >= 0) {
            w[klass[i]] += 1;
        } else {
            for (int k = 0; k < features; k++) {
                w[k] += phi[i * features + k];
            }
        }
    }

    /**
     * The per-unit-volume coefficients of domain i: its class's set, built from its features, or (exact map) the line
     * kernel's times sinc(w_m s_x/2) sinc(w_n s_y/2) with its own sides.
     *
     * @param i a domain
     * @param buffers work arrays of the basis size, filled when the coefficients are built: four, and a fifth (at
     *     least Ky + 1 long) for the exact map
     * @param out receives a^xx, a^yy, a^xy, a^zz (the class's own arrays or the buffers)
     * @return out
     */
    double[][] coefficients(int i, double[][] buffers, double[][] out) {
        if (klass[i] >= 0) {
            FarFieldKernel k = model.sets[klass[i]];
            out[0] = k.xx;
            out[1] = k.yy;
            out[2] = k.xy;
            out[3] = k.zz;
            return out;
        }
        double[] bxx = buffers[0], byy = buffers[1], bxy = buffers[2], bzz = buffers[3];
        if (exactMap) {
            FarFieldSmeared.sized(model.ax, model.ay, lineSeries, sx[i], sy[i], false, buffers[4], buffers);
        } else {
            for (int b = 0; b < 4; b++) {
                Arrays.fill(buffers[b], 0);
            }
            for (int k = 0; k < features; k++) {
                double w = phi[i * features + k];
                FarFieldKernel s = model.sets[k];
                for (int l = 0; l < size; l++) {
                    bxx[l] += w * s.xx[l];
                    byy[l] += w * s.yy[l];
                    bxy[l] += w * s.xy[l];
                    bzz[l] += w * s.zz[l];
                }
            }
        }
        System.arraycopy(buffers, 0, out, 0, 4);
        return out;
    }

    /**
     * The surrogate's kernel of the pair (target i, source j) per unit source volume, by its series: ½ (g_i + g_j)
     * between domains, g_j at points, g the coefficients of {@link #coefficients}. O(L) per call; allocates.
     *
     * @param i target
     * @param j source
     * @return the kernel
     */
    FarFieldKernel pairKernel(int i, int j) {
        if (!exactMap) {
            double[] w = new double[features];
            pairWeights(i, j, w);
            return FarFieldKernel.combine(model.sets, w);
        }
        double[][] out = new double[4][], bj = buffers(), bi = buffers();
        double[][] gj = coefficients(j, bj, new double[4][]);
        if (!reciprocal) {
            return new FarFieldKernel(model.ax, model.ay, gj[0], gj[1], gj[2], gj[3]);
        }
        double[][] gi = coefficients(i, bi, out);
        for (int c = 0; c < 4; c++) {
            for (int l = 0; l < size; l++) {
                gi[c][l] = 0.5 * (gi[c][l] + gj[c][l]);
            }
        }
        return new FarFieldKernel(model.ax, model.ay, gi[0], gi[1], gi[2], gi[3]);
    }

    /** @return work arrays for {@link #coefficients} */
    double[][] buffers() {
        return new double[][] {new double[size], new double[size], new double[size], new double[size],
            new double[model.ay.modes + 1]};
    }
}
