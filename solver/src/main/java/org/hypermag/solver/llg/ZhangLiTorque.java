package org.hypermag.solver.llg;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.FacePairs;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * The Zhang–Li spin-transfer torque of a current in the magnet (adiabatic and non-adiabatic), in mumax3's form:
 * dm/dt += −1/(1+α²) [(1 + ξα) m × (m × (u·∇)m) + (ξ − α) m × (u·∇)m], with the drift velocity
 * u = μ_B P j / (e Ms (1 + ξ²)) (m/s) along the current density j (A/m²) of the stage, P the spin polarisation and ξ
 * the non-adiabaticity. The gradient comes from the domains that share a face ({@link FacePairs}): along each axis,
 * half the sum of the two sides' one-sided differences (each side the area-weighted average over its neighbours),
 * so on a grid it is the central difference, and at a free surface or next to a non-magnetic cell a one-sided
 * difference of half weight (mumax3's treatment). Among arbitrary prisms the same rule is first order where
 * neighbours differ in size; a domain with Pol ≠ 0 and no neighbour at all is refused. It acts in the
 * regions with Pol ≠ 0 that give no {@link SlonczewskiTorque#FIXED_LAYER} (where one is given, Pol is the
 * Slonczewski torque's polarisation).
 */
public final class ZhangLiTorque implements Torque {
    /** Spin polarisation P of the current (dimensionless). */
    public static final Parameter POL = Parameter.anyNumber("Pol", "1",
            "spin polarisation of the current (Zhang-Li torque; 0: none)", 0);
    /** Non-adiabaticity ξ (dimensionless). */
    public static final Parameter XI = Parameter.anyNumber("xi", "1", "non-adiabaticity of the Zhang-Li torque", 0);
    /** The Zhang–Li torque: built when some region has Pol ≠ 0. */
    public static final TorqueType TYPE = new TorqueType("zhang-li",
            "Zhang-Li spin-transfer torque of the stage's current density, u = muB P j / (e Ms (1 + xi^2))",
            List.of(POL, XI), in -> applies(in.magnet()) ? of(in.magnet(), in.drive()) : null);

    /** Bohr magneton (J/T), CODATA 2018. */
    static final double MU_B = 9.2740100783e-24;
    /** Elementary charge (C), exact. */
    static final double E = 1.602176634e-19;

    private final StageDrive drive;
    private final int[] region;
    /** Compressed rows: ∂_axis m_i += coefficient (m_neighbour − m_i) for the entries of row i. */
    private final int[] start, neighbour, axis;
    private final double[] coefficient;
    private final double[] factor, alpha, xi;
    private final double[] j = new double[3];

    private ZhangLiTorque(Magnet magnet, StageDrive drive, FacePairs pairs) {
        this.drive = drive;
        region = magnet.regionArray();
        int n = magnet.size();
        // the area of the neighbours on each side (domain, axis, side) normalises each side's average
        double[] sideArea = new double[6 * n];
        for (int k = 0; k < pairs.size(); k++) {
            int a = pairs.axis[k], s = pairs.sign[k] > 0 ? 0 : 1;
            sideArea[6 * pairs.first[k] + 2 * a + s] += pairs.area[k];
            sideArea[6 * pairs.second[k] + 2 * a + (1 - s)] += pairs.area[k];
        }
        start = pairs.rowStarts(n, null);
        int[] fill = java.util.Arrays.copyOf(start, n);
        neighbour = new int[2 * pairs.size()];
        axis = new int[2 * pairs.size()];
        coefficient = new double[2 * pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.first[k], jd = pairs.second[k], a = pairs.axis[k], s = pairs.sign[k];
            int si = s > 0 ? 0 : 1;
            // half the average one-sided difference of each side: central differences inside, half-weight
            // one-sided ones at free surfaces (mumax3's treatment)
            put(fill[i]++, jd, a, 0.5 * s * pairs.area[k] / (sideArea[6 * i + 2 * a + si] * pairs.distance[k]));
            put(fill[jd]++, i, a, -0.5 * s * pairs.area[k] / (sideArea[6 * jd + 2 * a + (1 - si)]
                    * pairs.distance[k]));
        }
        double[] pol = magnet.perDomain(POL);
        xi = magnet.perDomain(XI);
        alpha = magnet.perDomain(LlgEquation.ALPHA);
        factor = new double[n];
        for (int d = 0; d < n; d++) {
            factor[d] = inCurrentPlane(magnet, magnet.region(d))
                    ? MU_B * pol[d] / (E * magnet.ms(d) * (1 + xi[d] * xi[d])) : 0;
        }
    }

    private void put(int q, int j, int a, double c) {
        neighbour[q] = j;
        axis[q] = a;
        coefficient[q] = c;
    }

    /** @return whether a region has Pol ≠ 0 and no fixed layer (a fixed layer makes Pol the Slonczewski torque's) */
    private static boolean applies(Magnet magnet) {
        for (int r = 0; r < magnet.regionCount(); r++) {
            if (inCurrentPlane(magnet, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCurrentPlane(Magnet magnet, int region) {
        return magnet.material(region).get(POL) != 0 && !magnet.material(region).isSet(SlonczewskiTorque.FIXED_LAYER)
                && !magnet.material(region).isSet(SlonczewskiTorque.FIXED_LAYER_REGION);
    }

    /**
     * @param magnet the system
     * @param drive the stage drive (its current density)
     * @return the torque
     * @throws IllegalArgumentException if a domain with Pol ≠ 0 has no face-sharing neighbour (no gradient)
     */
    public static ZhangLiTorque of(Magnet magnet, StageDrive drive) {
        FacePairs pairs = FacePairs.of(magnet);
        boolean[] linked = new boolean[magnet.size()];
        for (int k = 0; k < pairs.size(); k++) {
            linked[pairs.first[k]] = true;
            linked[pairs.second[k]] = true;
        }
        for (int d = 0; d < magnet.size(); d++) {
            if (!linked[d] && inCurrentPlane(magnet, magnet.region(d)) && magnet.size() > 1) {
                throw new IllegalArgumentException("the Zhang-Li torque needs the gradient of m, formed from the "
                        + "domains that share a face; domain " + d + " (region " + magnet.region(d) + ") shares "
                        + "none (set Pol to 0 there, or make the prisms touch)");
            }
        }
        return new ZhangLiTorque(magnet, drive, pairs);
    }

    @Override
    public TorqueType type() {
        return TYPE;
    }

    @Override
    public void addTorque(double t, VectorField m, VectorField heff, VectorField dmdt) {
        if (!drive.currentDensity(t, j)) {
            return;
        }
        if (j[0] == 0 && j[1] == 0 && j[2] == 0) {
            return;
        }
        double[] mx = m.x, my = m.y, mz = m.z;
        for (int i = 0; i < mx.length; i++) {
            double f = factor[i];
            if (f == 0 || !drive.currentIn(region[i])) {
                continue;
            }
            // (u.grad) m with u = f j, from the face-sharing neighbours
            double hx = 0, hy = 0, hz = 0;
            for (int q = start[i]; q < start[i + 1]; q++) {
                double c = f * j[axis[q]] * coefficient[q];
                int n = neighbour[q];
                hx += c * (mx[n] - mx[i]);
                hy += c * (my[n] - my[i]);
                hz += c * (mz[n] - mz[i]);
            }
            double ax = my[i] * hz - mz[i] * hy, ay = mz[i] * hx - mx[i] * hz, az = mx[i] * hy - my[i] * hx;
            double bx = my[i] * az - mz[i] * ay, by = mz[i] * ax - mx[i] * az, bz = mx[i] * ay - my[i] * ax;
            double a = alpha[i], x = xi[i], c = -1 / (1 + a * a);
            dmdt.x[i] += c * ((1 + x * a) * bx + (x - a) * ax);
            dmdt.y[i] += c * ((1 + x * a) * by + (x - a) * ay);
            dmdt.z[i] += c * ((1 + x * a) * bz + (x - a) * az);
        }
    }
}
