package org.hypermag.solver.llg;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.magnet.Parameter;

/**
 * The Slonczewski spin-transfer torque of a current perpendicular to the plane (spin valves, MTJs), in mumax3's
 * form: with β = ħ j_z / (e d Ms) (T), ε = P Λ² / ((Λ² + 1) + (Λ² − 1) m·p) and ε' the secondary (field-like) term,
 * dm/dt += (γ/μ0)/(1+α²) [ β(ε − α ε') m × (p × m) + β(ε' − α ε) p × m ] (γ in m/(A·s), so γ/μ0 is mumax3's γ_LL),
 * p the fixed layer's unit polarisation, j_z the z component of the stage's current density (A/m²; positive along
 * +z) and d the free layer's thickness: the material's {@link #FREE_LAYER_THICKNESS}, else the domain's own size
 * along z. Built for regions that give a {@link #FIXED_LAYER}, or a {@link #FIXED_LAYER_REGION} whose volume-averaged
 * m is p at every evaluation (the polariser moves too).
 */
public final class SlonczewskiTorque implements Torque {
    /** Reduced Planck constant (J·s), exact. */
    static final double HBAR = 1.054571817e-34;
    /** The fixed layer's polarisation direction p (a unit vector); without it a region has no Slonczewski torque. */
    public static final Parameter FIXED_LAYER = Parameter.optionalUnitVector("fixed_layer",
            "polarisation direction p of the fixed layer (Slonczewski torque)", "none (no Slonczewski torque)");
    /**
     * A region whose volume-averaged magnetisation is the polarisation p (a free "fixed" layer, e.g. the reference
     * layer of a spin valve that moves too); instead of {@link #FIXED_LAYER}.
     */
    public static final Parameter FIXED_LAYER_REGION = Parameter.override("fixed_layer_region", "1",
            "a region whose average magnetisation is the polarisation p (instead of fixed_layer)",
            "none (fixed_layer, or no Slonczewski torque)");
    /** Slonczewski's Λ (dimensionless, &gt; 0). */
    public static final Parameter LAMBDA = Parameter.positive("Lambda", "1",
            "Slonczewski Lambda parameter (angular dependence of the torque)", 1);
    /** The secondary, field-like term ε' (dimensionless). */
    public static final Parameter EPSILON_PRIME = Parameter.anyNumber("EpsilonPrime", "1",
            "secondary (field-like) spin-transfer term of the Slonczewski torque", 0);
    /** The free layer's thickness d (m); 0: the domain's own size along z. */
    public static final Parameter FREE_LAYER_THICKNESS = Parameter.nonNegative("free_layer_thickness", "m",
            "free layer thickness of the Slonczewski torque (0: the domain's own size along z)", 0);
    /** The Slonczewski torque: built when some region gives a fixed layer. */
    public static final TorqueType TYPE = new TorqueType("slonczewski",
            "Slonczewski torque of the current's z component, beta = hbar jz / (e d Ms)",
            List.of(ZhangLiTorque.POL, FIXED_LAYER, FIXED_LAYER_REGION, LAMBDA, EPSILON_PRIME, FREE_LAYER_THICKNESS),
            in -> in.magnet().anySets(FIXED_LAYER, FIXED_LAYER_REGION) ? new SlonczewskiTorque(in.magnet(), in.drive()) : null);

    private final StageDrive drive;
    private final int[] region;
    private final double[] px, py, pz, betaPerJ, pol, lambda2, epsilonPrime, alpha, gammaLL;
    private final double[] j = new double[3];
    /** Per domain: the region whose average m is p, or −1 for a fixed direction. */
    private final int[] polariser;
    private final double[] regionSum;
    private final double[] volume;

    private SlonczewskiTorque(Magnet magnet, StageDrive drive) {
        this.drive = drive;
        region = magnet.regionArray();
        int n = magnet.size();
        px = new double[n];
        py = new double[n];
        pz = new double[n];
        betaPerJ = new double[n];
        pol = magnet.perDomain(ZhangLiTorque.POL);
        lambda2 = magnet.perDomain(LAMBDA);
        epsilonPrime = magnet.perDomain(EPSILON_PRIME);
        alpha = magnet.perDomain(LlgEquation.ALPHA);
        gammaLL = magnet.perDomain(LlgEquation.GAMMA);
        double[] thickness = magnet.perDomain(FREE_LAYER_THICKNESS);
        polariser = new int[n];
        regionSum = new double[3 * magnet.regionCount()];
        volume = magnet.volumeArray();
        for (int i = 0; i < n; i++) {
            Material mat = magnet.material(magnet.region(i));
            polariser[i] = -1;
            if (mat.isSet(FIXED_LAYER_REGION)) {
                double r = mat.get(FIXED_LAYER_REGION);
                if (r != Math.rint(r) || r >= magnet.regionCount() || (int) r == magnet.region(i)) {
                    throw new IllegalArgumentException("fixed_layer_region must name another region (0.."
                            + (magnet.regionCount() - 1) + "), got " + Parameter.format(r) + " in region "
                            + magnet.region(i));
                }
                polariser[i] = (int) r;
                double d = thickness[i] > 0 ? thickness[i] : magnet.prisms().sz(i);
                betaPerJ[i] = HBAR / (ZhangLiTorque.E * d * magnet.ms(i));
            } else if (mat.isSet(FIXED_LAYER)) {
                double[] p = mat.vector(FIXED_LAYER);
                double norm = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
                px[i] = p[0] / norm;
                py[i] = p[1] / norm;
                pz[i] = p[2] / norm;
                double d = thickness[i] > 0 ? thickness[i] : magnet.prisms().sz(i);
                betaPerJ[i] = HBAR / (ZhangLiTorque.E * d * magnet.ms(i));
            }
            lambda2[i] *= lambda2[i];
            gammaLL[i] /= Constants.MU0;
        }
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
        double jz = j[2];
        if (jz == 0) {
            return;
        }
        double[] mx = m.x, my = m.y, mz = m.z;
        java.util.Arrays.fill(regionSum, 0);
        for (int i = 0; i < mx.length; i++) {
            int r = region[i];
            regionSum[3 * r] += volume[i] * mx[i];
            regionSum[3 * r + 1] += volume[i] * my[i];
            regionSum[3 * r + 2] += volume[i] * mz[i];
        }
        for (int i = 0; i < mx.length; i++) {
            double beta = betaPerJ[i] * jz;
            if (beta == 0 || !drive.currentIn(region[i])) {
                continue;
            }
            double qx = px[i], qy = py[i], qz = pz[i];
            if (polariser[i] >= 0) {
                int q = 3 * polariser[i];
                double norm = Math.sqrt(regionSum[q] * regionSum[q] + regionSum[q + 1] * regionSum[q + 1]
                        + regionSum[q + 2] * regionSum[q + 2]);
                if (!(norm > 0)) {
                    continue;
                }
                qx = regionSum[q] / norm;
                qy = regionSum[q + 1] / norm;
                qz = regionSum[q + 2] / norm;
            }
            double l2 = lambda2[i];
            double dot = qx * mx[i] + qy * my[i] + qz * mz[i];
            double epsilon = pol[i] * l2 / ((l2 + 1) + (l2 - 1) * dot);
            add(m, i, qx, qy, qz, beta * epsilon, beta * epsilonPrime[i], alpha[i], gammaLL[i], dmdt);
        }
    }

    /**
     * Adds γ_LL/(1+α²) [(a − α b) m × (p × m) + (b − α a) p × m] to dm/dt of domain i: the damping-like (a) and
     * field-like (b) spin torques (T) about the unit vector p, in the Landau–Lifshitz form.
     */
    static void add(VectorField m, int i, double px, double py, double pz, double a, double b, double alpha,
                    double gammaLL, VectorField dmdt) {
        double mx = m.x[i], my = m.y[i], mz = m.z[i];
        double gilb = gammaLL / (1 + alpha * alpha);
        double f1 = gilb * (a - alpha * b), f2 = gilb * (b - alpha * a);
        // p x m and m x (p x m)
        double cx = py * mz - pz * my, cy = pz * mx - px * mz, cz = px * my - py * mx;
        double dx = my * cz - mz * cy, dy = mz * cx - mx * cz, dz = mx * cy - my * cx;
        dmdt.x[i] += f1 * dx + f2 * cx;
        dmdt.y[i] += f1 * dy + f2 * cy;
        dmdt.z[i] += f1 * dz + f2 * cz;
    }
}
