package org.hypermag.scenarios.builtin;

import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;

/**
 * muMAG standard problem 4: a 500 × 125 × 3 nm permalloy film in 128 × 32 × 1 cells; Ms = 8·10⁵ A/m,
 * A = 1.3·10⁻¹¹ J/m, no anisotropy, α = 0.02, γ = 2.211·10⁵ m/(A·s). The S-state is relaxed from uniform
 * m = (1, 0.1, 0) (as mumax3 does); then field 1, μ0H = (−24.6, 4.3, 0) mT, or field 2, μ0H = (−35.5, −6.3, 0) mT,
 * is applied for 1 ns. Reference values: ../shared/notes/standard-problems.md.
 */
public final class StandardProblem4 {
    /** Length of the field stage (s). */
    public static final double DURATION = 1e-9;

    private StandardProblem4() {
    }

    /** @return the grid of 128 × 32 × 1 cells of 3.90625 × 3.90625 × 3 nm */
    public static RegularGrid grid() {
        return new RegularGrid(128, 32, 1, 500e-9 / 128, 125e-9 / 32, 3e-9);
    }

    /** @return the permalloy film */
    public static Magnet magnet() {
        return Magnet.onGrid(grid(), Material.of(8e5).withExchange(1.3e-11).withAlpha(0.02)
                .withGamma(Constants.GAMMA_OOMMF));
    }

    /** @return the start of the relaxation, uniform (1, 0.1, 0) normalised */
    public static VectorField initial() {
        VectorField m = new VectorField(grid().cellCount());
        double n = Math.sqrt(1.01);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, 1 / n, 0.1 / n, 0);
        }
        return m;
    }

    /**
     * @param which 1 or 2
     * @return the applied field H (A/m)
     */
    public static double[] field(int which) {
        double[] mt = switch (which) {
            case 1 -> new double[] {-24.6e-3, 4.3e-3, 0};
            case 2 -> new double[] {-35.5e-3, -6.3e-3, 0};
            default -> throw new IllegalArgumentException("standard problem 4 has fields 1 and 2, got " + which);
        };
        return new double[] {mt[0] / Constants.MU0, mt[1] / Constants.MU0, mt[2] / Constants.MU0};
    }
}
