package org.hypermag.solver.field;

/**
 * A temperature as a function of stage time, T(t) in K: constant, a linear ramp, a sinusoid or a table, the same
 * time protocols as the applied field ({@link AppliedField}, whose interpolation it shares). Always finite and
 * &ge; 0 (checked at construction). Not thread-safe (one scratch vector); allocates nothing per call.
 */
public final class Temperature {
    private final AppliedField protocol;
    private final double max;
    private final String description;
    private final double[] scratch = new double[3];

    private Temperature(AppliedField protocol, double min, double max, String description) {
        if (!(min >= 0) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a temperature must be finite and >= 0 K at all times; " + description
                    + " reaches " + min + " K");
        }
        this.protocol = protocol;
        this.max = max;
        this.description = description;
    }

    /**
     * @param kelvin the temperature (K), finite, &ge; 0
     * @return a constant temperature
     */
    public static Temperature constant(double kelvin) {
        return new Temperature(AppliedField.constant(new double[] {kelvin, 0, 0}), kelvin, kelvin, kelvin + " K");
    }

    /**
     * T0 until t0, linear to T1 at t1, T1 after.
     *
     * @param from T0 (K)
     * @param to T1 (K)
     * @param t0 start (s)
     * @param t1 end (s), &gt; t0
     * @return the ramp
     */
    public static Temperature ramp(double from, double to, double t0, double t1) {
        return new Temperature(AppliedField.ramp(new double[] {from, 0, 0}, new double[] {to, 0, 0}, t0, t1),
                Math.min(from, to), Math.max(from, to), "ramp from " + from + " K to " + to + " K between " + t0
                        + " and " + t1 + " s");
    }

    /**
     * offset + amplitude · sin(2π f t + phase).
     *
     * @param offset mean (K)
     * @param amplitude amplitude (K)
     * @param frequency f (Hz), &ge; 0
     * @param phase phase (rad)
     * @return the sinusoid
     */
    public static Temperature sinusoid(double offset, double amplitude, double frequency, double phase) {
        double a = Math.abs(amplitude);
        return new Temperature(AppliedField.sinusoid(new double[] {offset, 0, 0}, new double[] {amplitude, 0, 0},
                frequency, phase), offset - a, offset + a, offset + " K + " + amplitude + " K sin(2 pi " + frequency
                        + " Hz t + " + phase + ")");
    }

    /**
     * Linearly interpolated between strictly increasing times, constant before the first and after the last.
     *
     * @param times times (s)
     * @param kelvin temperature at each time (K)
     * @return the table
     */
    public static Temperature tabulated(double[] times, double[] kelvin) {
        double[][] v = new double[kelvin.length][];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kelvin.length; k++) {
            v[k] = new double[] {kelvin[k], 0, 0};
            lo = Math.min(lo, kelvin[k]);
            hi = Math.max(hi, kelvin[k]);
        }
        return new Temperature(AppliedField.tabulated(times, v), lo, hi, "table of " + times.length
                + " temperatures from " + lo + " K to " + hi + " K");
    }

    /**
     * @param t stage time (s)
     * @return T(t) (K)
     */
    public double at(double t) {
        protocol.value(t, scratch);
        return Math.max(0, scratch[0]);
    }

    /** @return the largest temperature the protocol reaches (K) */
    public double max() {
        return max;
    }

    /** @return whether the temperature is 0 K at all times */
    public boolean isZero() {
        return max == 0;
    }

    @Override
    public String toString() {
        return description;
    }
}
