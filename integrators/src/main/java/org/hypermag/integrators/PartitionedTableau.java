package org.hypermag.integrators;

/**
 * The coefficients of a partitioned explicit Runge–Kutta pair for dm/dt = f_local(t, m) + f_long(m): the local part
 * (exchange, anisotropy, Zeeman, DMI, torques) is evaluated on every stage, the long-range part (the demag,
 * {@link org.hypermag.solver.llg.Dynamics#longRangeSplit}) only on {@link #longStages()}. Stage s is
 * Y_s = m₀ + Δt Σ_j (aLocal[s][j] k_local,j + aLong[s][j] k_long,j) at t + c_s Δt, the solution
 * m₁ = m₀ + Δt Σ_j (bLocal_j k_local,j + bLong_j k_long,j). Both partitions share the nodes c (each matrix's row sums).
 * The embedded weights run over the stages and the step's end (the next step's first stage, evaluated in both
 * parts), so the estimate costs no evaluation. {@link PartitionedStepper} steps it.
 *
 * @param name the method's name
 * @param c nodes, c[0] = 0
 * @param aLocal the local part's stage matrix, S rows, row s with s entries
 * @param bLocal the local part's weights (S)
 * @param aLong the long-range part's stage matrix, S rows, row s with s entries, zero outside the long-range stages'
 *     columns
 * @param bLong the long-range part's weights (S), zero outside the long-range stages
 * @param longStages the stages that evaluate the long-range part, rising, starting with 0
 * @param bLocalStar the local part's embedded weights over the S stages and the step's end (S + 1)
 * @param bLongStar the long-range part's embedded weights over the S stages and the step's end (S + 1)
 * @param errorOrder order q of the error estimate (step factor exponent 1/(q+1))
 */
public record PartitionedTableau(String name, double[] c, double[][] aLocal, double[] bLocal, double[][] aLong,
                                 double[] bLong, int[] longStages, double[] bLocalStar, double[] bLongStar,
                                 int errorOrder) {

    /**
     * An eight-stage pair of order 4 in both parts with the demag on four stages (0, 2, 4, 6; stage 0 is the previous
     * step's end), and an embedded third-order estimate through the step's end: {@code integrator: {method: prk48}}.
     * Four demag evaluations a step where {@link ButcherTableau#RK46_3} needs six, for a step as long along
     * precession: with the demag's λ₂Δt up to a sixteenth of the local part's λ₁Δt it is stable along a mode
     * precessing with damping 0.02 up to |λ₁Δt| ≈ 5.8 (rk46: 4.76). The coefficients were found for this project
     * ({@code scripts/prk-design pair 8 0,2,4,6 40}, pushed towards that reach with {@code stable 8 0,2,4,6 5.0 0.4},
     * the order conditions solved to rounding with {@code polish}, the embedded weights from {@code embed}; the
     * numbers below are the shortest decimals of the doubles it printed). Some weights are negative and c₃ is
     * −9.1e-7, c₇ = 0.18: the nodes do not rise, which the method does not need. For the local part alone it is an
     * eight-stage fourth-order method (eight local evaluations a step, each a fraction of the demag's cost).
     */
    public static final PartitionedTableau PRK48 = prk48();

    private static PartitionedTableau prk48() {
        double[][] aLocal = {
            {},
            {0.28723249962698855},
            {0.3642692629614257, 0.12822806481988042},
            {0.05058776766766623, 0.24253952995887507, -0.29312821044509874},
            {0.2454636757247135, 0.5397208737707643, 0.1841343179569635, -0.4593908890294889},
            {0.09207156669968888, 0.17451401996683752, 0.09880253095578394, 0.09895084559843415,
                0.34160669151302525},
            {0.18605005379753917, 0.21373574607687437, -0.04513367966953896, -0.03988625195413559,
                0.3319857359906315, 0.3532483957586298},
            {-0.08980729940097683, 0.4860920649978019, -0.4433678274848926, -0.1413166404490801,
                0.21522461388429515, 0.3677690537396474, -0.2118510043751677}};
        double[][] aLong = {
            {},
            {0.28723249962698855},
            {0.4924973277813061, 0},
            {0.16110068750203155, 0, -0.161101600320589},
            {-0.09144318169018784, 0, 0.6013711601131402, 0},
            {0.3238034650865848, 0, 0.16346886006136926, 0, 0.3186733295858158},
            {0.03462932681699957, 0, 0.120765489020551, 0, 0.8446051841624498, 0},
            {-0.20248950148632372, 0, 0.34013290373907806, 0, 0.045099558658872455, 0, 4.402255711145702e-16}};
        double[] bLocal = {0.20117510647393905, 0.34796519707106716, 0.0237260741802513, -0.06583310831384208,
            0.2766090628086507, 0.2152406141257177, 0.09010742438807834, -0.08899037073386214};
        double[] bLong = {0.16656780160914297, 0, 0.3797989536842254, 0, 0.2870664071732381, 0, 0.1665668375333935,
            0};
        double[] bLocalStar = {0.20447020004312672, 0.3593320204050164, 0.0385550725605312, -0.07223418944112345,
            0.2756251152607722, 0.18557568486878545, 0.005354197174741532, -0.09667810087185003,
            0.10000000000000005};
        double[] bLongStar = {0.1665084825746286, 0, 0.3832183621544202, 0, 0.2836464202575941, 0,
            0.06662673501335707, 0, 0.10000000000000005};
        double[] c = new double[aLocal.length];
        for (int s = 0; s < c.length; s++) {
            for (double v : aLocal[s]) {
                c[s] += v;
            }
        }
        return new PartitionedTableau("PRK4(3)8", c, aLocal, bLocal, aLong, bLong, new int[] {0, 2, 4, 6},
                bLocalStar, bLongStar, 3);
    }

    /** @return the number of stages S */
    public int stages() {
        return c.length;
    }

    /**
     * @param s a stage
     * @return its index among the long-range stages, or −1 if it evaluates the local part alone
     */
    public int longIndex(int s) {
        for (int d = 0; d < longStages.length; d++) {
            if (longStages[d] == s) {
                return d;
            }
        }
        return -1;
    }
}
