package org.hypermag.surrogate;

/**
 * The harmonics of one axis: angular wavenumbers w_m = 2π m / P for m = 0..K, with P the period.
 * {@link #trig} fills cos(w_m x) and sin(w_m x) by the angle-addition recurrence (two transcendental calls per point).
 */
final class HarmonicAxis {
    final double period;
    final int modes;
    final double w1;

    HarmonicAxis(double period, int modes) {
        if (!(period > 0) || modes < 0) {
            throw new IllegalArgumentException("period must be > 0 and modes >= 0, got " + period + ", " + modes);
        }
        this.period = period;
        this.modes = modes;
        this.w1 = 2 * Math.PI / period;
    }

    /** @return w_m (1/m) */
    double w(int m) {
        return m * w1;
    }

    /** Fills c[m] = cos(w_m x), s[m] = sin(w_m x) for m = 0..modes. */
    void trig(double x, double[] c, double[] s) {
        double c1 = Math.cos(w1 * x), s1 = Math.sin(w1 * x);
        c[0] = 1;
        s[0] = 0;
        for (int m = 1; m <= modes; m++) {
            c[m] = c[m - 1] * c1 - s[m - 1] * s1;
            s[m] = s[m - 1] * c1 + c[m - 1] * s1;
        }
    }
}
