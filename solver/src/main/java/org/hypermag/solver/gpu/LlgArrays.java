package org.hypermag.solver.gpu;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.field.BulkDmiField;
import org.hypermag.solver.field.ChiralCoupling;
import org.hypermag.solver.field.CubicAnisotropyField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.InterfacialDmiField;
import org.hypermag.solver.field.SecondOrderAnisotropyField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;

/**
 * What the device's LLG passes ({@link LlgPassesF}) take of a magnet and its effective field, per domain, in double
 * (the kernels convert): Ms (A/m), −γ/(1+α²) (m/(A·s)), α, the uniaxial anisotropy's coefficients 2K1/(μ0 Ms) and
 * 4K2/(μ0 Ms) (A/m) and axis, the cubic anisotropy's constants over μ0 Ms and axes, the DMI's rows (interfacial and
 * bulk), exchange's compressed rows (A/m per unit of m), and the applied field's term (uniform; the host evaluates
 * it at each stage's time). The demag is the kernel's own (whichever demag kernel carries these passes).
 * {@link #unsupported} names the local terms the device has no kernel for. Immutable.
 */
public final class LlgArrays {
    final int n;
    final double[] ms, precession, alpha, anisotropy, axes, exchangeCoupling;
    /** Second-order uniaxial anisotropy 4 K2/(μ0 Ms) per domain (A/m), about the same axes; zeros without it. */
    final double[] anisotropy2;
    /** Cubic anisotropy: Kc1/(μ0 Ms) and Kc2/(μ0 Ms) per domain (2n), the axes (9n); null without it. */
    final double[] cubicConstants, cubicAxes;
    /** DMI (interfacial and bulk together): compressed rows, neighbours, vectors f (3 per entry); H_i = Σ f × m_j. */
    final int[] dmiStart, dmiNeighbour;
    final double[] dmiVector;
    final int[] exchangeStart, exchangeNeighbour;
    private final ZeemanField zeeman;

    /**
     * @param magnet the system
     * @param field its effective field; {@link #unsupported} must be empty
     * @throws IllegalArgumentException naming the terms without a device kernel
     */
    public LlgArrays(Magnet magnet, EffectiveField field) {
        List<String> missing = unsupported(field);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the device's LLG step has no kernel for " + String.join(", ", missing));
        }
        n = magnet.size();
        ms = magnet.msArray();
        alpha = magnet.perDomain(LlgEquation.ALPHA);
        double[] gamma = magnet.perDomain(LlgEquation.GAMMA);
        precession = new double[n];
        for (int i = 0; i < n; i++) {
            precession[i] = -gamma[i] / (1 + alpha[i] * alpha[i]);
        }
        double[] k = new double[n], u = new double[3 * n], k2 = new double[n];
        int[] start = new int[n + 1], nb = new int[0];
        double[] c = new double[0];
        ZeemanField z = null;
        double[] cc = null, ca = null;
        List<ChiralCoupling> chiral = new ArrayList<>();
        for (FieldTerm t : field.terms()) {
            if (t instanceof ExchangeField e) {
                start = e.rowStarts();
                nb = e.neighbours();
                c = e.couplings();
            } else if (t instanceof UniaxialAnisotropyField a) {
                k = a.fieldCoefficients();
                u = a.axes();
            } else if (t instanceof SecondOrderAnisotropyField a) {
                k2 = a.fieldCoefficients();
                u = a.axes();
            } else if (t instanceof ZeemanField zf) {
                z = zf;
            } else if (t instanceof CubicAnisotropyField cf) {
                cc = cf.fieldConstants();
                ca = cf.cubicAxes();
            } else if (t instanceof InterfacialDmiField || t instanceof BulkDmiField) {
                chiral.add((ChiralCoupling) t);
            }
        }
        // the DMI terms' rows merged: row i holds the entries of every term, term by term
        dmiStart = new int[n + 1];
        int[][] st = new int[chiral.size()][], nb2 = new int[chiral.size()][];
        double[][] vec = new double[chiral.size()][];
        for (int term = 0; term < chiral.size(); term++) {
            st[term] = chiral.get(term).rowStarts();
            nb2[term] = chiral.get(term).neighbours();
            vec[term] = chiral.get(term).fieldVectors();
        }
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int term = 0; term < st.length; term++) {
                count += st[term][i + 1] - st[term][i];
            }
            dmiStart[i + 1] = dmiStart[i] + count;
        }
        dmiNeighbour = new int[dmiStart[n]];
        dmiVector = new double[3 * dmiStart[n]];
        for (int i = 0; i < n; i++) {
            int at = dmiStart[i];
            for (int term = 0; term < st.length; term++) {
                for (int q = st[term][i]; q < st[term][i + 1]; q++, at++) {
                    dmiNeighbour[at] = nb2[term][q];
                    System.arraycopy(vec[term], 3 * q, dmiVector, 3 * at, 3);
                }
            }
        }
        cubicConstants = cc;
        cubicAxes = ca;
        anisotropy = k;
        anisotropy2 = k2;
        axes = u;
        exchangeStart = start;
        exchangeNeighbour = nb;
        exchangeCoupling = c;
        zeeman = z;
    }

    /**
     * @param field an effective field
     * @return the terms other than the demag that the device passes cannot evaluate: anything but exchange, uniaxial
     *     anisotropy of first and second order, cubic anisotropy, interfacial and bulk DMI and the applied field
     *     (empty when they take all of them: the thermal field and interlayer exchange have no kernel)
     */
    public static List<String> unsupported(EffectiveField field) {
        List<String> out = new ArrayList<>();
        for (FieldTerm t : field.terms()) {
            if (!(t instanceof DemagTerm || t instanceof ExchangeField || t instanceof UniaxialAnisotropyField
                    || t instanceof SecondOrderAnisotropyField || t instanceof CubicAnisotropyField
                    || t instanceof ZeemanField || t instanceof InterfacialDmiField || t instanceof BulkDmiField)) {
                out.add(t.type().name());
            }
        }
        return out;
    }

    /** @return the number of domains */
    public int domains() {
        return n;
    }

    /**
     * The applied field at a time.
     *
     * @param t time (s)
     * @param out receives H (A/m), zero when the field has no applied-field term
     */
    public void applied(double t, double[] out) {
        if (zeeman != null) {
            zeeman.appliedField(t, out);
        } else {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
        }
    }
}
