package org.hypermag.surrogate.gpu;

import com.aparapi.Kernel;
import com.aparapi.Range;
import org.hypermag.surrogate.SurrogateParts;

/**
 * The far-field surrogate (see {@link org.hypermag.surrogate.FarFieldSurrogate}) as one Aparapi kernel in float
 * arithmetic with four passes over the same device buffers, selected by {@link #launch}:
 * <ol>
 *   <li>{@link #ACCUMULATE}: one work item per (harmonic l, chunk of sources) sums the chunk's 12 phase products
 *   V_j M_j ⊗ phases_l(c_j) (sum B) and, for mixed sizes, the 20 products of the source's own coefficients
 *   (a^xx M_x, a^xy M_y, a^xy M_x, a^yy M_y, a^zz M_z) times V_j and the phases (sum A);</li>
 *   <li>{@link #REDUCE}: one work item per coefficient adds the chunks' partial sums;</li>
 *   <li>{@link #EVALUATE}: one work item per target contracts the sums with the target's phases and the tensor's
 *   coefficients (cos cos for xx, yy, zz; sin sin for xy, {@link org.hypermag.surrogate.SurrogateParts});</li>
 *   <li>{@link #NEAR}: one work item per target adds the sparse exact near correction −Σ_e block_e · M_j.</li>
 * </ol>
 *
 * <p>Precision (float): the phases cos/sin(w_m x) are computed once on the host in double (the CPU path's
 * recurrence) and stored as floats, so they carry float rounding only, not the m·6e-8 a float recurrence or the
 * |w_m x|·6e-8 a float argument would; each work item of {@link #ACCUMULATE} sums at most {@link SurrogateDevice#MAX_CHUNK}
 * sources in float, and the chunks are combined by compensated (Kahan) summation in {@link #REDUCE}, so the
 * rounding of the sum over all N sources grows like that of a 4096-term sum, not an N-term one; the sum over the L
 * harmonics at each target ({@link #EVALUATE}) is compensated too. {@code SurrogateKernelD} is the same code in
 * double, generated from this file by {@code scripts/gpu-double-kernels}: edit this file, then regenerate.
 *
 * <p>Memory on the device: phase tables of 2(K_x + K_y + 2) values per source (and per target at points), the
 * coefficient sets (4 F L), partial sums (12 L per chunk for B, 20 L for A), M and H. Not thread-safe.
 */
public final class SurrogateKernelF extends Kernel implements SurrogateDevice {
    /** Pass: per-chunk source sums. */
    public static final int ACCUMULATE = 0;
    /** Pass: sum of the chunks. */
    public static final int REDUCE = 1;
    /** Pass: far field at the targets (overwrites H). */
    public static final int EVALUATE = 2;
    /** Pass: exact near correction (adds to H). */
    public static final int NEAR = 3;

    private final int n;
    private final int nt;
    private final int kx1;
    private final int ky1;
    private final int size;
    private final int features;
    private final int chunks;
    private final int useA;
    private final int useB;
    private final int targetsAreSources;
    private final int nearCount;
    private final float wA;
    private final float wB;
    /** The pass the next execution runs. */
    private int mode;

    private final int[] srcCls, tgtCls, nearStart, nearIndex, nearRef;
    private final float[] srcW, tgtW, setXX, setYY, setXY, setZZ, vol;
    private final float[] pcx, psx, pcy, psy, qcx, qsx, qcy, qsy;
    private final float[] mx, my, mz, hx, hy, hz;
    private final float[] partB, partA, sumB, sumA, nearBlock;
    private final Range accumulateRange, reduceRange, targetRange;

    /**
     * Copies the surrogate's geometry, coefficients, phases and near blocks into device-typed arrays (uploaded with
     * {@link #uploadAll}).
     *
     * @param p the surrogate's parts
     * @param chunkCount the number of source chunks, ≥ ceil(N / {@link SurrogateDevice#MAX_CHUNK}), see {@link SurrogateDevice#chunksFor}
     */
    public SurrogateKernelF(SurrogateParts p, int chunkCount) {
        n = p.sources();
        nt = p.targets();
        kx1 = p.modesX();
        ky1 = p.modesY();
        size = kx1 * ky1;
        features = p.features();
        chunks = Math.max(1, chunkCount);
        useA = p.usesA() ? 1 : 0;
        useB = p.usesB() ? 1 : 0;
        targetsAreSources = p.targetsAreSources() ? 1 : 0;
        wA = (float) p.weightA();
        wB = (float) p.weightB();
        srcCls = new int[Math.max(1, n)];
        srcW = new float[Math.max(1, n * features)];
        double[] w = new double[features];
        for (int j = 0; j < n; j++) {
            srcCls[j] = p.sourceClass(j);
            if (srcCls[j] < 0) {
                p.featureWeights(j, w);
                for (int k = 0; k < features; k++) {
                    srcW[j * features + k] = (float) w[k];
                }
            }
        }
        tgtCls = new int[Math.max(1, nt)];
        tgtW = new float[Math.max(1, nt * features)];
        for (int i = 0; i < nt && n > 0; i++) {
            int o = p.coefficientOwner(i);
            tgtCls[i] = srcCls[o];
            System.arraycopy(srcW, o * features, tgtW, i * features, srcCls[o] < 0 ? features : 0);
        }
        setXX = new float[features * size];
        setYY = new float[features * size];
        setXY = new float[features * size];
        setZZ = new float[features * size];
        for (int k = 0; k < features; k++) {
            SurrogateDevice.copy(p.coefficients(k, 0), setXX, k * size);
            SurrogateDevice.copy(p.coefficients(k, 1), setYY, k * size);
            SurrogateDevice.copy(p.coefficients(k, 2), setXY, k * size);
            SurrogateDevice.copy(p.coefficients(k, 3), setZZ, k * size);
        }
        vol = new float[Math.max(1, n)];
        SurrogateDevice.copy(p.volumes(), vol, 0);
        pcx = new float[Math.max(1, n * kx1)];
        psx = new float[Math.max(1, n * kx1)];
        pcy = new float[Math.max(1, n * ky1)];
        psy = new float[Math.max(1, n * ky1)];
        phases(p, p.sourceX(), p.sourceY(), pcx, psx, pcy, psy);
        int nq = targetsAreSources == 1 ? 1 : Math.max(1, nt);
        qcx = new float[nq * kx1];
        qsx = new float[nq * kx1];
        qcy = new float[nq * ky1];
        qsy = new float[nq * ky1];
        if (targetsAreSources == 0) {
            phases(p, p.targetX(), p.targetY(), qcx, qsx, qcy, qsy);
        }
        mx = new float[Math.max(1, n)];
        my = new float[Math.max(1, n)];
        mz = new float[Math.max(1, n)];
        hx = new float[Math.max(1, nt)];
        hy = new float[Math.max(1, nt)];
        hz = new float[Math.max(1, nt)];
        partB = new float[useB == 1 ? chunks * 12 * size : 1];
        partA = new float[useA == 1 ? chunks * 20 * size : 1];
        sumB = new float[useB == 1 ? 12 * size : 1];
        sumA = new float[useA == 1 ? 20 * size : 1];
        nearStart = p.nearStart();
        int[] idx = p.nearIndex(), ref = p.nearRef();
        nearCount = idx.length;
        nearIndex = idx.length == 0 ? new int[1] : idx;
        nearRef = ref.length == 0 ? new int[1] : ref;
        double[] blocks = p.nearBlocks();
        nearBlock = new float[Math.max(5, blocks.length)];
        SurrogateDevice.copy(blocks, nearBlock, 0);
        accumulateRange = SurrogateDevice.range(chunks * size);
        reduceRange = SurrogateDevice.range(20 * size);
        targetRange = SurrogateDevice.range(nt);
    }

    private void phases(SurrogateParts p, double[] x, double[] y, float[] cx, float[] sx, float[] cy, float[] sy) {
        double[] c = new double[kx1], s = new double[kx1], c2 = new double[ky1], s2 = new double[ky1];
        for (int i = 0; i < x.length; i++) {
            p.trigX(x[i], c, s);
            p.trigY(y[i], c2, s2);
            for (int m = 0; m < kx1; m++) {
                cx[i * kx1 + m] = (float) c[m];
                sx[i * kx1 + m] = (float) s[m];
            }
            for (int m = 0; m < ky1; m++) {
                cy[i * ky1 + m] = (float) c2[m];
                sy[i * ky1 + m] = (float) s2[m];
            }
        }
    }

    @Override
    public Kernel kernel() {
        return this;
    }

    @Override
    public int chunks() {
        return chunks;
    }

    @Override
    public boolean hasNear() {
        return nearCount > 0;
    }

    @Override
    public void uploadAll() {
        put(srcCls).put(tgtCls).put(nearStart).put(nearIndex).put(nearRef);
        put(srcW).put(tgtW).put(setXX).put(setYY).put(setXY).put(setZZ).put(vol);
        put(pcx).put(psx).put(pcy).put(psy).put(qcx).put(qsx).put(qcy).put(qsy);
        put(mx).put(my).put(mz).put(hx).put(hy).put(hz);
        put(partB).put(partA).put(sumB).put(sumA).put(nearBlock);
    }

    @Override
    public void upload(double[] x, double[] y, double[] z) {
        for (int j = 0; j < n; j++) {
            mx[j] = (float) x[j];
            my[j] = (float) y[j];
            mz[j] = (float) z[j];
        }
        put(mx).put(my).put(mz);
    }

    @Override
    public void launch(int pass) {
        mode = pass;
        execute(pass == ACCUMULATE ? accumulateRange : pass == REDUCE ? reduceRange : targetRange);
    }

    @Override
    public void download(double[] x, double[] y, double[] z) {
        get(hx).get(hy).get(hz);
        for (int i = 0; i < nt; i++) {
            x[i] += hx[i];
            y[i] += hy[i];
            z[i] += hz[i];
        }
    }

    @Override
    public void downloadSums(double[] b, double[] a) {
        if (useB == 1) {
            get(sumB);
            for (int k = 0; k < 12 * size; k++) {
                b[k] = sumB[k];
            }
        }
        if (useA == 1) {
            get(sumA);
            for (int k = 0; k < 20 * size; k++) {
                a[k] = sumA[k];
            }
        }
    }

    @Override
    public void run() {
        int gid = getGlobalId();
        if (mode == ACCUMULATE) {
            if (gid < chunks * size) {
                accumulate(gid);
            }
        } else if (mode == REDUCE) {
            if (gid < 20 * size) {
                reduce(gid);
            }
        } else if (mode == EVALUATE) {
            if (gid < nt) {
                evaluate(gid);
            }
        } else {
            if (gid < nt) {
                near(gid);
            }
        }
    }

    /** Sums of chunk c at harmonic l into the partial sums; gid = c L + l. */
    private void accumulate(int gid) {
        int c = gid / size;
        int l = gid - c * size;
        int m = l / ky1;
        int nn = l - m * ky1;
        int from = (int) ((long) n * c / chunks);
        int to = (int) ((long) n * (c + 1) / chunks);
        float b0 = 0f, b1 = 0f, b2 = 0f, b3 = 0f, b4 = 0f, b5 = 0f, b6 = 0f, b7 = 0f, b8 = 0f, b9 = 0f, b10 = 0f;
        float b11 = 0f;
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f, a4 = 0f, a5 = 0f, a6 = 0f, a7 = 0f, a8 = 0f, a9 = 0f, a10 = 0f;
        float a11 = 0f, a12 = 0f, a13 = 0f, a14 = 0f, a15 = 0f, a16 = 0f, a17 = 0f, a18 = 0f, a19 = 0f;
        for (int j = from; j < to; j++) {
            float cm = pcx[j * kx1 + m], sm = psx[j * kx1 + m], cn = pcy[j * ky1 + nn], sn = psy[j * ky1 + nn];
            float cc = cm * cn, cs = cm * sn, sc = sm * cn, ss = sm * sn;
            float v = vol[j];
            float qx = v * mx[j], qy = v * my[j], qz = v * mz[j];
            if (useB == 1) {
                b0 += qx * cc;
                b1 += qx * cs;
                b2 += qx * sc;
                b3 += qx * ss;
                b4 += qy * cc;
                b5 += qy * cs;
                b6 += qy * sc;
                b7 += qy * ss;
                b8 += qz * cc;
                b9 += qz * cs;
                b10 += qz * sc;
                b11 += qz * ss;
            }
            if (useA == 1) {
                float gxx = 0f, gyy = 0f, gxy = 0f, gzz = 0f;
                int k0 = srcCls[j];
                if (k0 >= 0) {
                    gxx = setXX[k0 * size + l];
                    gyy = setYY[k0 * size + l];
                    gxy = setXY[k0 * size + l];
                    gzz = setZZ[k0 * size + l];
                } else {
                    for (int k = 0; k < features; k++) {
                        float wk = srcW[j * features + k];
                        gxx += wk * setXX[k * size + l];
                        gyy += wk * setYY[k * size + l];
                        gxy += wk * setXY[k * size + l];
                        gzz += wk * setZZ[k * size + l];
                    }
                }
                float p0 = gxx * qx, p1 = gxy * qy, p2 = gxy * qx, p3 = gyy * qy, p4 = gzz * qz;
                a0 += p0 * cc;
                a1 += p0 * cs;
                a2 += p0 * sc;
                a3 += p0 * ss;
                a4 += p1 * cc;
                a5 += p1 * cs;
                a6 += p1 * sc;
                a7 += p1 * ss;
                a8 += p2 * cc;
                a9 += p2 * cs;
                a10 += p2 * sc;
                a11 += p2 * ss;
                a12 += p3 * cc;
                a13 += p3 * cs;
                a14 += p3 * sc;
                a15 += p3 * ss;
                a16 += p4 * cc;
                a17 += p4 * cs;
                a18 += p4 * sc;
                a19 += p4 * ss;
            }
        }
        if (useB == 1) {
            int o = (c * size + l) * 12;
            partB[o] = b0;
            partB[o + 1] = b1;
            partB[o + 2] = b2;
            partB[o + 3] = b3;
            partB[o + 4] = b4;
            partB[o + 5] = b5;
            partB[o + 6] = b6;
            partB[o + 7] = b7;
            partB[o + 8] = b8;
            partB[o + 9] = b9;
            partB[o + 10] = b10;
            partB[o + 11] = b11;
        }
        if (useA == 1) {
            int o = (c * size + l) * 20;
            partA[o] = a0;
            partA[o + 1] = a1;
            partA[o + 2] = a2;
            partA[o + 3] = a3;
            partA[o + 4] = a4;
            partA[o + 5] = a5;
            partA[o + 6] = a6;
            partA[o + 7] = a7;
            partA[o + 8] = a8;
            partA[o + 9] = a9;
            partA[o + 10] = a10;
            partA[o + 11] = a11;
            partA[o + 12] = a12;
            partA[o + 13] = a13;
            partA[o + 14] = a14;
            partA[o + 15] = a15;
            partA[o + 16] = a16;
            partA[o + 17] = a17;
            partA[o + 18] = a18;
            partA[o + 19] = a19;
        }
    }

    /** Compensated sum of the chunks' partial sums of coefficient k (B has 12 L coefficients, A 20 L). */
    private void reduce(int k) {
        if (useB == 1 && k < 12 * size) {
            float s = 0f, comp = 0f;
            for (int c = 0; c < chunks; c++) {
                float y = partB[c * 12 * size + k] - comp;
                float t = s + y;
                comp = (t - s) - y;
                s = t;
            }
            sumB[k] = s;
        }
        if (useA == 1) {
            float s = 0f, comp = 0f;
            for (int c = 0; c < chunks; c++) {
                float y = partA[c * 20 * size + k] - comp;
                float t = s + y;
                comp = (t - s) - y;
                s = t;
            }
            sumA[k] = s;
        }
    }

    /**
     * The far field at target i (overwrites H): H_x = −Σ [a^xx E1(M_x) − a^xy E2(M_y)], H_y = −Σ [a^yy E1(M_y) −
     * a^xy E2(M_x)], H_z = −Σ a^zz E1(M_z) over the harmonics, with E1 = Σ_j cos(X − x_j) cos(Y − y_j) q_j and
     * E2 = −Σ_j sin(X − x_j) sin(Y − y_j) q_j from the sums (the target's coefficients times B, plus A).
     */
    private void evaluate(int i) {
        float hxs = 0f, hys = 0f, hzs = 0f, ex = 0f, ey = 0f, ez = 0f;
        int k0 = tgtCls[i];
        for (int m = 0; m < kx1; m++) {
            float cm = 0f, sm = 0f;
            if (targetsAreSources == 1) {
                cm = pcx[i * kx1 + m];
                sm = psx[i * kx1 + m];
            } else {
                cm = qcx[i * kx1 + m];
                sm = qsx[i * kx1 + m];
            }
            for (int nn = 0; nn < ky1; nn++) {
                float cn = 0f, sn = 0f;
                if (targetsAreSources == 1) {
                    cn = pcy[i * ky1 + nn];
                    sn = psy[i * ky1 + nn];
                } else {
                    cn = qcy[i * ky1 + nn];
                    sn = qsy[i * ky1 + nn];
                }
                int l = m * ky1 + nn;
                float cc = cm * cn, cs = cm * sn, sc = sm * cn, ss = sm * sn;
                float fx = 0f, fy = 0f, fz = 0f;
                if (useB == 1) {
                    float gxx = 0f, gyy = 0f, gxy = 0f, gzz = 0f;
                    if (k0 >= 0) {
                        gxx = setXX[k0 * size + l];
                        gyy = setYY[k0 * size + l];
                        gxy = setXY[k0 * size + l];
                        gzz = setZZ[k0 * size + l];
                    } else {
                        for (int k = 0; k < features; k++) {
                            float wk = tgtW[i * features + k];
                            gxx += wk * setXX[k * size + l];
                            gyy += wk * setYY[k * size + l];
                            gxy += wk * setXY[k * size + l];
                            gzz += wk * setZZ[k * size + l];
                        }
                    }
                    int o = 12 * l;
                    float e1x = cc * sumB[o] + cs * sumB[o + 1] + sc * sumB[o + 2] + ss * sumB[o + 3];
                    float e2x = -ss * sumB[o] + sc * sumB[o + 1] + cs * sumB[o + 2] - cc * sumB[o + 3];
                    float e1y = cc * sumB[o + 4] + cs * sumB[o + 5] + sc * sumB[o + 6] + ss * sumB[o + 7];
                    float e2y = -ss * sumB[o + 4] + sc * sumB[o + 5] + cs * sumB[o + 6] - cc * sumB[o + 7];
                    float e1z = cc * sumB[o + 8] + cs * sumB[o + 9] + sc * sumB[o + 10] + ss * sumB[o + 11];
                    fx = wB * (gxx * e1x - gxy * e2y);
                    fy = wB * (gyy * e1y - gxy * e2x);
                    fz = wB * gzz * e1z;
                }
                if (useA == 1) {
                    int o = 20 * l;
                    float xxE1 = cc * sumA[o] + cs * sumA[o + 1] + sc * sumA[o + 2] + ss * sumA[o + 3];
                    float xyE2 = -ss * sumA[o + 4] + sc * sumA[o + 5] + cs * sumA[o + 6] - cc * sumA[o + 7];
                    float yxE2 = -ss * sumA[o + 8] + sc * sumA[o + 9] + cs * sumA[o + 10] - cc * sumA[o + 11];
                    float yyE1 = cc * sumA[o + 12] + cs * sumA[o + 13] + sc * sumA[o + 14] + ss * sumA[o + 15];
                    float zzE1 = cc * sumA[o + 16] + cs * sumA[o + 17] + sc * sumA[o + 18] + ss * sumA[o + 19];
                    fx += wA * (xxE1 - xyE2);
                    fy += wA * (yyE1 - yxE2);
                    fz += wA * zzE1;
                }
                // compensated: h −= fx, fy, fz
                float y = -fx - ex;
                float t = hxs + y;
                ex = (t - hxs) - y;
                hxs = t;
                y = -fy - ey;
                t = hys + y;
                ey = (t - hys) - y;
                hys = t;
                y = -fz - ez;
                t = hzs + y;
                ez = (t - hzs) - y;
                hzs = t;
            }
        }
        hx[i] = hxs;
        hy[i] = hys;
        hz[i] = hzs;
    }

    /** Adds the exact near correction at target i. */
    private void near(int i) {
        float sx = 0f, sy = 0f, sz = 0f;
        for (int e = nearStart[i]; e < nearStart[i + 1]; e++) {
            int j = nearIndex[e];
            int o = 5 * nearRef[e];
            float ax = mx[j], ay = my[j];
            sx += nearBlock[o] * ax + nearBlock[o + 1] * ay;
            sy += nearBlock[o + 2] * ax + nearBlock[o + 3] * ay;
            sz += nearBlock[o + 4] * mz[j];
        }
        hx[i] = hx[i] - sx;
        hy[i] = hy[i] - sy;
        hz[i] = hz[i] - sz;
    }
}
