package org.hypermag.surrogate;

/**
 * A read-only view of what a {@link FarFieldSurrogate} evaluates, for the device kernels
 * ({@code org.hypermag.surrogate.gpu}) that compute the same field: sources, targets, coefficient sets, harmonics,
 * the sparse exact near blocks, and how the sums are combined. Arrays are copied on the way out.
 *
 * <p>Per evaluation the surrogate computes, with l over the (K_x + 1)(K_y + 1) harmonics:
 * <ul>
 *   <li>B_l = Σ_j V_j M_j ⊗ phases_l(c_j) and A_l = Σ_j V_j g_j,l M_j ⊗ phases_l(c_j) (12 numbers per l:
 *   {x, y, z} × {cos cos, cos sin, sin cos, sin sin});</li>
 *   <li>at each target, T_l = w_B g_target,l ⊙ B_l + w_A A_l contracted with the target's phases and wavenumbers;</li>
 *   <li>plus, for each near pair e of target i, −block_e · M_j (blocks of xx, xy, yx, yy, zz).</li>
 * </ul>
 * Which of A and B are needed: {@link #usesA()}, {@link #usesB()}; weights {@link #weightA()}, {@link #weightB()}.
 */
public final class SurrogateParts {
    private final FarFieldModel model;
    private final int n;
    private final double[] px, py, volume, tx, ty, phi;
    private final int[] klass;
    private final boolean reciprocal, singleSet;
    private final int[] nearStart, nearIndex, nearRef;
    private final double[] nearBlock;
    private final TransformPlan plan;

    SurrogateParts(FarFieldModel model, int n, double[] px, double[] py, double[] volume, int[] klass, double[] phi,
                   double[] tx, double[] ty, boolean reciprocal, boolean singleSet, int[] nearStart, int[] nearIndex,
                   int[] nearRef, double[] nearBlock, TransformPlan plan) {
        this.model = model;
        this.n = n;
        this.px = px;
        this.py = py;
        this.volume = volume;
        this.klass = klass;
        this.phi = phi;
        this.tx = tx;
        this.ty = ty;
        this.reciprocal = reciprocal;
        this.singleSet = singleSet;
        this.nearStart = nearStart;
        this.nearIndex = nearIndex;
        this.nearRef = nearRef;
        this.nearBlock = nearBlock;
        this.plan = plan;
    }

    /**
     * @param s a surrogate
     * @return its parts
     */
    public static SurrogateParts of(FarFieldSurrogate s) {
        return s.parts();
    }

    /** @return the number of sources */
    public int sources() {
        return n;
    }

    /** @return the number of targets */
    public int targets() {
        return tx.length;
    }

    /** @return true if the targets are the sources (among domains) */
    public boolean targetsAreSources() {
        return reciprocal;
    }

    /** @return source centres x (m) */
    public double[] sourceX() {
        return px.clone();
    }

    /** @return source centres y (m) */
    public double[] sourceY() {
        return py.clone();
    }

    /** @return source volumes (m³) */
    public double[] volumes() {
        return volume.clone();
    }

    /** @return target x (m) */
    public double[] targetX() {
        return tx.clone();
    }

    /** @return target y (m) */
    public double[] targetY() {
        return ty.clone();
    }

    /** @return the number of harmonics along x, K_x + 1 */
    public int modesX() {
        return model.ax.modes + 1;
    }

    /** @return the number of harmonics along y, K_y + 1 */
    public int modesY() {
        return model.ay.modes + 1;
    }

    /**
     * @param m harmonic index along x
     * @return w_m (1/m)
     */
    public double wavenumberX(int m) {
        return model.ax.w(m);
    }

    /**
     * @param m harmonic index along y
     * @return w_m (1/m)
     */
    public double wavenumberY(int m) {
        return model.ay.w(m);
    }

    /**
     * The phases of a position along x, as the CPU path computes them.
     *
     * @param x position (m)
     * @param c receives cos(w_m x), m = 0..K_x
     * @param s receives sin(w_m x)
     */
    public void trigX(double x, double[] c, double[] s) {
        model.ax.trig(x, c, s);
    }

    /**
     * The phases of a position along y.
     *
     * @param y position (m)
     * @param c receives cos(w_m y), m = 0..K_y
     * @param s receives sin(w_m y)
     */
    public void trigY(double y, double[] c, double[] s) {
        model.ay.trig(y, c, s);
    }

    /** @return the number of coefficient sets (size classes or moment features) */
    public int features() {
        return model.sets.length;
    }

    /**
     * @param k a coefficient set
     * @param component 0: a^xx, 1: a^yy, 2: a^xy (cos cos, except xy: sin sin), 3: a^zz ({@link #COMPONENTS})
     * @return its coefficients per harmonic index l = m (K_y + 1) + n, per unit source volume
     */
    public double[] coefficients(int k, int component) {
        FarFieldKernel s = model.sets[k];
        return (component == 0 ? s.xx : component == 1 ? s.yy : component == 2 ? s.xy : s.zz).clone();
    }

    /** The number of coefficient components per set ({@link #coefficients}). */
    public static final int COMPONENTS = 4;

    /**
     * @param j a source
     * @return its size class (its coefficient set), or −1 when its coefficients are a combination
     *     ({@link #featureWeights})
     */
    public int sourceClass(int j) {
        return klass[j];
    }

    /**
     * @param j a source whose class is −1
     * @param out receives the weights of each coefficient set, length {@link #features()}
     */
    public void featureWeights(int j, double[] out) {
        System.arraycopy(phi, j * out.length, out, 0, out.length);
    }

    /**
     * @return the source whose coefficients the target sum B is multiplied by at target i: i itself among domains,
     *     else source 0 (one coefficient set for all)
     * @param i a target
     */
    public int coefficientOwner(int i) {
        return reciprocal ? i : 0;
    }

    /** @return true if the sum A (each source's own coefficients) is needed */
    public boolean usesA() {
        return !singleSet;
    }

    /** @return true if the sum B (volume-weighted phases) is needed */
    public boolean usesB() {
        return singleSet || reciprocal;
    }

    /** @return the weight of B at the targets */
    public double weightB() {
        return singleSet ? 1 : reciprocal ? 0.5 : 0;
    }

    /** @return the weight of A at the targets */
    public double weightA() {
        return singleSet ? 0 : reciprocal ? 0.5 : 1;
    }

    /** @return CSR start of each target's near pairs, length targets + 1 */
    public int[] nearStart() {
        return nearStart.clone();
    }

    /** @return the source of each near pair */
    public int[] nearIndex() {
        return nearIndex.clone();
    }

    /** @return the block of each near pair (grids share one block per offset) */
    public int[] nearRef() {
        return nearRef.clone();
    }

    /** @return the blocks, 5 per block: exact − surrogate in xx, xy, yx, yy, zz (dimensionless) */
    public double[] nearBlocks() {
        return nearBlock.clone();
    }

    /** @return the far part's non-uniform FFTs, or null when the surrogate evaluates it by phase sums */
    public TransformPlan transformPlan() {
        return plan;
    }
}
