package org.hypermag.solver;

import java.util.Arrays;

/**
 * A vector quantity on N domains, stored as three primitive arrays (structure of arrays).
 *
 * <p>This is the currency of the hot paths: magnetisation M (A/m), unit magnetisation m (dimensionless) and fields H
 * (A/m) are all held this way and handed straight to loops and kernels. The arrays are exposed on purpose; the object
 * owns them and they are never reallocated, so references taken from {@link #x}, {@link #y}, {@link #z} stay valid.
 *
 * <p>Not thread-safe: one owner writes it; kernels write disjoint index ranges.
 */
public final class VectorField {
    /** x components, length {@link #size()}. */
    public final double[] x;
    /** y components, length {@link #size()}. */
    public final double[] y;
    /** z components, length {@link #size()}. */
    public final double[] z;

    /**
     * Creates a zero field on {@code n} domains.
     *
     * @param n number of domains, &ge; 0
     */
    public VectorField(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of domains must be >= 0, got " + n);
        }
        x = new double[n];
        y = new double[n];
        z = new double[n];
    }

    /** @return the number of domains */
    public int size() {
        return x.length;
    }

    /** Sets every component to zero. */
    public void clear() {
        Arrays.fill(x, 0);
        Arrays.fill(y, 0);
        Arrays.fill(z, 0);
    }

    /**
     * Sets domain {@code i} to (vx, vy, vz).
     *
     * @param i domain index
     * @param vx x component
     * @param vy y component
     * @param vz z component
     */
    public void set(int i, double vx, double vy, double vz) {
        x[i] = vx;
        y[i] = vy;
        z[i] = vz;
    }

    /**
     * Copies all components of {@code other}, which must have the same size.
     *
     * @param other source of the values
     */
    public void setFrom(VectorField other) {
        requireSameSize(other);
        System.arraycopy(other.x, 0, x, 0, x.length);
        System.arraycopy(other.y, 0, y, 0, y.length);
        System.arraycopy(other.z, 0, z, 0, z.length);
    }

    /**
     * @param other another field
     * @throws IllegalArgumentException if the sizes differ
     */
    public void requireSameSize(VectorField other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("vector fields differ in size: " + size() + " vs " + other.size());
        }
    }

    /** @return a deep copy */
    public VectorField copy() {
        VectorField c = new VectorField(size());
        c.setFrom(this);
        return c;
    }
}
