package org.hypermag.solver.demag;

import java.util.Arrays;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.math.FftSizes;
import org.hypermag.solver.math.LaneFft;
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
 * wavevector, three inverse transforms. Transforms are 1D JTransforms passes along x, y, z, parallel over rows.
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
    private final double[] kxx, kyy, kzz, kxy, kxz, kyz;
    private final double[][] spec = new double[3][];
    private final WorkerPool pool;
    private final ThreadLocal<Scratch> scratch;
    private final double kernelImaginaryRatio;

    private VectorField currentM;
    private VectorField currentH;
    private final WorkerPool.RangeTask forwardX = this::forwardX;
    private final WorkerPool.RangeTask forwardY = (from, to) -> passY(from, to, true);
    private final WorkerPool.RangeTask multiply = this::multiply;
    private final WorkerPool.RangeTask convolveZ = this::convolveZ;
    private final WorkerPool.RangeTask inverseY = (from, to) -> passY(from, to, false);
    private final WorkerPool.RangeTask inverseX = this::inverseX;
    private final WorkerPool.RangeTask convolveY = this::convolveY;
    private final WorkerPool.RangeTask convolveZLanes = this::convolveZLanes;
    private final boolean lanes;

    /** Per-thread work space: a line buffer and one FFT plan per axis. */
    /**
     * Columns transformed together along y and z: their elements lie side by side in the spectrum, so gathering a
     * block reads whole cache lines where one column at a time reads one pair of doubles per line.
     */
    private static final int BLOCK = 16;

    /**
     * The longest padded y at which one layer's y pass uses {@link LaneFft} (blocks of columns side by side, the
     * product fused in); above it, JTransforms column by column. FieldEvaluationBenchmark.demag, one thread
     * (2026-12-05): py = 64 (128 × 32 cells) 530 → 451 µs, py = 100 (standard problem 4 at 2.5 nm) 16.3 → 14.0 s for
     * the whole run, but py = 128 2 124 → 2 438 µs, py = 256 5.3 → 5.6 ms and py = 1 024 104 → 136 ms: with longer
     * columns a block no longer stays in cache and JTransforms' power-of-two transforms are faster.
     */
    static final int LANE_MAX = 100;

    private static boolean useLanes(int py, int pz) {
        return pz == 1 && py > 1 && py <= LANE_MAX;
    }

    /** Several layers: the z pass (transform, product, inverse) in lanes ({@link #convolveLanes}). */
    private static boolean useLanesZ(int pz) {
        return pz > 1 && pz <= LANE_MAX;
    }

    static {
        org.hypermag.solver.math.FftSizes.oneThreadPerTransform(); // rows and columns run in parallel here
    }

    private static final class Scratch {
        final double[] line;
        final double[][] lines;
        final double[][][] zlines;
        final DoubleFFT_1D fx, fy, fz;
        /** One layer: the y transforms of a block of columns, lanes side by side (real, imaginary; per component). */
        final LaneFft laneY;
        final double[][] yre, yim;
        final double[] wre, wim;

        Scratch(int px, int py, int pz) {
            line = new double[Math.max(px, 2 * Math.max(py, pz))];
            lines = new double[BLOCK][2 * Math.max(py, pz)];
            zlines = pz > 1 ? new double[3][BLOCK][2 * pz] : null;
            fx = px > 1 ? new DoubleFFT_1D(px) : null;
            fy = py > 1 ? new DoubleFFT_1D(py) : null;
            fz = pz > 1 ? new DoubleFFT_1D(pz) : null;
            // one layer: the y pass in lanes; several layers: the z pass in lanes, where short enough
            int len = useLanes(py, pz) ? py : useLanesZ(pz) ? pz : 0;
            laneY = len > 0 ? new LaneFft(len) : null;
            yre = len > 0 ? new double[3][len * BLOCK] : null;
            yim = len > 0 ? new double[3][len * BLOCK] : null;
            wre = len > 0 ? new double[len * BLOCK] : null;
            wim = len > 0 ? new double[len * BLOCK] : null;
        }
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
        scratch = ThreadLocal.withInitial(() -> new Scratch(px, py, pz));
        int specSize = hx * py * pz;
        for (int c = 0; c < 3; c++) {
            spec[c] = new double[2 * specSize];
        }
        double[][] k = kernelSpectra();
        kxx = k[0];
        kyy = k[1];
        kzz = k[2];
        kxy = k[3];
        kxz = k[4];
        kyz = k[5];
        kernelImaginaryRatio = k[6][0];
        lanes = useLanes(py, pz);
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

    /** Fills the padded tensor, transforms it, keeps the real parts. Element 6 holds max|Im|/max|Re|. */
    private double[][] kernelSpectra() {
        double[][] real = paddedTensor();
        double[][] out = new double[7][];
        double maxRe = 0, maxIm = 0;
        DoubleFFT_1D fx = px > 1 ? new DoubleFFT_1D(px) : null;
        DoubleFFT_1D fy = py > 1 ? new DoubleFFT_1D(py) : null;
        DoubleFFT_1D fz = pz > 1 ? new DoubleFFT_1D(pz) : null;
        double[] line = new double[Math.max(px, 2 * Math.max(py, pz))];
        double[][] lines = new double[BLOCK][2 * Math.max(py, pz)];
        double[] s = new double[2 * hx * py * pz];
        for (int c = 0; c < 6; c++) {
            for (int z = 0; z < pz; z++) {
                for (int y = 0; y < py; y++) {
                    System.arraycopy(real[c], px * (y + py * z), line, 0, px);
                    realRowToSpectrum(fx, line, s, 2 * ((z * py + y) * hx));
                }
            }
            for (int z = 0; z < pz; z++) {
                for (int kx = 0; kx < hx; kx += BLOCK) {
                    complexBlock(fy, lines, s, 2 * (z * py * hx + kx), Math.min(BLOCK, hx - kx), 2 * hx, py, py, py,
                            true);
                }
            }
            for (int col = 0; col < hx * py; col += BLOCK) {
                complexBlock(fz, lines, s, 2 * col, Math.min(BLOCK, hx * py - col), 2 * hx * py, pz, pz, pz, true);
            }
            double[] re = new double[hx * py * pz];
            for (int q = 0; q < re.length; q++) {
                re[q] = s[2 * q];
                maxRe = Math.max(maxRe, Math.abs(s[2 * q]));
                maxIm = Math.max(maxIm, Math.abs(s[2 * q + 1]));
            }
            out[c] = re;
        }
        out[6] = new double[] {maxRe > 0 ? maxIm / maxRe : 0};
        return out;
    }

    /** Real FFT of line[0..px) into complex bins at spectrum[base..], stride 2 per bin along x. */
    private void realRowToSpectrum(DoubleFFT_1D fx, double[] line, double[] s, int base) {
        if (px == 1) {
            s[base] = line[0];
            s[base + 1] = 0;
            return;
        }
        fx.realForward(line);
        s[base] = line[0];
        s[base + 1] = 0;
        s[base + 2 * (hx - 1)] = line[1];
        s[base + 2 * (hx - 1) + 1] = 0;
        for (int k = 1; k < hx - 1; k++) {
            s[base + 2 * k] = line[2 * k];
            s[base + 2 * k + 1] = line[2 * k + 1];
        }
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
        double[][] real = new double[6][px * py * pz];
        GridTensorTable table = new GridTensorTable(grid, pool);
        for (int k = -(nz - 1); k < nz; k++) {
            for (int j = -(ny - 1); j < ny; j++) {
                for (int i = -(nx - 1); i < nx; i++) {
                    int idx = Math.floorMod(i, px) + px * (Math.floorMod(j, py) + py * Math.floorMod(k, pz));
                    for (int c = 0; c < 6; c++) {
                        real[c][idx] = table.value(c, i, j, k);
                    }
                }
            }
        }
        return real;
    }

    /** @return the domain of each grid cell, −1 for a cell without one (a copy) */
    public int[] domainOfCell() {
        return domainOfCell.clone();
    }

    /** @return the grid */
    public RegularGrid grid() {
        return grid;
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
            pool.forRange(ny * nz, 1, forwardX);
            if (lanes) {
                // one layer: along y, transform, multiply by the kernel and transform back block by block of
                // columns, the columns' elements side by side (LaneFft), while the block is in cache
                pool.forRange(hx, BLOCK, convolveY);
                pool.forRange(ny, 1, inverseX);
                return;
            }
            pool.forRange(hx * nz, BLOCK, forwardY);
            if (pz > 1) {
                // along z, transform, multiply by the kernel and transform back column by column while the column
                // is in cache (the padded half of z is never stored)
                pool.forRange(hx * py, BLOCK, useLanesZ(pz) ? convolveZLanes : convolveZ);
            } else {
                pool.forRange(hx * py, 1024, multiply); // a single layer needs no transform along z
            }
            pool.forRange(hx * nz, BLOCK, inverseY);
            pool.forRange(ny * nz, 1, inverseX);
        } finally {
            currentM = null;
            currentH = null;
        }
    }

    private void forwardX(int from, int to) {
        Scratch w = scratch.get();
        double[] line = w.line;
        for (int c = 0; c < 3; c++) {
            double[] m = c == 0 ? currentM.x : c == 1 ? currentM.y : currentM.z;
            double[] s = spec[c];
            for (int row = from; row < to; row++) {
                int y = row % ny, z = row / ny;
                int cell0 = nx * row;
                for (int i = 0; i < nx; i++) {
                    int d = domainOfCell[cell0 + i];
                    line[i] = d < 0 ? 0 : m[d];
                }
                Arrays.fill(line, nx, px, 0);
                realRowToSpectrum(w.fx, line, s, 2 * ((z * py + y) * hx));
            }
        }
    }

    private void passY(int from, int to, boolean forward) {
        Scratch w = scratch.get();
        for (int c = 0; c < 3; c++) {
            double[] s = spec[c];
            for (int col = from; col < to;) {
                int kx = col % hx, z = col / hx, width = Math.min(BLOCK, Math.min(to - col, hx - kx));
                complexBlock(w.fy, w.lines, s, 2 * (z * py * hx + kx), width, 2 * hx, py, forward ? ny : py,
                        forward ? py : ny, forward);
                col += width;
            }
        }
    }

    /**
     * For the columns (kx, ky) in [from, to): the forward transform along z of the three components (the nz stored
     * planes, zero beyond), the product with the kernel at every kz, the inverse transform, and the first nz planes
     * written back; blocks of adjacent columns share each gather.
     */
    private void convolveZ(int from, int to) {
        Scratch w = scratch.get();
        int plane = hx * py, stride = 2 * plane;
        double[][] lx = w.zlines[0], ly = w.zlines[1], lz = w.zlines[2];
        for (int col = from; col < to;) {
            int width = Math.min(BLOCK, to - col);
            for (int c = 0; c < 3; c++) {
                double[] sc = spec[c];
                double[][] lc = w.zlines[c];
                for (int z = 0, o = 2 * col; z < nz; z++, o += stride) {
                    for (int b = 0, ob = o; b < width; b++, ob += 2) {
                        lc[b][2 * z] = sc[ob];
                        lc[b][2 * z + 1] = sc[ob + 1];
                    }
                }
                for (int b = 0; b < width; b++) {
                    Arrays.fill(lc[b], 2 * nz, 2 * pz, 0);
                    w.fz.complexForward(lc[b]);
                }
            }
            for (int b = 0; b < width; b++) {
                double[] ax = lx[b], ay = ly[b], az = lz[b];
                for (int kz = 0, q = col + b; kz < pz; kz++, q += plane) {
                    product(ax, ay, az, 2 * kz, q);
                }
            }
            for (int c = 0; c < 3; c++) {
                double[] sc = spec[c];
                double[][] lc = w.zlines[c];
                for (int b = 0; b < width; b++) {
                    w.fz.complexInverse(lc[b], true);
                }
                for (int z = 0, o = 2 * col; z < nz; z++, o += stride) {
                    for (int b = 0, ob = o; b < width; b++, ob += 2) {
                        sc[ob] = lc[b][2 * z];
                        sc[ob + 1] = lc[b][2 * z + 1];
                    }
                }
            }
            col += width;
        }
    }

    /**
     * One layer (nz = pz = 1): for the columns kx in [from, to), in blocks of {@link #BLOCK}: the forward transform
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
     * For the spectrum's columns [from, to) in blocks of {@link #BLOCK}, the elements of each column side by side
     * (LaneFft): the forward transform of the three components along one axis (the {@code count} stored elements,
     * zero beyond, element i of column col at 2(col + i·step)), the product with the kernel (entry col + k·step),
     * the inverse transform, and the first {@code count} elements back. The y pass of one layer (step hx) and the z
     * pass of several (step hx·py).
     */
    private void convolveLanes(int from, int to, int count, int step) {
        Scratch w = scratch.get();
        LaneFft f = w.laneY;
        int len = f.length();
        for (int col = from; col < to; col += BLOCK) {
            int width = Math.min(BLOCK, to - col);
            for (int c = 0; c < 3; c++) {
                double[] sc = spec[c], re = w.yre[c], im = w.yim[c];
                for (int i = 0; i < count; i++) {
                    for (int b = 0, o = 2 * (i * step + col), d = i * BLOCK; b < width; b++, o += 2, d++) {
                        re[d] = sc[o];
                        im[d] = sc[o + 1];
                    }
                }
                Arrays.fill(re, count * BLOCK, len * BLOCK, 0);
                Arrays.fill(im, count * BLOCK, len * BLOCK, 0);
                f.forward(re, im, w.wre, w.wim, BLOCK, width);
            }
            double[] xr = w.yre[0], xi = w.yim[0], yr = w.yre[1], yi = w.yim[1], zr = w.yre[2], zi = w.yim[2];
            for (int k = 0; k < len; k++) {
                for (int b = 0, q = k * step + col, d = k * BLOCK; b < width; b++, q++, d++) {
                    product(xr, xi, yr, yi, zr, zi, d, d, q);
                }
            }
            for (int c = 0; c < 3; c++) {
                double[] sc = spec[c], re = w.yre[c], im = w.yim[c];
                f.inverse(re, im, w.wre, w.wim, BLOCK, width);
                for (int i = 0; i < count; i++) {
                    for (int b = 0, o = 2 * (i * step + col), d = i * BLOCK; b < width; b++, o += 2, d++) {
                        sc[o] = re[d];
                        sc[o + 1] = im[d];
                    }
                }
            }
        }
    }

    /**
     * Complex FFTs of {@code width} adjacent columns of the spectrum (column b starts at base + 2b; elements
     * {@code stride} doubles apart): gathers the first {@code count} elements of all of them in one pass, pads each
     * with zeros to {@code n}, transforms, and scatters the first {@code keep} back.
     */
    private static void complexBlock(DoubleFFT_1D f, double[][] lines, double[] s, int base, int width, int stride,
                                     int n, int count, int keep, boolean forward) {
        if (f == null) {
            return;
        }
        for (int q = 0, o = base; q < count; q++, o += stride) {
            for (int b = 0, ob = o; b < width; b++, ob += 2) {
                double[] line = lines[b];
                line[2 * q] = s[ob];
                line[2 * q + 1] = s[ob + 1];
            }
        }
        for (int b = 0; b < width; b++) {
            Arrays.fill(lines[b], 2 * count, 2 * n, 0);
            if (forward) {
                f.complexForward(lines[b]);
            } else {
                f.complexInverse(lines[b], true);
            }
        }
        for (int q = 0, o = base; q < keep; q++, o += stride) {
            for (int b = 0, ob = o; b < width; b++, ob += 2) {
                double[] line = lines[b];
                s[ob] = line[2 * q];
                s[ob + 1] = line[2 * q + 1];
            }
        }
    }

    private void multiply(int from, int to) {
        double[] sx = spec[0], sy = spec[1], sz = spec[2];
        for (int q = from; q < to; q++) {
            product(sx, sy, sz, 2 * q, q);
        }
    }

    /** H(k) = −N(k) M(k) for the complex values at [re, re + 1] of the three components, kernel entry q. */
    private void product(double[] ax, double[] ay, double[] az, int re, int q) {
        product(ax, ax, ay, ay, az, az, re, re + 1, q);
    }

    /**
     * H(k) = −N(k) M(k) in place for the three components' complex values, real parts at index r of xr, yr, zr and
     * imaginary parts at index i of xi, yi, zi (interleaved storage passes the same arrays and i = r + 1), kernel
     * entry q.
     */
    private void product(double[] xr, double[] xi, double[] yr, double[] yi, double[] zr, double[] zi, int r, int i,
                         int q) {
        double nxx = kxx[q], nyy = kyy[q], nzz = kzz[q], nxy = kxy[q], nxz = kxz[q], nyz = kyz[q];
        double mxr = xr[r], mxi = xi[i], myr = yr[r], myi = yi[i], mzr = zr[r], mzi = zi[i];
        xr[r] = -(nxx * mxr + nxy * myr + nxz * mzr);
        xi[i] = -(nxx * mxi + nxy * myi + nxz * mzi);
        yr[r] = -(nxy * mxr + nyy * myr + nyz * mzr);
        yi[i] = -(nxy * mxi + nyy * myi + nyz * mzi);
        zr[r] = -(nxz * mxr + nyz * myr + nzz * mzr);
        zi[i] = -(nxz * mxi + nyz * myi + nzz * mzi);
    }

    private void inverseX(int from, int to) {
        Scratch w = scratch.get();
        double[] line = w.line;
        for (int c = 0; c < 3; c++) {
            double[] h = c == 0 ? currentH.x : c == 1 ? currentH.y : currentH.z;
            double[] s = spec[c];
            for (int row = from; row < to; row++) {
                int y = row % ny, z = row / ny;
                int base = 2 * ((z * py + y) * hx);
                if (px == 1) {
                    line[0] = s[base];
                } else {
                    line[0] = s[base];
                    line[1] = s[base + 2 * (hx - 1)];
                    for (int k = 1; k < hx - 1; k++) {
                        line[2 * k] = s[base + 2 * k];
                        line[2 * k + 1] = s[base + 2 * k + 1];
                    }
                    w.fx.realInverse(line, true);
                }
                int cell0 = nx * row;
                for (int i = 0; i < nx; i++) {
                    int d = domainOfCell[cell0 + i];
                    if (d >= 0) {
                        h[d] += line[i];
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
