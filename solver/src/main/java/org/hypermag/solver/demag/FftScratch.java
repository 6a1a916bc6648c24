package org.hypermag.solver.demag;

import org.hypermag.solver.math.LaneFft;
import org.hypermag.solver.math.LaneRealFft;
import org.jtransforms.fft.DoubleFFT_1D;

/** {@link FftDemag}'s per-thread work space: the line buffers and FFT plans of each axis. */
final class FftScratch {
    final double[][] lines;
    final DoubleFFT_1D fy;
    /** The x transforms of a block of rows, lanes side by side (even samples real, odd imaginary). */
    final LaneRealFft laneX;
    final double[] xre, xim, xwr, xwi;
    /**
     * The fused pass's transforms (transform, product, inverse) of a block of columns, lanes side by side: along
     * y for one layer (null where y is longer than {@link FftDemag#LANE_MAX}), along z for several.
     */
    final LaneFft laneConv;
    /** Several layers: the y pass's transforms in lanes (null for one layer, or y longer than LANE_MAX). */
    final LaneFft laneY;
    /** Lanes of the three components (real, imaginary) and the work arrays, for the longest lane plan. */
    final double[][] yre, yim;
    final double[] wre, wim;
    /** The same lane arrays as {Re x, Im x, Re y, Im y, Re z, Im z}, for {@link org.hypermag.solver.math.SpectralProduct#kernelProduct}. */
    final double[][] parts;
    /**
     * Where the fused pass's plan has an odd number of passes ({@link LaneFft#endsInWork()}): the three components'
     * second lane arrays, in which its forward transforms end and from which the inverse ones start (no copy back
     * either way), and them as {@link #parts}; null otherwise.
     */
    final double[][] zre, zim, partsZ;

    FftScratch(int px, int py, int pz) {
        lines = new double[FftDemagKernel.BLOCK][2 * py];
        laneX = px > 1 ? new LaneRealFft(px) : null;
        int xl = px > 1 ? laneX.arrayLength(FftDemag.ROWS) : 0;
        xre = new double[xl];
        xim = new double[xl];
        xwr = new double[xl];
        xwi = new double[xl];
        fy = py > 1 ? new DoubleFFT_1D(py) : null;
        // one layer: the y pass fused in lanes; several layers: the z pass fused and the y pass, where short enough
        int conv = FftDemag.useLanes(py, pz) ? py : pz > 1 ? pz : 0;
        laneConv = conv > 0 ? new LaneFft(conv) : null;
        laneY = pz > 1 && py > 1 && py <= FftDemag.LANE_MAX ? new LaneFft(py) : null;
        int len = Math.max(conv, laneY == null ? 0 : py);
        yre = len > 0 ? new double[3][len * FftDemag.LANES] : null;
        yim = len > 0 ? new double[3][len * FftDemag.LANES] : null;
        wre = len > 0 ? new double[len * FftDemag.LANES] : null;
        wim = len > 0 ? new double[len * FftDemag.LANES] : null;
        parts = len > 0 ? new double[][] {yre[0], yim[0], yre[1], yim[1], yre[2], yim[2]} : null;
        boolean odd = laneConv != null && laneConv.endsInWork();
        zre = odd ? new double[3][len * FftDemag.LANES] : null;
        zim = odd ? new double[3][len * FftDemag.LANES] : null;
        partsZ = odd ? new double[][] {zre[0], zim[0], zre[1], zim[1], zre[2], zim[2]} : null;
    }
}
