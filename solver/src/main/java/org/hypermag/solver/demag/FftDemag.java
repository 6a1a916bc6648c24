package org.hypermag.solver.demag;

import java.util.Arrays;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.math.FftSizes;
import org.hypermag.solver.math.LaneFft;
import org.hypermag.solver.math.LaneRealFft;
import org.hypermag.solver.math.SpectralProduct;
import org.hypermag.solver.parallel.WorkerPool;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The exact demagnetising field of the cells of a regular grid by zero-padded FFT convolution with the cell-averaged
 * (Newell) tensor: the default exact method on grids. Equal to {@link DirectDemag#forGrid} up to rounding.
 *
 * <p>The grid is padded to px × py × pz ≥ (2nx−1) × (2ny−1) × (2nz−1) (sizes with factors 2, 3, 5 only; no padding
 * along an axis with one cell), so the cyclic convolution equals the open-boundary one. The six tensor components
 * have even or odd parity along each axis, so their spectra are real: only six real arrays of (px/2+1)·py·pz numbers
 * are kept. Per evaluation: three real-to-complex 3D transforms (rows of zeros skipped), a 3×3 product per
 * wavevector, three inverse transforms. Transforms are 1D passes along x, y, z, parallel over rows and columns: along x
 * {@link LaneRealFft} (blocks of rows side by side, half-length complex transforms); along y and z {@link LaneFft}
 * blocks with the kernel product fused in where the columns are short, JTransforms column by column where long.
 *
 * <p>The domains may be all cells (in linear-index order) or a subset of them (cells without a domain carry M = 0).
 * Not thread-safe: one caller at a time. {@link #addField} allocates nothing after the first call on each thread.
 */
public final class FftDemag implements DemagField {
    private final RegularGrid grid;
    private final int nx, ny, nz;
    private final int px, py, pz;
    /** Number of complex bins along x: px/2 + 1 (1 when px = 1). */
    private final int hx;
    private final int[] domainOfCell;
    private final int domains;
    /** Whether domain i is cell i for every cell (the x pass then reads and writes the fields directly). */
    private final boolean allCells;
    /**
     * The tensor's six real spectra, {Nxx, Nyy, Nzz, Nxy, Nxz, Nyz}, as {@link SpectralProduct#kernelProduct} takes them;
     * null where the half or quarter kernel below serves.
     */
    private final double[][] kernel;
    /** One layer in lanes: instead, {Nxx, Nyy, Nzz, Nxy} at k_y ≤ py/2 (FftDemagKernel.layerHalf), else null. */
    private final double[][] layerKernel;
    /** Several layers: the six spectra at k_y ≤ py/2 and k_z ≤ pz/2 ({@link FftDemagKernel#quarter}), else null. */
    private final double[][] quarterKernel;
    /** The three components' spectra, real and imaginary parts apart: (kx, ky, kz) at kx + hx·(ky + py·kz). */
    private final double[][] specRe = new double[3][], specIm = new double[3][];
    /** The same arrays as {Re x, Im x, Re y, Im y, Re z, Im z} for {@link SpectralProduct#kernelProduct}. */
    private final double[][] specParts = new double[6][];
    private final WorkerPool pool;
    private final ThreadLocal<FftScratch> scratch;
    private final double kernelImaginaryRatio;

    private VectorField currentM;
    private VectorField currentH;
    private final WorkerPool.RangeTask forwardX = this::forwardX;
    private final WorkerPool.RangeTask forwardY = (from, to) -> passY(from, to, true);
    private final WorkerPool.RangeTask multiply = this::multiply;
    private final WorkerPool.RangeTask inverseY = (from, to) -> passY(from, to, false);
    private final WorkerPool.RangeTask inverseX = this::inverseX;
    private final WorkerPool.RangeTask convolveY = this::convolveY;
    private final WorkerPool.RangeTask convolveZLanes = this::convolveZLanes;
    private final boolean lanes;

    /**
     * Rows transformed together along x, and columns along y and z: a column block's elements lie side by side in
     * the spectrum, so gathering it reads whole cache lines where one column at a time reads one pair of doubles per
     * line.
     */
    private static final int BLOCK = FftDemagKernel.BLOCK;
    /** Rows transformed together along x ({@link LaneRealFft}). */
    static final int ROWS = 16;
    /** Columns transformed together along y (one layer) or z (several) by {@link LaneFft}, the product fused in. */
    static final int LANES = 32;

    /**
     * The longest padded y whose pass uses {@link LaneFft} (blocks of columns side by side,
     * the product fused in); above it, JTransforms column by column (per thread, the lane pass holds 8·LANES·length
     * doubles). Set at 100 when the lane butterflies were scalar, where JTransforms won on longer columns; with the
     * SIMD butterflies of every radix the lanes win at every length measured (scratch loop over FftDemag.addField,
     * one thread, 2026-12-05, the machine loaded): 256 × 64 × 1 cells 1 274 → 686 µs, 512 × 128 × 1 6.8 → 4.3 ms,
     * 1 024 × 256 × 1 37.8 → 25.3 ms, 2 048 × 512 × 1 191 → 111 ms. The z pass of several layers always runs in
     * lanes (a JTransforms path for z had no grid long enough to choose it).
     */
    static final int LANE_MAX = 2048;

    static boolean useLanes(int py, int pz) {
        return pz == 1 && py > 1 && py <= LANE_MAX;
    }

    static {
        org.hypermag.solver.math.FftSizes.oneThreadPerTransform(); // rows and columns run in parallel here
    }

    /**
     * FFT demag over all cells of a grid; domain i is cell i.
     *
     * @param grid the grid
     * @param pool threads
     */
    public FftDemag(RegularGrid grid, WorkerPool pool) {
        this(grid, null, pool);
    }

    /**
     * FFT demag over a subset of the cells of a grid.
     *
     * @param grid the grid
     * @param cellOfDomain the grid cell index of each domain (distinct, in range); null for all cells in order
     * @param pool threads
     */
    public FftDemag(RegularGrid grid, int[] cellOfDomain, WorkerPool pool) {
        this.grid = grid;
        this.pool = pool;
        nx = grid.nx();
        ny = grid.ny();
        nz = grid.nz();
        px = (int) padded(nx, true);
        py = (int) padded(ny, false);
        pz = (int) padded(nz, false);
        hx = px == 1 ? 1 : px / 2 + 1;
        int cells = grid.cellCount();
        domainOfCell = new int[cells];
        if (cellOfDomain == null) {
            for (int c = 0; c < cells; c++) {
                domainOfCell[c] = c;
            }
            domains = cells;
        } else {
            Arrays.fill(domainOfCell, -1);
            for (int d = 0; d < cellOfDomain.length; d++) {
                int c = cellOfDomain[d];
                if (c < 0 || c >= cells) {
                    throw new IllegalArgumentException("domain " + d + " maps to cell " + c + ", outside 0.." + (cells - 1));
                }
                if (domainOfCell[c] >= 0) {
                    throw new IllegalArgumentException("domains " + domainOfCell[c] + " and " + d + " share cell " + c);
                }
                domainOfCell[c] = d;
            }
            domains = cellOfDomain.length;
        }
        allCells = domains == cells && cellOfDomain == null;
        scratch = ThreadLocal.withInitial(() -> new FftScratch(px, py, pz));
        int specSize = hx * py * pz;
        for (int c = 0; c < 3; c++) {
            specRe[c] = new double[specSize];
            specIm[c] = new double[specSize];
            specParts[2 * c] = specRe[c];
            specParts[2 * c + 1] = specIm[c];
        }
        double[][] k = FftDemagKernel.spectra(paddedTensor(), px, py, pz);
        kernelImaginaryRatio = k[6][0];
        lanes = useLanes(py, pz);
        layerKernel = lanes ? FftDemagKernel.layerHalf(k, hx, py) : null;
        quarterKernel = pz > 1 ? FftDemagKernel.quarter(k, hx, py, pz) : null;
        kernel = layerKernel != null || quarterKernel != null ? null : java.util.Arrays.copyOf(k, 6);
        // the inverse transforms in lanes skip their 1/n (inverseUnscaled): the kernel takes the product instead
        double gain = (px > 1 ? px / 2.0 : 1) * (py > 1 && py <= LANE_MAX ? py : 1) * (pz > 1 ? pz : 1);
        for (double[][] spectra : new double[][][] {kernel, layerKernel, quarterKernel}) {
            if (spectra != null) {
                for (double[] component : spectra) {
                    for (int i = 0; i < component.length; i++) {
                        component[i] /= gain;
                    }
                }
            }
        }
    }

    /**
     * The most memory building and using an FFT demag on a grid takes (the padded tensor during construction, its six
     * spectra, the three spectra of M, the tensor table), before any of it is allocated.
     *
     * @param grid the grid
     * @return bytes, an upper estimate
     */
    public static long estimateBytes(RegularGrid grid) {
        long px = padded(grid.nx(), true), py = padded(grid.ny(), false), pz = padded(grid.nz(), false);
        long full = px * py * pz;
        long spec = (px == 1 ? 1 : px / 2 + 1) * py * pz;
        long cells = (long) grid.nx() * grid.ny() * grid.nz();
        return 8 * (6 * full + 14 * spec + 6 * cells) + 4 * cells;
    }

    /** The zero-padded transform length along an axis of n cells: 1 for one cell, else a fast size ≥ 2n − 1. */
    private static long padded(int n, boolean even) {
        return n == 1 ? 1 : FftSizes.good(2L * n - 1, even);
    }

    /** @return the padded grid size {px, py, pz} (cells along x fastest) */
    public int[] paddedSize() {
        return new int[] {px, py, pz};
    }

    /**
     * The cell-averaged tensor at every offset, wrapped onto the padded grid (offset i at index i mod px, and so
     * on), before its transform: what the convolution multiplies by (device kernels transform it themselves).
     *
     * @return six components in {@link PrismTensor} order, px·py·pz values each (dimensionless)
     */
    public double[][] paddedTensor() {
        return FftDemagKernel.paddedTensor(grid, px, py, pz, pool);
    }

    /** @return the domain of each grid cell, −1 for a cell without one (a copy) */
    public int[] domainOfCell() {
        return domainOfCell.clone();
    }

    /** @return the grid */
    public RegularGrid grid() {
        return grid;
    }

    /** @return whether the product reads one layer's half kernel (four components, k_y ≤ py/2) */
    boolean usesLayerKernel() {
        return layerKernel != null;
    }

    /** @return whether the product reads several layers' quarter kernel (six components, k_y ≤ py/2, k_z ≤ pz/2) */
    boolean usesQuarterKernel() {
        return quarterKernel != null;
    }

    /** @return max |Im| / max |Re| of the tensor spectra: rounding level when the parities are right */
    double kernelImaginaryRatio() {
        return kernelImaginaryRatio;
    }

    @Override
    public int sources() {
        return domains;
    }

    @Override
    public int targets() {
        return domains;
    }

    @Override
    public void addField(VectorField magnetisation, VectorField h) {
        if (magnetisation.size() != domains || h.size() != domains) {
            throw new IllegalArgumentException("FFT demag has " + domains + " domains; got magnetisation of size "
                    + magnetisation.size() + " and field of size " + h.size());
        }
        currentM = magnetisation;
        currentH = h;
        try {
            pool.forRange(ny * nz, ROWS, forwardX);
            if (lanes) {
                // one layer: along y, transform, multiply by the kernel and transform back block by block of
                // columns, the columns' elements side by side (LaneFft), while the block is in cache
                pool.forRange(hx, LANES, convolveY);
                pool.forRange(ny, ROWS, inverseX);
                return;
            }
            int yGrain = py <= LANE_MAX ? LANES : BLOCK;
            pool.forRange(hx * nz, yGrain, forwardY);
            if (pz > 1) {
                // along z, transform, multiply by the kernel and transform back column by column while the column
                // is in cache (the padded half of z is never stored)
                pool.forRange(hx * py, LANES, convolveZLanes);
            } else {
                pool.forRange(hx * py, 1024, multiply); // a single layer needs no transform along z
            }
            pool.forRange(hx * nz, yGrain, inverseY);
            pool.forRange(ny * nz, ROWS, inverseX);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    /**
     * The rows [from, to) (row = y + ny·z) of the three components into their x spectra (hx bins each), in blocks
     * of {@link #ROWS} rows side by side; cells past nx and cells without a domain are zero.
     */
    private void forwardX(int from, int to) {
        FftScratch w = scratch.get();
        double[] re = w.xre, im = w.xim;
        int filled = (nx + 1) / 2;
        for (int row0 = from; row0 < to; row0 += ROWS) {
            int width = Math.min(ROWS, to - row0);
            for (int c = 0; c < 3; c++) {
                double[] m = c == 0 ? currentM.x : c == 1 ? currentM.y : currentM.z;
                double[] sr = specRe[c], si = specIm[c];
                if (px == 1) {
                    for (int row = row0; row < row0 + width; row++) {
                        int d = domainOfCell[row], base = (row / ny * py + row % ny) * hx;
                        sr[base] = d < 0 ? 0 : m[d];
                        si[base] = 0;
                    }
                    continue;
                }
                for (int b = 0; b < width; b++) {
                    int cell0 = nx * (row0 + b);
                    if (allCells) {
                        int pairs = nx / 2;
                        for (int q = 0, l = b, i = cell0; q < pairs; q++, l += ROWS, i += 2) {
                            re[l] = m[i];
                            im[l] = m[i + 1];
                        }
                        if (pairs < filled) {
                            re[pairs * ROWS + b] = m[cell0 + nx - 1];
                            im[pairs * ROWS + b] = 0;
                        }
                        continue;
                    }
                    for (int q = 0, i = 0; q < filled; q++, i += 2) {
                        int de = domainOfCell[cell0 + i], od = i + 1 < nx ? domainOfCell[cell0 + i + 1] : -1;
                        re[q * ROWS + b] = de < 0 ? 0 : m[de];
                        im[q * ROWS + b] = od < 0 ? 0 : m[od];
                    }
                }
                w.laneX.forward(re, im, w.xwr, w.xwi, ROWS, width, filled);
                for (int b = 0; b < width; b++) {
                    int row = row0 + b, base = (row / ny * py + row % ny) * hx;
                    for (int k = 0, o = base, l = b; k < hx; k++, o++, l += ROWS) {
                        sr[o] = re[l];
                        si[o] = im[l];
                    }
                }
            }
        }
    }

    /**
     * Several layers: the y transforms (forward: the ny stored rows, zero beyond, all py kept; inverse: the first ny
     * kept) of the columns (kx, z) in [from, to), block by block, in lanes where y is short enough.
     */
    private void passY(int from, int to, boolean forward) {
        FftScratch w = scratch.get();
        int block = w.laneY == null ? BLOCK : LANES, count = forward ? ny : py, keep = forward ? py : ny;
        for (int c = 0; c < 3; c++) {
            double[] sr = specRe[c], si = specIm[c];
            for (int col = from; col < to;) {
                int kx = col % hx, z = col / hx, width = Math.min(block, Math.min(to - col, hx - kx));
                int base = z * py * hx + kx;
                if (w.laneY == null) {
                    FftDemagKernel.columns(w.fy, w.lines, sr, si, base, width, hx, py, count, keep, forward);
                } else {
                    double[] re = w.yre[0], im = w.yim[0];
                    toLanes(sr, si, base, hx, count, width, re, im);
                    if (forward) {
                        w.laneY.forward(re, im, w.wre, w.wim, LANES, width, count);
                    } else {
                        w.laneY.inverseUnscaled(re, im, w.wre, w.wim, LANES, width);
                    }
                    fromLanes(re, im, keep, width, sr, si, base, hx);
                }
                col += width;
            }
        }
    }

    /**
     * One layer (nz = pz = 1): for the columns kx in [from, to), in blocks of {@link #LANES}: the forward transform
     * along y of the three components (the ny stored rows, zero beyond), the product with the kernel at every ky, the
     * inverse transform, and the first ny rows written back.
     */
    private void convolveY(int from, int to) {
        convolveLanes(from, to, ny, hx);
    }

    private void convolveZLanes(int from, int to) {
        convolveLanes(from, to, nz, hx * py);
    }

    /**
     * For the spectrum's columns [from, to) in blocks of {@link #LANES}, the elements of each column side by side
     * (LaneFft): the forward transform of the three components along one axis (the {@code count} stored elements,
     * zero beyond, element i of column col at 2(col + i·step)), the product with the kernel (entry col + k·step),
     * the inverse transform, and the first {@code count} elements back. The y pass of one layer (step hx) and the z
     * pass of several (step hx·py).
     */
    private void convolveLanes(int from, int to, int count, int step) {
        FftScratch w = scratch.get();
        LaneFft f = w.laneConv;
        int len = f.length();
        // an odd number of passes: forward from y into z, the product in z, inverse from z back into y; no copies
        boolean odd = f.endsInWork();
        double[][] parts = odd ? w.partsZ : w.parts;
        for (int col = from; col < to; col += LANES) {
            int width = Math.min(LANES, to - col);
            for (int c = 0; c < 3; c++) {
                double[] re = w.yre[c], im = w.yim[c];
                toLanes(specRe[c], specIm[c], col, step, count, width, re, im);
                f.forwardLeaving(re, im, odd ? w.zre[c] : w.wre, odd ? w.zim[c] : w.wim, LANES, width, count);
            }
            if (quarterKernel != null) {
                FftDemagKernel.quarterProduct(parts, LANES, quarterKernel, hx, py, len, col, width);
            } else {
                FftDemagKernel.product(parts, LANES, len, kernel, layerKernel, step, col, width);
            }
            for (int c = 0; c < 3; c++) {
                double[] re = w.yre[c], im = w.yim[c];
                if (odd) {
                    f.inverseUnscaledLeaving(w.zre[c], w.zim[c], re, im, LANES, width);
                } else {
                    f.inverseUnscaledLeaving(re, im, w.wre, w.wim, LANES, width);
                }
                fromLanes(re, im, count, width, specRe[c], specIm[c], col, step);
            }
        }
    }

    /**
     * Copies {@code width} adjacent columns of a spectrum (element i of the first at base + i·step) into lanes
     * (element i of column b at i·{@link #LANES} + b): the first {@code count} elements (the forward transform takes
     * the rest as zero).
     */
    private static void toLanes(double[] sr, double[] si, int base, int step, int count, int width, double[] re,
                                double[] im) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(sr, base + i * step, re, i * LANES, width);
            System.arraycopy(si, base + i * step, im, i * LANES, width);
        }
    }

    /** Copies the first {@code keep} elements of {@code width} lanes back into their spectrum columns. */
    private static void fromLanes(double[] re, double[] im, int keep, int width, double[] sr, double[] si, int base,
                                  int step) {
        for (int i = 0; i < keep; i++) {
            System.arraycopy(re, i * LANES, sr, base + i * step, width);
            System.arraycopy(im, i * LANES, si, base + i * step, width);
        }
    }

    /** One layer with columns longer than {@link #LANE_MAX}: the product per wavevector, between the y passes. */
    private void multiply(int from, int to) {
        SpectralProduct.kernelProduct(specParts, from, kernel, from, to - from);
    }

    /** The rows [from, to) of the three components' spectra back along x, added to H of their cells' domains. */
    private void inverseX(int from, int to) {
        FftScratch w = scratch.get();
        double[] re = w.xre, im = w.xim;
        for (int row0 = from; row0 < to; row0 += ROWS) {
            int width = Math.min(ROWS, to - row0);
            for (int c = 0; c < 3; c++) {
                double[] h = c == 0 ? currentH.x : c == 1 ? currentH.y : currentH.z;
                double[] sr = specRe[c], si = specIm[c];
                if (px == 1) {
                    for (int row = row0; row < row0 + width; row++) {
                        int d = domainOfCell[row];
                        if (d >= 0) {
                            h[d] += sr[(row / ny * py + row % ny) * hx];
                        }
                    }
                    continue;
                }
                for (int b = 0; b < width; b++) {
                    int row = row0 + b, base = (row / ny * py + row % ny) * hx;
                    for (int k = 0, o = base, l = b; k < hx; k++, o++, l += ROWS) {
                        re[l] = sr[o];
                        im[l] = si[o];
                    }
                }
                w.laneX.inverseUnscaled(re, im, w.xwr, w.xwi, ROWS, width);
                for (int b = 0; b < width; b++) {
                    int cell0 = nx * (row0 + b);
                    if (allCells) {
                        int pairs = nx / 2;
                        for (int q = 0, l = b, i = cell0; q < pairs; q++, l += ROWS, i += 2) {
                            h[i] += re[l];
                            h[i + 1] += im[l];
                        }
                        if (pairs * 2 < nx) {
                            h[cell0 + nx - 1] += re[pairs * ROWS + b];
                        }
                        continue;
                    }
                    for (int i = 0; i < nx; i++) {
                        int d = domainOfCell[cell0 + i];
                        if (d >= 0) {
                            int l = (i >> 1) * ROWS + b;
                            h[d] += (i & 1) == 0 ? re[l] : im[l];
                        }
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        return "exact FFT convolution, cell-averaged (Newell) tensor, grid " + grid + ", padded " + px + " x " + py
                + " x " + pz + ", N=" + domains;
    }
}
