package org.hypermag.integrators;

import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.llg.Dynamics;

/**
 * Adapter to Hipparchus ODE integrators, for small systems and as a reference in tests. Each {@link #step} lets
 * Hipparchus integrate the whole interval with its own adaptive steps; the state is not renormalised inside the
 * interval (Hipparchus treats the 3N components as a plain ODE), only at its end. Hipparchus allocates several
 * state-sized arrays per step (../shared/notes/dependencies.md): not for mesh-scale runs.
 */
public final class HipparchusStepper implements Stepper {
    private final ODEIntegrator integrator;
    private final VectorField m;
    private final OrdinaryDifferentialEquation ode;
    private final String description;

    private HipparchusStepper(ODEIntegrator integrator, Dynamics f, VectorField m, String description) {
        if (f.isStochastic()) {
            throw new IllegalArgumentException("the Hipparchus integrators evaluate at times of their own choosing and "
                    + "cannot hold a random (thermal) field over a step; at a temperature above 0 K use "
                    + "RungeKuttaStepper: Heun with a fixed step, or Bogacki-Shampine or Dormand-Prince adaptive");
        }
        this.integrator = integrator;
        this.m = m;
        this.description = description;
        int n = m.size();
        VectorField in = new VectorField(n), out = new VectorField(n);
        ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 3 * n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                unpack(y, in);
                f.derivative(t, in, out);
                double[] dy = new double[3 * n];
                pack(out, dy);
                return dy;
            }
        };
    }

    /**
     * @param f the equation
     * @param m the state, advanced in place
     * @param absTol absolute tolerance per component
     * @param relTol relative tolerance per component
     * @return a Dormand–Prince 5(4) stepper of Hipparchus
     */
    public static HipparchusStepper dormandPrince54(Dynamics f, VectorField m, double absTol, double relTol) {
        return new HipparchusStepper(new DormandPrince54Integrator(1e-18, 1e-9, absTol, relTol), f, m,
                "Hipparchus DormandPrince54, abs tol " + absTol + ", rel tol " + relTol);
    }

    /**
     * @param f the equation
     * @param m the state, advanced in place
     * @param absTol absolute tolerance per component
     * @param relTol relative tolerance per component
     * @return a Dormand–Prince 8(5,3) stepper of Hipparchus
     */
    public static HipparchusStepper dormandPrince853(Dynamics f, VectorField m, double absTol, double relTol) {
        return new HipparchusStepper(new DormandPrince853Integrator(1e-18, 1e-9, absTol, relTol), f, m,
                "Hipparchus DormandPrince853, abs tol " + absTol + ", rel tol " + relTol);
    }

    @Override
    public double step(double t, double dtLimit) {
        double[] y = new double[3 * m.size()];
        pack(m, y);
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(t, y), t + dtLimit);
        unpack(end.getPrimaryState(), m);
        for (int i = 0; i < m.size(); i++) {
            double n = Math.sqrt(m.x[i] * m.x[i] + m.y[i] * m.y[i] + m.z[i] * m.z[i]);
            if (!(n > 0) || !Double.isFinite(n)) {
                throw new IntegrationException(IntegrationException.Reason.NON_FINITE, t, i,
                        "non-finite magnetisation at domain " + i + " after t = " + t + " s");
            }
            m.x[i] /= n;
            m.y[i] /= n;
            m.z[i] /= n;
        }
        return dtLimit;
    }

    @Override
    public void reset() {
        // stateless between calls
    }

    @Override
    public String describe() {
        return description;
    }

    private static void pack(VectorField v, double[] y) {
        int n = v.size();
        System.arraycopy(v.x, 0, y, 0, n);
        System.arraycopy(v.y, 0, y, n, n);
        System.arraycopy(v.z, 0, y, 2 * n, n);
    }

    private static void unpack(double[] y, VectorField v) {
        int n = v.size();
        System.arraycopy(y, 0, v.x, 0, n);
        System.arraycopy(y, n, v.y, 0, n);
        System.arraycopy(y, 2 * n, v.z, 0, n);
    }
}
