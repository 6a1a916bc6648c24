package org.hypermag.solver.demag;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons of six-component tensors relative to their largest component. */
public final class TensorAssert {
    private TensorAssert() {
    }

    /** @return max_k |a_k − b_k| / max_k |b_k| */
    public static double relativeDifference(double[] a, double[] b) {
        double diff = 0, norm = 0;
        for (int k = 0; k < 6; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
            norm = Math.max(norm, Math.abs(b[k]));
        }
        return diff / norm;
    }

    /** Asserts max |a − b| ≤ tol · max |b|. */
    public static void assertTensorEquals(double[] expected, double[] actual, double tol, String what) {
        double d = relativeDifference(actual, expected);
        assertTrue(d <= tol, () -> what + ": relative difference " + d + " > " + tol + "\n expected "
                + java.util.Arrays.toString(expected) + "\n actual   " + java.util.Arrays.toString(actual));
    }

    /** @return the point tensor as a new array */
    public static double[] point(double x, double y, double z, double sx, double sy, double sz) {
        double[] t = new double[6];
        PrismTensor.evaluate(x, y, z, sx, sy, sz, t, 0);
        return t;
    }

    /** @return the cell-averaged tensor as a new array */
    public static double[] newell(double x, double y, double z, double dx, double dy, double dz) {
        double[] t = new double[6];
        NewellTensor.evaluate(x, y, z, dx, dy, dz, t, 0);
        return t;
    }
}
