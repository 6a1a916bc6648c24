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
    private final int halfX, halfY, width, w;
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
        HarmonicAxis ax = model.ax, ay = model.ay;
        this.fft = fft;
        w = fft.w;
        w1x = ax.w1;
        w1y = ay.w1;
        halfX = fft.nearHalfWidth(w1x * radius, 0);
        halfY = fft.nearHalfWidth(w1y * radius, 1);
        width = 2 * halfX + 1;
        int features = model.sets.length, modes = fft.mx * fft.my;
        components = model.sets[0].offPlane() ? 9 : 5;
        blocks = new double[features][components][];
        double[] f = new double[2 * modes];
        for (int k = 0; k < features; k++) {
            double[][] t = FarFieldSpectral.multipliers(model.sets[k], ax, ay);
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
        int gy = fft.nearFootprint(w1y * dy, 1, buffer, w);
        int size = blocks[0][0].length;
        for (int c = 0; c < components; c++) {
            double sum = interpolate(combined, c * size, gx, gy, buffer);
            out[c] = sum;
        }
    }

    /** @return a work buffer for {@link #tensor} (2w numbers) */
    double[] buffer() {
        return new double[2 * w];
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
        int gy = fft.nearFootprint(w1y * dy, 1, buffer, w);
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

    /** Σ_ab block[offset + (gy + b)(row) + gx + a] wx_a wy_b with the weights in buffer (x first, then y). */
    private double interpolate(double[] block, int offset, int gx, int gy, double[] buffer) {
        double sum = 0;
        for (int j = 0; j < w; j++) {
            int base = offset + (gy + j + halfY) * width + gx + halfX;
            double sr = 0;
            for (int i = 0; i < w; i++) {
                sr += block[base + i] * buffer[i];
            }
            sum += sr * buffer[w + j];
        }
        return sum;
    }
}
