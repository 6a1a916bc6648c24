package org.hypermag.integrators;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.Temperature;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;

/**
 * Non-interacting macrospins for the finite-temperature tests: cubes far apart (no exchange, no demag), each region
 * its own material, built through the open core (Physics) with a thermal drive.
 */
final class Macrospins {
    final Magnet magnet;
    final StageDrive drive = new StageDrive();
    final LlgEquation llg;
    final VectorField m;

    /**
     * @param edges cube edge of each domain (m)
     * @param regions region of each domain
     * @param materials one per region
     * @param seed the random seed
     * @param applied the applied field (A/m), or null
     * @param temperature the stage temperature
     */
    Macrospins(double[] edges, int[] regions, List<Material> materials, long seed, double[] applied,
               Temperature temperature) {
        int n = edges.length;
        double[] cx = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = i * 100e-9;
        }
        magnet = Magnet.ofPrisms(Prisms.of(cx, new double[n], new double[n], edges, edges, edges), regions, materials);
        drive.enableThermal(seed);
        drive.set(applied == null ? null : AppliedField.constant(applied), temperature, 0);
        llg = new LlgEquation(magnet, Physics.effectiveField(new TermInputs(magnet, null, drive)));
        m = new VectorField(n);
    }

    /** @return D = γ α k_B T / ((1 + α²) μ0 Ms V) (1/s), the rotational diffusion constant of domain i */
    double diffusion(int i, double kelvin) {
        Material mat = magnet.material(magnet.region(i));
        double a = mat.get(LlgEquation.ALPHA), g = mat.get(LlgEquation.GAMMA);
        return g * a * Constants.K_B * kelvin / ((1 + a * a) * Constants.MU0 * mat.ms() * magnet.volume(i));
    }

    static int[] regions(int... counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        int[] r = new int[n];
        int k = 0;
        for (int q = 0; q < counts.length; q++) {
            for (int j = 0; j < counts[q]; j++) {
                r[k++] = q;
            }
        }
        return r;
    }

    static double[] fill(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
