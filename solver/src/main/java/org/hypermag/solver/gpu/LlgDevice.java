package org.hypermag.solver.gpu;

import com.aparapi.Kernel;

/**
 * A demag kernel carrying the LLG passes ({@link LlgPassesF}, in either precision), as the device stepper drives it.
 * Offsets count numbers in the kernel's arrays; host values are doubles in SI units.
 */
public interface LlgDevice {
    /** @return the Aparapi kernel */
    Kernel kernel();

    /** @return the bytes of the kernel's buffers, what the device allocates for it */
    long deviceBytes();

    /** @return the number of domains */
    int domains();

    /** Marks every buffer for upload with the next execution (once, before the first). */
    void uploadAll();

    /**
     * @param which a pass of {@link LlgPassesF}
     */
    void launch(int which);

    /** Evaluates the demag of the stage's magnetisation (Ms · stage) into H on the device. */
    void demag();

    /** Evaluates the demag field of the M on the device into H on the device (the kernel used as a field). */
    void evaluate();

    /**
     * Converts M of the demag's sources and marks it for upload.
     *
     * @param x M_x (A/m) per source
     * @param y M_y (A/m)
     * @param z M_z (A/m)
     */
    void upload(double[] x, double[] y, double[] z);

    /**
     * Brings H at the demag's targets back and adds it.
     *
     * @param x receives H_x (A/m) added, per target
     * @param y receives H_y (A/m) added
     * @param z receives H_z (A/m) added
     */
    void download(double[] x, double[] y, double[] z);

    /**
     * Sets the derivatives the next {@link LlgPassesF#COMBINE}, {@link LlgPassesF#FINAL} or {@link LlgPassesF#ERROR}
     * combines.
     *
     * @param count how many (at most 7)
     * @param w their weights (s)
     * @param offsets their offsets in the derivative buffer
     */
    void combination(int count, double[] w, int[] offsets);

    /** @param h the uniform applied field (A/m) of the next {@link LlgPassesF#LOCAL} */
    void applied(double[] h);

    /**
     * @param current offset of the current state
     * @param candidate offset of the candidate state
     * @param derivative offset of the derivative the next {@link LlgPassesF#LOCAL} writes
     */
    void states(int current, int candidate, int derivative);

    /**
     * Runs {@link LlgPassesF#ERROR} and reduces its chunks.
     *
     * @param out receives {largest error (rad; +∞ if the candidate or a derivative is not finite), largest
     *     |m × H| (A/m)}
     */
    void maxima(double[] out);

    /**
     * The state inside the last accepted step by Dormand–Prince's continuous extension, downloaded (the step's start
     * at the candidate offset, its end at the current one: as the states are after the step was accepted).
     *
     * @param theta θ in [0, 1]
     * @param step the step (s)
     * @param d the extension's coefficients on stages 1, 3, 4, 5, 6, 7
     * @param offsets the offsets of the derivatives of stages 1, 3, 4, 5, 6, 7
     * @param x receives m_x
     * @param y receives m_y
     * @param z receives m_z
     */
    void interpolate(double theta, double step, double[] d, int[] offsets, double[] x, double[] y, double[] z);

    /** Writes m into the current state and uploads it. */
    void putState(double[] x, double[] y, double[] z);

    /** Downloads the current state. */
    void getState(double[] x, double[] y, double[] z);

    /** Downloads one derivative (1/s). */
    void getDerivative(int offset, double[] x, double[] y, double[] z);
}
