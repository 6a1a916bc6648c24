package org.hypermag.solver.random;

/**
 * The Philox4x32-10 counter-based generator (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as
 * 1, 2, 3", SC'11), as in the Random123 library: a keyed bijection of a 128-bit counter, ten rounds. Its outputs
 * depend only on the key and the counter, so every domain, step and thread can draw its own numbers in any order and
 * get the same ones (a GPU kernel computes the same words with the same 32-bit integer arithmetic).
 *
 * <p>{@link #normals} turns one block into three standard normal variates by the inverse of the normal distribution
 * function (P. J. Acklam's rational approximation, relative error below 1.15e-9) applied to three of its words, each
 * mapped to (k + 1/2)/2³² in (0, 1). That is arithmetic, and a logarithm in the tails (5 % of the draws): the
 * variates are the same bits on every thread and in every run on a given JVM and processor ({@link Math#log} is an
 * intrinsic there, the same in interpreted and compiled code). A 32-bit uniform bounds them to |x| &lt; 6.3; the
 * variance this truncation removes is about 1e-8 of the whole. Stateless and thread-safe; allocates nothing.
 */
public final class Philox {
    private static final int M0 = 0xD2511F53;
    private static final int M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final double TWO_POW_M32 = 1.0 / 4294967296.0;

    private Philox() {
    }

    /**
     * One Philox4x32-10 block.
     *
     * @param c0 counter word 0
     * @param c1 counter word 1
     * @param c2 counter word 2
     * @param c3 counter word 3
     * @param k0 key word 0
     * @param k1 key word 1
     * @param out receives the four output words (length &ge; 4)
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int round = 0; round < 10; round++) {
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c1 = (int) p1;
            c3 = (int) p0;
            c0 = n0;
            c2 = n2;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /**
     * Three independent standard normal variates for (seed, stream, index, counter): the block with counter words
     * (index, stream, low and high word of counter) and key words (low and high word of seed).
     *
     * @param seed the key (any 64-bit value)
     * @param stream what the numbers are for (so that different uses of one seed never share numbers)
     * @param index e.g. the domain
     * @param counter e.g. the step attempt
     * @param words scratch for the block's four words (length &ge; 4; the caller's, so nothing is allocated)
     * @param x receives the first variate at {@code x[i]}
     * @param y receives the second at {@code y[i]}
     * @param z receives the third at {@code z[i]}
     * @param i where to write
     */
    public static void normals(long seed, int stream, int index, long counter, int[] words, double[] x, double[] y,
                               double[] z, int i) {
        block(index, stream, (int) counter, (int) (counter >>> 32), (int) seed, (int) (seed >>> 32), words);
        x[i] = inverseNormal(uniform(words[0]));
        y[i] = inverseNormal(uniform(words[1]));
        z[i] = inverseNormal(uniform(words[2]));
    }

    /**
     * @param word a 32-bit word, read as unsigned k
     * @return (k + 1/2) / 2³², in (0, 1)
     */
    public static double uniform(int word) {
        return ((word & 0xFFFFFFFFL) + 0.5) * TWO_POW_M32;
    }

    /**
     * The inverse of the standard normal distribution function, Φ⁻¹(p), by Acklam's rational approximation
     * (relative error below 1.15e-9 over (0, 1)).
     *
     * @param p a probability in (0, 1)
     * @return x with Φ(x) ≈ p
     */
    public static double inverseNormal(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= 0.5 - P_LOW) {
            double r = q * q;
            return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q
                    / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
        }
        double t = tail(Math.sqrt(-2 * Math.log(q < 0 ? p : 1 - p)));
        return q < 0 ? t : -t;
    }

    private static double tail(double q) {
        return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
    }

    // Acklam's coefficients (published with the algorithm; widely reproduced)
    private static final double P_LOW = 0.02425;
    private static final double A1 = -3.969683028665376e+01, A2 = 2.209460984245205e+02,
            A3 = -2.759285104469687e+02, A4 = 1.383577518672690e+02, A5 = -3.066479806614716e+01,
            A6 = 2.506628277459239e+00;
    private static final double B1 = -5.447609879822406e+01, B2 = 1.615858368580409e+02,
            B3 = -1.556989798598866e+02, B4 = 6.680131188771972e+01, B5 = -1.328068155288572e+01;
    private static final double C1 = -7.784894002430293e-03, C2 = -3.223964580411365e-01,
            C3 = -2.400758277161838e+00, C4 = -2.549732539343734e+00, C5 = 4.374664141464968e+00,
            C6 = 2.938163982698783e+00;
    private static final double D1 = 7.784695709041462e-03, D2 = 3.224671290700398e-01,
            D3 = 2.445134137142996e+00, D4 = 3.754408661907416e+00;
}
