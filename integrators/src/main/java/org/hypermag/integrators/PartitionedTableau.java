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

    /**
     * A ten-stage pair of order 4 in both parts with the demag still on four stages (0, 3, 6, 8) and an embedded
     * third-order estimate through the step's end: {@code integrator: {method: prk410}}. Two more local stages buy
     * reach: stable along a mode precessing with damping 0.02 up to |λ₁Δt| ≈ 8.0 with the demag's λ₂Δt up to a
     * sixteenth of it (7.2 with λ₂Δt = 0.5i; {@link #PRK48}: 5.8), so where the fastest spin wave holds the step it
     * takes about a quarter fewer steps and demag evaluations than PRK4(3)8, for two more evaluations of the local
     * terms and larger stage sums a step. Found for this project as PRK4(3)8 was ({@code scripts/prk-design pair 10
     * 0,3,6,8 40}, {@code stable 10 0,3,6,8 8.0 0.5}, {@code polish}, {@code export}, which also gives the embedded
     * weights); the numbers below are the shortest decimals of the doubles it printed. The nodes do not rise (c₉ =
     * −0.047).
     */
    public static final PartitionedTableau PRK410 = prk410();

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
        return of("PRK4(3)8", aLocal, bLocal, aLong, bLong, new int[] {0, 2, 4, 6}, bLocalStar, bLongStar);
    }

    private static PartitionedTableau prk410() {
        double[][] aLocal = {
            {},
            {0.093054938480182},
            {-0.10770037497904816, 0.1947254151489625},
            {0.012730956200037802, -0.010882899146814, 0.3546698809072193},
            {0.17416218834513325, -0.030034843590299825, 0.19043192670003165, 0.1623199542025662},
            {0.36909058225494046, -0.17953012702202342, 0.050737067223974454, 0.10327757582144434,
                -0.24931266000491117},
            {0.03193081274766725, 0.5654518336159091, -0.19925977061222822, 0.24859948207804308, 0.4071667120204706,
                -0.39233419338489467},
            {-0.40586625668466264, 0.36702073362783805, 0.4598667229870831, -0.26186263074982946, 0.665355965638712,
                -0.06895655610712782, 0.1444391839632976},
            {-0.2798401321253644, 0.46852317796162557, 0.04103571750111596, -0.11474609475513223,
                0.10826460130448501, 0.3792089217247816, 0.17900162338293468, 0.21855218500555382},
            {-0.5564491375049728, -0.094369133014589, 0.42704462559207046, -0.13438125738589976,
                0.2589431801106201, 0.29380230124209294, -0.48406369443759584, 0.6186519610593345,
                -0.3759435835609056}};
        double[][] aLong = {
            {},
            {0.093054938480182},
            {0.08702504016991434, 0},
            {0.3565179379604431, 0, 0},
            {0.3972047931987149, 0, 0, 0.0996744324587164},
            {0.5381627915340781, 0, 0, -0.4439003532606534, 0},
            {-0.3246776502343999, 0, 0, 0.9862325266993671, 0, 0},
            {0.21738543808680288, 0, 0, -0.11711696238825321, 0, 0, 0.7997286869767611},
            {0.8416328300462983, 0, 0, -0.7449393345800027, 0, 0, 0.9033065045337045, 0},
            {0.042086826866790175, 0, 0, 0.19626168992977847, 0, 0, -0.28511325469641297, 0,
                -7.206902002289379e-16}};
        double[] bLocal = {-0.059872597635848346, -0.03008516089785326, 0.409038952847821, -0.14322932068609234,
            0.30688470352930647, 0.10111503063781484, 0.36480775883864686, -0.004634954583159028,
            0.11626256961617897, -0.06028698166681504};
        double[] bLong = {0.13390626897015676, 0, 0, 0.3847676553113675, 0, 0, 0.3501384376474633, 0,
            0.13118763807101252, 0};
        double[] bLocalStar = {-0.06290680827179776, -0.02494576855181933, 0.4058595135070738, -0.12936048374111744,
            0.318293477854308, 0.12695268561049086, 0.3383765781598251, -0.04482422793848584, 0.05560368699067297,
            -0.08304865361915038, 0.1};
        double[] bLongStar = {0.11425003035225073, 0, 0, 0.4510163632196083, 0, 0, 0.28225855119973625, 0,
            0.05247505522840483, 0, 0.09999999999999999};
        return of("PRK4(3)10", aLocal, bLocal, aLong, bLong, new int[] {0, 3, 6, 8}, bLocalStar, bLongStar);
    }

    /** A pair with third-order embedded weights, its nodes the local matrix's row sums. */
    private static PartitionedTableau of(String name, double[][] aLocal, double[] bLocal, double[][] aLong,
                                         double[] bLong, int[] longStages, double[] bLocalStar, double[] bLongStar) {
        double[] c = new double[aLocal.length];
        for (int s = 0; s < c.length; s++) {
            for (double v : aLocal[s]) {
                c[s] += v;
            }
        }
        return new PartitionedTableau(name, c, aLocal, bLocal, aLong, bLong, longStages, bLocalStar, bLongStar, 3);
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
