package org.hypermag.solver.demag;

/**
 * The exact magnetic scalar potential φ(r) of a uniformly magnetised, axis-aligned rectangular prism, with
 * H = −∇φ = −N(r)·M ({@link PrismTensor}).
 *
 * <p>The prism is a surface charge σ = M·n on its six faces, so φ(r) = (1/4π) Σ_faces σ ∫∫ dS'/|r − r'|. The integral
 * of 1/|r − r'| over a face rectangle has the closed form F summed over its four corners with signs, where for a
 * corner at in-plane offsets (U, V) and normal offset W from the point, R = √(U² + V² + W²):
 * F(U, V, W) = U ln(V + R) + V ln(U + R) − W atan(UV/(WR)).
 * <ul>
 *   <li>A term U ln(V + R) with U = 0 is 0 (its limit), also where ln(V + R) diverges (on an edge line).</li>
 *   <li>For V &lt; 0, ln(V + R) is evaluated as ln(U² + W²) − ln(R − V), without cancellation.</li>
 *   <li>W atan(UV/(WR)) is 0 for W = 0 (its limit: the point lies in the face's plane).</li>
 * </ul>
 * φ is continuous everywhere, including on faces and edges. Far away the sum of corner terms cancels to the
 * dipole potential m·r/(4π r³); the relative rounding error then grows as about (r/size)²·1e-16, i.e. 1e-12 at
 * 100 sizes.
 *
 * <p>Units: lengths in m, M in A/m, φ in A (the potential of H in A/m). The formula is homogeneous: φ scales with
 * length × M, so inputs are scaled by the largest side internally. Stateless and thread-safe.
 */
public final class PrismPotential {
    private static final double INV_4PI = 1 / (4 * Math.PI);

    private PrismPotential() {
    }

    /**
     * The potential of a prism centred at the origin.
     *
     * @param x point x relative to the prism centre (m)
     * @param y point y relative to the prism centre (m)
     * @param z point z relative to the prism centre (m)
     * @param sx prism side along x (m), &gt; 0
     * @param sy prism side along y (m), &gt; 0
     * @param sz prism side along z (m), &gt; 0
     * @param mx magnetisation x (A/m)
     * @param my magnetisation y (A/m)
     * @param mz magnetisation z (A/m)
     * @return φ (A)
     * @throws IllegalArgumentException if a side is not finite and positive or a coordinate is not finite
     */
    public static double potential(double x, double y, double z, double sx, double sy, double sz,
                                   double mx, double my, double mz) {
        if (!(sx > 0 && sy > 0 && sz > 0) || !Double.isFinite(sx) || !Double.isFinite(sy) || !Double.isFinite(sz)) {
            throw new IllegalArgumentException("prism sides must be finite and > 0 (m), got " + sx + ", " + sy + ", "
                    + sz);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("point must be finite (m), got " + x + ", " + y + ", " + z);
        }
        double l = Math.max(sx, Math.max(sy, sz));
        double inv = 1 / l;
        return l * unscaled(x * inv, y * inv, z * inv, 0.5 * sx * inv, 0.5 * sy * inv, 0.5 * sz * inv, mx, my, mz);
    }

    /**
     * The potential in trusted, already scaled units (no validation): prism [−a, a]×[−b, b]×[−c, c].
     *
     * @param x point x (length unit)
     * @param y point y
     * @param z point z
     * @param a half side x, &gt; 0
     * @param b half side y, &gt; 0
     * @param c half side z, &gt; 0
     * @param mx magnetisation x (any unit)
     * @param my magnetisation y
     * @param mz magnetisation z
     * @return φ in (length unit) × (magnetisation unit)
     */
    public static double unscaled(double x, double y, double z, double a, double b, double c,
                                  double mx, double my, double mz) {
        double s = 0;
        if (mx != 0) {
            // Faces x = ±a: in-plane (y, z), normal offset x ∓ a, σ = ±Mx.
            s += mx * (face(y, b, z, c, x - a) - face(y, b, z, c, x + a));
        }
        if (my != 0) {
            s += my * (face(z, c, x, a, y - b) - face(z, c, x, a, y + b));
        }
        if (mz != 0) {
            s += mz * (face(x, a, y, b, z - c) - face(x, a, y, b, z + c));
        }
        return INV_4PI * s;
    }

    /**
     * ∫∫ du' dv' / |r − r'| over the rectangle |u'| ≤ hu, |v'| ≤ hv in a plane at normal offset w from the point.
     */
    private static double face(double u, double hu, double v, double hv, double w) {
        double u1 = u + hu, u0 = u - hu, v1 = v + hv, v0 = v - hv;
        return corner(u1, v1, w) - corner(u0, v1, w) - corner(u1, v0, w) + corner(u0, v0, w);
    }

    /** F(U, V, W) = U ln(V + R) + V ln(U + R) − W atan(UV/(WR)). */
    private static double corner(double u, double v, double w) {
        double w2 = w * w;
        double r = Math.sqrt(u * u + v * v + w2);
        double f = 0;
        if (u != 0) {
            f += u * lnPlus(v, r, u * u + w2);
        }
        if (v != 0) {
            f += v * lnPlus(u, r, v * v + w2);
        }
        if (w != 0) {
            f -= w * Math.atan(u * v / (w * r));
        }
        return f;
    }

    /** ln(t + r) with r² = t² + rho2, without cancellation for t &lt; 0. */
    private static double lnPlus(double t, double r, double rho2) {
        return t >= 0 ? Math.log(t + r) : Math.log(rho2) - Math.log(r - t);
    }
}
