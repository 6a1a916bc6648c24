package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
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
import org.junit.jupiter.api.Test;

/**
 * The Zhang–Li torque against its exact solution: with ξ = α the torque is −m × (m × (u·∇)m) = (u·∇)m, so a domain
 * wall (any profile) is carried rigidly, m(x, t) = m0(x + u t): it moves by −u t, against the current, with
 * u = μ_B P j / (e Ms (1 + ξ²)) (Thiaville et al., Europhys. Lett. 69, 990 (2005)).
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
        for (int i = 0; i + 1 < m.size(); i++) {
            if (m.z[i] > 0 && m.z[i + 1] <= 0 || m.z[i] < 0 && m.z[i + 1] >= 0) {
                return (i + m.z[i] / (m.z[i] - m.z[i + 1])) * d;
            }
        }
        throw new AssertionError("no wall");
    }
}
