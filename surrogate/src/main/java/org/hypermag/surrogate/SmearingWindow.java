package org.hypermag.surrogate;

import org.hypermag.solver.math.GaussLegendre;

/**
 * A compact radial weight W of unit mass and radius ρ, and the point dipole smeared by it (issue 17; the construction
 * is the mean-value property of harmonic functions).
 *
 * <p>Every component of the dipole kernel D(r) = (I − 3 r̂r̂ᵀ)/(4π r³) is harmonic away from the origin, so its 3-D
 * convolution with a radial W of unit mass supported in |r| ≤ ρ leaves it unchanged wherever |r| ≥ ρ, while the
 * spectrum becomes D's (k kᵀ/|k|²) times Ŵ(|k|), which decays fast beyond the wavenumber the window is made for: a
 * truncated Fourier series of the smeared kernel is then exact to that decay in the far zone, with no fit.
 *
 * <p>W comes from a 1-D even profile φ on [−ρ, ρ] of unit integral, W(r) = −φ′(r)/(2π r), whose 3-D transform equals
 * φ's 1-D transform. Profile: φ = C z² I₂(β z), z = √(1 − r²/ρ²) (a Kaiser–Bessel-like window whose transform falls
 * like e^{−β} beyond k = β/ρ), so W(r) = C β z I₁(β z)/(2π ρ²). The mass inside r is Q(r) = ∫₀ʳ 4π s² W(s) ds and the
 * smeared dipole is (D ∗ W)(r) = Q(r) D(r) + W(r) r̂r̂ᵀ (= −∇∇ of the potential of the smeared unit charge).
 *
 * <p>Immutable; thread-safe.
 */
final class SmearingWindow {
    /** Gauss–Legendre order of the mass integral Q(r) (the integrand is entire; 48 nodes reach rounding for β ≤ 40). */
    private static final int MASS_ORDER = 48;
    private static final GaussLegendre MASS_RULE = new GaussLegendre(MASS_ORDER);

    /** Radius ρ (m) and shape β (dimensionless). */
    final double rho, beta;
    /** Normalisation C of the profile (1/m). */
    private final double c;

    /**
     * @param rho the radius ρ (m), > 0
     * @param beta the shape β, in (0, 40]: the transform falls like e^{−β} beyond k = β/ρ
     */
    SmearingWindow(double rho, double beta) {
        if (!(rho > 0) || !Double.isFinite(rho) || !(beta > 0) || !(beta <= 40)) {
            throw new IllegalArgumentException("smearing radius must be finite and > 0 and beta in (0, 40]; got "
                    + rho + ", " + beta);
        }
        this.rho = rho;
        this.beta = beta;
        c = 1 / unnormalisedMass(rho);
    }

    /**
     * The window for a basis of highest wavenumber k_max: β = 0.95 k_max ρ (issue 17's measured choice).
     *
     * @param rho radius (m)
     * @param kMax highest wavenumber of the basis (1/m)
     * @return the window
     */
    static SmearingWindow forBasis(double rho, double kMax) {
        return new SmearingWindow(rho, Math.min(40, 0.95 * kMax * rho));
    }

    /** W(r)/C without the constant: β z I₁(β z)/(2π ρ²). */
    private double shape(double r) {
        double u = r / rho;
        if (u >= 1) {
            return 0;
        }
        double z = Math.sqrt(1 - u * u);
        return beta * z * besselI(1, beta * z) / (2 * Math.PI * rho * rho);
    }

    /**
     * @param r distance (m)
     * @return W(r) (1/m³); 0 at and beyond ρ
     */
    double weight(double r) {
        return c * shape(r);
    }

    /**
     * @param r distance (m)
     * @return Q(r), the mass of W inside r: 1 at and beyond ρ
     */
    double mass(double r) {
        return r >= rho ? 1 : c * unnormalisedMass(r);
    }

    /** ∫₀ʳ 4π s² W(s)/C ds by Gauss–Legendre ({@link #MASS_ORDER} nodes; the integrand is entire). */
    private double unnormalisedMass(double r) {
        double q = 0;
        for (int k = 0; k < MASS_ORDER; k++) {
            double s = 0.5 * r * (MASS_RULE.node(k) + 1);
            q += 0.5 * r * MASS_RULE.weight(k) * 4 * Math.PI * s * s * shape(s);
        }
        return q;
    }

    /**
     * The 1-D profile φ(x) = C z² I₂(β z), z = √(1 − x²/ρ²), whose transform is W's 3-D transform.
     *
     * @param x position (m)
     * @return φ(x) (1/m)
     */
    double profile(double x) {
        double u = x / rho;
        if (Math.abs(u) >= 1) {
            return 0;
        }
        double z2 = 1 - u * u;
        return c * z2 * besselI(2, beta * Math.sqrt(z2));
    }

    /**
     * The smeared point dipole per unit moment, (D ∗ W)(r), at a 3-D offset.
     *
     * @param x offset x (m)
     * @param y offset y (m)
     * @param z offset z (m)
     * @param out receives xx, yy, zz, xy, xz, yz (1/m³), as {@code PrismTensor}'s order
     */
    void dipole(double x, double y, double z, double[] out) {
        double r2 = x * x + y * y + z * z, r = Math.sqrt(r2);
        if (r >= rho) {
            double f = 1 / (4 * Math.PI * r2 * r), g = 3 * f / r2;
            out[0] = f - g * x * x;
            out[1] = f - g * y * y;
            out[2] = f - g * z * z;
            out[3] = -g * x * y;
            out[4] = -g * x * z;
            out[5] = -g * y * z;
            return;
        }
        double w = weight(r);
        if (r < 1e-9 * rho) {
            // the limit at the centre: Q(r) → (4π/3) W(0) r³, so Q D + W r̂r̂ᵀ → W(0)/3 · I
            double d = w / 3;
            out[0] = d;
            out[1] = d;
            out[2] = d;
            out[3] = 0;
            out[4] = 0;
            out[5] = 0;
            return;
        }
        double q = mass(r);
        double f = q / (4 * Math.PI * r2 * r), g = 3 * f / r2, h = w / r2;
        out[0] = f - g * x * x + h * x * x;
        out[1] = f - g * y * y + h * y * y;
        out[2] = f - g * z * z + h * z * z;
        out[3] = (h - g) * x * y;
        out[4] = (h - g) * x * z;
        out[5] = (h - g) * y * z;
    }

    /**
     * The modified Bessel function I_n(x) for n ≥ 0 and 0 ≤ x ≤ 40 by its power series (all terms positive, so it is
     * accurate to rounding).
     *
     * @param n order
     * @param x argument
     * @return I_n(x)
     */
    static double besselI(int n, double x) {
        double h = 0.5 * x, term = 1;
        for (int k = 1; k <= n; k++) {
            term *= h / k;
        }
        double sum = term, h2 = h * h;
        for (int k = 1; k < 500; k++) {
            term *= h2 / (k * (double) (k + n));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
