package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundTripDecimalTest {
    private static String text(double v) {
        char[] buf = new char[RoundTripDecimal.MAX_CHARS + 3];
        int end = RoundTripDecimal.write(v, buf, 2);
        return new String(buf, 2, end - 2);
    }

    /** Extremes, subnormals, powers of ten and two with their neighbours, the layout's borders, exact ties. */
    private static List<Double> edges() {
        List<Double> v = new ArrayList<>(List.of(Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), 2 * Double.MIN_VALUE, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3,
                Math.PI, Math.E, 123456789012345.625, 4.35, 8.0e5, 1.3e-11, 2.211e5, 3.90625e-9, 9007199254740993.0,
                9.999999999999999e22, 5e-324, 1.7976931348623157e308, 123.0, 100.0, 1e16, 1e17, 1e21, 1e22, 1e23));
        for (int p = -325; p <= 309; p++) {
            double x = Double.parseDouble("1e" + p);
            v.add(x);
            v.add(Math.nextUp(x));
            v.add(Math.nextDown(x));
        }
        for (int p = -1074; p <= 1023; p++) {
            double x = Math.scalb(1.0, p);
            v.add(x);
            v.add(Math.nextUp(x));
            v.add(Math.nextDown(x));
        }
        return v;
    }

    @Test
    void everyDoubleReadsBackBitForBitWithTheFewestDigitsThatDo() {
        SplittableRandom random = new SplittableRandom(20261206);
        List<Double> values = edges();
        for (int i = 0; i < 100_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong())); // every exponent equally often
            values.add(random.nextDouble() * 2 - 1); // the table's own range
            values.add((double) (float) random.nextDouble()); // few digits
            values.add(random.nextInt(100_000) * 1.0e-12); // times on an output grid
        }
        int checked = 0, longer = 0;
        for (double v0 : values) {
            for (double v : new double[] {v0, -v0}) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                String s = text(v);
                assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(s)),
                        () -> v + " written as " + s);
                // the same layout as Double.toString: plain or with an exponent, at least one digit after the point
                String java = Double.toString(v);
                assertEquals(java.contains("E"), s.contains("E"), () -> v + ": " + s + " against " + java);
                assertTrue(s.indexOf('.') > 0 && !s.endsWith("."), s);
                if (v != 0) {
                    BigDecimal shortest = shortest(v);
                    BigDecimal written = new BigDecimal(s);
                    if (written.compareTo(shortest) != 0) {
                        // more digits only where the shorter text lies on the gap's edge and reads back by
                        // ties-to-even (1e23, even integers above 2^53): 76 of the 816 338 here
                        assertTrue(written.stripTrailingZeros().precision() > shortest.precision(), s);
                        longer++;
                    }
                }
                checked++;
            }
        }
        assertEquals(2 * values.size() - 2 * countNonFinite(values), checked);
        assertTrue(longer <= checked / 10_000, longer + " of " + checked + " longer than the shortest");
    }

    /**
     * The fewest significant digits, at least two as Java's d.d layout shows, rounded half up, that read back as v
     * (BigDecimal: slow and exact).
     */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int n = 2; ; n++) {
            BigDecimal r = exact.round(new MathContext(n, RoundingMode.HALF_UP));
            if (Double.parseDouble(r.toString()) == v) {
                return r.stripTrailingZeros();
            }
        }
    }

    private static int countNonFinite(List<Double> values) {
        int n = 0;
        for (double v : values) {
            n += Double.isFinite(v) ? 0 : 1;
        }
        return n;
    }

    @Test
    void specialValuesAndShortNumbersReadAsJavaWritesThem() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0,
                -2.5, 0.001, 1.0e-4, 1.0e7, 9999999.0, 1234567.5, 0.02, 8.0e5, 0.375, 6.0e22}) {
            assertEquals(Double.toString(v), text(v));
        }
        // the shortest digits where Java 17 writes more (JDK-4511638, mended in Java 19)
        assertEquals("0.002", text(2.0e-3));
        assertEquals("9.999999999999999E22", text(1.0e23)); // "1.0E23" reads back only by ties-to-even
        assertEquals("0.30000000000000004", text(0.1 + 0.2));
        assertEquals("4.9E-324", text(Double.MIN_VALUE)); // two digits, the closer of 4.9 and 5.0
        assertEquals("-1.7976931348623157E308", text(-Double.MAX_VALUE));
    }
}
