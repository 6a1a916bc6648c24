package org.hypermag.solver.demag;

import java.util.Arrays;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.math.SpectralProduct;
import org.hypermag.solver.parallel.WorkerPool;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@link FftDemag}'s kernel, built once per grid: the cell-averaged tensor wrapped onto the padded grid, and its
 * spectra (real: each component is even or odd along every axis), by JTransforms passes along x, y and z. Also the
 * column transforms both the kernel and FftDemag's longer y columns use.
 */
final class FftDemagKernel {
    /** Columns gathered together along y and z (adjacent in the spectrum: one cache line serves several). */
    static final int BLOCK = 16;

    private FftDemagKernel() {
    }

    /**
     * The cell-averaged tensor at every offset, wrapped onto the padded grid (offset i at index i mod px, …).
     *
     * @return six components in {@link PrismTensor} order, px·py·pz values each (dimensionless)
     */
    static double[][] paddedTensor(RegularGrid grid, int px, int py, int pz, WorkerPool pool) {
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
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

    /**
     * Transforms the padded tensor and keeps the real parts of its spectra.
     *
     * @param real {@link #paddedTensor}'s six components
     * @return seven arrays: the six spectra, (px/2 + 1)·py·pz values each (kx fastest), and one element holding
     *     max |Im| / max |Re| (rounding level when the parities are right)
     */
    static double[][] spectra(double[][] real, int px, int py, int pz) {
        int hx = px == 1 ? 1 : px / 2 + 1;
        double[][] out = new double[7][];
        double maxRe = 0, maxIm = 0;
        DoubleFFT_1D fx = px > 1 ? new DoubleFFT_1D(px) : null;
        DoubleFFT_1D fy = py > 1 ? new DoubleFFT_1D(py) : null;
        DoubleFFT_1D fz = pz > 1 ? new DoubleFFT_1D(pz) : null;
        double[] line = new double[px];
        double[][] lines = new double[BLOCK][2 * Math.max(py, pz)];
        for (int c = 0; c < 6; c++) {
            double[] re = new double[hx * py * pz], im = new double[hx * py * pz];
            for (int z = 0; z < pz; z++) {
                for (int y = 0; y < py; y++) {
                    System.arraycopy(real[c], px * (y + py * z), line, 0, px);
                    realRow(fx, line, re, im, (z * py + y) * hx, hx);
                }
            }
            for (int z = 0; z < pz; z++) {
                for (int kx = 0; kx < hx; kx += BLOCK) {
                    columns(fy, lines, re, im, z * py * hx + kx, Math.min(BLOCK, hx - kx), hx, py, py, py, true);
                }
            }
            for (int col = 0; col < hx * py; col += BLOCK) {
                columns(fz, lines, re, im, col, Math.min(BLOCK, hx * py - col), hx * py, pz, pz, pz, true);
            }
            for (int q = 0; q < re.length; q++) {
                maxRe = Math.max(maxRe, Math.abs(re[q]));
                maxIm = Math.max(maxIm, Math.abs(im[q]));
            }
            out[c] = re;
        }
        out[6] = new double[] {maxRe > 0 ? maxIm / maxRe : 0};
        return out;
    }

    /** Real FFT of line[0..px) into the hx complex bins at re[base..], im[base..] (fx null: px = 1). */
    private static void realRow(DoubleFFT_1D fx, double[] line, double[] re, double[] im, int base, int hx) {
        if (fx == null) {
            re[base] = line[0];
            im[base] = 0;
            return;
        }
        fx.realForward(line);
        re[base] = line[0];
        im[base] = 0;
        re[base + hx - 1] = line[1];
        im[base + hx - 1] = 0;
        for (int k = 1; k < hx - 1; k++) {
            re[base + k] = line[2 * k];
            im[base + k] = line[2 * k + 1];
        }
    }

    /**
     * Complex FFTs of {@code width} adjacent columns of a spectrum, real and imaginary parts in separate arrays
     * (column b starts at base + b; elements {@code stride} apart): gathers the first {@code count} elements of all
     * of them in one pass, pads each with zeros to {@code n}, transforms, and scatters the first {@code keep} back.
     * Nothing when f is null (n = 1).
     */
    static void columns(DoubleFFT_1D f, double[][] lines, double[] re, double[] im, int base, int width, int stride,
                        int n, int count, int keep, boolean forward) {
        if (f == null) {
            return;
        }
        for (int q = 0, o = base; q < count; q++, o += stride) {
            for (int b = 0, ob = o; b < width; b++, ob++) {
                double[] line = lines[b];
                line[2 * q] = re[ob];
                line[2 * q + 1] = im[ob];
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
            for (int b = 0, ob = o; b < width; b++, ob++) {
                double[] line = lines[b];
                re[ob] = line[2 * q];
                im[ob] = line[2 * q + 1];
            }
        }
    }

    /**
     * One layer's kernel for {@link SpectralProduct#layerKernelProduct}: Nxx, Nyy, Nzz and Nxy at
     * k_y = 0 … py/2 only. The tensor is even in y except Nxy, which is odd, so the spectrum at py − k_y is the one at
     * k_y (Nxy negated); that is checked here, entry by entry, to 1e-12 of the largest entry.
     *
     * @param spectra {@link #spectra}' six spectra of one layer (pz = 1)
     * @param hx complex bins along x
     * @param py padded length along y
     * @return four arrays of hx·(py/2 + 1) values (kx fastest), or null if the spectra lack the symmetry
     */
    static double[][] layerHalf(double[][] spectra, int hx, int py) {
        int rows = py / 2 + 1;
        double largest = 0;
        for (int c = 0; c < 4; c++) {
            for (double v : spectra[c]) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        double[][] half = new double[4][];
        for (int c = 0; c < 4; c++) {
            double sign = c == 3 ? -1 : 1;
            for (int k = 1; k < py; k++) {
                for (int x = 0; x < hx; x++) {
                    if (Math.abs(spectra[c][k * hx + x] - sign * spectra[c][(py - k) * hx + x]) > 1e-12 * largest) {
                        return null;
                    }
                }
            }
            half[c] = Arrays.copyOf(spectra[c], rows * hx);
        }
        return half;
    }

    /**
     * Several layers' kernel for {@link #quarterProduct}: the six spectra at k_y = 0 … py/2 and k_z = 0 … pz/2 only,
     * a quarter of their memory (a 128 × 128 × 16 grid: 50.7 → 13.6 MB, within a last-level cache where the whole did
     * not fit). Each component is even or odd along y and z (Nxy odd in y, Nxz odd in z, Nyz odd in both, the
     * diagonal even in both), so the spectrum at py − k_y or pz − k_z is the one at k_y, k_z with that sign; that is
     * checked here, entry by entry, to 1e-12 of the largest entry.
     *
     * @param spectra {@link #spectra}' six spectra
     * @param hx complex bins along x
     * @param py padded length along y
     * @param pz padded length along z
     * @return six arrays of hx·(py/2 + 1)·(pz/2 + 1) values (kx fastest, then k_y, then k_z), or null if the spectra
     *     lack the symmetry
     */
    static double[][] quarter(double[][] spectra, int hx, int py, int pz) {
        int rows = py / 2 + 1, planes = pz / 2 + 1;
        double largest = 0;
        for (int c = 0; c < 6; c++) {
            for (double v : spectra[c]) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        double[][] quarter = new double[6][hx * rows * planes];
        for (int c = 0; c < 6; c++) {
            boolean oddY = c == 3 || c == 5, oddZ = c == 4 || c == 5;
            for (int kz = 0; kz < planes; kz++) {
                for (int ky = 0; ky < rows; ky++) {
                    System.arraycopy(spectra[c], (kz * py + ky) * hx, quarter[c], (kz * rows + ky) * hx, hx);
                }
            }
            for (int kz = 0; kz < pz; kz++) {
                boolean mz = kz > pz / 2;
                for (int ky = 0; ky < py; ky++) {
                    boolean my = ky > py / 2;
                    double sign = (oddY && my ? -1 : 1) * (oddZ && mz ? -1 : 1);
                    int from = (kz * py + ky) * hx, to = ((mz ? pz - kz : kz) * rows + (my ? py - ky : ky)) * hx;
                    for (int x = 0; x < hx; x++) {
                        if (Math.abs(spectra[c][from + x] - sign * quarter[c][to + x]) > 1e-12 * largest) {
                            return null;
                        }
                    }
                }
            }
        }
        return quarter;
    }

    /**
     * {@link #product} of several layers' z pass with {@link #quarter}'s kernel: column col = kx + hx·k_y, element
     * k_z; a block of lanes may span two k_y rows and is taken row by row, each row's entries read at its mirror
     * where k_y &gt; py/2 or k_z &gt; pz/2 (the odd components negated).
     *
     * @param parts {Re Mx, Im Mx, Re My, Im My, Re Mz, Im Mz} in lanes, replaced by H's
     * @param lanes the lanes' stride
     * @param quarter the kernel
     * @param hx complex bins along x
     * @param py padded length along y
     * @param pz padded length along z, the columns' length
     * @param col the first column
     * @param width the columns
     */
    static void quarterProduct(double[][] parts, int lanes, double[][] quarter, int hx, int py, int pz, int col,
                               int width) {
        int plane = hx * (py / 2 + 1);
        for (int l0 = 0; l0 < width;) {
            int c = col + l0, ky = c / hx, kx = c % hx, run = Math.min(width - l0, hx - kx);
            boolean my = ky > py / 2;
            int row = kx + hx * (my ? py - ky : ky);
            for (int kz = 0; kz < pz; kz++) {
                boolean mz = kz > pz / 2;
                SpectralProduct.kernelProduct(parts, kz * lanes + l0, quarter, row + plane * (mz ? pz - kz : kz), run,
                        my ? -1 : 1, mz ? -1 : 1);
            }
            l0 += run;
        }
    }

    /**
     * The product H = −N·M of a block of columns in lanes, element k of lane l at k·lanes + l of parts, the kernel
     * entry of element k at k·step + col: the six spectra, or one layer's half ({@link #layerHalf}: element k beyond
     * len/2 reads its mirror len − k, Nxy negated).
     *
     * @param parts {Re Mx, Im Mx, Re My, Im My, Re Mz, Im Mz} in lanes, replaced by H's
     * @param lanes the lanes' stride
     * @param len the column length
     * @param kernel the six spectra, used where layer is null
     * @param layer one layer's half kernel, or null
     * @param step the kernel's stride between elements of a column
     * @param col the first column's kernel index
     * @param width the columns
     */
    static void product(double[][] parts, int lanes, int len, double[][] kernel, double[][] layer, int step, int col,
                        int width) {
        for (int k = 0; k < len; k++) {
            if (layer == null) {
                SpectralProduct.kernelProduct(parts, k * lanes, kernel, k * step + col, width);
            } else {
                int row = k <= len / 2 ? k : len - k;
                SpectralProduct.layerKernelProduct(parts, k * lanes, layer, row * step + col, width, k <= len / 2 ? 1 : -1);
            }
        }
    }
}
