package org.hypermag.integrators;

/**
 * The coefficients of an explicit Runge–Kutta method: nodes c, matrix a (lower triangular), weights b and, for an
 * embedded pair, the weights b* of the lower-order solution used for the error estimate. A method is only its
 * tableau; {@link RungeKuttaStepper} holds the one stepping loop.
 *
 * @param name the method's name
 * @param c nodes, c[0] = 0
 * @param a stage matrix, row s has s entries
 * @param b weights of the solution
 * @param bStar weights of the embedded solution, or null for a fixed-step method
 * @param errorOrder order q of the error estimate (step factor exponent 1/(q+1)); 0 without an embedded pair
 * @param fsal true if the last stage is evaluated at the new solution (first same as last)
 */
public record ButcherTableau(String name, double[] c, double[][] a, double[] b, double[] bStar, int errorOrder,
                             boolean fsal) {

    /** Heun's method (explicit trapezoid), order 2, fixed step. */
    public static final ButcherTableau HEUN = new ButcherTableau("Heun", new double[] {0, 1},
            new double[][] {{}, {1}}, new double[] {0.5, 0.5}, null, 0, false);

    /** The classical fourth-order Runge–Kutta method, fixed step. */
    public static final ButcherTableau RK4 = new ButcherTableau("RK4", new double[] {0, 0.5, 0.5, 1},
            new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}}, new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}, null,
            0, false);

    /**
     * The classical fourth-order Runge–Kutta solution with an embedded third-order estimate through a first-same-as-last
     * fifth stage f(t + Δt, y₁), adaptive at four evaluations per step (OOMMF's {@code rk4} is adaptive too, by step
     * doubling). The embedded weights b* = (1/6, 1/3, 1/3, 0, 1/6) satisfy the four third-order conditions (Σb* = 1,
     * Σb*c = 1/2, Σb*c² = 1/3, Σb*·a·c = 1/6) and not the fourth-order ones, so y₁ − y₁* = Δt (k₅ − k₄)/6 is a
     * fourth-order-small estimate of the third-order solution's local error. On the imaginary axis (precession) RK4 is
     * stable up to |λΔt| ≈ 2.8, 0.7 per evaluation against Dormand–Prince's ≈ 0.35 (2.1 in six evaluations): on
     * exchange-stiff grids, where the step is held by stability rather than by the tolerance, it needs about half
     * Dormand–Prince's evaluations.
     */
    public static final ButcherTableau RK4_3 = new ButcherTableau("RK4(3)", new double[] {0, 0.5, 0.5, 1, 1},
            new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}, {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}},
            new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6, 0}, new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 0, 1.0 / 6},
            3, true);

    /**
     * A six-stage fourth-order method for steps held by precession, with an embedded third-order estimate through a
     * first-same-as-last seventh stage f(t + Δt, y₁) (six evaluations per step): {@code integrator: {method: rk46}}.
     * Its stability polynomial R(z) = 1 + z + z²/2 + z³/6 + z⁴/24 + 0.0056 z⁵ + 0.000845 z⁶ is stable along a mode
     * precessing with damping α, λ = |λ|(−α + i)/√(1 + α²), up to |λΔt| = 4.48 at α = 0, 4.76 at 0.02 and 4.98 at 0.1:
     * 0.75–0.83 per evaluation against classical RK4's 0.71–0.74 ({@link #RK4_3}), so where the fastest exchange spin
     * wave holds the step it needs about 10 % fewer evaluations and 40 % fewer steps than RK4(3) (standard problem 4:
     * 3 997 against 4 445 evaluations at 3.9 nm, 9 295 against 10 269 at 2.5 nm). With strong damping (α ≳ 0.3) its
     * reach per evaluation falls below RK4's. The coefficients were found for this project (docs/dynamics.md): the
     * eight fourth-order conditions, R's z⁵ and z⁶ terms, c₆ = 1 and (Ac)₆ = 1/2 — so that b* = b with the sixth
     * stage's weight moved to the seventh satisfies the third-order conditions exactly and y₁ − y₁* = b₆Δt (k₆ − k₇)
     * — and, among the solutions, small fifth-order error terms (their norm 2.8e-3 against classical RK4's 1.5e-2),
     * all weights positive and the nodes rising in [0, 1]. R's two free terms trade reach for the step controller's
     * calm: z⁵/180 + z⁶/1080 reaches √24 ≈ 4.90 on the imaginary axis, but there the PI controller's step wanders
     * and 45 steps of standard problem 4 were rejected (2 with these terms).
     */
    public static final ButcherTableau RK46_3 = rk46();

    /**
     * Bogacki–Shampine 3(2): third-order solution, second-order error estimate, first same as last (3 evaluations
     * per step); the adaptive method of finite-temperature runs.
     */
    public static final ButcherTableau BOGACKI_SHAMPINE_32 = new ButcherTableau("Bogacki-Shampine 3(2)",
            new double[] {0, 0.5, 0.75, 1},
            new double[][] {{}, {0.5}, {0, 0.75}, {2.0 / 9, 1.0 / 3, 4.0 / 9}},
            new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9, 0},
            new double[] {7.0 / 24, 0.25, 1.0 / 3, 0.125}, 2, true);

    /** Dormand–Prince 5(4): fifth-order solution, fourth-order error estimate, first same as last. */
    public static final ButcherTableau DORMAND_PRINCE_54 = new ButcherTableau("Dormand-Prince 5(4)",
            new double[] {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1},
            new double[][] {
                {},
                {1.0 / 5},
                {3.0 / 40, 9.0 / 40},
                {44.0 / 45, -56.0 / 15, 32.0 / 9},
                {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
                {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
                {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}},
            new double[] {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0},
            new double[] {5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40},
            4, true);

    /**
     * Fehlberg 5(4) with local extrapolation (the fifth-order solution propagated, the fourth-order one for the error
     * estimate; OOMMF's rkf54): six evaluations per step, not first same as last. Coefficients: E. Fehlberg, NASA TR
     * R-315 (1969), Table III.
     */
    public static final ButcherTableau FEHLBERG_54 = new ButcherTableau("Fehlberg 5(4)",
            new double[] {0, 1.0 / 4, 3.0 / 8, 12.0 / 13, 1, 1.0 / 2},
            new double[][] {
                {},
                {1.0 / 4},
                {3.0 / 32, 9.0 / 32},
                {1932.0 / 2197, -7200.0 / 2197, 7296.0 / 2197},
                {439.0 / 216, -8, 3680.0 / 513, -845.0 / 4104},
                {-8.0 / 27, 2, -3544.0 / 2565, 1859.0 / 4104, -11.0 / 40}},
            new double[] {16.0 / 135, 0, 6656.0 / 12825, 28561.0 / 56430, -9.0 / 50, 2.0 / 55},
            new double[] {25.0 / 216, 0, 1408.0 / 2565, 2197.0 / 4104, -1.0 / 5, 0},
            4, false);

    private static ButcherTableau rk46() {
        double[][] a = {
            {},
            {0.28149464959780772},
            {-0.065822878089411331, 0.50303836476338525},
            {0.086422556739565185, 0.075352656191988279, 0.47033416531130156},
            {0.19174345622471521, 0.2820643301586901, 0.006849769489958882, 0.42458007113987736},
            {0.12051280201271284, 0.35805927145092712, 0.20126883464734423, -0.078316039600459478,
                0.39847513148947529},
            {0.11867712725181757, 0.23392998727993351, 0.16650301137049059, 0.29683423613116669,
                0.10906309151751781, 0.074992546449073842}};
        double[] b = {0.11867712725181757, 0.23392998727993351, 0.16650301137049059, 0.29683423613116669,
            0.10906309151751781, 0.074992546449073842, 0};
        double[] bStar = {b[0], b[1], b[2], b[3], b[4], 0, b[5]};
        double[] c = {0, 0.28149464959780772, 0.43721548667397392, 0.63210937824285503, 0.90523762701324156, 1, 1};
        return new ButcherTableau("RK4(3)6", c, a, b, bStar, 3, true);
    }

    /** @return the number of stages */
    public int stages() {
        return c.length;
    }

    /** @return true if the method has an embedded error estimate */
    public boolean isAdaptive() {
        return bStar != null;
    }
}
