package org.hypermag.solver.math;

/** Transform sizes that JTransforms computes fast: products of 2, 3 and 5. Used by every FFT in the project. */
public final class FftSizes {
    private FftSizes() {
    }

    /**
     * Smallest size &ge; n whose only prime factors are 2, 3 and 5 (even if asked).
     *
     * @param n lower bound
     * @param even whether the size must be even
     * @return the size
     */
    public static int good(int n, boolean even) {
        return (int) good((long) n, even);
    }

    /**
     * Smallest size &ge; n whose only prime factors are 2, 3 and 5 (even if asked), for sizes beyond int (memory
     * estimates).
     *
     * @param n lower bound
     * @param even whether the size must be even
     * @return the size
     */
    public static long good(long n, boolean even) {
        for (long m = Math.max(n, 1); ; m++) {
            if (even && (m & 1) == 1) {
                continue;
            }
            long r = m;
            for (int p : new int[] {2, 3, 5}) {
                while (r % p == 0) {
                    r /= p;
                }
            }
            if (r == 1) {
                return m;
            }
        }
    }

    /**
     * Switches off JTransforms' own threads inside a single 1-D transform (from 8 192 points on by default): the
     * callers (the FFT demag, the surrogate's NUFFT) transform many rows in parallel on the worker pool, and the inner
     * threads only allocate (4.5 MB per evaluation at 4·10⁶ cells) and compete with them. Idempotent.
     */
    public static void oneThreadPerTransform() {
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
    }
}
