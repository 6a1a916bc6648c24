package org.hypermag.output;

import java.math.BigInteger;

/**
 * Decimal text of a double that parses back to the same double, written without allocation: the fewest significant
 * digits that do (at least two; the closest such decimal, ties half up), in {@link Double#toString(double)}'s layout
 * (plain for 10⁻³ ≤ |v| &lt; 10⁷, else {@code d.dddE±n}; {@code NaN}, {@code Infinity}, {@code -0.0}), so any CSV
 * reader that read the old tables reads these. Where a shorter decimal lies exactly on the edge between two doubles
 * and reads back only by ties-to-even (1e23, some even integers above 2⁵³) one digit more is written.
 *
 * <p>Why not {@code Double.toString}: on Java 17 its algorithm ({@code FloatingDecimal}, with arbitrary-precision
 * fallbacks) is one of the largest methods a run compiles, and a run's table rows make it hot early: on the 2-core
 * machine the JIT spent about 0.6 s of a core compiling it (six times over) during the first nanosecond of standard
 * problem 4, while the solver needed both cores. (It also writes a digit too many at times, e.g. "0.0020" for 2e-3,
 * JDK-4511638, mended in Java 19.) Here x = |v|·10^(16−k), the 17-digit scaling, is one 64 × 128-bit product with a
 * power of ten from a table built once ({@code BigInteger}, at class initialisation), exact to 2⁻⁶³ of a unit; a
 * candidate with fewer digits is x rounded to that many, kept when it lies strictly inside half the gap to the
 * neighbouring doubles (x/(2m) units for the 53-bit mantissa m; half that below a power of two).
 */
public final class RoundTripDecimal {
    /** The longest text written: sign, 17 digits, a point and an exponent "E-324", or 3 leading zeros. */
    public static final int MAX_CHARS = 26;

    private static final int DIGITS = 17;
    private static final long LOW = 10_000_000_000_000_000L; // 10^16
    private static final long HIGH = 100_000_000_000_000_000L; // 10^17
    /** Powers 10^p for p = 16 − k, k the decimal exponent of any double (−324 … 308), and one either side. */
    private static final int MIN_P = 16 - 309, MAX_P = 16 + 325;
    /** 10^p ≈ (HI·2⁶⁴ + LO)·2^SHIFT with HI's top bit set (truncated; exact for 0 ≤ p ≤ 38). */
    private static final long[] HI = new long[MAX_P - MIN_P + 1], LO = new long[HI.length];
    private static final int[] SHIFT = new int[HI.length];
    private static final long[] POW10 = new long[DIGITS];

    static {
        POW10[0] = 1;
        for (int q = 1; q < DIGITS; q++) {
            POW10[q] = 10 * POW10[q - 1];
        }
        BigInteger ten = BigInteger.TEN;
        for (int p = MIN_P; p <= MAX_P; p++) {
            BigInteger f;
            int shift;
            if (p >= 0) {
                BigInteger x = ten.pow(p);
                int bits = x.bitLength();
                f = bits > 128 ? x.shiftRight(bits - 128) : x.shiftLeft(128 - bits);
                shift = bits - 128;
            } else {
                BigInteger d = ten.pow(-p);
                int n = d.bitLength() + 127; // 2^n / d lies in (2^127, 2^128): d is no power of two
                f = BigInteger.ONE.shiftLeft(n).divide(d);
                shift = -n;
            }
            HI[p - MIN_P] = f.shiftRight(64).longValue();
            LO[p - MIN_P] = f.longValue();
            SHIFT[p - MIN_P] = shift;
        }
    }

    private RoundTripDecimal() {
    }

    /**
     * Writes the text of {@code v} into {@code out} from {@code at}.
     *
     * @param v any double
     * @param out the buffer, with at least {@link #MAX_CHARS} places from {@code at}
     * @param at where the text starts
     * @return the index after the text
     */
    public static int write(double v, char[] out, int at) {
        if (v != v) {
            return copy("NaN", out, at);
        }
        if (Double.isInfinite(v)) {
            return copy(v > 0 ? "Infinity" : "-Infinity", out, at);
        }
        long bits = Double.doubleToRawLongBits(v);
        int i = at;
        if (bits < 0) {
            out[i++] = '-';
        }
        if (v == 0) {
            return copy("0.0", out, i);
        }
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long m = bits & 0xf_ffff_ffff_ffffL;
        int e;
        if (biased == 0) {
            e = -1074;
        } else {
            m |= 1L << 52;
            e = biased - 1075;
        }
        int lz = Long.numberOfLeadingZeros(m);
        long mn = m << lz; // |v| = mn · 2^en, mn's top bit set
        int en = e - lz;
        int k = (int) Math.floor(Math.log10(Math.abs(v))); // the decimal exponent, possibly one off
        long estimate = top(mn, 16 - k) >>> shift(en, 16 - k); // |v|·10^(16−k), truncated
        if (estimate >= HIGH) {
            k++;
        } else if (estimate < LOW) {
            k--;
        }
        // x = |v|·10^(16−k) in [10^16, 10^17): its integer part and its fraction (to 2^−53; r is 6 … 10 here)
        int p = 16 - k, r = shift(en, p);
        long top = top(mn, p);
        long whole = top >>> r;
        double fraction = (((top << (64 - r)) | (middle(mn, p) >>> r)) >>> 11) * 0x1.0p-53;
        // half the gaps to the neighbouring doubles, in units of x: |v| = m·ulp, so ulp/2 = x/(2m) above; where m
        // is a power of two the gap below is half that
        double above = (whole + fraction) / (2.0 * m);
        double below = biased > 1 && m == 1L << 52 ? above / 2 : above;
        // the fewest digits (at least 2, as Java shows d.d) whose rounding of x lies strictly inside the gap, tried
        // from the fewest up (not monotone where the gaps differ); the 1e-12 spare covers the arithmetic and turns
        // exact ties (read back by ties-to-even) down; else 17 digits, always inside
        long d = whole + (fraction >= 0.5 ? 1 : 0);
        int n = DIGITS;
        for (int q = DIGITS - 2; q >= 1; q--) {
            long unit = POW10[q];
            long c = (whole + unit / 2) / unit; // x / unit rounded half up
            double off = (c * unit - whole) - fraction;
            if (Math.abs(off) < (off > 0 ? above : below) * (1 - 1e-12)) {
                d = c;
                n = DIGITS - q;
                break;
            }
        }
        if (d == POW10[n - 1] * 10) { // rounded up to the next power of ten
            d = POW10[n - 1];
            k++;
        }
        return layout(d, n, k, out, i);
    }

    /** @return the top 64 bits of the 192-bit product mn · 10^p as tabled: mn · 2^en · 10^p = top · 2^−shift */
    private static long top(long mn, int p) {
        int j = p - MIN_P;
        long a0 = mn * HI[j];
        long b1 = unsignedMultiplyHigh(mn, LO[j]);
        return unsignedMultiplyHigh(mn, HI[j]) + (Long.compareUnsigned(a0 + b1, a0) < 0 ? 1 : 0);
    }

    /** @return the next 64 bits of that product (the lowest 64 are dropped: an error below 2^−63 of these) */
    private static long middle(long mn, int p) {
        int j = p - MIN_P;
        return mn * HI[j] + unsignedMultiplyHigh(mn, LO[j]);
    }

    private static int shift(int en, int p) {
        return -(128 + SHIFT[p - MIN_P] + en);
    }

    /** Math.unsignedMultiplyHigh, which Java 17 lacks. */
    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** Writes d (n digits, the first nonzero) × 10^(k − n + 1) as Double.toString lays it out. */
    private static int layout(long d, int n, int k, char[] out, int at) {
        while (d % 10 == 0 && n > 1) {
            d /= 10;
            n--;
        }
        int i = at;
        if (k >= -3 && k < 7) {
            if (k < 0) {
                out[i++] = '0';
                out[i++] = '.';
                for (int q = -1; q > k; q--) {
                    out[i++] = '0';
                }
                return digits(d, n, 0, n, out, i);
            }
            i = digits(d, n, 0, Math.min(n, k + 1), out, i);
            for (int q = n; q <= k; q++) {
                out[i++] = '0';
            }
            out[i++] = '.';
            return n <= k + 1 ? copy("0", out, i) : digits(d, n, k + 1, n, out, i);
        }
        i = digits(d, n, 0, 1, out, i);
        out[i++] = '.';
        i = n == 1 ? copy("0", out, i) : digits(d, n, 1, n, out, i);
        out[i++] = 'E';
        if (k < 0) {
            out[i++] = '-';
            k = -k;
        }
        if (k >= 100) {
            out[i++] = (char) ('0' + k / 100);
        }
        if (k >= 10) {
            out[i++] = (char) ('0' + k / 10 % 10);
        }
        out[i++] = (char) ('0' + k % 10);
        return i;
    }

    /** Writes digits from … to − 1 (0 the leading one) of the n-digit number d. */
    private static int digits(long d, int n, int from, int to, char[] out, int at) {
        int i = at;
        for (int q = from; q < to; q++) {
            out[i++] = (char) ('0' + d / POW10[n - 1 - q] % 10);
        }
        return i;
    }

    private static int copy(String s, char[] out, int at) {
        s.getChars(0, s.length(), out, at);
        return at + s.length();
    }
}
