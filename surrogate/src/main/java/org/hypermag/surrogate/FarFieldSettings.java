package org.hypermag.surrogate;

/**
 * Accuracy settings of the far-field surrogate (the keys under {@code demag:} in a scenario, docs/surrogate.md).
 *
 * @param nearRadius R, the radius of the exact near zone, in units of the reference size (a grid's largest
 *     in-plane cell side; the median largest in-plane side of prisms)
 * @param kR k_max·R, the highest wavenumber of the basis times R: the far-field accuracy depends on this product
 * @param periodMargin the basis period is 2·(largest offset) + periodMargin·R along each axis: the margin lets the
 *     periodic potential return smoothly, without which the fit has an error floor (docs/surrogate.md)
 * @param sizeMap the size features of collections of more than 9 distinct sizes (fewer: one class per size)
 * @param mlpWidth width of the MLP's tanh layers (MLP size map), ≥ 1
 * @param mlpDepth number of tanh layers (MLP size map), ≥ 1
 * @param construction how the coefficients are made: the smeared kernel's transforms (no fit) or a least-squares
 *     fit on the far zone
 */
public record FarFieldSettings(double nearRadius, double kR, double periodMargin, SizeMap sizeMap, int mlpWidth,
                               int mlpDepth, Construction construction) {
    /** How a model's coefficients are made (docs/surrogate.md). */
    public enum Construction {
        /**
         * The smeared kernel ({@link FarFieldSmeared}): the dipole smeared by a compact window, thickness-averaged,
         * sampled and transformed; exact in the far zone to the window's spectral decay; seconds at 10⁶ domains.
         */
        SMEARED,
        /** Least squares of the exact kernel on the far zone ({@link FarFieldFit}); cost grows steeply with the film. */
        FITTED;

        /** @return the name in scenario files and model files */
        public String key() {
            return this == SMEARED ? "smeared" : "fitted";
        }

        /**
         * @param key a name from {@link #key}
         * @return the construction, or null if the name is not one
         */
        public static Construction of(String key) {
            for (Construction c : values()) {
                if (c.key().equals(key)) {
                    return c;
                }
            }
            return null;
        }
    }
    /** The hypernetwork's map from a prism's size to its features, for collections of more than 9 sizes. */
    public enum SizeMap {
        /** Quadratic in the squared sides, fixed by the prism's multipole expansion (no training). */
        MOMENTS,
        /** An MLP over the sides, trained on exact fits at anchor sizes (variable projection, Adam). */
        MLP
    }

    /**
     * R = 10 sizes, k_max R = 12, margin 4 R, moment features, smeared construction (docs/surrogate.md: at 12 the
     * smeared kernel is about as accurate as a fit at 8, for about twice the harmonics, with no fit).
     */
    public static final FarFieldSettings DEFAULT = new FarFieldSettings(10, 12, 4);

    /** Validates. */
    public FarFieldSettings {
        if (!(nearRadius > 0) || !(kR > 0) || !(periodMargin >= 0) || !Double.isFinite(nearRadius)
                || !Double.isFinite(kR) || !Double.isFinite(periodMargin)) {
            throw new IllegalArgumentException("near radius and k_max R must be finite and > 0, the period "
                    + "margin finite and >= 0; got " + nearRadius + ", " + kR + ", " + periodMargin);
        }
        if (construction == null) {
            throw new IllegalArgumentException("the construction must be given");
        }
        if (sizeMap == null || mlpWidth < 1 || mlpDepth < 1 || mlpWidth > 64 || mlpDepth > 8) {
            throw new IllegalArgumentException("size map must be given, MLP width in 1..64 and depth in 1..8; got "
                    + sizeMap + ", " + mlpWidth + ", " + mlpDepth);
        }
    }

    /**
     * Settings with moment size features and the smeared construction.
     *
     * @param nearRadius R in reference sizes
     * @param kR k_max·R
     * @param periodMargin margin in near radii
     */
    public FarFieldSettings(double nearRadius, double kR, double periodMargin) {
        this(nearRadius, kR, periodMargin, SizeMap.MOMENTS, MlpSizeMap.WIDTH, MlpSizeMap.DEPTH, Construction.SMEARED);
    }

    /**
     * @param c the construction
     * @return these settings made another way
     */
    public FarFieldSettings withConstruction(Construction c) {
        return new FarFieldSettings(nearRadius, kR, periodMargin, sizeMap, mlpWidth, mlpDepth, c);
    }

    /**
     * @param map the size map
     * @param width MLP width
     * @param depth MLP depth
     * @return these settings with another size map
     */
    public FarFieldSettings withSizeMap(SizeMap map, int width, int depth) {
        return new FarFieldSettings(nearRadius, kR, periodMargin, map, width, depth, construction);
    }
}
