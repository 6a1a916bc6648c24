package org.hypermag.surrogate.paper;

import java.util.Arrays;
import java.util.Map;
import org.hypermag.surrogate.nn.Mlp;

/**
 * The paper's FC + ILR model (§3.3): a fully connected basis network b(r) of position, whose final linear layer
 * (the "implicit linear representation") has weights equal to the summed hypernetwork outputs.
 *
 * <p>φ(r) = c_0 + Σ_l c_l b_l(r), (H_x, H_y) = −Σ_l c_l ∇b_l(r), with ∇b from forward-mode tangents of the basis
 * network; H_z = −(d_0 + Σ_l d_l b_l(r)), a second linear read-out of the same learned basis (the mid-plane
 * potential cannot give H_z; unlike FOURIER this channel is not tied to φ by Laplace's equation, as the model obeys
 * no field equation anyway). Coefficients (c_0..c_B, d_0..d_B) are linear per source and summed over sources.
 * The basis network's input is r/3 (the domain mapped to [−1, 1]²). Parameters: hypernetwork, then basis network.
 */
final class FcIlrModel extends PaperModel {
    static final String NAME = "fc-ilr";
    private static final double INPUT_SCALE = 1 / Examples.DOMAIN;
    final int b;
    final Mlp hnet, basis;

    FcIlrModel(Settings s, Map<String, String> training) {
        this(s, training, PaperModels.hypernetwork(s, 2 * (s.basisSize() + 1), 0));
    }

    private FcIlrModel(Settings s, Map<String, String> training, Mlp hnet) {
        this(s, training, hnet, basisLayout(s, hnet.end()));
    }

    private FcIlrModel(Settings s, Map<String, String> training, Mlp hnet, Mlp basis) {
        super(s, new double[basis.end()], training);
        this.hnet = hnet;
        this.basis = basis;
        this.b = s.basisSize();
    }

    private static Mlp basisLayout(Settings s, int offset) {
        int[] w = new int[s.basisDepth() + 1];
        w[0] = 2;
        for (int k = 1; k < s.basisDepth(); k++) {
            w[k] = s.basisWidth();
        }
        w[s.basisDepth()] = s.basisSize();
        return new Mlp(w, s.basisActivation(), s.basisActivation(), offset);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int representationSize() {
        return 2 * (b + 1);
    }

    private final class Scratch {
        final Mlp.Workspace hws = hnet.workspace(0), bws = basis.workspace(2);
        final double[] out = new double[4];
        final double[] feat = new double[Examples.FEATURES], xy = new double[2];
    }

    @Override
    Object newScratch() {
        return new Scratch();
    }

    @Override
    void addCoefficients(double[] p, double[] src, int off, double[] acc, Object scratch) {
        Scratch s = (Scratch) scratch;
        features(src, off, s.feat);
        hnet.forward(p, s.feat, 0, s.hws);
        double[] out = s.hws.output();
        for (int i = 0; i < out.length; i++) {
            acc[i] += out[i];
        }
    }

    @Override
    void evaluate(double[] p, double[] c, double x, double y, double[] out, Object scratch) {
        Scratch s = (Scratch) scratch;
        s.xy[0] = x * INPUT_SCALE;
        s.xy[1] = y * INPUT_SCALE;
        basis.forward(p, s.xy, 0, s.bws);
        readOut(c, s, out);
    }

    private void readOut(double[] c, Scratch s, double[] out) {
        double[] h = s.bws.output(), tx = s.bws.outputTangent(0), ty = s.bws.outputTangent(1);
        double phi = c[0], gx = 0, gy = 0, hz = c[b + 1];
        for (int l = 0; l < b; l++) {
            double cl = c[l + 1];
            phi += cl * h[l];
            gx += cl * tx[l];
            gy += cl * ty[l];
            hz += c[b + 2 + l] * h[l];
        }
        out[0] = phi;
        out[1] = -INPUT_SCALE * gx;
        out[2] = -INPUT_SCALE * gy;
        out[3] = -hz;
    }

    @Override
    double exampleLoss(double[] p, Examples ex, int e, double[] grad, Object scratch) {
        Scratch s = (Scratch) scratch;
        features(ex.sources, ex.sourceStart[e] * Examples.FEATURES, s.feat);
        hnet.forward(p, s.feat, 0, s.hws);
        double[] c = s.hws.output(), gc = s.hws.outputGradient();
        if (grad != null) {
            Arrays.fill(gc, 0);
        }
        double[] out = s.out;
        double[] gh = s.bws.outputGradient(), gtx = s.bws.outputTangentGradient(0),
                gty = s.bws.outputTangentGradient(1);
        int n = ex.points;
        double inv = 1.0 / n, loss = 0;
        for (int i = e * n; i < (e + 1) * n; i++) {
            s.xy[0] = ex.px[i] * INPUT_SCALE;
            s.xy[1] = ex.py[i] * INPUT_SCALE;
            basis.forward(p, s.xy, 0, s.bws);
            readOut(c, s, out);
            double ep = out[0] - ex.phi[i], ex1 = out[1] - ex.hx[i], ey = out[2] - ex.hy[i], ez = out[3] - ex.hz[i];
            loss += ep * ep + ex1 * ex1 + ey * ey + ez * ez;
            if (grad == null) {
                continue;
            }
            double k = 2 * inv;
            double gp = k * ep, gx = -k * INPUT_SCALE * ex1, gy = -k * INPUT_SCALE * ey, gz = -k * ez;
            double[] h = s.bws.output(), tx = s.bws.outputTangent(0), ty = s.bws.outputTangent(1);
            gc[0] += gp;
            gc[b + 1] += gz;
            for (int l = 0; l < b; l++) {
                double cl = c[l + 1], dl = c[b + 2 + l];
                gc[l + 1] += gp * h[l] + gx * tx[l] + gy * ty[l];
                gc[b + 2 + l] += gz * h[l];
                gh[l] = gp * cl + gz * dl;
                gtx[l] = gx * cl;
                gty[l] = gy * cl;
            }
            basis.backward(p, s.bws, grad);
        }
        if (grad != null) {
            hnet.backward(p, s.hws, grad);
        }
        return loss * inv;
    }
}
