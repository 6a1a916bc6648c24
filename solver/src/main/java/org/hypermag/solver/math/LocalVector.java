package org.hypermag.solver.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link LocalSimd} on the preferred vector species; loaded by reflection only where the Vector API module is. */
final class LocalVector implements LocalSimd {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    @Override
    public int lanes() {
        return S.length();
    }

    @Override
    public void stencilAxis(int o, double[] cp, double[] cm, double[] mx, double[] my, double[] mz, double[] hx,
                            double[] hy, double[] hz, int from, int end) {
        for (int i = from; i < end; i += S.length()) {
            DoubleVector p = DoubleVector.fromArray(S, cp, i), q = DoubleVector.fromArray(S, cm, i);
            axis(p, q, mx, hx, i, o);
            axis(p, q, my, hy, i, o);
            axis(p, q, mz, hz, i, o);
        }
    }

    /** One component: h_i + (p (m_{i+o} − m_i) + q (m_{i−o} − m_i)), the scalar loop's order. */
    private static void axis(DoubleVector p, DoubleVector q, double[] m, double[] h, int i, int o) {
        DoubleVector x = DoubleVector.fromArray(S, m, i);
        DoubleVector up = p.mul(DoubleVector.fromArray(S, m, i + o).sub(x));
        DoubleVector down = q.mul(DoubleVector.fromArray(S, m, i - o).sub(x));
        DoubleVector.fromArray(S, h, i).add(up.add(down)).intoArray(h, i);
    }

    @Override
    public double torque(double[] mx, double[] my, double[] mz, double[] hx, double[] hy, double[] hz, double[] dx,
                         double[] dy, double[] dz, double[] precession, double[] damping, boolean add, int from,
                         int end) {
        DoubleVector max2 = DoubleVector.zero(S);
        for (int i = from; i < end; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, mx, i), y = DoubleVector.fromArray(S, my, i);
            DoubleVector z = DoubleVector.fromArray(S, mz, i);
            DoubleVector fx = DoubleVector.fromArray(S, hx, i), fy = DoubleVector.fromArray(S, hy, i);
            DoubleVector fz = DoubleVector.fromArray(S, hz, i);
            DoubleVector ax = y.mul(fz).sub(z.mul(fy)), ay = z.mul(fx).sub(x.mul(fz)), az = x.mul(fy).sub(y.mul(fx));
            DoubleVector bx = y.mul(az).sub(z.mul(ay)), by = z.mul(ax).sub(x.mul(az)), bz = x.mul(ay).sub(y.mul(ax));
            DoubleVector g = DoubleVector.fromArray(S, precession, i), a = DoubleVector.fromArray(S, damping, i);
            DoubleVector tx = g.mul(ax.add(a.mul(bx))), ty = g.mul(ay.add(a.mul(by))), tz = g.mul(az.add(a.mul(bz)));
            if (add) {
                tx = DoubleVector.fromArray(S, dx, i).add(tx);
                ty = DoubleVector.fromArray(S, dy, i).add(ty);
                tz = DoubleVector.fromArray(S, dz, i).add(tz);
            }
            tx.intoArray(dx, i);
            ty.intoArray(dy, i);
            tz.intoArray(dz, i);
            max2 = max2.max(ax.mul(ax).add(ay.mul(ay)).add(az.mul(az)));
        }
        return max2.reduceLanes(VectorOperators.MAX);
    }
}
