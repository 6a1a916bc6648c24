package org.hypermag.solver.gpu;

/** The device FFT alone in float (tests). */
final class FftTestKernelF extends FftKernelF {
    FftTestKernelF(int nfx, int nfy, int grids) {
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

    int transform(boolean forward) {
        return fft(0, grids, 0, forward);
    }

    float[] grid() {
        return grid;
    }

    int halfSize() {
        return halfSize;
    }
}
