package org.hypermag.solver.geometry;

import java.util.Arrays;

/**
 * An immutable collection of axis-aligned rectangular prisms (the domains), stored as primitive arrays.
 *
 * <p>Prism {@code i} has its centre at ({@code cx[i]}, {@code cy[i]}, {@code cz[i]}) and side lengths
 * ({@code sx[i]}, {@code sy[i]}, {@code sz[i]}), all in metres. Construction validates every value (finite
 * centres, finite positive sizes); afterwards the arrays are trusted by all kernels.
 */
public final class Prisms {
    private final double[] cx, cy, cz, sx, sy, sz;

    private Prisms(double[] cx, double[] cy, double[] cz, double[] sx, double[] sy, double[] sz) {
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
    }

    /**
     * Creates a collection from copies of the given arrays.
     *
     * @param cx centre x (m)
     * @param cy centre y (m)
     * @param cz centre z (m)
     * @param sx side length along x (m), &gt; 0
     * @param sy side length along y (m), &gt; 0
     * @param sz side length along z (m), &gt; 0
     * @return the prisms
     * @throws IllegalArgumentException if the lengths differ, a centre is not finite or a size is not finite and
     *     positive; the message names the prism index, the quantity and the value
     */
    public static Prisms of(double[] cx, double[] cy, double[] cz, double[] sx, double[] sy, double[] sz) {
        int n = cx.length;
        if (cy.length != n || cz.length != n || sx.length != n || sy.length != n || sz.length != n) {
            throw new IllegalArgumentException("prism arrays differ in length");
        }
        for (int i = 0; i < n; i++) {
            requireFinite(i, "centre x", cx[i]);
            requireFinite(i, "centre y", cy[i]);
            requireFinite(i, "centre z", cz[i]);
            requirePositive(i, "size x", sx[i]);
            requirePositive(i, "size y", sy[i]);
            requirePositive(i, "size z", sz[i]);
        }
        return new Prisms(cx.clone(), cy.clone(), cz.clone(), sx.clone(), sy.clone(), sz.clone());
    }

    private static void requireFinite(int i, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("prism " + i + ": " + what + " must be a finite number (m), got " + v);
        }
    }

    private static void requirePositive(int i, String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("prism " + i + ": " + what + " must be a finite number > 0 (m), got " + v);
        }
    }

    /** @return the number of prisms */
    public int size() {
        return cx.length;
    }

    /** @param i index @return centre x (m) */
    public double cx(int i) {
        return cx[i];
    }

    /** @param i index @return centre y (m) */
    public double cy(int i) {
        return cy[i];
    }

    /** @param i index @return centre z (m) */
    public double cz(int i) {
        return cz[i];
    }

    /** @param i index @return side length along x (m) */
    public double sx(int i) {
        return sx[i];
    }

    /** @param i index @return side length along y (m) */
    public double sy(int i) {
        return sy[i];
    }

    /** @param i index @return side length along z (m) */
    public double sz(int i) {
        return sz[i];
    }

    /** @param i index @return volume (m³) */
    public double volume(int i) {
        return sx[i] * sy[i] * sz[i];
    }

    /** @return a copy of the centre x coordinates (m) */
    public double[] centresX() {
        return cx.clone();
    }

    /** @return a copy of the centre y coordinates (m) */
    public double[] centresY() {
        return cy.clone();
    }

    /** @return a copy of the centre z coordinates (m) */
    public double[] centresZ() {
        return cz.clone();
    }

    /**
     * @return the range of the centres, {xmin, xmax, ymin, ymax, zmin, zmax} (m); for no prisms the minima are
     *     +MAX_VALUE and the maxima −MAX_VALUE
     */
    public double[] centreBounds() {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE};
        for (int i = 0; i < size(); i++) {
            b[0] = Math.min(b[0], cx[i]);
            b[1] = Math.max(b[1], cx[i]);
            b[2] = Math.min(b[2], cy[i]);
            b[3] = Math.max(b[3], cy[i]);
            b[4] = Math.min(b[4], cz[i]);
            b[5] = Math.max(b[5], cz[i]);
        }
        return b;
    }

    /** @return true if every prism has the same three side lengths */
    public boolean allSameSize() {
        for (int i = 1; i < size(); i++) {
            if (sx[i] != sx[0] || sy[i] != sy[0] || sz[i] != sz[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Prisms[" + size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Prisms)) {
            return false;
        }
        Prisms p = (Prisms) o;
        return Arrays.equals(cx, p.cx) && Arrays.equals(cy, p.cy) && Arrays.equals(cz, p.cz)
                && Arrays.equals(sx, p.sx) && Arrays.equals(sy, p.sy) && Arrays.equals(sz, p.sz);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cx) * 31 + Arrays.hashCode(sx);
    }
}
