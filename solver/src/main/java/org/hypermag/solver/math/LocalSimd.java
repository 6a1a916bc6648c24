package org.hypermag.solver.math;

/**
 * SIMD bodies of two per-domain loops, the exchange stencil along one axis and the LLG torque, over whole vectors of
 * domains through the JDK's incubating Vector API (loaded only where {@link LaneFft#vectorApiEnabled()}; otherwise
 * {@link #VECTOR} is null and the callers' scalar loops run). Each performs the scalar loop's IEEE operations in the
 * same order (no fused multiply-add), so both paths give the same bits; the caller runs its scalar loop over the
 * remainder past {@code end}.
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

    private static LocalSimd load() {
        return LaneFft.loadVectorClass("LocalVector", LocalSimd.class);
    }
}
