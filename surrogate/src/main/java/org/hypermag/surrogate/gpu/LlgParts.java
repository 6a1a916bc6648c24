package org.hypermag.surrogate.gpu;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.surrogate.FarFieldSurrogate;

/**
 * What the device's LLG step ({@link LlgKernelF}) takes of a magnet and its effective field, per domain, in double
 * (the kernels convert): Ms, −γ/(1+α²), α, the uniaxial anisotropy's coefficient and axis, exchange's compressed
 * rows, the applied field's term and the surrogate demag. {@link #unsupported} names the terms the device has no
 * kernel for, so that the caller can say so and run the step on the CPU.
 */
final class LlgParts {
    final int n;
    final double[] ms, precession, alpha, anisotropy, axes, exchangeCoupling;
    final int[] exchangeStart, exchangeNeighbour;
    final ZeemanField zeeman;
    final FarFieldSurrogate demag;

    LlgParts(Magnet magnet, EffectiveField field) {
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
        double[] k = new double[n], u = new double[3 * n];
        int[] start = new int[n + 1], nb = new int[0];
        double[] c = new double[0];
        ZeemanField z = null;
        FarFieldSurrogate d = null;
        for (FieldTerm t : field.terms()) {
            if (t instanceof ExchangeField e) {
                start = e.rowStarts();
                nb = e.neighbours();
                c = e.couplings();
            } else if (t instanceof UniaxialAnisotropyField a) {
                k = a.fieldCoefficients();
                u = a.axes();
            } else if (t instanceof ZeemanField zf) {
                z = zf;
            } else if (t instanceof DemagTerm dt) {
                d = surrogate(dt);
            }
        }
        anisotropy = k;
        axes = u;
        exchangeStart = start;
        exchangeNeighbour = nb;
        exchangeCoupling = c;
        zeeman = z;
        demag = d;
    }

    /** @return the CPU far-field surrogate behind a demag term (itself, or the one a device copy evaluates), or null */
    private static FarFieldSurrogate surrogate(DemagTerm d) {
        return d.method() instanceof FarFieldSurrogate s ? s
                : d.method() instanceof GpuNufftSurrogate g ? g.cpu() : null;
    }

    /**
     * @param field an effective field
     * @return the terms the device step cannot evaluate (empty when it can take the whole field): anything but
     *     exchange, uniaxial anisotropy, the applied field and a far-field surrogate demag evaluated by transforms
     *     among the domains; and a missing demag (the step is built around it)
     */
    static List<String> unsupported(EffectiveField field) {
        List<String> out = new ArrayList<>();
        boolean demag = false;
        for (FieldTerm t : field.terms()) {
            if (t instanceof DemagTerm d) {
                FarFieldSurrogate s = surrogate(d);
                if (s != null && GpuNufftSurrogate.supports(s) && s.sources() == s.targets()) {
                    demag = true;
                } else {
                    out.add("demag by " + d.method().describe());
                }
            } else if (!(t instanceof ExchangeField || t instanceof UniaxialAnisotropyField
                    || t instanceof ZeemanField)) {
                out.add(t.type().name());
            }
        }
        if (!demag && out.stream().noneMatch(s -> s.startsWith("demag"))) {
            out.add("a field without the far-field surrogate's demag");
        }
        return out;
    }
}
