package org.hypermag.scenarios.sim;

import java.util.List;

/** Landmarks of a ⟨m⟩(t) trajectory, from table rows. */
public final class Landmarks {
    private Landmarks() {
    }

    /**
     * The first time a column of the table crosses zero, by linear interpolation between rows.
     *
     * @param rows table rows (t first)
     * @param column the column (1 = mx, 2 = my, 3 = mz)
     * @param from ignore rows before this time (s)
     * @return {time, the other averages interpolated there (mx, my, mz)}, or null if it never crosses
     */
    public static double[] firstZero(List<double[]> rows, int column, double from) {
        for (int r = 1; r < rows.size(); r++) {
            double[] a = rows.get(r - 1), b = rows.get(r);
            if (a[0] < from) {
                continue;
            }
            if (a[column] == 0 || (a[column] > 0) != (b[column] > 0)) {
                double s = a[column] == b[column] ? 0 : a[column] / (a[column] - b[column]);
                return new double[] {a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1]), a[2] + s * (b[2] - a[2]),
                    a[3] + s * (b[3] - a[3])};
            }
        }
        return null;
    }
}
