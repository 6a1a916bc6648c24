package org.hypermag.solver.llg;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.magnet.Parameter;

/**
 * Spin–orbit torques of a current in the plane (spin Hall effect of a heavy-metal underlayer): a damping-like and a
 * field-like torque about the spin polarisation σ, written as the Slonczewski torque with Λ = 1: effective fields
 * μ0 H_DL = ħ θ_SH j_σ / (2 e d Ms) and μ0 H_FL = r μ0 H_DL (T), dm/dt += (γ/μ0)/(1+α²) [(B_DL − α B_FL) m × (σ × m)
 * + (B_FL − α B_DL) σ × m], with θ_SH the spin Hall angle, r the field-like ratio, d the magnetic layer's thickness
 * (the material's free_layer_thickness, else the domain's size along z), and j_σ = j · (σ × ẑ) the current density
 * along the direction whose spin Hall current carries σ (so reversing the current reverses the torques). Built for
 * regions that give {@link #SIGMA}.
 */
public final class SpinOrbitTorque implements Torque {
    /** The spin polarisation σ of the spin current (unit vector; in the plane for the spin Hall effect). */
    public static final Parameter SIGMA = Parameter.optionalUnitVector("sot_polarisation",
            "spin polarisation sigma of the spin-orbit torque (the current along sigma x z drives it)",
            "none (no spin-orbit torque)");
    /** Spin Hall angle θ_SH (dimensionless). */
    public static final Parameter SPIN_HALL_ANGLE = Parameter.anyNumber("spin_hall_angle", "1",
            "spin Hall angle of the spin-orbit torque", 0);
    /** Ratio r of the field-like to the damping-like torque (dimensionless). */
    public static final Parameter FIELD_LIKE_RATIO = Parameter.anyNumber("sot_field_like_ratio", "1",
            "field-like over damping-like spin-orbit torque", 0);
    /** The spin-orbit torque: built when some region gives σ. */
    public static final TorqueType TYPE = new TorqueType("spin-orbit",
            "spin-orbit torques, mu0 H_DL = hbar theta_SH j / (2 e d Ms), H_FL = r H_DL, about sigma",
            List.of(SIGMA, SPIN_HALL_ANGLE, FIELD_LIKE_RATIO, SlonczewskiTorque.FREE_LAYER_THICKNESS),
            in -> in.magnet().anySets(SIGMA) ? new SpinOrbitTorque(in.magnet(), in.drive()) : null);

    private final StageDrive drive;
    private final int[] region;
    private final double[] sx, sy, sz, dampingPerJ, ratio, alpha, gammaLL;
    private final double[] j = new double[3];

    private SpinOrbitTorque(Magnet magnet, StageDrive drive) {
        this.drive = drive;
        region = magnet.regionArray();
        int n = magnet.size();
        sx = new double[n];
        sy = new double[n];
        sz = new double[n];
        dampingPerJ = new double[n];
        ratio = magnet.perDomain(FIELD_LIKE_RATIO);
        alpha = magnet.perDomain(LlgEquation.ALPHA);
        gammaLL = magnet.perDomain(LlgEquation.GAMMA);
        double[] theta = magnet.perDomain(SPIN_HALL_ANGLE), thickness = magnet.perDomain(
                SlonczewskiTorque.FREE_LAYER_THICKNESS);
        for (int i = 0; i < n; i++) {
            Material mat = magnet.material(magnet.region(i));
            if (mat.isSet(SIGMA)) {
                double[] s = mat.vector(SIGMA);
                double norm = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
                sx[i] = s[0] / norm;
                sy[i] = s[1] / norm;
                sz[i] = s[2] / norm;
                double d = thickness[i] > 0 ? thickness[i] : magnet.prisms().sz(i);
                dampingPerJ[i] = SlonczewskiTorque.HBAR * theta[i] / (2 * ZhangLiTorque.E * d * magnet.ms(i));
            }
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
        for (int i = 0; i < m.size(); i++) {
            if (dampingPerJ[i] == 0 || !drive.currentIn(region[i])) {
                continue;
            }
            // j . (sigma x z) = jx sy - jy sx
            double along = j[0] * sy[i] - j[1] * sx[i];
            if (along == 0) {
                continue;
            }
            double dl = dampingPerJ[i] * along;
            SlonczewskiTorque.add(m, i, sx[i], sy[i], sz[i], dl, ratio[i] * dl, alpha[i], gammaLL[i], dmdt);
        }
    }
}
