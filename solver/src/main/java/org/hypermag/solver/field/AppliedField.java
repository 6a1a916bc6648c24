package org.hypermag.solver.field;

import java.util.Arrays;

/**
 * A uniform applied field as a function of time, H_app(t) in A/m. Implementations are immutable and allocate
 * nothing per call.
 */
public interface AppliedField {

    /**
     * @param t time (s)
     * @param out receives (Hx, Hy, Hz) in A/m
     */
    void value(double t, double[] out);

    /**
     * @param h the field (A/m)
     * @return a constant field
     */
    static AppliedField constant(double[] h) {
        double[] c = checked("field", h);
        return (t, out) -> {
            out[0] = c[0];
            out[1] = c[1];
            out[2] = c[2];
        };
    }

    /**
     * A linear ramp: h0 until t0, linear from h0 to h1 between t0 and t1, h1 after.
     *
     * @param h0 start field (A/m)
     * @param h1 end field (A/m)
     * @param t0 start time (s)
     * @param t1 end time (s), &gt; t0
     * @return the ramp
     */
    static AppliedField ramp(double[] h0, double[] h1, double t0, double t1) {
        double[] a = checked("ramp start field", h0), b = checked("ramp end field", h1);
        if (!(t1 > t0) || !Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("ramp needs finite times with t1 > t0, got " + t0 + ", " + t1);
        }
        return (t, out) -> {
            double s = t <= t0 ? 0 : t >= t1 ? 1 : (t - t0) / (t1 - t0);
            for (int k = 0; k < 3; k++) {
                out[k] = a[k] + s * (b[k] - a[k]);
            }
        };
    }

    /**
     * A sinusoid: offset + amplitude · sin(2π f t + phase).
     *
     * @param offset constant part (A/m)
     * @param amplitude amplitude vector (A/m)
     * @param frequency f (Hz), &ge; 0
     * @param phase phase (rad)
     * @return the field
     */
    static AppliedField sinusoid(double[] offset, double[] amplitude, double frequency, double phase) {
        double[] o = checked("sinusoid offset", offset), a = checked("sinusoid amplitude", amplitude);
        if (!(frequency >= 0) || !Double.isFinite(frequency) || !Double.isFinite(phase)) {
            throw new IllegalArgumentException("sinusoid needs a finite frequency >= 0 (Hz) and phase (rad), got "
                    + frequency + ", " + phase);
        }
        double w = 2 * Math.PI * frequency;
        return (t, out) -> {
            double s = Math.sin(w * t + phase);
            for (int k = 0; k < 3; k++) {
                out[k] = o[k] + s * a[k];
            }
        };
    }

    /**
     * A tabulated field, linearly interpolated, held constant before the first and after the last time.
     *
     * @param times strictly increasing times (s), at least one
     * @param fields field at each time (A/m), {@code fields[i].length == 3}
     * @return the field
     */
    static AppliedField tabulated(double[] times, double[][] fields) {
        if (times.length == 0 || times.length != fields.length) {
            throw new IllegalArgumentException("tabulated field needs as many fields as times, at least one");
        }
        double[] ts = times.clone();
        double[][] hs = new double[fields.length][];
        for (int i = 0; i < ts.length; i++) {
            if (!Double.isFinite(ts[i]) || (i > 0 && !(ts[i] > ts[i - 1]))) {
                throw new IllegalArgumentException("tabulated times must be finite and strictly increasing, got "
                        + Arrays.toString(times));
            }
            hs[i] = checked("tabulated field " + i, fields[i]);
        }
        return (t, out) -> {
            int hi = Arrays.binarySearch(ts, t);
            if (hi >= 0) {
                System.arraycopy(hs[hi], 0, out, 0, 3);
                return;
            }
            hi = -hi - 1;
            if (hi == 0) {
                System.arraycopy(hs[0], 0, out, 0, 3);
            } else if (hi == ts.length) {
                System.arraycopy(hs[ts.length - 1], 0, out, 0, 3);
            } else {
                double s = (t - ts[hi - 1]) / (ts[hi] - ts[hi - 1]);
                for (int k = 0; k < 3; k++) {
                    out[k] = hs[hi - 1][k] + s * (hs[hi][k] - hs[hi - 1][k]);
                }
            }
        };
    }

    private static double[] checked(String what, double[] h) {
        if (h == null || h.length != 3 || !Double.isFinite(h[0]) || !Double.isFinite(h[1]) || !Double.isFinite(h[2])) {
            throw new IllegalArgumentException(what + " must be 3 finite numbers (A/m), got " + Arrays.toString(h));
        }
        return h.clone();
    }
}
