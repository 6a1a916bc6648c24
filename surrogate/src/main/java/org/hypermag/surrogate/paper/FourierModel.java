package org.hypermag.surrogate.paper;

import java.util.Arrays;
import java.util.Map;
import org.hypermag.surrogate.nn.Mlp;

/**
 * The paper's FOURIER model (§3.2, Eq. 11): a fixed harmonic basis in position whose coefficients are the summed
 * outputs of a hypernetwork of the source features.
 *
 * <p>Wavenumbers: ω_0 = 0 plus K − 1 values log-spaced in [omegaMin, omegaMax] (paper §3.2: free bounds, log
 * spacing, the zero mode affixed for the bias terms), the same on both axes. Per axis the functions
 * 1, cos(ω_n x), sin(ω_n x) (n ≥ 1), 2K − 1 in all; the 2-D basis is their (2K − 1)² products, i.e. Eq. 11's
 * a, b, c, d terms without the identically zero sin(0·x) ones.
 *
 * <p>H_z: each 2-D product ψ(x, y) with wavenumbers (ω_p, ω_q) extends to the 3-D harmonic functions
 * ψ cosh(κz) and ψ sinh(κz)/κ, κ = √(ω_p² + ω_q²). In the plane z = 0 the first gives φ and its in-plane gradient,
 * the second contributes nothing to φ and exactly ∂_zφ = ψ. So φ = Σ A ψ, (H_x, H_y) = −Σ A ∇ψ and H_z = −Σ B ψ,
 * with a second coefficient block B: the model is the mid-plane trace of a harmonic 3-D potential, and Laplace's
 * equation (hence div H = 0) holds exactly. Coefficient layout: A (row-major (2K−1)²) then B.
 */
final class FourierModel extends PaperModel {
    static final String NAME = "fourier";
    final int q;
    final double[] omega;
    final Mlp hnet;

    FourierModel(Settings s, Map<String, String> training) {
        this(s, training, layout(s));
    }

    private FourierModel(Settings s, Map<String, String> training, Mlp hnet) {
        super(s, new double[hnet.parameterCount()], training);
        this.hnet = hnet;
        int k = s.fourierModes();
        q = 2 * k - 1;
        omega = new double[k];
        for (int n = 1; n < k; n++) {
            omega[n] = k == 2 ? s.omegaMin()
                    : s.omegaMin() * Math.pow(s.omegaMax() / s.omegaMin(), (n - 1) / (double) (k - 2));
        }
    }

    private static Mlp layout(Settings s) {
        int q = 2 * s.fourierModes() - 1, out = 2 * q * q;
        return PaperModels.hypernetwork(s, out, 0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int representationSize() {
        return 2 * q * q;
    }

    /** @return the wavenumbers ω_0..ω_{K−1} (1/domain unit) */
    double[] wavenumbers() {
        return omega.clone();
    }

    private final class Scratch {
        final Mlp.Workspace ws = hnet.workspace(0);
        final double[] feat = new double[Examples.FEATURES];
        final double[] out = new double[4];
        final double[] fx = new double[q], dfx = new double[q], fy = new double[q], dfy = new double[q];
    }

    @Override
    Object newScratch() {
        return new Scratch();
    }

    private void basis(double x, double[] f, double[] df) {
        f[0] = 1;
        df[0] = 0;
        for (int n = 1; n < omega.length; n++) {
            double w = omega[n], c = Math.cos(w * x), s = Math.sin(w * x);
            f[2 * n - 1] = c;
            df[2 * n - 1] = -w * s;
            f[2 * n] = s;
            df[2 * n] = w * c;
        }
    }

    @Override
    void addCoefficients(double[] p, double[] src, int off, double[] acc, Object scratch) {
        Scratch s = (Scratch) scratch;
        features(src, off, s.feat);
        hnet.forward(p, s.feat, 0, s.ws);
        double[] out = s.ws.output();
        for (int i = 0; i < out.length; i++) {
            acc[i] += out[i];
        }
    }

    @Override
    void evaluate(double[] p, double[] c, double x, double y, double[] out, Object scratch) {
        Scratch s = (Scratch) scratch;
        basis(x, s.fx, s.dfx);
        basis(y, s.fy, s.dfy);
        evaluateBasis(c, s, out);
    }

    private void evaluateBasis(double[] c, Scratch s, double[] out) {
        double[] fx = s.fx, dfx = s.dfx, fy = s.fy, dfy = s.dfy;
        int bOff = q * q;
        double phi = 0, gx = 0, gy = 0, gz = 0;
        for (int i = 0; i < q; i++) {
            int row = i * q;
            double u = 0, v = 0, w = 0;
            for (int j = 0; j < q; j++) {
                double a = c[row + j];
                u += a * fy[j];
                v += a * dfy[j];
                w += c[bOff + row + j] * fy[j];
            }
            phi += fx[i] * u;
            gx += dfx[i] * u;
            gy += fx[i] * v;
            gz += fx[i] * w;
        }
        out[0] = phi;
        out[1] = -gx;
        out[2] = -gy;
        out[3] = -gz;
    }

    @Override
    double exampleLoss(double[] p, Examples ex, int e, double[] grad, Object scratch) {
        Scratch s = (Scratch) scratch;
        features(ex.sources, ex.sourceStart[e] * Examples.FEATURES, s.feat);
        hnet.forward(p, s.feat, 0, s.ws);
        double[] c = s.ws.output();
        double[] gc = s.ws.outputGradient();
        if (grad != null) {
            Arrays.fill(gc, 0);
        }
        double[] out = s.out;
        int bOff = q * q, n = ex.points;
        double inv = 1.0 / n, loss = 0;
        for (int i = e * n; i < (e + 1) * n; i++) {
            basis(ex.px[i], s.fx, s.dfx);
            basis(ex.py[i], s.fy, s.dfy);
            evaluateBasis(c, s, out);
            double ep = out[0] - ex.phi[i], ex1 = out[1] - ex.hx[i], ey = out[2] - ex.hy[i], ez = out[3] - ex.hz[i];
            loss += ep * ep + ex1 * ex1 + ey * ey + ez * ez;
            if (grad == null) {
                continue;
            }
            // d loss/d A_ij = 2 inv [ep fx_i fy_j − ex dfx_i fy_j − ey fx_i dfy_j]; d/d B_ij = −2 inv ez fx_i fy_j.
            double k = 2 * inv;
            for (int a = 0; a < q; a++) {
                double alpha = k * (ep * s.fx[a] - ex1 * s.dfx[a]), beta = -k * ey * s.fx[a], gam = -k * ez * s.fx[a];
                int row = a * q;
                for (int b = 0; b < q; b++) {
                    gc[row + b] += alpha * s.fy[b] + beta * s.dfy[b];
                    gc[bOff + row + b] += gam * s.fy[b];
                }
            }
        }
        if (grad != null) {
            hnet.backward(p, s.ws, grad);
        }
        return loss * inv;
    }

}
