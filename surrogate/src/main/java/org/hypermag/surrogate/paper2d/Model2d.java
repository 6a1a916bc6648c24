package org.hypermag.surrogate.paper2d;

/** A model of the 2-D protocol: LINEAR or FOURIER so far. */
public sealed interface Model2d permits Linear2d, Fourier2d {
    /** @return the model's name: linear or fourier */
    String name();

    /** @return a copy of its parameters */
    double[] parameters();

    /**
     * @param d a data set
     * @return the model's errors on it
     */
    Metrics2d.Errors errors(Discs.DataSet d);
}
