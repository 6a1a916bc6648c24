package org.hypermag.solver.magnet;

import java.util.Arrays;
import org.hypermag.solver.Constants;

/**
 * The magnetic parameters of one region: an immutable value with {@code withX} methods.
 *
 * <p>Units: saturation magnetisation Ms in A/m; exchange stiffness A in J/m; anisotropy constants K1, Kc1, Kc2 in
 * J/m³; Gilbert damping α dimensionless; gyromagnetic ratio γ in m/(A·s) (OOMMF's convention, dm/dt = −γ m×H + …
 * with H in A/m; mumax3's γ in rad/(T·s) is γ/μ0). Axes are unit vectors (normalised on construction).
 *
 * <p>Defaults of {@link #of(double)}: A = 0, K1 = 0 with axis z, no cubic anisotropy (axes x, y), α = 0,
 * γ = {@link Constants#GAMMA_OOMMF}.
 */
public final class Material {
    private final double ms, exchange, k1, kc1, kc2, alpha, gamma;
    private final double[] axis, cubic1, cubic2;

    private Material(double ms, double exchange, double k1, double[] axis, double kc1, double kc2, double[] cubic1,
                     double[] cubic2, double alpha, double gamma) {
        this.ms = requirePositive("Ms (A/m)", ms);
        this.exchange = requireNonNegative("A (J/m)", exchange);
        this.k1 = requireFinite("K1 (J/m^3)", k1);
        this.kc1 = requireFinite("Kc1 (J/m^3)", kc1);
        this.kc2 = requireFinite("Kc2 (J/m^3)", kc2);
        this.alpha = requireNonNegative("alpha", alpha);
        this.gamma = requirePositive("gamma (m/(A s))", gamma);
        this.axis = unit("anisotropy axis", axis);
        double[] c1 = unit("cubic axis 1", cubic1);
        double[] c2 = unit("cubic axis 2", cubic2);
        double dot = c1[0] * c2[0] + c1[1] * c2[1] + c1[2] * c2[2];
        if (Math.abs(dot) > 1e-9) {
            throw new IllegalArgumentException("cubic axes must be perpendicular, got " + Arrays.toString(cubic1)
                    + " and " + Arrays.toString(cubic2));
        }
        this.cubic1 = c1;
        this.cubic2 = c2;
    }

    /**
     * @param ms saturation magnetisation (A/m), &gt; 0
     * @return a material with the defaults listed in the class comment
     */
    public static Material of(double ms) {
        return new Material(ms, 0, 0, new double[] {0, 0, 1}, 0, 0, new double[] {1, 0, 0}, new double[] {0, 1, 0}, 0,
                Constants.GAMMA_OOMMF);
    }

    private static double requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + v);
        }
        return v;
    }

    private static double requireNonNegative(String what, double v) {
        if (!(requireFinite(what, v) >= 0)) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + v);
        }
        return v;
    }

    private static double requirePositive(String what, double v) {
        if (!(requireFinite(what, v) > 0)) {
            throw new IllegalArgumentException(what + " must be > 0, got " + v);
        }
        return v;
    }

    private static double[] unit(String what, double[] v) {
        if (v == null || v.length != 3) {
            throw new IllegalArgumentException(what + " must have 3 components");
        }
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException(what + " must be a finite non-zero vector, got " + Arrays.toString(v));
        }
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /** @param v Ms (A/m) @return a copy with that saturation magnetisation */
    public Material withMs(double v) {
        return new Material(v, exchange, k1, axis, kc1, kc2, cubic1, cubic2, alpha, gamma);
    }

    /** @param v A (J/m) @return a copy with that exchange stiffness */
    public Material withExchange(double v) {
        return new Material(ms, v, k1, axis, kc1, kc2, cubic1, cubic2, alpha, gamma);
    }

    /**
     * @param v K1 (J/m³); positive for an easy axis, negative for an easy plane
     * @param ax the axis (normalised here)
     * @return a copy with that uniaxial anisotropy
     */
    public Material withUniaxial(double v, double[] ax) {
        return new Material(ms, exchange, v, ax, kc1, kc2, cubic1, cubic2, alpha, gamma);
    }

    /**
     * @param c1 Kc1 (J/m³)
     * @param c2 Kc2 (J/m³)
     * @param a1 first cubic axis
     * @param a2 second cubic axis, perpendicular to the first (the third is a1 × a2)
     * @return a copy with that cubic anisotropy
     */
    public Material withCubic(double c1, double c2, double[] a1, double[] a2) {
        return new Material(ms, exchange, k1, axis, c1, c2, a1, a2, alpha, gamma);
    }

    /** @param v Gilbert damping α &ge; 0 @return a copy with that damping */
    public Material withAlpha(double v) {
        return new Material(ms, exchange, k1, axis, kc1, kc2, cubic1, cubic2, v, gamma);
    }

    /** @param v γ (m/(A·s)) &gt; 0 @return a copy with that gyromagnetic ratio */
    public Material withGamma(double v) {
        return new Material(ms, exchange, k1, axis, kc1, kc2, cubic1, cubic2, alpha, v);
    }

    /** @return Ms (A/m) */
    public double ms() {
        return ms;
    }

    /** @return A (J/m) */
    public double exchange() {
        return exchange;
    }

    /** @return K1 (J/m³) */
    public double k1() {
        return k1;
    }

    /** @return a copy of the uniaxial axis (unit vector) */
    public double[] axis() {
        return axis.clone();
    }

    /** @return Kc1 (J/m³) */
    public double kc1() {
        return kc1;
    }

    /** @return Kc2 (J/m³) */
    public double kc2() {
        return kc2;
    }

    /** @return a copy of the first cubic axis */
    public double[] cubicAxis1() {
        return cubic1.clone();
    }

    /** @return a copy of the second cubic axis */
    public double[] cubicAxis2() {
        return cubic2.clone();
    }

    /** @return α */
    public double alpha() {
        return alpha;
    }

    /** @return γ (m/(A·s)) */
    public double gamma() {
        return gamma;
    }

    @Override
    public String toString() {
        return "Material[Ms=" + ms + " A/m, A=" + exchange + " J/m, K1=" + k1 + " J/m3 along " + Arrays.toString(axis)
                + ", Kc1=" + kc1 + ", Kc2=" + kc2 + " J/m3, alpha=" + alpha + ", gamma=" + gamma + " m/(A s)]";
    }
}
