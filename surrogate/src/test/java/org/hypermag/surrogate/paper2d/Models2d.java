package org.hypermag.surrogate.paper2d;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared checks of the 2-D models' tests. */
final class Models2d {
    private Models2d() {
    }

    /** {φ̂, Ĥx, Ĥy} of the model for the data set's sources (first sample) at one point. */
    static double[] at(Model2d m, Discs.DataSet d, double x, double y) {
        Discs.DataSet p = new Discs.DataSet(1, d.sources(), 1, d.src(), new double[] {x}, new double[] {y},
                new double[1], new double[1], new double[1], 0);
        double[] phi = new double[1], hx = new double[1], hy = new double[1];
        m.predict(p, phi, hx, hy);
        return new double[] {phi[0], hx[0], hy[0]};
    }

    /** Asserts Ĥ = −∇φ̂ by central differences at the data set's first point. */
    static void assertFieldIsMinusGradient(Model2d m, Discs.DataSet one) {
        double x = one.x()[0], y = one.y()[0], h = 1e-5;
        double[] c = at(m, one, x, y), xp = at(m, one, x + h, y), xm = at(m, one, x - h, y);
        double[] yp = at(m, one, x, y + h), ym = at(m, one, x, y - h);
        assertEquals(-(xp[0] - xm[0]) / (2 * h), c[1], 1e-7 * Math.max(1, Math.abs(c[1])));
        assertEquals(-(yp[0] - ym[0]) / (2 * h), c[2], 1e-7 * Math.max(1, Math.abs(c[2])));
    }
}
