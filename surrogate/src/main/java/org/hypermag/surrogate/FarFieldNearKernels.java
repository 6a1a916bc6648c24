package org.hypermag.surrogate;


/**
 * The surrogate's own kernel at offsets within the near radius, for the near-zone correction (exact minus what the
 * far-field evaluation adds), at O(w²) per offset and coefficient set instead of O(L): each set's five components (nine
 * between layers, {@link FarFieldSpectral#PAIRS})
 * (S_xx, S_xy, S_yx, S_yy, S_zz per unit volume, as {@link FarFieldKernel#tensor}) are summed once on the oversampled
 * grid of a {@link Nufft2d} (a type-2 transform), the part of the grid around the origin is kept, and offsets are
 * interpolated from it with the transform's kernel. Accurate to the transform's tolerance relative to the
 * coefficients' sum (tested against {@link FarFieldKernel#tensor}).
 *
 * <p>Immutable after construction; {@link #tensor} may be called from several threads with their own buffers.
 */
final class FarFieldNearKernels {
    private final Nufft2d fft;
    private final double w1x, w1y;
    /** Block half-widths and row length; footprint widths per axis (the kernel's width, wider for boxes). */
    private final int halfX, halfY, width, footX, footY;
    /** Components per offset: 5 in a layer's own mid-plane, 9 between layers ({@link FarFieldSpectral#PAIRS}). */
    final int components;
    /** Per coefficient set, one block of the upsampled kernel per component. */
    private final double[][][] blocks;

    /**
     * @param model the model
     * @param radius the largest |offset| per axis to serve (m)
     * @param fft the transforms on the model's harmonics (its grid is used as work space during construction)
     */
    FarFieldNearKernels(FarFieldModel model, double radius, Nufft2d fft) {
        this(model.ax, model.ay, model.sets, radius, 0, 0, fft);
    }

    /**
     * The line kernel of a model ({@link FarFieldModel#line}) for sources that are rectangles: {@link #boxTensor}
     * averages it over a rectangle, which is the exact kernel of a source of that size.
     *
     * @param model a model with a line kernel
     * @param radius the largest |offset| per axis to serve (m)
     * @param sx the x sides of the rectangles to serve (m)
     * @param sy their y sides (m)
     * @param fft the transforms on the model's harmonics
     * @return the table
     */
    static FarFieldNearKernels boxes(FarFieldModel model, double radius, double[] sx, double[] sy, Nufft2d fft) {
        return new FarFieldNearKernels(model.ax, model.ay, new FarFieldKernel[] {model.line}, radius,
                0.5 * largest(sx), 0.5 * largest(sy), fft);
    }

    private static double largest(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private FarFieldNearKernels(HarmonicAxis ax, HarmonicAxis ay, FarFieldKernel[] sets, double radius,
                                double boxX, double boxY, Nufft2d fft) {
        this.fft = fft;
        w1x = ax.w1;
        w1y = ay.w1;
        footX = fft.boxWidth(w1x * boxX, 0);
        footY = fft.boxWidth(w1y * boxY, 1);
        // a box's footprint reaches up to two grid points beyond a point's
        halfX = fft.nearHalfWidth(w1x * (radius + boxX), 0) + (boxX > 0 ? 2 : 0);
        halfY = fft.nearHalfWidth(w1y * (radius + boxY), 1) + (boxY > 0 ? 2 : 0);
        width = 2 * halfX + 1;
        int features = sets.length, modes = fft.mx * fft.my;
        components = sets[0].offPlane() ? 9 : 5;
        blocks = new double[features][components][];
        double[] f = new double[2 * modes];
        for (int k = 0; k < features; k++) {
            double[][] t = FarFieldSpectral.multipliers(sets[k], ax, ay);
            for (int c = 0; c < components; c++) {
                // the kernel is −(the multipliers' sum); imaginary multipliers (i·t) go to the imaginary part
                boolean im = FarFieldSpectral.imaginary(c);
                for (int i = 0; i < modes; i++) {
                    f[2 * i] = im ? 0 : -t[c][i];
                    f[2 * i + 1] = im ? -t[c][i] : 0;
                }
                blocks[k][c] = new double[width * (2 * halfY + 1)];
                fft.upsampledNearOrigin(f, halfX, halfY, blocks[k][c]);
            }
        }
    }

    /** @return a buffer for {@link #combine}: the combined blocks of every component */
    double[] combinedBuffer() {
        return new double[components * blocks[0][0].length];
    }

    /**
     * Combines the blocks of all coefficient sets with weights, for {@link #tensorCombined} at many offsets with the
     * same weights (one target's features): O(K·block) once instead of O(K·w²) per offset.
     *
     * @param weights one weight per set
     * @param out from {@link #combinedBuffer}
     */
    void combine(double[] weights, double[] out) {
        int size = blocks[0][0].length;
        java.util.Arrays.fill(out, 0);
        for (int k = 0; k < weights.length; k++) {
            double wk = weights[k];
            if (wk == 0) {
                continue;
            }
            for (int c = 0; c < components; c++) {
                double[] b = blocks[k][c];
                int o = c * size;
                for (int i = 0; i < size; i++) {
                    out[o + i] += wk * b[i];
                }
            }
        }
    }

    /**
     * The kernel of combined blocks at an offset (as {@link #tensor} with the weights given to {@link #combine}).
     *
     * @param dx offset x (m)
     * @param dy offset y (m)
     * @param combined from {@link #combine}
     * @param buffer from {@link #buffer}
     * @param out receives the components ({@link #components})
     */
    void tensorCombined(double dx, double dy, double[] combined, double[] buffer, double[] out) {
        int gx = fft.nearFootprint(w1x * dx, 0, buffer, 0);
        int gy = fft.nearFootprint(w1y * dy, 1, buffer, footX);
        int size = blocks[0][0].length;
        for (int c = 0; c < components; c++) {
            double sum = interpolate(combined, c * size, gx, gy, buffer);
            out[c] = sum;
        }
    }

    /** @return a work buffer for {@link #tensor} and {@link #boxTensor} (the two footprints' weights) */
    double[] buffer() {
        return new double[footX + footY];
    }

    /**
     * The line kernel averaged over a rectangle centred at the offset: the kernel of a source of sides (s_x, s_y)
     * per unit volume (a table from {@link #boxes}).
     *
     * @param dx offset x (m), |dx| ≤ the radius
     * @param dy offset y (m)
     * @param sx the rectangle's x side (m), at most the table's largest
     * @param sy its y side (m)
     * @param buffer from {@link #buffer}
     * @param out receives the components ({@link #components})
     */
    void boxTensor(double dx, double dy, double sx, double sy, double[] buffer, double[] out) {
        int gx = fft.nearFootprint(w1x * dx, 0.5 * w1x * sx, footX, 0, buffer, 0);
        int gy = fft.nearFootprint(w1y * dy, 0.5 * w1y * sy, footY, 1, buffer, footX);
        for (int c = 0; c < components; c++) {
            out[c] = interpolate(blocks[0][c], 0, gx, gy, buffer);
        }
    }

    /**
     * The kernel Σ_k weights_k S_k at an offset: out = {S_xx, S_xy, S_yx, S_yy, S_zz} per unit volume.
     *
     * @param dx offset x (m), |dx| ≤ the radius
     * @param dy offset y (m)
     * @param weights one weight per coefficient set
     * @param buffer from {@link #buffer}
     * @param out receives the components ({@link #components})
     */
    void tensor(double dx, double dy, double[] weights, double[] buffer, double[] out) {
        int gx = fft.nearFootprint(w1x * dx, 0, buffer, 0);
        int gy = fft.nearFootprint(w1y * dy, 1, buffer, footX);
        java.util.Arrays.fill(out, 0);
        for (int k = 0; k < weights.length; k++) {
            double wk = weights[k];
            if (wk == 0) {
                continue;
            }
            for (int c = 0; c < components; c++) {
                double sum = interpolate(blocks[k][c], 0, gx, gy, buffer);
                out[c] += wk * sum;
            }
        }
    }

    /**
     * Σ_ab block[offset + (gy + b)(row) + gx + a] wx_a wy_b with the weights in buffer (x first, then y; footprints
     * of the kernel's width for points, wider for boxes).
     */
    private double interpolate(double[] block, int offset, int gx, int gy, double[] buffer) {
        double sum = 0;
        for (int j = 0; j < footY; j++) {
            int base = offset + (gy + j + halfY) * width + gx + halfX;
            double sr = 0;
            for (int i = 0; i < footX; i++) {
                sr += block[base + i] * buffer[i];
            }
            sum += sr * buffer[footX + j];
        }
        return sum;
    }
}
