package org.hypermag.solver.llg;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Parameter;

/**
 * The Zhang–Li spin-transfer torque of a current in the magnet (adiabatic and non-adiabatic), in mumax3's form:
 * dm/dt += −1/(1+α²) [(1 + ξα) m × (m × (u·∇)m) + (ξ − α) m × (u·∇)m], with the drift velocity
 * u = μ_B P j / (e Ms (1 + ξ²)) (m/s) along the current density j (A/m²) of the stage, P the spin polarisation and ξ
 * the non-adiabaticity. On a grid, by central differences; at free surfaces and next to non-magnetic cells the
 * missing neighbour is the cell itself (a one-sided difference of half weight, mumax3's treatment, consistent with
 * exchange's free boundary). Arbitrary prisms have no gradient here: the torque is refused there. It acts in the
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
    private final int[] plusX, minusX, plusY, minusY, plusZ, minusZ;
    private final double dx, dy, dz;
    private final double[] factor, alpha, xi;
    private final double[] j = new double[3];

    private ZhangLiTorque(Magnet magnet, StageDrive drive) {
        this.drive = drive;
        region = magnet.regionArray();
        RegularGrid g = magnet.grid();
        int n = magnet.size();
        int[] domainOfCell = magnet.domainOfCell();
        plusX = new int[n];
        minusX = new int[n];
        plusY = new int[n];
        minusY = new int[n];
        plusZ = new int[n];
        minusZ = new int[n];
        for (int k = 0; k < g.nz(); k++) {
            for (int jy = 0; jy < g.ny(); jy++) {
                for (int i = 0; i < g.nx(); i++) {
                    int d = domainOfCell[g.index(i, jy, k)];
                    if (d < 0) {
                        continue;
                    }
                    plusX[d] = neighbour(domainOfCell, g, i + 1, jy, k, d);
                    minusX[d] = neighbour(domainOfCell, g, i - 1, jy, k, d);
                    plusY[d] = neighbour(domainOfCell, g, i, jy + 1, k, d);
                    minusY[d] = neighbour(domainOfCell, g, i, jy - 1, k, d);
                    plusZ[d] = neighbour(domainOfCell, g, i, jy, k + 1, d);
                    minusZ[d] = neighbour(domainOfCell, g, i, jy, k - 1, d);
                }
            }
        }
        dx = g.dx();
        dy = g.dy();
        dz = g.dz();
        double[] pol = magnet.perDomain(POL);
        xi = magnet.perDomain(XI);
        alpha = magnet.perDomain(LlgEquation.ALPHA);
        factor = new double[n];
        for (int d = 0; d < n; d++) {
            factor[d] = inCurrentPlane(magnet, magnet.region(d))
                    ? MU_B * pol[d] / (E * magnet.ms(d) * (1 + xi[d] * xi[d])) : 0;
        }
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

    private static int neighbour(int[] domainOfCell, RegularGrid g, int i, int j, int k, int self) {
        if (i < 0 || j < 0 || k < 0 || i >= g.nx() || j >= g.ny() || k >= g.nz()) {
            return self;
        }
        int d = domainOfCell[g.index(i, j, k)];
        return d < 0 ? self : d;
    }

    /**
     * @param magnet the system, on a grid
     * @param drive the stage drive (its current density)
     * @return the torque
     * @throws IllegalArgumentException if the domains are not the cells of a grid
     */
    public static ZhangLiTorque of(Magnet magnet, StageDrive drive) {
        if (!magnet.isOnGrid()) {
            throw new IllegalArgumentException("the Zhang-Li torque needs the gradient of m, which hypermag forms on "
                    + "grids only; these domains are arbitrary prisms (set Pol to 0, or use a grid)");
        }
        return new ZhangLiTorque(magnet, drive);
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
        double jx = j[0] / (2 * dx), jy = j[1] / (2 * dy), jz = j[2] / (2 * dz);
        if (jx == 0 && jy == 0 && jz == 0) {
            return;
        }
        double[] mx = m.x, my = m.y, mz = m.z;
        for (int i = 0; i < mx.length; i++) {
            double f = factor[i];
            if (f == 0 || !drive.currentIn(region[i])) {
                continue;
            }
            // (u.grad) m by central differences; u = f j
            double hx = f * (jx * (mx[plusX[i]] - mx[minusX[i]]) + jy * (mx[plusY[i]] - mx[minusY[i]])
                    + jz * (mx[plusZ[i]] - mx[minusZ[i]]));
            double hy = f * (jx * (my[plusX[i]] - my[minusX[i]]) + jy * (my[plusY[i]] - my[minusY[i]])
                    + jz * (my[plusZ[i]] - my[minusZ[i]]));
            double hz = f * (jx * (mz[plusX[i]] - mz[minusX[i]]) + jy * (mz[plusY[i]] - mz[minusY[i]])
                    + jz * (mz[plusZ[i]] - mz[minusZ[i]]));
            double ax = my[i] * hz - mz[i] * hy, ay = mz[i] * hx - mx[i] * hz, az = mx[i] * hy - my[i] * hx;
            double bx = my[i] * az - mz[i] * ay, by = mz[i] * ax - mx[i] * az, bz = mx[i] * ay - my[i] * ax;
            double a = alpha[i], x = xi[i], c = -1 / (1 + a * a);
            dmdt.x[i] += c * ((1 + x * a) * bx + (x - a) * ax);
            dmdt.y[i] += c * ((1 + x * a) * by + (x - a) * ay);
            dmdt.z[i] += c * ((1 + x * a) * bz + (x - a) * az);
        }
    }
}
