package org.hypermag.solver.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneFft}'s butterflies of every radix, {@link LaneRealFft}'s split and merge and the FFT demag's kernel
 * product on SIMD registers through the JDK's incubating Vector API
 * ({@code jdk.incubator.vector}; the JVM needs {@code --add-modules jdk.incubator.vector}, which the launcher, the
 * tests and the benchmarks pass). Loaded by {@link LaneFft} only when that module is present; otherwise the scalar
 * loops run. The operations are the scalar loop's, one IEEE multiply, add or subtract per lane in the same order
 * (no fused multiply-add), so both paths give the same bits. Each call does whole vectors of lanes and returns how
 * many; the scalar loop finishes the rest.
 */
final class LaneFftVector implements LaneFft.Butterflies {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Override
    public int lanes() {
        return S.length();
    }

    @Override
    public int radix4(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int i2, int i3, int o0,
                      int o1, int o2, int o3, int width, double c1, double s1, double c2, double s2, double c3,
                      double s3, boolean forward) {
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            DoubleVector ar = DoubleVector.fromArray(S, xr, i0 + l), ai = DoubleVector.fromArray(S, xi, i0 + l);
            DoubleVector x1r = DoubleVector.fromArray(S, xr, i1 + l), x1i = DoubleVector.fromArray(S, xi, i1 + l);
            DoubleVector x2r = DoubleVector.fromArray(S, xr, i2 + l), x2i = DoubleVector.fromArray(S, xi, i2 + l);
            DoubleVector x3r = DoubleVector.fromArray(S, xr, i3 + l), x3i = DoubleVector.fromArray(S, xi, i3 + l);
            DoubleVector br = x1r.mul(c1).sub(x1i.mul(s1)), bi = x1r.mul(s1).add(x1i.mul(c1));
            DoubleVector cr = x2r.mul(c2).sub(x2i.mul(s2)), ci = x2r.mul(s2).add(x2i.mul(c2));
            DoubleVector dr = x3r.mul(c3).sub(x3i.mul(s3)), di = x3r.mul(s3).add(x3i.mul(c3));
            DoubleVector sr = ar.add(cr), si = ai.add(ci), er = ar.sub(cr), ei = ai.sub(ci);
            DoubleVector tr = br.add(dr), ti = bi.add(di), fr = br.sub(dr), fi = bi.sub(di);
            sr.add(tr).intoArray(yr, o0 + l);
            si.add(ti).intoArray(yi, o0 + l);
            sr.sub(tr).intoArray(yr, o2 + l);
            si.sub(ti).intoArray(yi, o2 + l);
            // forward (sign −1): y1 = e − i f, y3 = e + i f; inverse: the other way round
            if (forward) {
                er.add(fi).intoArray(yr, o1 + l);
                ei.sub(fr).intoArray(yi, o1 + l);
                er.sub(fi).intoArray(yr, o3 + l);
                ei.add(fr).intoArray(yi, o3 + l);
            } else {
                er.sub(fi).intoArray(yr, o1 + l);
                ei.add(fr).intoArray(yi, o1 + l);
                er.add(fi).intoArray(yr, o3 + l);
                ei.sub(fr).intoArray(yi, o3 + l);
            }
        }
        return end;
    }

    @Override
    public int radix4OfHalf(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int o0, int o1,
                            int o2, int o3, int width) {
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            DoubleVector ar = DoubleVector.fromArray(S, xr, i0 + l), ai = DoubleVector.fromArray(S, xi, i0 + l);
            DoubleVector br = DoubleVector.fromArray(S, xr, i1 + l), bi = DoubleVector.fromArray(S, xi, i1 + l);
            ar.add(br).intoArray(yr, o0 + l);
            ai.add(bi).intoArray(yi, o0 + l);
            ar.sub(br).intoArray(yr, o2 + l);
            ai.sub(bi).intoArray(yi, o2 + l);
            ar.add(bi).intoArray(yr, o1 + l);
            ai.sub(br).intoArray(yi, o1 + l);
            ar.sub(bi).intoArray(yr, o3 + l);
            ai.add(br).intoArray(yi, o3 + l);
        }
        return end;
    }

    @Override
    public int radix2(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int o0, int o1, int width,
                      double c, double s) {
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            DoubleVector x1r = DoubleVector.fromArray(S, xr, i1 + l), x1i = DoubleVector.fromArray(S, xi, i1 + l);
            DoubleVector br = x1r.mul(c).sub(x1i.mul(s)), bi = x1r.mul(s).add(x1i.mul(c));
            DoubleVector ar = DoubleVector.fromArray(S, xr, i0 + l), ai = DoubleVector.fromArray(S, xi, i0 + l);
            ar.add(br).intoArray(yr, o0 + l);
            ai.add(bi).intoArray(yi, o0 + l);
            ar.sub(br).intoArray(yr, o1 + l);
            ai.sub(bi).intoArray(yi, o1 + l);
        }
        return end;
    }

    @Override
    public int split(double[] re, double[] im, int p, int q, int width, double c, double s) {
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            DoubleVector ar = DoubleVector.fromArray(S, re, p + l), ai = DoubleVector.fromArray(S, im, p + l);
            DoubleVector br = DoubleVector.fromArray(S, re, q + l), bi = DoubleVector.fromArray(S, im, q + l);
            DoubleVector er = ar.add(br).mul(0.5), ei = ai.sub(bi).mul(0.5);
            DoubleVector or = ai.add(bi).mul(0.5), oi = ar.sub(br).mul(-0.5);
            DoubleVector tr = or.mul(c).sub(oi.mul(s)), ti = oi.mul(c).add(or.mul(s));
            er.add(tr).intoArray(re, p + l);
            ei.add(ti).intoArray(im, p + l);
            er.sub(tr).intoArray(re, q + l);
            ei.sub(ti).neg().intoArray(im, q + l);
        }
        return end;
    }

    @Override
    public int merge(double[] re, double[] im, int p, int q, int width, double c, double s) {
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            DoubleVector ar = DoubleVector.fromArray(S, re, p + l), ai = DoubleVector.fromArray(S, im, p + l);
            DoubleVector br = DoubleVector.fromArray(S, re, q + l), bi = DoubleVector.fromArray(S, im, q + l);
            DoubleVector er = ar.add(br).mul(0.5), ei = ai.sub(bi).mul(0.5);
            DoubleVector dr = ar.sub(br).mul(0.5), di = ai.add(bi).mul(0.5);
            DoubleVector or = dr.mul(c).sub(di.mul(s)), oi = di.mul(c).add(dr.mul(s));
            er.sub(oi).intoArray(re, p + l);
            ei.add(or).intoArray(im, p + l);
            er.add(oi).intoArray(re, q + l);
            ei.neg().add(or).intoArray(im, q + l);
        }
        return end;
    }

    @Override
    public int radix3(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int i2, int o0, int o1,
                      int o2, int width, double c1, double s1, double c2, double s2, double h) {
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            DoubleVector ar = DoubleVector.fromArray(S, xr, i0 + l), ai = DoubleVector.fromArray(S, xi, i0 + l);
            DoubleVector x1r = DoubleVector.fromArray(S, xr, i1 + l), x1i = DoubleVector.fromArray(S, xi, i1 + l);
            DoubleVector x2r = DoubleVector.fromArray(S, xr, i2 + l), x2i = DoubleVector.fromArray(S, xi, i2 + l);
            DoubleVector br = x1r.mul(c1).sub(x1i.mul(s1)), bi = x1r.mul(s1).add(x1i.mul(c1));
            DoubleVector cr = x2r.mul(c2).sub(x2i.mul(s2)), ci = x2r.mul(s2).add(x2i.mul(c2));
            DoubleVector sr = br.add(cr), si = bi.add(ci), dr = br.sub(cr), di = bi.sub(ci);
            DoubleVector mr = ar.sub(sr.mul(0.5)), mi = ai.sub(si.mul(0.5));
            ar.add(sr).intoArray(yr, o0 + l);
            ai.add(si).intoArray(yi, o0 + l);
            mr.sub(di.mul(h)).intoArray(yr, o1 + l);
            mi.add(dr.mul(h)).intoArray(yi, o1 + l);
            mr.add(di.mul(h)).intoArray(yr, o2 + l);
            mi.sub(dr.mul(h)).intoArray(yi, o2 + l);
        }
        return end;
    }

    @Override
    public int radix5(double[] xr, double[] xi, double[] yr, double[] yi, int in, int stride, int out, int outStride,
                      int width, double[] w, int at, int sign) {
        double c1 = w[at], s1 = sign * w[at + 1], c2 = w[at + 2], s2 = sign * w[at + 3];
        double c3 = w[at + 4], s3 = sign * w[at + 5], c4 = w[at + 6], s4 = sign * w[at + 7];
        double ca = LaneFft.COS5A, cb = LaneFft.COS5B, sa = sign * LaneFft.SIN5A, sb = sign * LaneFft.SIN5B;
        int i0 = in, i1 = in + stride, i2 = in + 2 * stride, i3 = in + 3 * stride, i4 = in + 4 * stride;
        int o0 = out, o1 = out + outStride, o2 = out + 2 * outStride, o3 = out + 3 * outStride,
                o4 = out + 4 * outStride;
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            DoubleVector ar = DoubleVector.fromArray(S, xr, i0 + l), ai = DoubleVector.fromArray(S, xi, i0 + l);
            DoubleVector br = twiddledRe(xr, xi, i1 + l, c1, s1), bi = twiddledIm(xr, xi, i1 + l, c1, s1);
            DoubleVector cr = twiddledRe(xr, xi, i2 + l, c2, s2), ci = twiddledIm(xr, xi, i2 + l, c2, s2);
            DoubleVector dr = twiddledRe(xr, xi, i3 + l, c3, s3), di = twiddledIm(xr, xi, i3 + l, c3, s3);
            DoubleVector er = twiddledRe(xr, xi, i4 + l, c4, s4), ei = twiddledIm(xr, xi, i4 + l, c4, s4);
            DoubleVector p1r = br.add(er), p1i = bi.add(ei), m1r = br.sub(er), m1i = bi.sub(ei);
            DoubleVector p2r = cr.add(dr), p2i = ci.add(di), m2r = cr.sub(dr), m2i = ci.sub(di);
            ar.add(p1r).add(p2r).intoArray(yr, o0 + l);
            ai.add(p1i).add(p2i).intoArray(yi, o0 + l);
            DoubleVector q1r = ar.add(p1r.mul(ca)).add(p2r.mul(cb)), q1i = ai.add(p1i.mul(ca)).add(p2i.mul(cb));
            DoubleVector q2r = ar.add(p1r.mul(cb)).add(p2r.mul(ca)), q2i = ai.add(p1i.mul(cb)).add(p2i.mul(ca));
            DoubleVector u1r = m1i.mul(sa).add(m2i.mul(sb)).neg(), u1i = m1r.mul(sa).add(m2r.mul(sb));
            DoubleVector u2r = m1i.mul(sb).sub(m2i.mul(sa)).neg(), u2i = m1r.mul(sb).sub(m2r.mul(sa));
            q1r.add(u1r).intoArray(yr, o1 + l);
            q1i.add(u1i).intoArray(yi, o1 + l);
            q1r.sub(u1r).intoArray(yr, o4 + l);
            q1i.sub(u1i).intoArray(yi, o4 + l);
            q2r.add(u2r).intoArray(yr, o2 + l);
            q2i.add(u2i).intoArray(yi, o2 + l);
            q2r.sub(u2r).intoArray(yr, o3 + l);
            q2i.sub(u2i).intoArray(yi, o3 + l);
        }
        return end;
    }

    /** Re of x·(c + is) for the lanes at index i: x_r·c − x_i·s, as the scalar loop computes it. */
    private static DoubleVector twiddledRe(double[] xr, double[] xi, int i, double c, double s) {
        return DoubleVector.fromArray(S, xr, i).mul(c).sub(DoubleVector.fromArray(S, xi, i).mul(s));
    }

    /** Im of x·(c + is): x_r·s + x_i·c. */
    private static DoubleVector twiddledIm(double[] xr, double[] xi, int i, double c, double s) {
        return DoubleVector.fromArray(S, xr, i).mul(s).add(DoubleVector.fromArray(S, xi, i).mul(c));
    }

    @Override
    public int kernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signY,
                             double signZ) {
        double[] xr = m[0], xi = m[1], yr = m[2], yi = m[3], zr = m[4], zi = m[5];
        double[] kxx = kernel[0], kyy = kernel[1], kzz = kernel[2], kxy = kernel[3], kxz = kernel[4],
                kyz = kernel[5];
        double signYz = signY * signZ;
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            int r = d + l, k = q + l;
            DoubleVector nxx = DoubleVector.fromArray(S, kxx, k), nyy = DoubleVector.fromArray(S, kyy, k);
            DoubleVector nzz = DoubleVector.fromArray(S, kzz, k);
            DoubleVector nxy = DoubleVector.fromArray(S, kxy, k).mul(signY);
            DoubleVector nxz = DoubleVector.fromArray(S, kxz, k).mul(signZ);
            DoubleVector nyz = DoubleVector.fromArray(S, kyz, k).mul(signYz);
            DoubleVector mxr = DoubleVector.fromArray(S, xr, r), mxi = DoubleVector.fromArray(S, xi, r);
            DoubleVector myr = DoubleVector.fromArray(S, yr, r), myi = DoubleVector.fromArray(S, yi, r);
            DoubleVector mzr = DoubleVector.fromArray(S, zr, r), mzi = DoubleVector.fromArray(S, zi, r);
            nxx.mul(mxr).add(nxy.mul(myr)).add(nxz.mul(mzr)).neg().intoArray(xr, r);
            nxx.mul(mxi).add(nxy.mul(myi)).add(nxz.mul(mzi)).neg().intoArray(xi, r);
            nxy.mul(mxr).add(nyy.mul(myr)).add(nyz.mul(mzr)).neg().intoArray(yr, r);
            nxy.mul(mxi).add(nyy.mul(myi)).add(nyz.mul(mzi)).neg().intoArray(yi, r);
            nxz.mul(mxr).add(nyz.mul(myr)).add(nzz.mul(mzr)).neg().intoArray(zr, r);
            nxz.mul(mxi).add(nyz.mul(myi)).add(nzz.mul(mzi)).neg().intoArray(zi, r);
        }
        return end;
    }

    @Override
    public int layerKernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signXy) {
        double[] xr = m[0], xi = m[1], yr = m[2], yi = m[3], zr = m[4], zi = m[5];
        double[] kxx = kernel[0], kyy = kernel[1], kzz = kernel[2], kxy = kernel[3];
        int len = S.length(), end = width - width % len;
        for (int l = 0; l < end; l += len) {
            int r = d + l, k = q + l;
            DoubleVector nxx = DoubleVector.fromArray(S, kxx, k), nyy = DoubleVector.fromArray(S, kyy, k);
            DoubleVector nzz = DoubleVector.fromArray(S, kzz, k), nxy = DoubleVector.fromArray(S, kxy, k).mul(signXy);
            DoubleVector mxr = DoubleVector.fromArray(S, xr, r), mxi = DoubleVector.fromArray(S, xi, r);
            DoubleVector myr = DoubleVector.fromArray(S, yr, r), myi = DoubleVector.fromArray(S, yi, r);
            nxx.mul(mxr).add(nxy.mul(myr)).neg().intoArray(xr, r);
            nxx.mul(mxi).add(nxy.mul(myi)).neg().intoArray(xi, r);
            nxy.mul(mxr).add(nyy.mul(myr)).neg().intoArray(yr, r);
            nxy.mul(mxi).add(nyy.mul(myi)).neg().intoArray(yi, r);
            nzz.mul(DoubleVector.fromArray(S, zr, r)).neg().intoArray(zr, r);
            nzz.mul(DoubleVector.fromArray(S, zi, r)).neg().intoArray(zi, r);
        }
        return end;
    }
}
