package org.hypermag.solver.gpu;

import com.aparapi.Kernel;

/**
 * What {@link GpuDirectSum} needs of a direct-sum kernel, in either precision ({@link DirectSumKernelF},
 * {@link DirectSumKernelD}). Host arrays are doubles in SI units; conversion to the device's type happens here.
 */
public interface DirectSumDevice {
    /** @return the number of sources */
    int sources();

    /** @return the number of targets */
    int targets();

    /** @return the Aparapi kernel */
    Kernel kernel();

    /** Marks the geometry buffers for upload with the next execution (once, before the first). */
    void uploadGeometry();

    /**
     * Converts M and marks it for upload.
     *
     * @param x M_x (A/m), one per source
     * @param y M_y (A/m)
     * @param z M_z (A/m)
     */
    void upload(double[] x, double[] y, double[] z);

    /**
     * Runs the kernel over all targets.
     *
     * @param groupSize work-group size; the range is padded up to a multiple of it
     */
    void launchSum(int groupSize);

    /**
     * Brings H back and adds it.
     *
     * @param x receives H_x (A/m) added, one per target
     * @param y receives H_y (A/m) added
     * @param z receives H_z (A/m) added
     */
    void download(double[] x, double[] y, double[] z);
}
