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
        for (int i = 0; i < n; i++) {
            volume[i] = p.volume(i);
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
     * The per-unit-volume coefficients of domain i: its class's set, or built from its features into the buffers.
     *
     * @param i a domain
     * @param buffers four work arrays of the basis size, filled when the coefficients are a combination
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
        for (double[] b : buffers) {
            Arrays.fill(b, 0);
        }
        double[] bxx = buffers[0], byy = buffers[1], bxy = buffers[2], bzz = buffers[3];
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
        System.arraycopy(buffers, 0, out, 0, 4);
        return out;
    }
}
