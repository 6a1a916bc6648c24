package org.hypermag.solver.math;

/**
 * Real-to-complex FFTs of even length n of up to {@code lanes} real sequences at once, through one complex
 * {@link LaneFft} of length n/2 each: the even samples as real parts and the odd samples as imaginary parts,
 * z[q] = x[2q] + i·x[2q + 1], transformed, then split into the n/2 + 1 bins X[k] = E[k] + e^{−2πik/n}·O[k] of the
 * even (E) and odd (O) samples' transforms (the standard packing, e.g. Press et al., Numerical Recipes, §12.3).
 * The layout is {@link LaneFft}'s: element q of sequence b at index q·lanes + b, real and imaginary parts in separate
 * arrays, so each step is one loop over contiguous lanes (SIMD butterflies and split where {@link #simd()}; the
 * same bits either way).
 *
 * <p>Forward is e^{−2πi jk/n}, as JTransforms' {@code realForward}; {@link #inverse} is e^{+2πi jk/n} scaled by 1/n,
 * as its {@code realInverse(…, true)}. Not thread-safe: the work arrays are the caller's.
 */
public final class LaneRealFft {
    private final int n;
    private final int half;
    private final LaneFft complex;
    /** The split's SIMD loops (the Vector API, as {@link LaneFft}'s butterflies), null for the scalar loops. */
    private final LaneFft.Butterflies simd;
    /** cos and sin of 2πk/n for k = 0 … n/2: the split's twiddles, at [2k] and [2k + 1]. */
    private final double[] twiddle;

    /**
     * @param n the real transform length: even, ≥ 2, n/2 with no prime factor other than 2, 3 and 5
     * @throws IllegalArgumentException otherwise
     */
    public LaneRealFft(int n) {
        this(n, true);
    }

    /**
     * @param n the real transform length: even, ≥ 2, n/2 with no prime factor other than 2, 3 and 5
     * @param useSimd whether to use the SIMD loops when the Vector API module is present (false: always the scalar
     *     loops, e.g. to compare the two)
     * @throws IllegalArgumentException otherwise
     */
    public LaneRealFft(int n, boolean useSimd) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("real transform length must be even and >= 2, got " + n);
        }
        this.n = n;
        half = n / 2;
        complex = new LaneFft(half, useSimd);
        simd = complex.butterflies();
        twiddle = new double[2 * (half + 1)];
        for (int k = 0; k <= half; k++) {
            twiddle[2 * k] = Math.cos(2 * Math.PI * k / n);
            twiddle[2 * k + 1] = Math.sin(2 * Math.PI * k / n);
        }
    }

    /** @return whether this plan runs SIMD loops (the Vector API's module is in this JVM and SIMD was not refused) */
    public boolean simd() {
        return simd != null;
    }

    /** @return the real transform length n */
    public int length() {
        return n;
    }

    /** @return the work arrays' and the data arrays' least length for the given lanes: (n/2 + 1)·lanes */
    public int arrayLength(int lanes) {
        return (half + 1) * lanes;
    }

    /**
     * Forward transforms of {@code width} real sequences in place.
     *
     * @param re on entry x[2q] at index q·lanes + b (q &lt; n/2); on exit Re X[k] at k·lanes + b, k = 0 … n/2
     * @param im on entry x[2q + 1]; on exit Im X[k] (0 at k = 0 and k = n/2, up to rounding)
     * @param workRe work space; {@code re}, {@code im} and both work arrays at least {@link #arrayLength} long
     * @param workIm work space
     * @param lanes the interleaving stride
     * @param width sequences to transform, 1 ≤ width ≤ lanes
     */
    public void forward(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width) {
        forward(re, im, workRe, workIm, lanes, width, half);
    }

    /**
     * Forward transforms of {@code width} real sequences whose samples from 2·{@code pairs} on are zero (a
     * zero-padded convolution's input), in place: as {@link #forward(double[], double[], double[], double[], int,
     * int)}, with only the first {@code pairs} pairs (x[2q], x[2q + 1]) set; the complex transform skips the zero
     * half where it can ({@link LaneFft#forward(double[], double[], double[], double[], int, int, int)}).
     *
     * @param pairs the pairs given, 0 ≤ pairs ≤ n/2
     */
    public void forward(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width,
                        int pairs) {
        complex.forward(re, im, workRe, workIm, lanes, width, pairs);
        int m = half;
        // k = 0 and n/2 from Z[0]: X[0] = Re Z0 + Im Z0, X[n/2] = Re Z0 − Im Z0
        for (int b = 0, e = m * lanes; b < width; b++, e++) {
            double zr = re[b], zi = im[b];
            re[b] = zr + zi;
            im[b] = 0;
            re[e] = zr - zi;
            im[e] = 0;
        }
        // pairs k, m − k: E = (Z[k] + conj Z[m−k])/2, O = (Z[k] − conj Z[m−k])/(2i), w = e^{−2πik/n};
        // X[k] = E + w·O, X[m−k] = conj(E − w·O); at k = m/2 both give conj Z[m/2]
        int vw = complex.simdWidth(width, lanes);
        for (int k = 1; 2 * k <= m; k++) {
            double c = twiddle[2 * k], s = -twiddle[2 * k + 1];
            int done = simd == null ? 0 : simd.split(re, im, k * lanes, (m - k) * lanes, vw, c, s);
            for (int b = done, p = k * lanes + done, q = (m - k) * lanes + done; b < width; b++, p++, q++) {
                double ar = re[p], ai = im[p], br = re[q], bi = im[q];
                double er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
                // D = Z[k] − conj Z[m−k] = (ar − br) + i(ai + bi); O = D/(2i) = (ai + bi)/2 − i(ar − br)/2
                double or = 0.5 * (ai + bi), oi = -0.5 * (ar - br);
                double tr = c * or - s * oi, ti = c * oi + s * or;
                re[p] = er + tr;
                im[p] = ei + ti;
                re[q] = er - tr;
                im[q] = -(ei - ti);
            }
        }
    }

    /**
     * Inverse transforms (scaled by 1/n) of {@code width} Hermitian spectra in place.
     *
     * @param re on entry Re X[k] at k·lanes + b, k = 0 … n/2; on exit x[2q] at q·lanes + b (q &lt; n/2)
     * @param im on entry Im X[k] (those at 0 and n/2 are ignored); on exit x[2q + 1]
     * @param workRe work space; all four arrays at least {@link #arrayLength} long
     * @param workIm work space
     * @param lanes the interleaving stride
     * @param width sequences to transform, 1 ≤ width ≤ lanes
     */
    public void inverse(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width) {
        inverse(re, im, workRe, workIm, lanes, width, true);
    }

    /**
     * Inverse transforms without the scaling: n/2 times {@link #inverse}'s values, one pass over the data fewer
     * ({@link LaneFft#inverseUnscaled}); arguments as {@link #inverse}.
     */
    public void inverseUnscaled(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width) {
        inverse(re, im, workRe, workIm, lanes, width, false);
    }

    private void inverse(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width,
                         boolean scaled) {
        int m = half;
        // Z[0] = E + iO with E = (X[0] + X[m])/2, O = (X[0] − X[m])/2 (both real)
        for (int b = 0, e = m * lanes; b < width; b++, e++) {
            double x0 = re[b], xm = re[e];
            re[b] = 0.5 * (x0 + xm);
            im[b] = 0.5 * (x0 - xm);
        }
        // pairs k, m − k: E = (X[k] + conj X[m−k])/2, O = (X[k] − conj X[m−k])·conj(w)/2, w = e^{−2πik/n};
        // Z[k] = E + iO, Z[m−k] = conj(E) + i·conj(O)
        int vw = complex.simdWidth(width, lanes);
        for (int k = 1; 2 * k <= m; k++) {
            double c = twiddle[2 * k], s = twiddle[2 * k + 1];
            int done = simd == null ? 0 : simd.merge(re, im, k * lanes, (m - k) * lanes, vw, c, s);
            for (int b = done, p = k * lanes + done, q = (m - k) * lanes + done; b < width; b++, p++, q++) {
                double ar = re[p], ai = im[p], br = re[q], bi = im[q];
                double er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
                double dr = 0.5 * (ar - br), di = 0.5 * (ai + bi);
                double or = c * dr - s * di, oi = c * di + s * dr;
                re[p] = er - oi;
                im[p] = ei + or;
                re[q] = er + oi;
                im[q] = -ei + or;
            }
        }
        // LaneFft's inverse scales by 1/(n/2): the samples of x, which is the 1/n-scaled inverse of X (unscaled: n/2
        // times those)
        if (scaled) {
            complex.inverse(re, im, workRe, workIm, lanes, width);
        } else {
            complex.inverseUnscaled(re, im, workRe, workIm, lanes, width);
        }
    }
}
