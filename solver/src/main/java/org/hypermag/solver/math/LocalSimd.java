package org.hypermag.solver.math;

/**
 * Two per-domain loops, the exchange stencil along one axis and the LLG torque: the scalar loops (the static
 * {@link #stencilAxis(int, double[], double[], double[], double[], double[], double[], double[], double[], int, int,
 * LocalSimd)} and {@link #torque(double[], double[], double[], double[], double[], double[], double[], double[],
 * double[], double[], double[], boolean, int, int, LocalSimd)}) and their SIMD bodies over whole vectors of domains
 * through the JDK's incubating Vector API (loaded only where {@link LaneFft#vectorApiEnabled()}; otherwise
 * {@link #VECTOR} is null and only the scalar loops run). The SIMD bodies perform the scalar loops' IEEE operations
 * in the same order (no fused multiply-add), so both paths give the same bits.
 */
public interface LocalSimd {
    /** The SIMD loops, or null where the scalar loops run. */
    LocalSimd VECTOR = load();

    /** @return doubles per vector: the callers' {@code end} lies a whole number of vectors past their start */
    int lanes();

    /**
     * h_i += c⁺_i (m_{i+o} − m_i) + c⁻_i (m_{i−o} − m_i) for i in [from, end), each component (the exchange
     * stencil's interior along one axis; {@code from} ≥ o and {@code end} + o ≤ the arrays' length).
     *
     * @param o the neighbour's index offset
     * @param cp couplings to the + neighbour (A/m)
     * @param cm couplings to the − neighbour (A/m)
     * @param mx m, x component
     * @param my m, y
     * @param mz m, z
     * @param hx the field (A/m), x, added to
     * @param hy the field, y
     * @param hz the field, z
     * @param from first domain
     * @param end last domain, exclusive; end − from a multiple of {@link #lanes()}
     */
    void stencilAxis(int o, double[] cp, double[] cm, double[] mx, double[] my, double[] mz, double[] hx, double[] hy,
                     double[] hz, int from, int end);

    /**
     * The LLG torque γ'(m × H + α m × (m × H)) of domains [from, end) into (or added to) d; returns the largest
     * |m × H|² among them.
     *
     * @param mx m, x component
     * @param my m, y
     * @param mz m, z
     * @param hx H (A/m), x
     * @param hy H, y
     * @param hz H, z
     * @param dx dm/dt (1/s), x, written or added to
     * @param dy dm/dt, y
     * @param dz dm/dt, z
     * @param precession γ' per domain
     * @param damping α per domain
     * @param add whether to add to d
     * @param from first domain
     * @param end last domain, exclusive; end − from a multiple of {@link #lanes()}
     * @return max |m × H|² over [from, end) (A²/m²), 0 for an empty range
     */
    double torque(double[] mx, double[] my, double[] mz, double[] hx, double[] hy, double[] hz, double[] dx,
                  double[] dy, double[] dz, double[] precession, double[] damping, boolean add, int from, int end);

    /**
     * The exchange stencil's interior along one axis for i in [from, to), as {@link #stencilAxis(int, double[],
     * double[], double[], double[], double[], double[], double[], double[], int, int)}: whole vectors on simd where
     * given, the rest (or all) in the scalar loop; the same bits either way.
     *
     * @param simd {@link #VECTOR}, or null for the scalar loop alone
     */
    static void stencilAxis(int o, double[] cp, double[] cm, double[] mx, double[] my, double[] mz, double[] hx,
                            double[] hy, double[] hz, int from, int to, LocalSimd simd) {
        int i0 = from;
        if (simd != null && to > from) {
            i0 = from + (to - from) / simd.lanes() * simd.lanes();
            simd.stencilAxis(o, cp, cm, mx, my, mz, hx, hy, hz, from, i0);
        }
        for (int i = i0; i < to; i++) {
            double x = mx[i], y = my[i], z = mz[i], p = cp[i], q = cm[i];
            hx[i] += p * (mx[i + o] - x) + q * (mx[i - o] - x);
            hy[i] += p * (my[i + o] - y) + q * (my[i - o] - y);
            hz[i] += p * (mz[i + o] - z) + q * (mz[i - o] - z);
        }
    }

    /**
     * The LLG torque of domains [from, to), as {@link #torque(double[], double[], double[], double[], double[],
     * double[], double[], double[], double[], double[], double[], boolean, int, int)}: whole vectors on simd where
     * given, the rest (or all) in the scalar loop; the same bits either way.
     *
     * @param simd {@link #VECTOR}, or null for the scalar loop alone
     * @return max |m × H|² over [from, to) (A²/m²)
     */
    static double torque(double[] mx, double[] my, double[] mz, double[] hx, double[] hy, double[] hz, double[] dx,
                         double[] dy, double[] dz, double[] precession, double[] damping, boolean add, int from,
                         int to, LocalSimd simd) {
        double max2 = 0;
        int i0 = from;
        if (simd != null && to > from) {
            i0 = from + (to - from) / simd.lanes() * simd.lanes();
            max2 = simd.torque(mx, my, mz, hx, hy, hz, dx, dy, dz, precession, damping, add, from, i0);
        }
        for (int i = i0; i < to; i++) {
            double ax = my[i] * hz[i] - mz[i] * hy[i];
            double ay = mz[i] * hx[i] - mx[i] * hz[i];
            double az = mx[i] * hy[i] - my[i] * hx[i];
            double bx = my[i] * az - mz[i] * ay;
            double by = mz[i] * ax - mx[i] * az;
            double bz = mx[i] * ay - my[i] * ax;
            double g = precession[i], a = damping[i];
            double tx = g * (ax + a * bx), ty = g * (ay + a * by), tz = g * (az + a * bz);
            if (add) {
                dx[i] += tx;
                dy[i] += ty;
                dz[i] += tz;
            } else {
                dx[i] = tx;
                dy[i] = ty;
                dz[i] = tz;
            }
            max2 = Math.max(max2, ax * ax + ay * ay + az * az);
        }
        return max2;
    }

    private static LocalSimd load() {
        return LaneFft.loadVectorClass("LocalVector", LocalSimd.class);
    }
}
