package org.hypermag.solver;

/** Physical constants (SI). */
public final class Constants {
    /** Vacuum permeability μ0 = 4π·10⁻⁷ T·m/A (the value OOMMF and mumax3 use). */
    public static final double MU0 = 4e-7 * Math.PI;
    /**
     * Gilbert gyromagnetic ratio of the free electron as OOMMF uses it, γ = 2.211·10⁵ m/(A·s); in the units of mumax3,
     * γ/μ0 = 1.7595·10¹¹ rad/(T·s).
     */
    public static final double GAMMA_OOMMF = 2.211e5;
    /** Boltzmann constant k_B = 1.380649·10⁻²³ J/K (exact in the SI since 2019). */
    public static final double K_B = 1.380649e-23;

    private Constants() {
    }
}
