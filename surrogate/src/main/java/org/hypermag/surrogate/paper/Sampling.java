package org.hypermag.surrogate.paper;

import java.util.Locale;

/**
 * How the sources of the paper protocol's examples are drawn: the paper's sampling ({@link #PAPER}: each source's
 * thickness uniform in [0.1, 1] domain units), or the same sampling with one fixed thickness for every source
 * ({@link #fixedThickness}), the variant on which a single-layer model such as {@code far-field} can be evaluated.
 *
 * <p>Everything else is the paper's sampling (docs/paper-models.md): in-plane sides uniform in [0.5, 2], centres
 * uniform in [−2, 2]², M random, points uniform in [−3, 3]². The fixed-thickness variant still draws (and discards) the
 * thickness from each source's random stream, so for a given seed and stream it has the same centres, sides,
 * magnetisations and points as the paper's sampling; only the thickness, and so the exact targets, differ.
 *
 * <p>Immutable.
 */
public final class Sampling {
    /** The paper's sampling: each source's thickness uniform in [{@value #MIN_THICKNESS}, {@value #MAX_THICKNESS}]. */
    public static final Sampling PAPER = new Sampling(Double.NaN);
    /** Smallest thickness of the paper's sampling (domain units). */
    public static final double MIN_THICKNESS = 0.1;
    /** Largest thickness of the paper's sampling (domain units). */
    public static final double MAX_THICKNESS = 1;

    /** The fixed thickness (domain units), or NaN for the paper's varied thickness. */
    private final double thickness;

    private Sampling(double thickness) {
        this.thickness = thickness;
    }

    /**
     * The paper's sampling with every source of the given thickness.
     *
     * @param thickness the thickness of every source (domain units), finite and &gt; 0
     * @return the variant
     * @throws IllegalArgumentException if the thickness is not finite and positive
     */
    public static Sampling fixedThickness(double thickness) {
        if (!(thickness > 0) || !Double.isFinite(thickness)) {
            throw new IllegalArgumentException("thickness must be finite and > 0 (domain units), got " + thickness);
        }
        return new Sampling(thickness);
    }

    /** @return whether every source has one thickness ({@link #thickness()}) */
    public boolean isFixedThickness() {
        return !Double.isNaN(thickness);
    }

    /**
     * @return the fixed thickness (domain units)
     * @throws IllegalStateException for the paper's varied thickness
     */
    public double thickness() {
        if (!isFixedThickness()) {
            throw new IllegalStateException("the paper's sampling has no fixed thickness");
        }
        return thickness;
    }

    /** The thickness of a source given the uniform deviate u in [0, 1) drawn for it. */
    double thickness(double u) {
        return isFixedThickness() ? thickness : MIN_THICKNESS + (MAX_THICKNESS - MIN_THICKNESS) * u;
    }

    /** @return a short label: "original" or "fixed thickness T" */
    public String label() {
        return isFixedThickness() ? "fixed thickness " + number(thickness) : "original";
    }

    /** @return a one-line description of the thickness sampling */
    public String describe() {
        return isFixedThickness()
                ? "every source " + number(thickness) + " domain units thick (otherwise the paper's sampling)"
                : "the paper's sampling: thickness uniform in [" + number(MIN_THICKNESS) + ", " + number(MAX_THICKNESS)
                        + "] domain units per source";
    }

    /** A number in at most 4 significant digits without trailing zeros. */
    static String number(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return label();
    }
}
