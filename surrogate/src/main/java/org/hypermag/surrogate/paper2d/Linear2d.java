package org.hypermag.surrogate.paper2d;

import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * LINEAR of the paper on its 2-D protocol: the hypernetwork g and the basis f single linear layers. A source's
 * inputs θ = (m_x, m_y, c_x, c_y) map to coefficients c = W·[θ; 1] (3 × 5 parameters), summed over the sources
 * (Eq. 5), and the basis is f(r) = (1, x, y): φ̂ = c_0 + c_1 x + c_2 y, Ĥ = −∇φ̂ = (−c_1, −c_2). A wider linear f adds
 * nothing (composed linear maps). Made either by exact least squares of the joint mean-square loss, or as the paper's
 * code trains: full-batch Adam on the mean Huber loss (δ = 1) of φ plus that of H ({@link #loss}). Immutable.
 */
public final class Linear2d implements Model2d {
    /** Parameters: W row-major, rows c_0, c_1, c_2, columns m_x, m_y, c_x, c_y, 1. */
    public static final int PARAMETERS = 15;

    private final double[] w;

    /**
     * @param w the 15 parameters
     */
    public Linear2d(double[] w) {
        if (w.length != PARAMETERS) {
            throw new IllegalArgumentException("LINEAR has " + PARAMETERS + " parameters; got " + w.length);
        }
        this.w = w.clone();
    }

    @Override
    public String name() {
        return "linear";
    }

    /** @return a copy of the parameters */
    @Override
    public double[] parameters() {
        return w.clone();
    }

    /** The sum over a sample's sources of [θ; 1] (5 numbers). */
    private static void inputs(Discs.DataSet d, int n, double[] s) {
        java.util.Arrays.fill(s, 0);
        for (int k = 0; k < d.sources(); k++) {
            int o = 4 * (n * d.sources() + k);
            for (int i = 0; i < 4; i++) {
                s[i] += d.src()[o + i];
            }
            s[4] += 1;
        }
    }

    private static double coefficient(double[] w, int k, double[] s) {
        double c = 0;
        for (int i = 0; i < 5; i++) {
            c += w[5 * k + i] * s[i];
        }
        return c;
    }

    /**
     * Predicts a data set.
     *
     * @param d the data set
     * @param phi receives φ̂, samples × points
     * @param hx receives Ĥ_x
     * @param hy receives Ĥ_y
     */
    @Override
    public void predict(Discs.DataSet d, double[] phi, double[] hx, double[] hy) {
        double[] s = new double[5];
        for (int n = 0; n < d.samples(); n++) {
            inputs(d, n, s);
            double c0 = coefficient(w, 0, s), c1 = coefficient(w, 1, s), c2 = coefficient(w, 2, s);
            for (int p = 0; p < d.points(); p++) {
                int i = n * d.points() + p;
                phi[i] = c0 + c1 * d.x()[p] + c2 * d.y()[p];
                hx[i] = -c1;
                hy[i] = -c2;
            }
        }
    }

    /**
     * The training loss of the authors' code (measures.py): mean Huber (δ = 1) of φ̂ − φ over every sample and point,
     * plus mean Huber of Ĥ − H over every sample, point and component.
     *
     * @param d the data set
     * @param w parameters
     * @param grad receives the gradient with respect to w (15), or null
     * @return the loss
     */
    public static double loss(Discs.DataSet d, double[] w, double[] grad) {
        double[] s = new double[5];
        double nPhi = (double) d.samples() * d.points(), nH = 2 * nPhi, total = 0;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
        }
        for (int n = 0; n < d.samples(); n++) {
            inputs(d, n, s);
            double c0 = coefficient(w, 0, s), c1 = coefficient(w, 1, s), c2 = coefficient(w, 2, s);
            double g0 = 0, g1 = 0, g2 = 0;
            for (int p = 0; p < d.points(); p++) {
                int i = n * d.points() + p;
                double x = d.x()[p], y = d.y()[p];
                double e = c0 + c1 * x + c2 * y - d.phi()[i], ex = -c1 - d.hx()[i], ey = -c2 - d.hy()[i];
                total += huber(e) / nPhi + (huber(ex) + huber(ey)) / nH;
                double de = slope(e) / nPhi, dx = slope(ex) / nH, dy = slope(ey) / nH;
                g0 += de;
                g1 += de * x - dx;
                g2 += de * y - dy;
            }
            if (grad != null) {
                for (int i = 0; i < 5; i++) {
                    grad[i] += g0 * s[i];
                    grad[5 + i] += g1 * s[i];
                    grad[10 + i] += g2 * s[i];
                }
            }
        }
        return total;
    }

    /** Huber loss with δ = 1 (optax.huber_loss). */
    static double huber(double e) {
        double a = Math.abs(e);
        return a <= 1 ? 0.5 * e * e : a - 0.5;
    }

    /** The Huber loss's derivative (δ = 1). */
    static double slope(double e) {
        return Math.abs(e) <= 1 ? e : Math.signum(e);
    }

    /**
     * Adam from zero on {@link #loss}: full batch as the authors' code trains (one step per epoch), or mini-batches
     * where the schedule says.
     *
     * @param d the training set
     * @param schedule the epochs and learning rates
     * @param progress a line every tenth of the epochs
     * @return the trained model
     */
    public static Linear2d train(Discs.DataSet d, Schedule schedule, Consumer<String> progress) {
        return new Linear2d(AdamTraining.adam(new double[PARAMETERS], schedule, d, b -> (p, g) -> loss(b, p, g),
                "linear", progress));
    }

    /**
     * The exact minimiser of the joint mean-square loss, mean (φ̂ − φ)² + mean over components (Ĥ − H)², by the
     * normal equations (the points are shared, so each sample adds a Kronecker product of 3 × 3 point moments and its
     * 5 × 5 input products).
     *
     * @param d the training set
     * @return the model
     */
    public static Linear2d leastSquares(Discs.DataSet d) {
        double nPhi = (double) d.samples() * d.points(), nH = 2 * nPhi;
        double[][] moments = new double[3][3];
        for (int p = 0; p < d.points(); p++) {
            double[] u = {1, d.x()[p], d.y()[p]};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    moments[a][b] += u[a] * u[b];
                }
            }
        }
        double[][] a = new double[PARAMETERS][PARAMETERS];
        double[] b = new double[PARAMETERS], s = new double[5];
        for (int n = 0; n < d.samples(); n++) {
            inputs(d, n, s);
            double[] up = new double[3];
            double sumHx = 0, sumHy = 0;
            for (int p = 0; p < d.points(); p++) {
                int i = n * d.points() + p;
                up[0] += d.phi()[i];
                up[1] += d.x()[p] * d.phi()[i];
                up[2] += d.y()[p] * d.phi()[i];
                sumHx += d.hx()[i];
                sumHy += d.hy()[i];
            }
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 5; i++) {
                    b[5 * k + i] += up[k] * s[i] / nPhi;
                    for (int l = 0; l < 3; l++) {
                        for (int j = 0; j < 5; j++) {
                            a[5 * k + i][5 * l + j] += moments[k][l] * s[i] * s[j] / nPhi;
                        }
                    }
                }
            }
            // H rows: Ĥ_x = −c_1, Ĥ_y = −c_2 at every point
            for (int i = 0; i < 5; i++) {
                b[5 + i] -= sumHx * s[i] / nH;
                b[10 + i] -= sumHy * s[i] / nH;
                for (int j = 0; j < 5; j++) {
                    a[5 + i][5 + j] += d.points() * s[i] * s[j] / nH;
                    a[10 + i][10 + j] += d.points() * s[i] * s[j] / nH;
                }
            }
        }
        // the normal equations, by EJML (as the thin-film LINEAR, org.hypermag.surrogate.paper.LinearModel)
        DMatrixRMaj w = new DMatrixRMaj(PARAMETERS, 1);
        if (!CommonOps_DDRM.solve(new DMatrixRMaj(a), new DMatrixRMaj(b), w)) {
            throw new IllegalArgumentException("the least-squares system is singular (too few samples?)");
        }
        return new Linear2d(w.data);
    }
}
