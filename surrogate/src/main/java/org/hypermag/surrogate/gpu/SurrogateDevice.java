package org.hypermag.surrogate.gpu;

import com.aparapi.Kernel;

/**
 * What {@link GpuFarFieldSurrogate} needs of a surrogate kernel, in either precision ({@link SurrogateKernelF},
 * {@link SurrogateKernelD}). Host arrays are doubles in SI units; conversion to the device's type happens here.
 */
public interface SurrogateDevice {
    /** At most this many sources are summed in one work item. */
    int MAX_CHUNK = 4096;
    /** Work-group size. */
    int GROUP = 64;

    /**
     * @param sources N
     * @param harmonics L per channel
     * @return the number of chunks: enough work items (≥ 65536 over all harmonics) for a GPU, chunks of at most
     *     {@link #MAX_CHUNK} sources, and at least 16 sources per chunk
     */
    static int chunksFor(int sources, int harmonics) {
        int minimum = (sources + MAX_CHUNK - 1) / MAX_CHUNK;
        int parallel = (65536 + harmonics - 1) / Math.max(1, harmonics);
        int most = Math.max(1, (sources + 15) / 16);
        return Math.max(1, Math.max(minimum, Math.min(parallel, most)));
    }

    /**
     * @param count work items needed
     * @return a range of whole work groups covering them
     */
    static com.aparapi.Range range(int count) {
        int g = GROUP;
        return com.aparapi.Range.create(Math.max(g, (count + g - 1) / g * g), g);
    }

    /**
     * Copies doubles into a float array (single-precision kernels).
     *
     * @param from source
     * @param to target
     * @param offset where in the target
     */
    static void copy(double[] from, float[] to, int offset) {
        for (int k = 0; k < from.length; k++) {
            to[offset + k] = (float) from[k];
        }
    }

    /**
     * Copies doubles (double-precision kernels).
     *
     * @param from source
     * @param to target
     * @param offset where in the target
     */
    static void copy(double[] from, double[] to, int offset) {
        System.arraycopy(from, 0, to, offset, from.length);
    }
    /** @return the Aparapi kernel */
    Kernel kernel();

    /** Marks every buffer for upload with the next execution (once, before the first). */
    void uploadAll();

    /**
     * Converts M and marks it for upload.
     *
     * @param x M_x (A/m), one per source
     * @param y M_y (A/m)
     * @param z M_z (A/m)
     */
    void upload(double[] x, double[] y, double[] z);

    /**
     * Runs one pass over its range.
     *
     * @param pass {@link SurrogateKernelF#ACCUMULATE}, {@link SurrogateKernelF#REDUCE},
     *     {@link SurrogateKernelF#EVALUATE} or {@link SurrogateKernelF#NEAR}
     */
    void launch(int pass);

    /** @return true if some target has near pairs */
    boolean hasNear();

    /**
     * Brings H back and adds it.
     *
     * @param x receives H_x (A/m) added, one per target
     * @param y receives H_y (A/m) added
     * @param z receives H_z (A/m) added
     */
    void download(double[] x, double[] y, double[] z);

    /**
     * Brings the summed source coefficients back (tests): 12 per harmonic, see
     * {@link org.hypermag.surrogate.SurrogateParts}.
     *
     * @param b receives B, length 12 L (left alone when B is not used)
     * @param a receives A, length 12 L (left alone when A is not used)
     */
    void downloadSums(double[] b, double[] a);

    /** @return the number of source chunks summed separately before the reduction */
    int chunks();
}
