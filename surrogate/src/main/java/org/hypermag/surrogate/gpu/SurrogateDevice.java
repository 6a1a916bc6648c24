package org.hypermag.surrogate.gpu;

import com.aparapi.Kernel;

/**
 * What {@link GpuFarFieldSurrogate} needs of a surrogate kernel, in either precision ({@link SurrogateKernelF},
 * {@link SurrogateKernelD}). Host arrays are doubles in SI units; conversion to the device's type happens here.
 */
public interface SurrogateDevice {
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
