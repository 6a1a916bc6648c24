package org.hypermag.scenarios.sim;

import java.nio.file.Path;
import java.util.Random;
import org.hypermag.output.RunReader;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.magnet.Magnet;

/**
 * Builds the physical system of a scenario: the magnet and the initial state (the demag method is built by
 * {@link org.hypermag.scenarios.spec.DemagMethods}).
 */
public final class ScenarioSystem {
    private ScenarioSystem() {
    }

    /**
     * @param s the scenario
     * @return its magnet, with the inter-region exchange scaling and interlayer couplings applied
     */
    public static Magnet magnet(Scenario s) {
        Scenario.Domains d = s.domains();
        Magnet magnet;
        if (d.grid() != null) {
            int[] cells = d.gridCells();
            if (cells == null) {
                cells = new int[d.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = i;
                }
            }
            magnet = Magnet.onGrid(d.grid(), cells, d.regions(), s.materials());
        } else {
            magnet = Magnet.ofPrisms(d.prisms(), d.regions(), s.materials());
        }
        for (Scenario.ExchangeScaling e : s.exchangeScaling()) {
            magnet = magnet.withExchangeScaling(e.region1(), e.region2(), e.factor());
        }
        for (Magnet.Interlayer c : s.interlayer()) {
            magnet = magnet.withInterlayer(c);
        }
        return magnet;
    }

    /**
     * @param s the scenario
     * @return its initial unit magnetisation
     * @throws IllegalArgumentException if an earlier run to start from does not fit
     */
    public static VectorField initial(Scenario s) {
        Prisms p = s.domains().prisms();
        int n = p.size();
        if (s.initial() instanceof Scenario.PerRegion per) {
            VectorField m = new VectorField(n);
            for (int i = 0; i < n; i++) {
                m.set(i, 0, 0, 1);
            }
            int[] regions = s.domains().regions();
            for (Scenario.RegionState e : per.entries()) {
                VectorField part = initial(s, e.state());
                for (int i = 0; i < n; i++) {
                    if (e.region() < 0 || regions[i] == e.region()) {
                        m.set(i, part.x[i], part.y[i], part.z[i]);
                    }
                }
            }
            return m;
        }
        return initial(s, s.initial());
    }

    private static VectorField initial(Scenario s, Scenario.Initial init) {
        Prisms p = s.domains().prisms();
        int n = p.size();
        VectorField m = new VectorField(n);
        if (init instanceof Scenario.Skyrmion k) {
            for (int i = 0; i < n; i++) {
                double dx = p.cx(i) - k.cx(), dy = p.cy(i) - k.cy(), r = Math.hypot(dx, dy);
                double theta = 2 * Math.atan(Math.exp((r - k.radius()) / k.width()));
                double ux = r > 0 ? dx / r : 1, uy = r > 0 ? dy / r : 0;
                double c = Math.cos(k.helicity()), sn = Math.sin(k.helicity());
                double ix = c * ux - sn * uy, iy = sn * ux + c * uy;
                m.set(i, Math.sin(theta) * ix, Math.sin(theta) * iy, k.polarity() * Math.cos(theta));
            }
            return m;
        }
        if (init instanceof Scenario.TwoDomain w) {
            double[] a = w.first(), b = w.second(), mid = w.middle();
            for (int i = 0; i < n; i++) {
                double x = (w.axis() == 0 ? p.cx(i) : w.axis() == 1 ? p.cy(i) : p.cz(i)) - w.position();
                if (w.width() == 0 || (mid[0] == 0 && mid[1] == 0 && mid[2] == 0)) {
                    double[] v = x < 0 ? a : b;
                    m.set(i, v[0], v[1], v[2]);
                    continue;
                }
                // turn from a (theta = 0) through mid (pi/2) towards b's side; beyond pi/2 the b-ward half
                double theta = 2 * Math.atan(Math.exp(x / w.width()));
                double total = Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
                double phi = theta / Math.PI * total;
                double c = Math.cos(phi), sn = Math.sin(phi);
                m.set(i, c * a[0] + sn * mid[0], c * a[1] + sn * mid[1], c * a[2] + sn * mid[2]);
            }
            return m;
        }
        if (init instanceof Scenario.Uniform u) {
            {
                double[] d = u.direction();
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                for (int i = 0; i < n; i++) {
                    m.set(i, d[0] / r, d[1] / r, d[2] / r);
                }
            }
        } else if (init instanceof Scenario.RandomDirections rd) {
            {
                Random rnd = new Random(rd.seed());
                for (int i = 0; i < n; i++) {
                    double x, y, z, r2;
                    do {
                        x = 2 * rnd.nextDouble() - 1;
                        y = 2 * rnd.nextDouble() - 1;
                        z = 2 * rnd.nextDouble() - 1;
                        r2 = x * x + y * y + z * z;
                    } while (r2 > 1 || r2 < 1e-6);
                    double r = Math.sqrt(r2);
                    m.set(i, x / r, y / r, z / r);
                }
            }
        } else if (init instanceof Scenario.Vortex v) {
            {
                // (u, v, w): the axes in cyclic order ending with the core's axis w (x, y, z for a core along z)
                int w = v.axis(), u = (w + 1) % 3, vv = (w + 2) % 3;
                double[] c = new double[3];
                for (int i = 0; i < n; i++) {
                    double[] pos = {p.cx(i), p.cy(i), p.cz(i)};
                    double du = pos[u] - v.cx(), dv = pos[vv] - v.cy();
                    double r = Math.sqrt(du * du + dv * dv);
                    double core = Math.exp(-(r * r) / (v.coreRadius() * v.coreRadius()));
                    double around = r > 0 ? Math.sqrt(Math.max(0, 1 - core * core)) : 0;
                    c[u] = r > 0 ? -v.circulation() * around * dv / r : 0;
                    c[vv] = r > 0 ? v.circulation() * around * du / r : 0;
                    c[w] = r > 0 ? v.polarity() * core : v.polarity();
                    m.set(i, c[0], c[1], c[2]);
                }
            }
        } else if (init instanceof Scenario.FromOvf f) {
            return OvfInitialState.read(f.file(), s.domains());
        } else {
            Scenario.FromRun f = (Scenario.FromRun) init;
            {
                RunReader r = RunReader.open(f.directory());
                if (r.domains() != n) {
                    throw new IllegalArgumentException("initial.file: the run in " + f.directory() + " has "
                            + r.domains() + " domains, this scenario " + n + "; expected the same geometry");
                }
                if (r.frameCount() == 0) {
                    throw new IllegalArgumentException("initial.file: the run in " + f.directory() + " has no frames");
                }
                VectorField v = r.magnetisation(f.frame());
                for (int i = 0; i < n; i++) {
                    double len = Math.sqrt(v.x[i] * v.x[i] + v.y[i] * v.y[i] + v.z[i] * v.z[i]);
                    m.set(i, v.x[i] / len, v.y[i] / len, v.z[i] / len);
                }
            }
        }
        return m;
    }
}
