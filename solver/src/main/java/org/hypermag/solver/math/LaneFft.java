package org.hypermag.solver.math;

/**
 * Complex FFTs of length n (a product of 2, 3 and 5) of up to {@code lanes} sequences at once, the sequences
 * interleaved element by element: element q of sequence b at index q·lanes + b, real and imaginary parts in separate
 * arrays. Every butterfly runs one loop over the lanes, contiguous in memory, so the JIT can vectorise it; the FFT
 * demag transforms blocks of adjacent grid columns this way (they are adjacent in memory too).
 *
 * <p>Stockham autosort passes of radix 4, 2, 3 and 5: a pass of radix R after passes whose radices multiply to P maps
 * group j &lt; n/R (k = j mod P) to y[(j − k)R + k + mP] = Σ_r x[j + r·n/R] ω^{r(k + mP)·n/(PR)}, m &lt; R, ω =
 * e^{∓2πi/n}: the twiddles ω^{rk·n/(PR)} first, then an R-point DFT with fixed coefficients. Forward is e^{−2πi qk/n}
 * as JTransforms; {@link #inverse} is e^{+2πi qk/n} scaled by 1/n. Twiddles and the R-point coefficients come from a
 * table of cos and sin computed in double once per length. Not thread-safe: the work arrays are the caller's.
 *
 * <p>SIMD: where the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher, the tests and the
 * benchmarks pass it; the JVM then prints a one-line warning that an incubator module is in use), the butterflies
 * run on vector registers ({@code LaneFftVector}), over whole vectors, so also over lanes past the width where the
 * stride leaves room; without it the scalar loops below run. Both give the same bits in the lanes below the width
 * ({@link #simd()} says which runs).
 */
public final class LaneFft {
    /** The incubating Vector API's module, which the SIMD butterflies need. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The system property that turns the SIMD butterflies off when set to {@code false} (for comparisons). */
    public static final String SIMD_PROPERTY = "hypermag.simd";
    /** The SIMD butterflies, or null where the Vector API module is not in the JVM. */
    static final Butterflies VECTOR = loadVector();

    private final int n;
    private final int[] radix;
    /**
     * Per pass, the twiddles of each k &lt; p: cos and sin of 2π·s·k·n/(p·r)/n for s = 1 … r − 1, at
     * [2((r − 1)k + s − 1)] and the next index (the sign of the sine is applied per direction).
     */
    private final double[][] twiddles;
    private final Butterflies simd;

    /** Butterflies over whole SIMD vectors of lanes; each returns how many lanes it did (the scalar loop does the rest). */
    interface Butterflies {
        /** @return doubles per vector */
        int lanes();

        int radix4(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int i2, int i3, int o0, int o1,
                   int o2, int o3, int width, double c1, double s1, double c2, double s2, double c3, double s3,
                   boolean forward);

        int radix2(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int o0, int o1, int width,
                   double c, double s);

        /** {@link LaneFft}'s forward first pass of radix 4 over an input whose second half is zero. */
        int radix4OfHalf(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int o0, int o1, int o2,
                         int o3, int width);

        /** {@link SpectralProduct#kernelProduct}'s whole vectors. */
        int kernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signY, double signZ);

        /** {@link SpectralProduct#layerKernelProduct}'s whole vectors. */
        int layerKernelProduct(double[][] m, int d, double[][] kernel, int q, int width, double signXy);

        int radix3(double[] xr, double[] xi, double[] yr, double[] yi, int i0, int i1, int i2, int o0, int o1, int o2,
                   int width, double c1, double s1, double c2, double s2, double h);

        /** The radix-5 butterflies of one group: inputs in + r·stride, outputs out + m·outStride, twiddles w[at…]. */
        int radix5(double[] xr, double[] xi, double[] yr, double[] yi, int in, int stride, int out, int outStride,
                   int width, double[] w, int at, int sign);

        /** {@link LaneRealFft}'s forward split of the bins k (at p) and n/2 − k (at q); c + is = e^{−2πik/n}. */
        int split(double[] re, double[] im, int p, int q, int width, double c, double s);

        /** {@link LaneRealFft}'s inverse merge of the bins k (at p) and n/2 − k (at q); c + is = e^{+2πik/n}. */
        int merge(double[] re, double[] im, int p, int q, int width, double c, double s);
    }

    /**
     * Whether SIMD code through the Vector API may run: its module is in this JVM and {@value #SIMD_PROPERTY} is not
     * {@code false}. Every SIMD path of the project (these butterflies, the surrogate's matrix products) asks this.
     *
     * @return true where the SIMD paths load
     */
    public static boolean vectorApiEnabled() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                && !"false".equals(System.getProperty(SIMD_PROPERTY));
    }

    private static Butterflies loadVector() {
        return loadVectorClass("LaneFftVector", Butterflies.class);
    }

    /**
     * @param simpleName a class of this package written with the Vector API, with a no-argument constructor
     * @param type what it implements
     * @return a new instance where {@link #vectorApiEnabled()} and the class loads, else null (the scalar loops run)
     */
    static <T> T loadVectorClass(String simpleName, Class<T> type) {
        if (!vectorApiEnabled()) {
            return null;
        }
        try {
            return type.cast(Class.forName(LaneFft.class.getPackageName() + "." + simpleName)
                    .getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // the scalar loops run
        }
    }

    /**
     * @return the doubles per SIMD vector of the butterflies when the Vector API module is in this JVM, else 0 (the
     *     scalar loops run)
     */
    public static int simdLanes() {
        return VECTOR == null ? 0 : VECTOR.lanes();
    }

    /**
     * @param n the transform length, ≥ 1, with no prime factor other than 2, 3 and 5
     * @throws IllegalArgumentException otherwise
     */
    public LaneFft(int n) {
        this(n, true);
    }

    /**
     * @param n the transform length, ≥ 1, with no prime factor other than 2, 3 and 5
     * @param useSimd whether to use the SIMD butterflies when the Vector API module is present (false: always the
     *     scalar loops, e.g. to compare the two)
     * @throws IllegalArgumentException otherwise
     */
    public LaneFft(int n, boolean useSimd) {
        simd = useSimd ? VECTOR : null;
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be >= 1, got " + n);
        }
        int r = n, count = 0;
        int[] tmp = new int[32];
        while (r % 4 == 0) {
            tmp[count++] = 4;
            r /= 4;
        }
        while (r % 2 == 0) {
            tmp[count++] = 2;
            r /= 2;
        }
        while (r % 3 == 0) {
            tmp[count++] = 3;
            r /= 3;
        }
        while (r % 5 == 0) {
            tmp[count++] = 5;
            r /= 5;
        }
        if (r != 1) {
            throw new IllegalArgumentException("transform length " + n + " has a prime factor other than 2, 3 and 5");
        }
        this.n = n;
        radix = java.util.Arrays.copyOf(tmp, count);
        double[] cos = new double[n], sin = new double[n];
        for (int t = 0; t < n; t++) {
            cos[t] = Math.cos(2 * Math.PI * t / n);
            sin[t] = Math.sin(2 * Math.PI * t / n);
        }
        twiddles = new double[radix.length][];
        for (int q = 0, p = 1; q < radix.length; p *= radix[q], q++) {
            int rq = radix[q], step = n / (p * rq);
            double[] w = new double[2 * (rq - 1) * p];
            for (int k = 0; k < p; k++) {
                for (int t = 1; t < rq; t++) {
                    int at = (int) ((long) t * k * step % n);
                    w[2 * ((rq - 1) * k + t - 1)] = cos[at];
                    w[2 * ((rq - 1) * k + t - 1) + 1] = sin[at];
                }
            }
            twiddles[q] = w;
        }
    }

    /** @return the transform length */
    public int length() {
        return n;
    }

    /** @return this plan's SIMD butterflies, null where the scalar loops run */
    Butterflies butterflies() {
        return simd;
    }

    /**
     * @return how many lanes the SIMD loops cover for {@code width} sequences in {@code lanes}: whole vectors, past
     *     the width where the stride leaves room (their results there are never read); 0 without SIMD
     */
    int simdWidth(int width, int lanes) {
        return simd == null ? 0 : Math.min(lanes, (width + simd.lanes() - 1) / simd.lanes() * simd.lanes());
    }

    /** @return whether this plan's butterflies run on SIMD vectors */
    public boolean simd() {
        return simd != null;
    }

    /**
     * Forward transforms (e^{−2πi qk/n}) of {@code width} sequences in place.
     *
     * @param re real parts, index q·lanes + b, at least n·lanes long
     * @param im imaginary parts, the same
     * @param workRe work space of the same size
     * @param workIm work space of the same size
     * @param lanes the interleaving stride
     * @param width sequences to transform, 1 ≤ width ≤ lanes (lanes b ≥ width are left alone or overwritten)
     */
    public void forward(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width) {
        transform(re, im, workRe, workIm, lanes, width, -1, false, true);
    }

    /**
     * Forward transforms of {@code width} sequences whose elements from {@code count} on are zero (a zero-padded
     * convolution's input), in place: the elements at and past {@code count} need not be set. Where count ≤ n/2 and
     * the first pass has radix 4 or 2, that pass skips the zero half (its butterflies become sums and differences of
     * two inputs, its twiddles being 1); the values are those of {@link #forward} on the zero-padded input (the
     * skipped products were with 1 and 0; only the sign of a zero may differ).
     *
     * @param count the elements given, 0 ≤ count ≤ n; the others are taken as zero
     */
    public void forward(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width,
                        int count) {
        forwardOfPadded(re, im, workRe, workIm, lanes, width, count, true);
    }

    /**
     * @return whether the passes end in the work arrays (an odd number of passes), where {@link #forward} and
     *     {@link #inverseUnscaled} copy their result back and the {@code …Leaving} variants leave it
     */
    public boolean endsInWork() {
        return (radix.length & 1) == 1;
    }

    /**
     * {@link #forward(double[], double[], double[], double[], int, int, int)} without the copy back of an odd number
     * of passes: the result is in (workRe, workIm) where {@link #endsInWork()}, else in (re, im); the other pair is
     * overwritten.
     */
    public void forwardLeaving(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width,
                               int count) {
        forwardOfPadded(re, im, workRe, workIm, lanes, width, count, false);
    }

    /** The forward transform of a zero-padded input: zeros up to where the first pass reads, the half skipped. */
    private void forwardOfPadded(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width,
                                 int count, boolean copyBack) {
        boolean half = count <= n / 2 && n > 1 && (radix[0] == 4 || radix[0] == 2);
        int zeroTo = half ? n / 2 : n;
        if (count < zeroTo) {
            java.util.Arrays.fill(re, count * lanes, zeroTo * lanes, 0);
            java.util.Arrays.fill(im, count * lanes, zeroTo * lanes, 0);
        }
        transform(re, im, workRe, workIm, lanes, width, -1, half, copyBack);
    }

    /**
     * {@link #inverseUnscaled} without the copy back: the result is in (workRe, workIm) where {@link #endsInWork()},
     * else in (re, im); the other pair is overwritten.
     */
    public void inverseUnscaledLeaving(double[] re, double[] im, double[] workRe, double[] workIm, int lanes,
                                       int width) {
        transform(re, im, workRe, workIm, lanes, width, 1, false, false);
    }

    /**
     * Inverse transforms (e^{+2πi qk/n}, scaled by 1/n) of {@code width} sequences in place; arguments as
     * {@link #forward}.
     */
    public void inverse(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width) {
        inverseUnscaled(re, im, workRe, workIm, lanes, width);
        double s = 1.0 / n;
        for (int i = 0, e = n * lanes; i < e; i++) {
            re[i] *= s;
            im[i] *= s;
        }
    }

    /**
     * Inverse transforms (e^{+2πi qk/n}) without the 1/n: n times {@link #inverse}'s values, one pass over the data
     * fewer, for a caller that folds the factor in elsewhere (the FFT demag, into its kernel). Arguments as
     * {@link #forward}.
     */
    public void inverseUnscaled(double[] re, double[] im, double[] workRe, double[] workIm, int lanes, int width) {
        transform(re, im, workRe, workIm, lanes, width, 1, false, true);
    }

    /**
     * The passes; {@code zeroHalf}: the second half of the input is zero, and the first pass (radix 4 or 2) skips it;
     * {@code copyBack}: an odd number of passes copies the result from the work arrays into (re, im).
     */
    private void transform(double[] re, double[] im, double[] wr, double[] wi, int lanes, int width, int sign,
                           boolean zeroHalf, boolean copyBack) {
        double[] xr = re, xi = im, yr = wr, yi = wi;
        int p = 1;
        for (int q = 0; q < radix.length; q++) {
            int r = radix[q];
            if (q == 0 && zeroHalf) {
                firstPassOfHalf(r, xr, xi, yr, yi, lanes, width);
            } else {
                pass(r, p, twiddles[q], xr, xi, yr, yi, lanes, width, sign);
            }
            double[] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
            p *= r;
        }
        if (copyBack && xr != re) {
            System.arraycopy(xr, 0, re, 0, n * lanes);
            System.arraycopy(xi, 0, im, 0, n * lanes);
        }
    }

    /** One Stockham pass of radix r after passes multiplying to p, from x into y; w: the pass's twiddles. */
    private void pass(int r, int p, double[] w, double[] xr, double[] xi, double[] yr, double[] yi, int lanes,
                      int width, int sign) {
        int groups = n / r, stride = groups * lanes, outStride = p * lanes;
        // no scalar tail for a block of 1 … 15 sequences in 16 lanes
        int vw = simdWidth(width, lanes);
        for (int j0 = 0; j0 < groups; j0 += p) {
            for (int k = 0; k < p; k++) {
                int j = j0 + k;
                int in = j * lanes, out = (j0 * r + k) * lanes, at = 2 * (r - 1) * k;
                switch (r) {
                    case 2 -> radix2(simd, xr, xi, yr, yi, in, stride, out, outStride, width, vw, w[at],
                            sign * w[at + 1]);
                    case 4 -> radix4(xr, xi, yr, yi, in, stride, out, outStride, width, vw, w, at, sign);
                    case 3 -> radix3(xr, xi, yr, yi, in, stride, out, outStride, width, vw, w, at, sign);
                    default -> radix5(xr, xi, yr, yi, in, stride, out, outStride, width, vw, w, at, sign);
                }
            }
        }
    }

    /**
     * The forward transform's first pass (p = 1: every twiddle is 1) of radix 4 or 2 where the input's second half is
     * zero: radix 4 takes a = x[j] and b = x[j + n/4] (x[j + n/2] and x[j + 3n/4] are zero) to y0 = a + b,
     * y1 = a − i·b, y2 = a − b, y3 = a + i·b, as the full butterfly does with those two zero and unit twiddles;
     * radix 2 copies x[j] to both outputs.
     */
    private void firstPassOfHalf(int r, double[] xr, double[] xi, double[] yr, double[] yi, int lanes, int width) {
        int groups = n / r, stride = groups * lanes;
        int vw = simdWidth(width, lanes);
        for (int j = 0; j < groups; j++) {
            int i0 = j * lanes, o0 = j * r * lanes;
            if (r == 2) {
                System.arraycopy(xr, i0, yr, o0, width);
                System.arraycopy(xi, i0, yi, o0, width);
                System.arraycopy(xr, i0, yr, o0 + lanes, width);
                System.arraycopy(xi, i0, yi, o0 + lanes, width);
                continue;
            }
            int i1 = i0 + stride, o1 = o0 + lanes, o2 = o1 + lanes, o3 = o2 + lanes;
            int done = simd == null ? 0 : simd.radix4OfHalf(xr, xi, yr, yi, i0, i1, o0, o1, o2, o3, vw);
            for (int l = done; l < width; l++) {
                double ar = xr[i0 + l], ai = xi[i0 + l], br = xr[i1 + l], bi = xi[i1 + l];
                yr[o0 + l] = ar + br;
                yi[o0 + l] = ai + bi;
                yr[o2 + l] = ar - br;
                yi[o2 + l] = ai - bi;
                yr[o1 + l] = ar + bi;
                yi[o1 + l] = ai - br;
                yr[o3 + l] = ar - bi;
                yi[o3 + l] = ai + br;
            }
        }
    }

    private static void radix2(Butterflies simd, double[] xr, double[] xi, double[] yr, double[] yi, int in,
                               int stride, int out, int outStride, int width, int vw, double c, double s) {
        int a = in, b = in + stride, o0 = out, o1 = out + outStride;
        int done = simd == null ? 0 : simd.radix2(xr, xi, yr, yi, a, b, o0, o1, vw, c, s);
        for (int l = done; l < width; l++) {
            double br = xr[b + l] * c - xi[b + l] * s, bi = xr[b + l] * s + xi[b + l] * c;
            double ar = xr[a + l], ai = xi[a + l];
            yr[o0 + l] = ar + br;
            yi[o0 + l] = ai + bi;
            yr[o1 + l] = ar - br;
            yi[o1 + l] = ai - bi;
        }
    }

    private void radix4(double[] xr, double[] xi, double[] yr, double[] yi, int in, int stride, int out,
                        int outStride, int width, int vw, double[] w, int at, int sign) {
        double c1 = w[at], s1 = sign * w[at + 1], c2 = w[at + 2], s2 = sign * w[at + 3];
        double c3 = w[at + 4], s3 = sign * w[at + 5];
        int i0 = in, i1 = in + stride, i2 = in + 2 * stride, i3 = in + 3 * stride;
        int o0 = out, o1 = out + outStride, o2 = out + 2 * outStride, o3 = out + 3 * outStride;
        int done = simd == null ? 0 : simd.radix4(xr, xi, yr, yi, i0, i1, i2, i3, o0, o1, o2, o3, vw, c1, s1, c2,
                s2, c3, s3, sign < 0);
        for (int l = done; l < width; l++) {
            double ar = xr[i0 + l], ai = xi[i0 + l];
            double br = xr[i1 + l] * c1 - xi[i1 + l] * s1, bi = xr[i1 + l] * s1 + xi[i1 + l] * c1;
            double cr = xr[i2 + l] * c2 - xi[i2 + l] * s2, ci = xr[i2 + l] * s2 + xi[i2 + l] * c2;
            double dr = xr[i3 + l] * c3 - xi[i3 + l] * s3, di = xr[i3 + l] * s3 + xi[i3 + l] * c3;
            double sr = ar + cr, si = ai + ci, er = ar - cr, ei = ai - ci;
            double tr = br + dr, ti = bi + di, fr = br - dr, fi = bi - di;
            // the 4-point DFT with ω4 = e^{sign·iπ/2}: y1 = e + sign·i·f, y3 = e − sign·i·f
            yr[o0 + l] = sr + tr;
            yi[o0 + l] = si + ti;
            yr[o2 + l] = sr - tr;
            yi[o2 + l] = si - ti;
            yr[o1 + l] = er - sign * fi;
            yi[o1 + l] = ei + sign * fr;
            yr[o3 + l] = er + sign * fi;
            yi[o3 + l] = ei - sign * fr;
        }
    }

    private void radix3(double[] xr, double[] xi, double[] yr, double[] yi, int in, int stride, int out,
                        int outStride, int width, int vw, double[] w, int at, int sign) {
        double c1 = w[at], s1 = sign * w[at + 1], c2 = w[at + 2], s2 = sign * w[at + 3];
        double h = sign * Math.sqrt(0.75);
        int i0 = in, i1 = in + stride, i2 = in + 2 * stride;
        int o0 = out, o1 = out + outStride, o2 = out + 2 * outStride;
        int done = simd == null ? 0 : simd.radix3(xr, xi, yr, yi, i0, i1, i2, o0, o1, o2, vw, c1, s1, c2, s2, h);
        for (int l = done; l < width; l++) {
            double ar = xr[i0 + l], ai = xi[i0 + l];
            double br = xr[i1 + l] * c1 - xi[i1 + l] * s1, bi = xr[i1 + l] * s1 + xi[i1 + l] * c1;
            double cr = xr[i2 + l] * c2 - xi[i2 + l] * s2, ci = xr[i2 + l] * s2 + xi[i2 + l] * c2;
            double sr = br + cr, si = bi + ci, dr = br - cr, di = bi - ci;
            double mr = ar - 0.5 * sr, mi = ai - 0.5 * si;
            yr[o0 + l] = ar + sr;
            yi[o0 + l] = ai + si;
            // e^{±2πi/3} = −1/2 ± i√3/2
            yr[o1 + l] = mr - h * di;
            yi[o1 + l] = mi + h * dr;
            yr[o2 + l] = mr + h * di;
            yi[o2 + l] = mi - h * dr;
        }
    }

    /** cos and sin of 2π/5 and 4π/5: the 5-point DFT's coefficients (the scalar and SIMD butterflies share them). */
    static final double COS5A = Math.cos(2 * Math.PI / 5), COS5B = Math.cos(4 * Math.PI / 5);
    static final double SIN5A = Math.sin(2 * Math.PI / 5), SIN5B = Math.sin(4 * Math.PI / 5);

    private void radix5(double[] xr, double[] xi, double[] yr, double[] yi, int in, int stride, int out,
                        int outStride, int width, int vw, double[] w, int at, int sign) {
        double c1 = w[at], s1 = sign * w[at + 1], c2 = w[at + 2], s2 = sign * w[at + 3];
        double c3 = w[at + 4], s3 = sign * w[at + 5], c4 = w[at + 6], s4 = sign * w[at + 7];
        double ca = COS5A, cb = COS5B, sa = sign * SIN5A, sb = sign * SIN5B;
        int i0 = in, i1 = in + stride, i2 = in + 2 * stride, i3 = in + 3 * stride, i4 = in + 4 * stride;
        int o0 = out, o1 = out + outStride, o2 = out + 2 * outStride, o3 = out + 3 * outStride,
                o4 = out + 4 * outStride;
        int done = simd == null ? 0 : simd.radix5(xr, xi, yr, yi, in, stride, out, outStride, vw, w, at, sign);
        for (int l = done; l < width; l++) {
            double ar = xr[i0 + l], ai = xi[i0 + l];
            double br = xr[i1 + l] * c1 - xi[i1 + l] * s1, bi = xr[i1 + l] * s1 + xi[i1 + l] * c1;
            double cr = xr[i2 + l] * c2 - xi[i2 + l] * s2, ci = xr[i2 + l] * s2 + xi[i2 + l] * c2;
            double dr = xr[i3 + l] * c3 - xi[i3 + l] * s3, di = xr[i3 + l] * s3 + xi[i3 + l] * c3;
            double er = xr[i4 + l] * c4 - xi[i4 + l] * s4, ei = xr[i4 + l] * s4 + xi[i4 + l] * c4;
            double p1r = br + er, p1i = bi + ei, m1r = br - er, m1i = bi - ei;
            double p2r = cr + dr, p2i = ci + di, m2r = cr - dr, m2i = ci - di;
            yr[o0 + l] = ar + p1r + p2r;
            yi[o0 + l] = ai + p1i + p2i;
            double q1r = ar + ca * p1r + cb * p2r, q1i = ai + ca * p1i + cb * p2i;
            double q2r = ar + cb * p1r + ca * p2r, q2i = ai + cb * p1i + ca * p2i;
            // y_m = a + Σ_r x_r e^{sign·2πi rm/5}: the sine parts pair m1 (r = 1, 4) and m2 (r = 2, 3)
            double u1r = -(sa * m1i + sb * m2i), u1i = sa * m1r + sb * m2r;
            double u2r = -(sb * m1i - sa * m2i), u2i = sb * m1r - sa * m2r;
            yr[o1 + l] = q1r + u1r;
            yi[o1 + l] = q1i + u1i;
            yr[o4 + l] = q1r - u1r;
            yi[o4 + l] = q1i - u1i;
            yr[o2 + l] = q2r + u2r;
            yi[o2 + l] = q2i + u2i;
            yr[o3 + l] = q2r - u2r;
            yi[o3 + l] = q2i - u2i;
        }
    }
}
