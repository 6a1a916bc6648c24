package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.llg.SlonczewskiTorque;
import org.hypermag.solver.llg.SpinOrbitTorque;
import org.hypermag.solver.llg.ZhangLiTorque;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every spin torque (Zhang–Li, Slonczewski, spin–orbit) must keep, on a 64-cell chain with a twisted state,
 * anisotropy, exchange and α = 0.02: with the current switched off the trajectory is the plain LLG equation's, bit
 * for bit; the torque is odd in the current (reversing j reverses the torque, to rounding); |m| stays 1 while it
 * drives.
 */
class SpinTorqueInvariantsTest {
    private static final int N = 64;
    private static final Material PLAIN = Material.of(8e5).with(ExchangeField.A, 1.3e-11)
            .with(UniaxialAnisotropyField.K1, 2e5).with(UniaxialAnisotropyField.AXIS, 0, 0, 1)
            .with(LlgEquation.ALPHA, 0.02);

    static Stream<Arguments> torques() {
        return Stream.of(
                Arguments.of("zhang-li", PLAIN.with(ZhangLiTorque.POL, 0.7).with(ZhangLiTorque.XI, 0.05),
                        new double[] {5e12, 0, 0}),
                Arguments.of("slonczewski", PLAIN.with(ZhangLiTorque.POL, 0.6).with(SlonczewskiTorque.LAMBDA, 2)
                        .with(SlonczewskiTorque.EPSILON_PRIME, 0.1).with(SlonczewskiTorque.FIXED_LAYER, 0.6, 0, 0.8),
                        new double[] {0, 0, 2e11}),
                Arguments.of("spin-orbit", PLAIN.with(SpinOrbitTorque.SIGMA, 0, 1, 0)
                        .with(SpinOrbitTorque.SPIN_HALL_ANGLE, 0.3).with(SpinOrbitTorque.FIELD_LIKE_RATIO, 0.5),
                        new double[] {1e12, 0, 0}));
    }

    private static LlgEquation equation(Material mat, double[] j) {
        Magnet chain = Magnet.onGrid(new RegularGrid(N, 1, 1, 1e-9, 1e-9, 1e-9), mat);
        StageDrive drive = new StageDrive();
        drive.set(null, 0);
        if (j != null) {
            drive.setCurrent(AppliedField.constant(j));
        }
        TermInputs in = new TermInputs(chain, null, drive);
        return new LlgEquation(chain, Physics.effectiveField(in), Physics.torques(in));
    }

    private static VectorField twisted() {
        VectorField m = new VectorField(N);
        for (int i = 0; i < N; i++) {
            double th = Math.PI * (i + 0.5) / N, ph = 0.3 * i;
            m.set(i, Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th));
        }
        return m;
    }

    private static VectorField evolve(LlgEquation llg, double t1) {
        VectorField m = twisted();
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-6,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torques")
    void withoutCurrentTheTrajectoryIsThePlainLlgOneExactly(String name, Material mat, double[] j) {
        LlgEquation off = equation(mat, new double[3]);
        assertEquals(List.of(name), off.torques().stream().map(q -> q.type().name()).toList());
        VectorField a = evolve(off, 0.1e-9), b = evolve(equation(PLAIN, null), 0.1e-9);
        assertArrayEquals(b.x, a.x, 0.0);
        assertArrayEquals(b.y, a.y, 0.0);
        assertArrayEquals(b.z, a.z, 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torques")
    void reversingTheCurrentReversesTheTorque(String name, Material mat, double[] j) {
        VectorField m = twisted(), plain = new VectorField(N), fwd = new VectorField(N), back = new VectorField(N);
        equation(PLAIN, null).derivative(0, m, plain);
        equation(mat, j).derivative(0, m, fwd);
        equation(mat, new double[] {-j[0], -j[1], -j[2]}).derivative(0, m, back);
        double scale = 0, worst = 0;
        for (int i = 0; i < N; i++) {
            double[] f = {fwd.x[i] - plain.x[i], fwd.y[i] - plain.y[i], fwd.z[i] - plain.z[i]};
            double[] r = {back.x[i] - plain.x[i], back.y[i] - plain.y[i], back.z[i] - plain.z[i]};
            for (int c = 0; c < 3; c++) {
                scale = Math.max(scale, Math.abs(f[c]));
                worst = Math.max(worst, Math.abs(f[c] + r[c]));
            }
        }
        assertTrue(scale > 1e8, name + " drives: largest torque " + scale + " 1/s");
        assertTrue(worst <= 1e-9 * scale, name + ": torque(+j) + torque(-j) = " + worst + " of " + scale);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torques")
    void magnetisationStaysUnitWhileDriven(String name, Material mat, double[] j) {
        VectorField m = evolve(equation(mat, j), 0.2e-9);
        for (int i = 0; i < N; i++) {
            double len = Math.sqrt(m.x[i] * m.x[i] + m.y[i] * m.y[i] + m.z[i] * m.z[i]);
            assertEquals(1, len, 1e-9, name + ": |m| of cell " + i);
        }
    }
}
