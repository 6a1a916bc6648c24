package org.hypermag.surrogate.gpu;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.surrogate.SurrogateParts;
import org.hypermag.surrogate.TransformPlan;

/**
 * A surrogate's far-field transforms ({@link TransformPlan}) and exact near blocks flattened into the primitive
 * arrays of {@link NufftKernelF} (in double; the kernels convert to their type). Built once on the host:
 * <ul>
 *   <li>spreading as a gather: for every grid point of every point set that an input spreads with, the (source,
 *   weight) pairs that land on it, in compressed rows, so that one work item per grid point sums without atomics;
 *   weights are the CPU transform's own (the kernel averaged over each rectangle), products of its x and y
 *   weights;</li>
 *   <li>interpolation with each point set's separable weights (first column and row, w_x and w_y per point);</li>
 *   <li>per output its terms, the multipliers times the correction applied on the way in and out, (c_p c_q)²,
 *   one value per mode.</li>
 * </ul>
 * Memory: the gather lists hold w_x·w_y (source, weight) pairs per source and spreading set.
 */
final class NufftLayout {
    final int n, nt, kx, ky, nfx, nfy, modes;
    final int inputs, outputs;
    final int[] inSet, inComp, inFactorAt, outSet, outComp, outFactorAt;
    final double[] factors;
    final int[] spreadStart, spreadSource;
    final double[] spreadWeight;
    /** Per point set: offsets of its rows in spreadStart (-1 when no input spreads with it), points and weights. */
    final int[] setStartAt, setPointAt, setWxAt, setWyAt, setWidthX, setWidthY;
    final int[] pointGx, pointGy;
    final double[] pointWx, pointWy;
    final int[] termStart, termInput, termImag;
    final double[] multiplier;
    final int[] nearStart, nearIndex, nearRef;
    final double[] nearBlock;

    NufftLayout(SurrogateParts parts) {
        TransformPlan p = parts.transformPlan();
        if (p == null) {
            throw new IllegalArgumentException("the surrogate evaluates its far field by phase sums, not transforms");
        }
        n = parts.sources();
        nt = parts.targets();
        kx = p.harmonicsX();
        ky = p.harmonicsY();
        nfx = p.gridX();
        nfy = p.gridY();
        int mx = 2 * kx + 1, my = 2 * ky + 1;
        modes = mx * my;
        inputs = p.inputs();
        outputs = p.outputs();
        // factors: one block of n per input, of nt per output that has one
        List<double[]> blocks = new ArrayList<>();
        inSet = new int[Math.max(1, inputs)];
        inComp = new int[Math.max(1, inputs)];
        inFactorAt = new int[Math.max(1, inputs)];
        int at = 0;
        for (int i = 0; i < inputs; i++) {
            int[] d = p.input(i);
            inSet[i] = d[0];
            inComp[i] = d[1];
            double[] f = p.inputFactor(i);
            inFactorAt[i] = at;
            blocks.add(f);
            at += f.length;
        }
        outSet = new int[Math.max(1, outputs)];
        outComp = new int[Math.max(1, outputs)];
        outFactorAt = new int[Math.max(1, outputs)];
        for (int o = 0; o < outputs; o++) {
            int[] d = p.output(o);
            outSet[o] = d[0];
            outComp[o] = d[1];
            double[] f = p.outputFactor(o);
            outFactorAt[o] = f == null ? -1 : at;
            if (f != null) {
                blocks.add(f);
                at += f.length;
            }
        }
        factors = new double[Math.max(1, at)];
        int w = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, factors, w, b.length);
            w += b.length;
        }
        // point sets
        int sets = p.pointSets();
        setPointAt = new int[sets];
        setWxAt = new int[sets];
        setWyAt = new int[sets];
        setWidthX = new int[sets];
        setWidthY = new int[sets];
        setStartAt = new int[sets];
        int points = 0, wxs = 0, wys = 0;
        for (int s = 0; s < sets; s++) {
            int[] wd = p.widths(s);
            setWidthX[s] = wd[0];
            setWidthY[s] = wd[1];
            setPointAt[s] = points;
            setWxAt[s] = wxs;
            setWyAt[s] = wys;
            points += p.points(s);
            wxs += p.points(s) * wd[0];
            wys += p.points(s) * wd[1];
        }
        pointGx = new int[Math.max(1, points)];
        pointGy = new int[Math.max(1, points)];
        pointWx = new double[Math.max(1, wxs)];
        pointWy = new double[Math.max(1, wys)];
        boolean[] spreads = new boolean[sets];
        for (int i = 0; i < inputs; i++) {
            spreads[inSet[i]] = true;
        }
        int spreadSets = 0;
        for (int s = 0; s < sets; s++) {
            System.arraycopy(p.firstX(s), 0, pointGx, setPointAt[s], p.points(s));
            System.arraycopy(p.firstY(s), 0, pointGy, setPointAt[s], p.points(s));
            double[] wx = p.weightsX(s), wy = p.weightsY(s);
            System.arraycopy(wx, 0, pointWx, setWxAt[s], wx.length);
            System.arraycopy(wy, 0, pointWy, setWyAt[s], wy.length);
            setStartAt[s] = spreads[s] ? spreadSets++ * (nfx * nfy + 1) : -1;
        }
        long entries = 0;
        for (int s = 0; s < sets; s++) {
            if (spreads[s]) {
                entries += (long) p.points(s) * setWidthX[s] * setWidthY[s];
            }
        }
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the device's spreading lists would hold " + entries + " entries, more "
                    + "than one device array takes (2^31); use fewer domains per device, or the CPU (gpu: off)");
        }
        // the host copy of the lists (an int and a double per entry), before allocating them
        Runtime rt = Runtime.getRuntime();
        long need = 12 * entries, free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the device's spreading lists "
                    + "need %.1f GB of Java heap (%d entries) and %.1f GB are free; give Java more heap "
                    + "(HYPERMAG_JAVA_OPTS=-Xmx...) or use the CPU (gpu: off)", need / 1e9, entries, free / 1e9));
        }
        spreadStart = new int[Math.max(1, spreadSets * (nfx * nfy + 1))];
        spreadSource = new int[(int) Math.max(1, entries)];
        spreadWeight = new double[(int) Math.max(1, entries)];
        int base = 0;
        for (int s = 0; s < sets; s++) {
            if (spreads[s]) {
                base = gather(s, p.points(s), base);
            }
        }
        // terms by output, multipliers with the corrections folded in
        double[] cx = p.correctionX(), cy = p.correctionY();
        int terms = p.terms();
        termStart = new int[outputs + 1];
        termInput = new int[Math.max(1, terms)];
        termImag = new int[Math.max(1, terms)];
        multiplier = new double[Math.max(1, terms * modes)];
        for (int k = 0; k < terms; k++) {
            termStart[p.term(k)[0] + 1]++;
        }
        for (int o = 0; o < outputs; o++) {
            termStart[o + 1] += termStart[o];
        }
        int[] fill = java.util.Arrays.copyOf(termStart, outputs);
        for (int k = 0; k < terms; k++) {
            int[] t = p.term(k);
            int slot = fill[t[0]]++;
            termInput[slot] = t[1];
            termImag[slot] = t[2];
            double[] m = p.multiplier(k);
            for (int qi = 0; qi < my; qi++) {
                for (int pi = 0; pi < mx; pi++) {
                    double c = cx[pi] * cy[qi];
                    multiplier[slot * modes + qi * mx + pi] = m[qi * mx + pi] * c * c;
                }
            }
        }
        nearStart = parts.nearStart();
        int[] idx = parts.nearIndex(), ref = parts.nearRef();
        nearIndex = idx.length == 0 ? new int[1] : idx;
        nearRef = ref.length == 0 ? new int[1] : ref;
        double[] b = parts.nearBlocks();
        nearBlock = b.length == 0 ? new double[5] : b;
    }

    /** Fills the gather rows of point set s (its grid points' source lists) from entry base; returns the next. */
    private int gather(int s, int count, int base) {
        int rows = nfx * nfy, at = setStartAt[s];
        int wX = setWidthX[s], wY = setWidthY[s];
        int[] cnt = new int[rows];
        for (int j = 0; j < count; j++) {
            int gx0 = pointGx[setPointAt[s] + j], gy0 = pointGy[setPointAt[s] + j];
            for (int b = 0; b < wY; b++) {
                int row = (gy0 + b) % nfy;
                for (int a = 0; a < wX; a++) {
                    cnt[row * nfx + (gx0 + a) % nfx]++;
                }
            }
        }
        spreadStart[at] = base;
        for (int g = 0; g < rows; g++) {
            spreadStart[at + g + 1] = spreadStart[at + g] + cnt[g];
        }
        int[] fill = new int[rows];
        for (int g = 0; g < rows; g++) {
            fill[g] = spreadStart[at + g];
        }
        for (int j = 0; j < count; j++) {
            int gx0 = pointGx[setPointAt[s] + j], gy0 = pointGy[setPointAt[s] + j];
            for (int b = 0; b < wY; b++) {
                int row = (gy0 + b) % nfy;
                double vy = pointWy[setWyAt[s] + j * wY + b];
                for (int a = 0; a < wX; a++) {
                    int e = fill[row * nfx + (gx0 + a) % nfx]++;
                    spreadSource[e] = j;
                    spreadWeight[e] = vy * pointWx[setWxAt[s] + j * wX + a];
                }
            }
        }
        return spreadStart[at + rows];
    }

    /** @return device memory of the layout and the grids, in numbers of the kernel's type (ints counted alike) */
    long numbers() {
        long grids = 4L * (inputs + outputs) * nfx * nfy;
        return grids + spreadStart.length + 2L * spreadSource.length + pointGx.length * 2L + pointWx.length
                + pointWy.length + (long) multiplier.length + factors.length + nearIndex.length * 2L
                + nearBlock.length + 6L * Math.max(n, nt);
    }
}
