package org.hypermag.surrogate.gpu;

import com.aparapi.Kernel;
import com.aparapi.Range;
import org.hypermag.surrogate.SurrogateParts;

/**
 * The far-field surrogate (see {@link org.hypermag.surrogate.FarFieldSurrogate}) as one Aparapi kernel in float
 * arithmetic with four passes over the same device buffers, selected by {@link #launch}:
 * <ol>
 *   <li>{@link #ACCUMULATE}: one work item per (harmonic l, chunk of sources) sums the chunk's 12 phase products
 *   V_j M_j ⊗ phases_l(c_j) (sum B) and, for mixed sizes, V_j g_j,l M_j ⊗ phases_l(c_j) (sum A);</li>
 *   <li>{@link #REDUCE}: one work item per coefficient adds the chunks' partial sums;</li>
 *   <li>{@link #EVALUATE}: one work item per target contracts the sums with the target's phases and wavenumbers:
 *   the basis and its analytic gradient, H = −∇φ, and H_z from its channel;</li>
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
 * coefficient sets (3 F L), partial sums (12 L per chunk and per sum used), M and H. Not thread-safe.
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
    private final float[] srcW, tgtW, setX, setY, setZ, wmx, wny, vol;
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
        setX = new float[features * size];
        setY = new float[features * size];
        setZ = new float[features * size];
        for (int k = 0; k < features; k++) {
            SurrogateDevice.copy(p.coefficients(k, 0), setX, k * size);
            SurrogateDevice.copy(p.coefficients(k, 1), setY, k * size);
            SurrogateDevice.copy(p.coefficients(k, 2), setZ, k * size);
        }
        wmx = new float[kx1];
        wny = new float[ky1];
        for (int m = 0; m < kx1; m++) {
            wmx[m] = (float) p.wavenumberX(m);
        }
        for (int m = 0; m < ky1; m++) {
            wny[m] = (float) p.wavenumberY(m);
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
        partA = new float[useA == 1 ? chunks * 12 * size : 1];
        sumB = new float[useB == 1 ? 12 * size : 1];
        sumA = new float[useA == 1 ? 12 * size : 1];
        nearStart = p.nearStart();
        int[] idx = p.nearIndex(), ref = p.nearRef();
        nearCount = idx.length;
        nearIndex = idx.length == 0 ? new int[1] : idx;
        nearRef = ref.length == 0 ? new int[1] : ref;
        double[] blocks = p.nearBlocks();
        nearBlock = new float[Math.max(5, blocks.length)];
        SurrogateDevice.copy(blocks, nearBlock, 0);
        accumulateRange = SurrogateDevice.range(chunks * size);
        reduceRange = SurrogateDevice.range(12 * size);
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
        put(srcW).put(tgtW).put(setX).put(setY).put(setZ).put(wmx).put(wny).put(vol);
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
            for (int k = 0; k < 12 * size; k++) {
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
            if (gid < 12 * size) {
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
        float a11 = 0f;
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
                float gx = 0f, gy = 0f, gz = 0f;
                int k0 = srcCls[j];
                if (k0 >= 0) {
                    gx = setX[k0 * size + l];
                    gy = setY[k0 * size + l];
                    gz = setZ[k0 * size + l];
                } else {
                    for (int k = 0; k < features; k++) {
                        float wk = srcW[j * features + k];
                        gx += wk * setX[k * size + l];
                        gy += wk * setY[k * size + l];
                        gz += wk * setZ[k * size + l];
                    }
                }
                gx *= qx;
                gy *= qy;
                gz *= qz;
                a0 += gx * cc;
                a1 += gx * cs;
                a2 += gx * sc;
                a3 += gx * ss;
                a4 += gy * cc;
                a5 += gy * cs;
                a6 += gy * sc;
                a7 += gy * ss;
                a8 += gz * cc;
                a9 += gz * cs;
                a10 += gz * sc;
                a11 += gz * ss;
            }
        }
        int o = (c * size + l) * 12;
        if (useB == 1) {
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
        }
    }

    /** Compensated sum of the chunks' partial sums of coefficient k. */
    private void reduce(int k) {
        int stride = 12 * size;
        if (useB == 1) {
            float s = 0f, comp = 0f;
            for (int c = 0; c < chunks; c++) {
                float y = partB[c * stride + k] - comp;
                float t = s + y;
                comp = (t - s) - y;
                s = t;
            }
            sumB[k] = s;
        }
        if (useA == 1) {
            float s = 0f, comp = 0f;
            for (int c = 0; c < chunks; c++) {
                float y = partA[c * stride + k] - comp;
                float t = s + y;
                comp = (t - s) - y;
                s = t;
            }
            sumA[k] = s;
        }
    }

    /** The far field at target i (overwrites H): the basis, its analytic gradient and the zz channel. */
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
            float wm = wmx[m];
            for (int nn = 0; nn < ky1; nn++) {
                float cn = 0f, sn = 0f;
                if (targetsAreSources == 1) {
                    cn = pcy[i * ky1 + nn];
                    sn = psy[i * ky1 + nn];
                } else {
                    cn = qcy[i * ky1 + nn];
                    sn = qsy[i * ky1 + nn];
                }
                float wn = wny[nn];
                int l = m * ky1 + nn;
                int o = 12 * l;
                float cc = cm * cn, cs = cm * sn, sc = sm * cn, ss = sm * sn;
                float xcc = 0f, xcs = 0f, xsc = 0f, xss = 0f, ycc = 0f, ycs = 0f, ysc = 0f, yss = 0f;
                float zcc = 0f, zcs = 0f, zsc = 0f, zss = 0f;
                if (useB == 1) {
                    float fx = 0f, fy = 0f, fz = 0f;
                    if (k0 >= 0) {
                        fx = setX[k0 * size + l];
                        fy = setY[k0 * size + l];
                        fz = setZ[k0 * size + l];
                    } else {
                        for (int k = 0; k < features; k++) {
                            float wk = tgtW[i * features + k];
                            fx += wk * setX[k * size + l];
                            fy += wk * setY[k * size + l];
                            fz += wk * setZ[k * size + l];
                        }
                    }
                    fx *= wB;
                    fy *= wB;
                    fz *= wB;
                    xcc = fx * sumB[o];
                    xcs = fx * sumB[o + 1];
                    xsc = fx * sumB[o + 2];
                    xss = fx * sumB[o + 3];
                    ycc = fy * sumB[o + 4];
                    ycs = fy * sumB[o + 5];
                    ysc = fy * sumB[o + 6];
                    yss = fy * sumB[o + 7];
                    zcc = fz * sumB[o + 8];
                    zcs = fz * sumB[o + 9];
                    zsc = fz * sumB[o + 10];
                    zss = fz * sumB[o + 11];
                }
                if (useA == 1) {
                    xcc += wA * sumA[o];
                    xcs += wA * sumA[o + 1];
                    xsc += wA * sumA[o + 2];
                    xss += wA * sumA[o + 3];
                    ycc += wA * sumA[o + 4];
                    ycs += wA * sumA[o + 5];
                    ysc += wA * sumA[o + 6];
                    yss += wA * sumA[o + 7];
                    zcc += wA * sumA[o + 8];
                    zcs += wA * sumA[o + 9];
                    zsc += wA * sumA[o + 10];
                    zss += wA * sumA[o + 11];
                }
                // E1 = Σ cos(X − x) cos(Y − y) q, E2 = −Σ sin(X − x) sin(Y − y) q
                float e1x = cc * xcc + cs * xcs + sc * xsc + ss * xss;
                float e2x = -ss * xcc + sc * xcs + cs * xsc - cc * xss;
                float e1y = cc * ycc + cs * ycs + sc * ysc + ss * yss;
                float e2y = -ss * ycc + sc * ycs + cs * ysc - cc * yss;
                float e1z = cc * zcc + cs * zcs + sc * zsc + ss * zss;
                // compensated: h −= w_m (E1x + E2y), w_n (E2x + E1y), E1z
                float y = -wm * (e1x + e2y) - ex;
                float t = hxs + y;
                ex = (t - hxs) - y;
                hxs = t;
                y = -wn * (e2x + e1y) - ey;
                t = hys + y;
                ey = (t - hys) - y;
                hys = t;
                y = -e1z - ez;
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
