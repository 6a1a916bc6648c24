package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.llg.ZhangLiTorque;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The Zhang–Li torque against its exact solution: with ξ = α the torque is −m × (m × (u·∇)m) = (u·∇)m, so a domain
 * wall (any profile) is carried rigidly, m(x, t) = m0(x + u t): it moves by −u t, against the current, with
 * u = μ_B P j / (e Ms (1 + ξ²)) (Thiaville et al., Europhys. Lett. 69, 990 (2005)). With ξ ≠ α, below Walker
 * breakdown, a wall in a wire with a hard axis (here the wire's own shape: demag) reaches the steady velocity
 * v = −(ξ/α) u after a transient in which it tilts out of plane (same reference, the 1-D model's steady solution).
 */
class ZhangLiTorqueTest {

    @Test
    void withXiEqualToAlphaAWallMovesRigidlyAtTheDriftVelocity() {
        Magnet chain = Magnet.onGrid(new RegularGrid(N, 1, 1, D, D, D), MAT);
        double moved = wallShift(chain);
        double u = 9.2740100783e-24 * J / (1.602176634e-19 * MS * (1 + ALPHA * ALPHA));
        assertEquals(-u * T1, moved, 0.01 * u * T1, "the wall moves by -u t = " + (-u * T1) + " m");
    }

    /** The same chain as touching prisms: the gradient from shared faces is the grid's, to rounding. */
    @Test
    void onTouchingPrismsTheWallMovesAsOnTheGrid() {
        Magnet grid = Magnet.onGrid(new RegularGrid(N, 1, 1, D, D, D), MAT);
        Magnet prisms = Magnet.ofPrisms(grid.prisms(), new int[N], List.of(MAT));
        assertEquals(wallShift(grid), wallShift(prisms), 1e-6 * D);
    }

    /**
     * A head-to-head transverse wall in a permalloy wire of 2 nm cells with a 20 × 4 nm² cross-section (one cell
     * across; demag by FFT gives the easy axis along the wire and the hard axis through the thickness; Walker
     * breakdown about u_W = γ Δ H_K⊥ α/(2|ξ − α|) ≈ 700 m/s here): α = 0.05, ξ = 0.1, u = 100 m/s. Between 1.2 and
     * 2 ns (the tilt settles with a time constant of about 0.2 ns) the wall moves at −(ξ/α) u = −200 m/s within 1 %
     * (measured −199.6 m/s; discretisation and the ends' stray field, 2 µm away; 0.4–0.8 ns still gives −194).
     */
    @Test
    void belowWalkerBreakdownAWallReachesXiOverAlphaTimesTheDriftVelocity() {
        int n = 1000;
        double dx = 2e-9, alpha = 0.05, xi = 0.1, u = 100;
        RegularGrid grid = new RegularGrid(n, 1, 1, dx, 20e-9, 4e-9);
        Material mat = Material.of(MS).with(ExchangeField.A, 1.3e-11).with(LlgEquation.ALPHA, alpha)
                .with(ZhangLiTorque.POL, 1).with(ZhangLiTorque.XI, xi);
        Magnet wire = Magnet.onGrid(grid, mat);
        double j = u * 1.602176634e-19 * MS * (1 + xi * xi) / 9.2740100783e-24;
        StageDrive drive = new StageDrive();
        drive.set(null, 0);
        drive.setCurrent(AppliedField.constant(new double[] {j, 0, 0}));
        TermInputs in = new TermInputs(wire, new FftDemag(grid, WorkerPool.shared()), drive);
        LlgEquation llg = new LlgEquation(wire, Physics.effectiveField(in), Physics.torques(in));
        VectorField m = new VectorField(n);
        double x0 = 1100e-9, width = 14e-9;
        for (int i = 0; i < n; i++) {
            double theta = 2 * Math.atan(Math.exp(((i + 0.5) * dx - x0) / width));
            m.set(i, Math.cos(theta), Math.sin(theta), 0); // +x on the left, -x on the right, +y in the wall
        }
        double[] times = {0, 1.2e-9, 2.0e-9};
        double[] at = new double[times.length];
        Stepper stepper = RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-7,
                Double.POSITIVE_INFINITY);
        for (int k = 1; k < times.length; k++) {
            TimeEvolution.run(stepper, times[k - 1], times[k], times[k] - times[k - 1], (t, dt, s) -> { },
                    () -> false);
            at[k] = crossing(m.x, dx);
        }
        double v = (at[2] - at[1]) / (times[2] - times[1]);
        System.out.printf("Zhang-Li wall, xi/alpha = 2, u = %.1f m/s: v = %.2f m/s%n", u, v);
        assertEquals(-(xi / alpha) * u, v, 0.01 * (xi / alpha) * u, "steady velocity -(xi/alpha) u");
        double tilt = 0;
        for (int i = 0; i < n; i++) {
            tilt = Math.max(tilt, Math.abs(m.z[i]));
        }
        assertTrue(tilt > 0.01 && tilt < 0.9, "the moving wall tilts out of plane, steadily: max |mz| = " + tilt);
    }

    private static final int N = 400;
    private static final double D = 1e-9, MS = 8e5, ALPHA = 0.1, J = 1e12, T1 = 0.2e-9;
    private static final Material MAT = Material.of(MS).with(ExchangeField.A, 1.3e-11)
            .with(UniaxialAnisotropyField.K1, 5e5).with(UniaxialAnisotropyField.AXIS, 0, 0, 1)
            .with(LlgEquation.ALPHA, ALPHA).with(ZhangLiTorque.POL, 1).with(ZhangLiTorque.XI, ALPHA);

    /** @return how far a Bloch wall in the chain moves in T1 under J along x (m) */
    private static double wallShift(Magnet chain) {
        int n = N;
        double d = D, j = J;
        StageDrive drive = new StageDrive();
        drive.set(null, 0);
        drive.setCurrent(AppliedField.constant(new double[] {j, 0, 0}));
        TermInputs in = new TermInputs(chain, null, drive);
        LlgEquation llg = new LlgEquation(chain, Physics.effectiveField(in), Physics.torques(in));
        double width = Math.sqrt(1.3e-11 / 5e5); // Bloch wall parameter, 5.1 nm
        VectorField m = new VectorField(n);
        double x0 = 200.5e-9;
        for (int i = 0; i < n; i++) {
            double theta = 2 * Math.atan(Math.exp((i * d - x0) / width));
            m.set(i, 0, Math.sin(theta), Math.cos(theta));
        }
        double before = centre(m, d);
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-7,
                Double.POSITIVE_INFINITY), 0, T1, T1, (t, dt, s) -> { }, () -> false);
        assertEquals(List.of("zhang-li"), llg.torques().stream().map(q -> q.type().name()).toList());
        return centre(m, d) - before;
    }

    /** @return where m_z crosses zero (m), by linear interpolation between cell centres */
    private static double centre(VectorField m, double d) {
        return crossing(m.z, d);
    }

    /** @return where the component crosses zero (m from the first cell's centre), interpolated linearly */
    private static double crossing(double[] c, double d) {
        for (int i = 0; i + 1 < c.length; i++) {
            if (c[i] > 0 && c[i + 1] <= 0 || c[i] < 0 && c[i + 1] >= 0) {
                return (i + c[i] / (c[i] - c[i + 1])) * d;
            }
        }
        throw new AssertionError("no wall");
    }
}
