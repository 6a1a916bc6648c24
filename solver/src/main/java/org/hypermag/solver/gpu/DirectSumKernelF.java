package org.hypermag.solver.gpu;

import com.aparapi.Range;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.math.GaussLegendre;

/**
 * The exact direct sum H_i = −Σ_j T_ij·M_j as an Aparapi kernel in float arithmetic: one work item per target, the
 * point tensor of each source prism evaluated on the fly (nothing stored per pair), the same formulas as
 * {@link org.hypermag.solver.demag.PrismTensor} (closed form within 4 sizes, Gauss–Legendre cubature of the dipole
 * kernel beyond) and, among domains of different sizes, the same reciprocal coupling as
 * {@link org.hypermag.solver.demag.DirectSum#amongDomains}.
 *
 * <p>Precision: positions are held as two floats (hi + lo), so that offsets between neighbours keep float relative
 * accuracy even at N = 10⁶ (a single float position would lose sqrt(N)·6e-8 of a neighbour offset); each target's
 * sum over all sources is compensated (Kahan), so its rounding error does not grow with N. The tensor itself has
 * float accuracy (about 1e-6 of its largest component; the closed form loses (r/size)³·6e-8 to cancellation before
 * the cubature takes over at 4 sizes). {@code DirectSumKernelD} is the same code in double precision, generated from
 * this file by {@code scripts/gpu-double-kernels}: edit this file, then regenerate.
 *
 * <p>Buffers are explicit: geometry is uploaded once, {@link #upload} sends M, {@link #download} brings H back.
 * Not thread-safe.
 */
public final class DirectSumKernelF extends LlgPassesF {
    private static final float INV_4PI = (float) (1 / (4 * Math.PI));

    private final int n;
    private final int nt;
    private final int reciprocal;
    private final int targetsAreSources;
    /** Source centres (hi, lo) and sizes (m), volumes (m³). */
    private final float[] sxh, sxl, syh, syl, szh, szl, ssx, ssy, ssz, vol;
    /** Target positions (hi, lo) (m); length 1 when the targets are the sources. */
    private final float[] txh, txl, tyh, tyl, tzh, tzl;
    /** Gauss–Legendre nodes on [−1, 1] and weights (sum 1) for 1..8 points: [8 n + k]. */
    private final float[] gNode, gWeight;
    /** All targets in groups of 64 (built once). */
    private final Range targetRange;

    /**
     * @param sources the source prisms (at least one)
     * @param tx target x (m), or null for the sources' own centres (then coupled reciprocally between sizes)
     * @param ty target y (m)
     * @param tz target z (m)
     */
    public DirectSumKernelF(Prisms sources, double[] tx, double[] ty, double[] tz) {
        this(sources, tx, ty, tz, null);
    }

    /**
     * Among the domains, carrying the LLG passes ({@link LlgPassesF}): the device stepper's exact demag.
     *
     * @param sources the domains (at least one)
     * @param tx null (targets: the domains)
     * @param ty null
     * @param tz null
     * @param llg the LLG arrays of the same domains, or null for a plain demag kernel
     */
    public DirectSumKernelF(Prisms sources, double[] tx, double[] ty, double[] tz, LlgArrays llg) {
        super(sources.size(), tx == null ? sources.size() : tx.length, llg);
        n = sources.size();
        targetsAreSources = tx == null ? 1 : 0;
        nt = tx == null ? n : tx.length;
        reciprocal = tx == null && !sources.allSameSize() ? 1 : 0;
        sxh = new float[n];
        sxl = new float[n];
        syh = new float[n];
        syl = new float[n];
        szh = new float[n];
        szl = new float[n];
        ssx = new float[n];
        ssy = new float[n];
        ssz = new float[n];
        vol = new float[n];
        for (int j = 0; j < n; j++) {
            split(sources.cx(j), sxh, sxl, j);
            split(sources.cy(j), syh, syl, j);
            split(sources.cz(j), szh, szl, j);
            ssx[j] = (float) sources.sx(j);
            ssy[j] = (float) sources.sy(j);
            ssz[j] = (float) sources.sz(j);
            vol[j] = (float) sources.volume(j);
        }
        int m = tx == null ? 1 : nt;
        txh = new float[m];
        txl = new float[m];
        tyh = new float[m];
        tyl = new float[m];
        tzh = new float[m];
        tzl = new float[m];
        for (int i = 0; tx != null && i < nt; i++) {
            split(tx[i], txh, txl, i);
            split(ty[i], tyh, tyl, i);
            split(tz[i], tzh, tzl, i);
        }
        gNode = new float[72];
        gWeight = new float[72];
        for (int q = 1; q <= 8; q++) {
            GaussLegendre g = new GaussLegendre(q);
            for (int k = 0; k < q; k++) {
                gNode[8 * q + k] = (float) g.nodes()[k];
                gWeight[8 * q + k] = (float) (0.5 * g.weights()[k]);
            }
        }
        targetRange = range(nt);
    }

    private static void split(double v, float[] hi, float[] lo, int i) {
        hi[i] = (float) v;
        lo[i] = (float) (v - hi[i]);
    }

    /** Marks the geometry for upload with the next execution. */
    private void uploadGeometry() {
        put(sxh).put(sxl).put(syh).put(syl).put(szh).put(szl).put(ssx).put(ssy).put(ssz).put(vol);
        put(txh).put(txl).put(tyh).put(tyl).put(tzh).put(tzl).put(gNode).put(gWeight);
    }

    @Override
    public void uploadAll() {
        uploadGeometry();
        uploadLlg();
    }

    @Override
    public void evaluate() {
        pass = 0;
        execute(targetRange);
    }

    @Override
    public void run() {
        int i = getGlobalId();
        if (pass >= COMBINE) {
            llgPass(i);
        } else if (i < nt) {
            float xh = 0f, xl = 0f, yh = 0f, yl = 0f, zh = 0f, zl = 0f;
            if (targetsAreSources == 1) {
                xh = sxh[i];
                xl = sxl[i];
                yh = syh[i];
                yl = syl[i];
                zh = szh[i];
                zl = szl[i];
            } else {
                xh = txh[i];
                xl = txl[i];
                yh = tyh[i];
                yl = tyl[i];
                zh = tzh[i];
                zl = tzl[i];
            }
            // compensated sums of −T·M
            float ax = 0f, ay = 0f, az = 0f, cx = 0f, cy = 0f, cz = 0f;
            for (int j = 0; j < n; j++) {
                float dx = (xh - sxh[j]) + (xl - sxl[j]);
                float dy = (yh - syh[j]) + (yl - syl[j]);
                float dz = (zh - szh[j]) + (zl - szl[j]);
                int sides = 1;
                float w0 = 1f;
                if (reciprocal == 1 && i != j
                        && (ssx[i] != ssx[j] || ssy[i] != ssy[j] || ssz[i] != ssz[j])) {
                    sides = 2;
                    w0 = 0.5f;
                }
                float fx = 0f, fy = 0f, fz = 0f;
                for (int side = 0; side < sides; side++) {
                    float ex = dx, ey = dy, ez = dz, px = ssx[j], py = ssy[j], pz = ssz[j], w = w0;
                    if (side == 1) {
                        // T_ij = ½ [N(r_i − r_j; s_j) + (V_j/V_i) N(r_j − r_i; s_i)]
                        ex = -dx;
                        ey = -dy;
                        ez = -dz;
                        px = ssx[i];
                        py = ssy[i];
                        pz = ssz[i];
                        w = 0.5f * vol[j] / vol[i];
                    }
                    float l = max(px, max(py, pz));
                    float inv = 1f / l;
                    float x = ex * inv, y = ey * inv, z = ez * inv;
                    float a = 0.5f * px * inv, b = 0.5f * py * inv, c = 0.5f * pz * inv;
                    float r = sqrt(x * x + y * y + z * z);
                    float nxx = 0f, nyy = 0f, nzz = 0f, nxy = 0f, nxz = 0f, nyz = 0f;
                    if (r < 4f) {
                        float xp = x - a, xm = x + a, yp = y - b, ym = y + b, zp = z - c, zm = z + c;
                        float xp2 = xp * xp, xm2 = xm * xm, yp2 = yp * yp, ym2 = ym * ym, zp2 = zp * zp;
                        float zm2 = zm * zm;
                        float rppp = sqrt(xp2 + yp2 + zp2);
                        float rppm = sqrt(xp2 + yp2 + zm2);
                        float rpmp = sqrt(xp2 + ym2 + zp2);
                        float rpmm = sqrt(xp2 + ym2 + zm2);
                        float rmpp = sqrt(xm2 + yp2 + zp2);
                        float rmpm = sqrt(xm2 + yp2 + zm2);
                        float rmmp = sqrt(xm2 + ym2 + zp2);
                        float rmmm = sqrt(xm2 + ym2 + zm2);
                        nxx = -INV_4PI * (at(yp * zp, xp * rppp) - at(yp * zm, xp * rppm) - at(ym * zp, xp * rpmp)
                                + at(ym * zm, xp * rpmm) - at(yp * zp, xm * rmpp) + at(yp * zm, xm * rmpm)
                                + at(ym * zp, xm * rmmp) - at(ym * zm, xm * rmmm));
                        nyy = -INV_4PI * (at(xp * zp, yp * rppp) - at(xp * zm, yp * rppm) - at(xp * zp, ym * rpmp)
                                + at(xp * zm, ym * rpmm) - at(xm * zp, yp * rmpp) + at(xm * zm, yp * rmpm)
                                + at(xm * zp, ym * rmmp) - at(xm * zm, ym * rmmm));
                        nzz = -INV_4PI * (at(xp * yp, zp * rppp) - at(xp * yp, zm * rppm) - at(xp * ym, zp * rpmp)
                                + at(xp * ym, zm * rpmm) - at(xm * yp, zp * rmpp) + at(xm * yp, zm * rmpm)
                                + at(xm * ym, zp * rmmp) - at(xm * ym, zm * rmmm));
                        nxy = INV_4PI * (logDiff(z, c, rppp, rppm, xp2 + yp2) - logDiff(z, c, rpmp, rpmm, xp2 + ym2)
                                - logDiff(z, c, rmpp, rmpm, xm2 + yp2) + logDiff(z, c, rmmp, rmmm, xm2 + ym2));
                        nxz = INV_4PI * (logDiff(y, b, rppp, rpmp, xp2 + zp2) - logDiff(y, b, rppm, rpmm, xp2 + zm2)
                                - logDiff(y, b, rmpp, rmmp, xm2 + zp2) + logDiff(y, b, rmpm, rmmm, xm2 + zm2));
                        nyz = INV_4PI * (logDiff(x, a, rppp, rmpp, yp2 + zp2) - logDiff(x, a, rppm, rmpm, yp2 + zm2)
                                - logDiff(x, a, rpmp, rmmp, ym2 + zp2) + logDiff(x, a, rpmm, rmmm, ym2 + zm2));
                    } else {
                        int q = 1;
                        if (r < 6f) {
                            q = 8;
                        } else if (r < 8f) {
                            q = 6;
                        } else if (r < 16f) {
                            q = 5;
                        } else if (r < 32f) {
                            q = 4;
                        } else if (r < 512f) {
                            q = 3;
                        } else if (r < 6e5f) {
                            q = 2;
                        }
                        float s0 = 0f, sxx = 0f, syy = 0f, szz = 0f, sxy = 0f, sxz = 0f, syz = 0f;
                        for (int u = 0; u < q; u++) {
                            float qx = x - a * gNode[8 * q + u];
                            float wu = gWeight[8 * q + u];
                            for (int v = 0; v < q; v++) {
                                float qy = y - b * gNode[8 * q + v];
                                float wuv = wu * gWeight[8 * q + v];
                                float dxy2 = qx * qx + qy * qy;
                                for (int k = 0; k < q; k++) {
                                    float qz = z - c * gNode[8 * q + k];
                                    float d2 = dxy2 + qz * qz;
                                    float f = wuv * gWeight[8 * q + k] / (d2 * d2 * sqrt(d2));
                                    s0 += f * d2;
                                    sxx += f * qx * qx;
                                    syy += f * qy * qy;
                                    szz += f * qz * qz;
                                    sxy += f * qx * qy;
                                    sxz += f * qx * qz;
                                    syz += f * qy * qz;
                                }
                            }
                        }
                        float f = 8f * a * b * c * INV_4PI;
                        nxx = f * (s0 - 3f * sxx);
                        nyy = f * (s0 - 3f * syy);
                        nzz = f * (s0 - 3f * szz);
                        nxy = -3f * f * sxy;
                        nxz = -3f * f * sxz;
                        nyz = -3f * f * syz;
                    }
                    float m1 = mx[j], m2 = my[j], m3 = mz[j];
                    fx += w * (nxx * m1 + nxy * m2 + nxz * m3);
                    fy += w * (nxy * m1 + nyy * m2 + nyz * m3);
                    fz += w * (nxz * m1 + nyz * m2 + nzz * m3);
                }
                // Kahan: a += −f
                float t = 0f;
                float yk = -fx - cx;
                t = ax + yk;
                cx = (t - ax) - yk;
                ax = t;
                yk = -fy - cy;
                t = ay + yk;
                cy = (t - ay) - yk;
                ay = t;
                yk = -fz - cz;
                t = az + yk;
                cz = (t - az) - yk;
                az = t;
            }
            hx[i] = ax;
            hy[i] = ay;
            hz[i] = az;
        }
    }

    /** atan(p/q), 0 where q = 0 (a point in a face plane, where the paired terms cancel). */
    private float at(float p, float q) {
        float v = 0f;
        if (q != 0f) {
            v = atan(p / q);
        }
        return v;
    }

    /** ln(w₁ + r₁) − ln(w₂ + r₂) without cancellation, as in PrismTensor. */
    private float logDiff(float w, float h, float r1, float r2, float rho2) {
        float w1 = w - h, w2 = w + h;
        float v = 0f;
        if (w1 >= 0f) {
            v = log1p(-2f * h * (1f + 2f * w / (r1 + r2)) / (w2 + r2));
        } else if (w2 <= 0f) {
            v = log1p(-2f * h * (1f - 2f * w / (r1 + r2)) / (r1 - w1));
        } else {
            v = log(rho2 / ((r1 - w1) * (w2 + r2)));
        }
        return v;
    }
}
