package org.hypermag.surrogate.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm}'s tiles on SIMD registers through the JDK's incubating Vector API ({@code jdk.incubator.vector}):
 * 4 rows × 4 vectors of columns (16 accumulators), then 4 rows × 1 vector, each element accumulated with one fused
 * multiply-add per inner index in the scalar loop's order (the same bits). Loaded by {@link Gemm} only where the
 * module is present.
 */
final class GemmVector implements Gemm.Tiles {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Override
    public int lanes() {
        return S.length();
    }

    @Override
    public int tile4(double[] a, int aRow, int lda, double[] b, int bOff, int ldb, double[] c, int cRow, int ldc,
                     int k, int j0, int j1, boolean add) {
        int len = S.length(), j = j0;
        int a0 = aRow, a1 = aRow + lda, a2 = aRow + 2 * lda, a3 = aRow + 3 * lda;
        int c0 = cRow, c1 = cRow + ldc, c2 = cRow + 2 * ldc, c3 = cRow + 3 * ldc;
        DoubleVector zero = DoubleVector.zero(S);
        for (; j + 4 * len <= j1; j += 4 * len) {
            int ja = j, jb = j + len, jc = j + 2 * len, jd = j + 3 * len;
            DoubleVector x00 = add ? DoubleVector.fromArray(S, c, c0 + ja) : zero;
            DoubleVector x01 = add ? DoubleVector.fromArray(S, c, c0 + jb) : zero;
            DoubleVector x02 = add ? DoubleVector.fromArray(S, c, c0 + jc) : zero;
            DoubleVector x03 = add ? DoubleVector.fromArray(S, c, c0 + jd) : zero;
            DoubleVector x10 = add ? DoubleVector.fromArray(S, c, c1 + ja) : zero;
            DoubleVector x11 = add ? DoubleVector.fromArray(S, c, c1 + jb) : zero;
            DoubleVector x12 = add ? DoubleVector.fromArray(S, c, c1 + jc) : zero;
            DoubleVector x13 = add ? DoubleVector.fromArray(S, c, c1 + jd) : zero;
            DoubleVector x20 = add ? DoubleVector.fromArray(S, c, c2 + ja) : zero;
            DoubleVector x21 = add ? DoubleVector.fromArray(S, c, c2 + jb) : zero;
            DoubleVector x22 = add ? DoubleVector.fromArray(S, c, c2 + jc) : zero;
            DoubleVector x23 = add ? DoubleVector.fromArray(S, c, c2 + jd) : zero;
            DoubleVector x30 = add ? DoubleVector.fromArray(S, c, c3 + ja) : zero;
            DoubleVector x31 = add ? DoubleVector.fromArray(S, c, c3 + jb) : zero;
            DoubleVector x32 = add ? DoubleVector.fromArray(S, c, c3 + jc) : zero;
            DoubleVector x33 = add ? DoubleVector.fromArray(S, c, c3 + jd) : zero;
            for (int p = 0, bi = bOff; p < k; p++, bi += ldb) {
                DoubleVector b0 = DoubleVector.fromArray(S, b, bi + ja);
                DoubleVector b1 = DoubleVector.fromArray(S, b, bi + jb);
                DoubleVector b2 = DoubleVector.fromArray(S, b, bi + jc);
                DoubleVector b3 = DoubleVector.fromArray(S, b, bi + jd);
                DoubleVector w = DoubleVector.broadcast(S, a[a0 + p]);
                x00 = b0.fma(w, x00);
                x01 = b1.fma(w, x01);
                x02 = b2.fma(w, x02);
                x03 = b3.fma(w, x03);
                w = DoubleVector.broadcast(S, a[a1 + p]);
                x10 = b0.fma(w, x10);
                x11 = b1.fma(w, x11);
                x12 = b2.fma(w, x12);
                x13 = b3.fma(w, x13);
                w = DoubleVector.broadcast(S, a[a2 + p]);
                x20 = b0.fma(w, x20);
                x21 = b1.fma(w, x21);
                x22 = b2.fma(w, x22);
                x23 = b3.fma(w, x23);
                w = DoubleVector.broadcast(S, a[a3 + p]);
                x30 = b0.fma(w, x30);
                x31 = b1.fma(w, x31);
                x32 = b2.fma(w, x32);
                x33 = b3.fma(w, x33);
            }
            x00.intoArray(c, c0 + ja);
            x01.intoArray(c, c0 + jb);
            x02.intoArray(c, c0 + jc);
            x03.intoArray(c, c0 + jd);
            x10.intoArray(c, c1 + ja);
            x11.intoArray(c, c1 + jb);
            x12.intoArray(c, c1 + jc);
            x13.intoArray(c, c1 + jd);
            x20.intoArray(c, c2 + ja);
            x21.intoArray(c, c2 + jb);
            x22.intoArray(c, c2 + jc);
            x23.intoArray(c, c2 + jd);
            x30.intoArray(c, c3 + ja);
            x31.intoArray(c, c3 + jb);
            x32.intoArray(c, c3 + jc);
            x33.intoArray(c, c3 + jd);
        }
        for (; j + len <= j1; j += len) {
            DoubleVector x0 = add ? DoubleVector.fromArray(S, c, c0 + j) : zero;
            DoubleVector x1 = add ? DoubleVector.fromArray(S, c, c1 + j) : zero;
            DoubleVector x2 = add ? DoubleVector.fromArray(S, c, c2 + j) : zero;
            DoubleVector x3 = add ? DoubleVector.fromArray(S, c, c3 + j) : zero;
            for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
                DoubleVector bv = DoubleVector.fromArray(S, b, bi);
                x0 = bv.fma(DoubleVector.broadcast(S, a[a0 + p]), x0);
                x1 = bv.fma(DoubleVector.broadcast(S, a[a1 + p]), x1);
                x2 = bv.fma(DoubleVector.broadcast(S, a[a2 + p]), x2);
                x3 = bv.fma(DoubleVector.broadcast(S, a[a3 + p]), x3);
            }
            x0.intoArray(c, c0 + j);
            x1.intoArray(c, c1 + j);
            x2.intoArray(c, c2 + j);
            x3.intoArray(c, c3 + j);
        }
        return j;
    }

    @Override
    public int tile1(double[] a, int aRow, double[] b, int bOff, int ldb, double[] c, int cRow, int k, int j0, int j1,
                     boolean add) {
        int len = S.length(), j = j0;
        for (; j + len <= j1; j += len) {
            DoubleVector x = add ? DoubleVector.fromArray(S, c, cRow + j) : DoubleVector.zero(S);
            for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
                x = DoubleVector.fromArray(S, b, bi).fma(DoubleVector.broadcast(S, a[aRow + p]), x);
            }
            x.intoArray(c, cRow + j);
        }
        return j;
    }
}
