package org.hypermag.scenarios.spec;

import java.util.Locale;
import java.util.function.Consumer;
import org.hypermag.solver.Constants;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.field.ThermalField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Material;

/**
 * What a scenario at a temperature above 0 K must also satisfy, checked when it is read (so {@code check} refuses it
 * too): a hysteresis stage above 0 K sweeps in time and needs a {@code rate}; {@code rk4}, {@code rk46} and the
 * partitioned {@code prk48} and {@code prk410} are refused; a fixed Heun step must keep the thermal agitation per step
 * small.
 */
final class ThermalChecks {
    /** Largest rms angle (rad) the thermal field may turn a domain in one fixed Heun step. */
    static final double HEUN_THERMAL_TURN = 0.1;

    private ThermalChecks() {
    }

    /**
     * @param s the parsed scenario
     * @param problems receives each problem
     * @return true if there is none
     */
    static boolean check(Scenario s, Consumer<Problem> problems) {
        boolean ok = true;
        for (int k = 0; k < s.stages().size(); k++) {
            if (s.stages().get(k) instanceof Scenario.Hysteresis h && !h.swept() && s.hottest(h) > 0) {
                problems.accept(s.problemAt("stages[" + k + "].hysteresis", String.format(Locale.ROOT, "this "
                        + "hysteresis stage is at up to %s K; above 0 K a loop is integrated in time, not relaxed "
                        + "point by point: give rate (the sweep rate mu0 |dH/dt| in T/s, e.g. rate: 1e8)",
                        Keys.fmt(s.hottest(h)))));
                ok = false;
            }
        }
        if (!s.isThermal()) {
            return ok;
        }
        Scenario.Integrator in = s.integrator();
        if (in.method().isPartitioned()) {
            problems.accept(s.problemAt("integrator.method", in.method().key() + " is refused above 0 K: the "
                    + "partitioned method evaluates the demag on some stages only and cannot hold the thermal field "
                    + "over its step; use heun, or leave integrator out for the adaptive bogacki-shampine"));
            return false;
        }
        if (in.method() == Scenario.IntegratorMethod.RK4 || in.method() == Scenario.IntegratorMethod.RK46) {
            String key = in.method().key();
            problems.accept(s.problemAt("integrator.method", key + " is refused above 0 K: with the thermal field "
                    + "held over a step every Runge-Kutta method is of strong order 1/2, so " + key + "'s "
                    + (key.equals("rk4") ? "four" : "six") + " evaluations buy nothing over heun (the fixed-step "
                    + "reference scheme, 2 evaluations) and its accuracy watch does not apply to random kicks; use "
                    + "heun, or leave integrator out for the adaptive bogacki-shampine"));
            return false;
        }
        if (in.method() == Scenario.IntegratorMethod.HEUN) {
            double stagesMax = 0;
            for (Scenario.Stage st : s.stages()) {
                Temperature t = s.temperatureOf(st);
                stagesMax = Math.max(stagesMax, t == null ? 0 : t.max());
            }
            double worst = 0;
            int at = -1;
            for (int i = 0; i < s.domains().size(); i++) {
                double d = diffusion(s, i, stagesMax);
                if (d > worst) {
                    worst = d;
                    at = i;
                }
            }
            double turn = Math.sqrt(4 * worst * in.step());
            if (turn > HEUN_THERMAL_TURN) {
                problems.accept(s.problemAt("integrator.step", String.format(Locale.ROOT, "a fixed step of %s s "
                        + "turns domain %d (the most agitated: smallest Ms V / T) by %.3g rad rms per step at its "
                        + "highest temperature, more than the %.2g rad Heun follows accurately; use a step of at "
                        + "most %.3g s, or leave integrator out for the adaptive bogacki-shampine",
                        Keys.fmt(in.step()), at, turn, HEUN_THERMAL_TURN,
                        HEUN_THERMAL_TURN * HEUN_THERMAL_TURN / (4 * worst))));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * @param stagesMax the highest temperature of any stage (K)
     * @return the rotational diffusion constant D = γ α k_B T / ((1 + α²) μ0 Ms V) (1/s) of domain i at the highest
     *     temperature it reaches in any stage (its region's own, else the stages')
     */
    private static double diffusion(Scenario s, int i, double stagesMax) {
        Material mat = s.materials().get(s.domains().regions()[i]);
        double kelvin = mat.isSet(ThermalField.TEMPERATURE) ? mat.get(ThermalField.TEMPERATURE) : stagesMax;
        double a = mat.get(LlgEquation.ALPHA), g = mat.get(LlgEquation.GAMMA);
        double v = s.domains().prisms().volume(i);
        return g * a * Constants.K_B * kelvin / ((1 + a * a) * Constants.MU0 * mat.ms() * v);
    }
}
