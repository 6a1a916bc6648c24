package org.hypermag.solver.gpu;

/** The device FFT alone (tests): a batch of grids transformed by {@link FftKernelD}'s passes. */
final class FftTestKernelD extends FftKernelD {
    FftTestKernelD(int nfx, int nfy, int grids) {
        super(nfx, nfy, grids, 1, 1, null);
    }

    @Override
    protected void passMode() {
    }

    @Override
    public void uploadAll() {
        put(grid).put(roots);
    }

    @Override
    public void evaluate() {
        throw new UnsupportedOperationException("the FFT alone has no demag");
    }

    @Override
    public void run() {
        fftPass(getGlobalId());
    }

    /** Transforms all grids from half 0; returns the half with the result. */
    int transform(boolean forward) {
        return fft(0, grids, 0, forward);
    }

    double[] grid() {
        return grid;
    }

    int halfSize() {
        return halfSize;
    }
}
