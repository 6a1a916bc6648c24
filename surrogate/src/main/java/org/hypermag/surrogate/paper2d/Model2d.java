package org.hypermag.surrogate.paper2d;

import org.hypermag.solver.parallel.WorkerPool;

/** A model of the 2-D protocol: LINEAR, FOURIER or FC + ILR. */
public sealed interface Model2d permits Linear2d, Fourier2d, FcIlr2d {
    /** @return the model's name: linear or fourier */
    String name();

    /** @return a copy of its parameters */
    double[] parameters();

    /**
     * Predicts a data set.
     *
     * @param d the data set
     * @param phi receives φ̂, samples × points
     * @param hx receives Ĥ_x
     * @param hy receives Ĥ_y
     */
    void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy);

    /**
     * Predicts a data set on the given threads (the models that can use them override this).
     *
     * @param d the data set
     * @param phi receives φ̂, samples × points
     * @param hx receives Ĥ_x
     * @param hy receives Ĥ_y
     * @param pool threads
     */
    default void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy, WorkerPool pool) {
        predict(d, phi, hx, hy);
    }

    /**
     * @param d a data set
     * @return the model's errors on it
     */
    default Metrics2d.Errors errors(Discs.DataSet d) {
        return errors(d, WorkerPool.shared());
    }

    /**
     * @param d a data set
     * @param pool threads
     * @return the model's errors on it
     */
    default Metrics2d.Errors errors(Discs.DataSet d, WorkerPool pool) {
        int n = d.phi().length;
        double[] phi = new double[n], hx = new double[n], hy = new double[n];
        predict(d, phi, hx, hy, pool);
        return Metrics2d.of(d, phi, hx, hy);
    }
}
