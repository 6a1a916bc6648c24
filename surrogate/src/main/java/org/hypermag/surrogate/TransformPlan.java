package org.hypermag.surrogate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only description of a far field evaluated by non-uniform FFTs ({@link FarFieldSpectral},
 * {@link FarFieldBoxTransforms}), for the device kernels that evaluate the same transforms
 * ({@code org.hypermag.surrogate.gpu.GpuNufftSurrogate}):
 * <ul>
 *   <li>inputs: q_in,j = factor_in,j · M_comp(in),j spread onto the oversampled grid with the weights of a point set
 *   (the sources' centres or rectangles), Fourier transformed, the modes |p| ≤ K_x, |q| ≤ K_y kept and corrected by
 *   the kernel's transform;</li>
 *   <li>outputs: Σ over terms of multiplier(p, q) · spectrum_in (times i for an imaginary term), corrected again,
 *   transformed back and interpolated with the weights of a point set (the targets' centres or rectangles), the real
 *   part times factor_out,i added to H_comp(out),i.</li>
 * </ul>
 * Mode (p, q) is stored at (q + K_y)·(2K_x + 1) + p + K_x; on the grid it is at row q mod nf_y, column p mod nf_x.
 * Multipliers include the channel weights; the corrections are separate ({@link #correctionX()}). Immutable.
 */
public final class TransformPlan {
    private final Nufft2d fft;
    private final List<Nufft2d.Points> sets = new ArrayList<>();
    private final Map<Nufft2d.Points, Integer> setIndex = new IdentityHashMap<>();
    private final List<int[]> inputs = new ArrayList<>();
    private final List<double[]> inFactor = new ArrayList<>();
    private final List<int[]> outputs = new ArrayList<>();
    private final List<double[]> outFactor = new ArrayList<>();
    private final List<int[]> terms = new ArrayList<>();
    private final List<double[]> multipliers = new ArrayList<>();

    TransformPlan(Nufft2d fft) {
        this.fft = fft;
    }

    private int set(Nufft2d.Points p) {
        return setIndex.computeIfAbsent(p, k -> {
            sets.add(k);
            return sets.size() - 1;
        });
    }

    /** Adds an input; returns its index. */
    int input(Nufft2d.Points points, int component, double[] factor) {
        inputs.add(new int[] {set(points), component});
        inFactor.add(factor);
        return inputs.size() - 1;
    }

    /** Adds an output (factor null: 1); returns its index. */
    int output(Nufft2d.Points points, int component, double[] factor) {
        outputs.add(new int[] {set(points), component});
        outFactor.add(factor);
        return outputs.size() - 1;
    }

    /** Adds a term to an output: input times the multiplier (2K_x + 1)(2K_y + 1) reals, imaginary or not. */
    void term(int output, int input, double[] multiplier, boolean imaginary) {
        terms.add(new int[] {output, input, imaginary ? 1 : 0});
        multipliers.add(multiplier);
    }

    /** @return the highest harmonic along x, K_x */
    public int harmonicsX() {
        return fft.kx;
    }

    /** @return the highest harmonic along y, K_y */
    public int harmonicsY() {
        return fft.ky;
    }

    /** @return the oversampled grid's points along x (a product of 2, 3 and 5) */
    public int gridX() {
        return fft.nfx;
    }

    /** @return the oversampled grid's points along y */
    public int gridY() {
        return fft.nfy;
    }

    /** @return the correction 1/φ̂ per mode index p + K_x (applied once on the way in and once on the way out) */
    public double[] correctionX() {
        return fft.correctionX();
    }

    /** @return the correction per mode index q + K_y */
    public double[] correctionY() {
        return fft.correctionY();
    }

    /** @return the number of point sets */
    public int pointSets() {
        return sets.size();
    }

    /**
     * @param s a point set
     * @return its number of points
     */
    public int points(int s) {
        return sets.get(s).n;
    }

    /**
     * @param s a point set
     * @return {footprint width along x, along y} (grid points)
     */
    public int[] widths(int s) {
        return new int[] {sets.get(s).widthX, sets.get(s).widthY};
    }

    /**
     * @param s a point set
     * @return the first grid column of each point's footprint, in [0, nf_x)
     */
    public int[] firstX(int s) {
        return sets.get(s).gx.clone();
    }

    /**
     * @param s a point set
     * @return the first grid row of each point's footprint, in [0, nf_y)
     */
    public int[] firstY(int s) {
        return sets.get(s).gy.clone();
    }

    /**
     * @param s a point set
     * @return the weights along x, widths(s)[0] per point
     */
    public double[] weightsX(int s) {
        return sets.get(s).wx.clone();
    }

    /**
     * @param s a point set
     * @return the weights along y, widths(s)[1] per point
     */
    public double[] weightsY(int s) {
        return sets.get(s).wy.clone();
    }

    /** @return the number of inputs */
    public int inputs() {
        return inputs.size();
    }

    /**
     * @param in an input
     * @return {its point set, its magnetisation component 0..2}
     */
    public int[] input(int in) {
        return inputs.get(in).clone();
    }

    /**
     * @param in an input
     * @return its factor per source (m³: the volume, or the volume times a size feature)
     */
    public double[] inputFactor(int in) {
        return inFactor.get(in).clone();
    }

    /** @return the number of outputs */
    public int outputs() {
        return outputs.size();
    }

    /**
     * @param out an output
     * @return {its point set, its field component 0..2}
     */
    public int[] output(int out) {
        return outputs.get(out).clone();
    }

    /**
     * @param out an output
     * @return its factor per target, or null for 1
     */
    public double[] outputFactor(int out) {
        double[] f = outFactor.get(out);
        return f == null ? null : f.clone();
    }

    /** @return the number of terms over all outputs */
    public int terms() {
        return terms.size();
    }

    /**
     * @param k a term
     * @return {its output, its input, 1 if imaginary else 0}
     */
    public int[] term(int k) {
        return terms.get(k).clone();
    }

    /**
     * @param k a term
     * @return its multiplier per mode (channel weight included), (2K_x + 1)(2K_y + 1) values
     */
    public double[] multiplier(int k) {
        return multipliers.get(k).clone();
    }
}
