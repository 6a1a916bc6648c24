package org.hypermag.solver.magnet;

import java.util.Arrays;
import java.util.Locale;

/**
 * A material parameter, declared once by the term (or equation) that uses it: its scenario key, SI unit, a one-line
 * description, its default and the values it allows. Scenario parsing, validation, run files and the documentation's
 * key table all read these declarations; nothing else lists material keys.
 *
 * <p>Three shapes: a scalar; a direction (3 numbers, normalised on use, not zero); a pair of perpendicular
 * directions (6 numbers, each normalised). Immutable; identity is the key.
 */
public final class Parameter {

    /** The shape of a parameter's value. */
    public enum Shape {
        /** One number. */
        SCALAR(1),
        /** A non-zero vector, normalised to a unit vector. */
        DIRECTION(3),
        /** Two perpendicular non-zero vectors, each normalised (6 numbers). */
        PERPENDICULAR_PAIR(6);

        private final int size;

        Shape(int size) {
            this.size = size;
        }

        /** @return how many numbers a value has */
        public int size() {
            return size;
        }
    }

    private final String key;
    private final String unit;
    private final String doc;
    private final Shape shape;
    private final double[] defaultValue;
    private final double min;
    private final boolean minInclusive;
    private final boolean requiredInFiles;
    private final String unset;
    private final boolean unitLength;

    /** How far from 1 the length of a unit-vector parameter may be (what a user writes: [0.707, 0.707, 0]). */
    public static final double UNIT_LENGTH_TOLERANCE = 1e-3;

    private Parameter(String key, String unit, String doc, Shape shape, double[] defaultValue, double min,
                      boolean minInclusive, boolean requiredInFiles) {
        this(key, unit, doc, shape, defaultValue, min, minInclusive, requiredInFiles, null, false);
    }

    private Parameter(String key, String unit, String doc, Shape shape, double[] defaultValue, double min,
                      boolean minInclusive, boolean requiredInFiles, String unset) {
        this(key, unit, doc, shape, defaultValue, min, minInclusive, requiredInFiles, unset, false);
    }

    private Parameter(String key, String unit, String doc, Shape shape, double[] defaultValue, double min,
                      boolean minInclusive, boolean requiredInFiles, String unset, boolean unitLength) {
        if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a parameter key is a name of letters, digits and '_', got " + key);
        }
        this.key = key;
        this.unit = unit;
        this.doc = doc;
        this.shape = shape;
        this.defaultValue = defaultValue;
        this.min = min;
        this.minInclusive = minInclusive;
        this.unset = unset;
        this.unitLength = unitLength;
        this.requiredInFiles = unset == null && (requiredInFiles || defaultValue == null);
        if (defaultValue != null && check(defaultValue) != null) {
            throw new IllegalArgumentException("default of " + key + ": " + check(defaultValue));
        }
    }

    /**
     * A scalar without a lower bound (any finite number).
     *
     * @param key scenario key
     * @param unit SI unit ("1" for dimensionless)
     * @param doc one line
     * @param defaultValue the value when not given
     * @return the parameter
     */
    public static Parameter anyNumber(String key, String unit, String doc, double defaultValue) {
        return new Parameter(key, unit, doc, Shape.SCALAR, new double[] {defaultValue}, Double.NEGATIVE_INFINITY,
                true, false);
    }

    /**
     * A scalar &ge; 0.
     *
     * @param key scenario key
     * @param unit SI unit
     * @param doc one line
     * @param defaultValue the value when not given, or NaN if the key is required
     * @return the parameter
     */
    public static Parameter nonNegative(String key, String unit, String doc, double defaultValue) {
        return new Parameter(key, unit, doc, Shape.SCALAR, Double.isNaN(defaultValue) ? null
                : new double[] {defaultValue}, 0, true, false);
    }

    /**
     * An optional scalar &ge; 0 without a default: a material that does not give it leaves the decision to the term
     * that declares it (a region's own temperature overrides the stage's). {@code Material.get} of an unset one
     * fails; terms ask {@code Material.isSet} first.
     *
     * @param key scenario key
     * @param unit SI unit
     * @param doc one line
     * @param unset what applies when a material does not give it, for the key table (e.g. "the stage's")
     * @return the parameter
     */
    public static Parameter override(String key, String unit, String doc, String unset) {
        return new Parameter(key, unit, doc, Shape.SCALAR, null, 0, true, false, unset);
    }

    /**
     * An optional unit vector without a default (a polarisation: its length must be 1 within
     * {@link #UNIT_LENGTH_TOLERANCE}, so that a typo such as [0, 0, 2] is refused rather than normalised); a material
     * that does not give it leaves the decision to the term that declares it (no fixed layer: no Slonczewski torque
     * there).
     *
     * @param key scenario key
     * @param doc one line
     * @param unset what applies when a material does not give it, for the key table
     * @return the parameter
     */
    public static Parameter optionalUnitVector(String key, String doc, String unset) {
        return new Parameter(key, "1", doc, Shape.DIRECTION, null, Double.NEGATIVE_INFINITY, true, false, unset, true);
    }

    /** @return what applies when a material does not give this parameter, or null if it has a default */
    public String unsetMeaning() {
        return unset;
    }

    /**
     * A scalar &gt; 0.
     *
     * @param key scenario key
     * @param unit SI unit
     * @param doc one line
     * @param defaultValue the value when not given, or NaN if the key is required
     * @return the parameter
     */
    public static Parameter positive(String key, String unit, String doc, double defaultValue) {
        return new Parameter(key, unit, doc, Shape.SCALAR, Double.isNaN(defaultValue) ? null
                : new double[] {defaultValue}, 0, false, false);
    }

    /**
     * A direction (a non-zero 3-vector, normalised on use).
     *
     * @param key scenario key
     * @param doc one line
     * @param defaultValue the default direction
     * @return the parameter
     */
    public static Parameter direction(String key, String doc, double... defaultValue) {
        return new Parameter(key, "1", doc, Shape.DIRECTION, defaultValue.clone(), Double.NEGATIVE_INFINITY, true,
                false);
    }

    /**
     * Two perpendicular directions.
     *
     * @param key scenario key
     * @param doc one line
     * @param defaultValue the default pair, 6 numbers
     * @return the parameter
     */
    public static Parameter perpendicularPair(String key, String doc, double... defaultValue) {
        return new Parameter(key, "1", doc, Shape.PERPENDICULAR_PAIR, defaultValue.clone(), Double.NEGATIVE_INFINITY,
                true, false);
    }

    /** @return the scenario key (as in {@code materials: [{KEY: ...}]}) */
    public String key() {
        return key;
    }

    /** @return the SI unit, "1" for dimensionless */
    public String unit() {
        return unit;
    }

    /** @return the one-line description */
    public String doc() {
        return doc;
    }

    /** @return the value's shape */
    public Shape shape() {
        return shape;
    }

    /**
     * @return a copy that scenario files must give (a forgotten exchange stiffness or damping is an error there,
     *     never a silent default); programs building materials still get the default
     */
    public Parameter requiredInFiles() {
        return new Parameter(key, unit, doc, shape, defaultValue, min, minInclusive, true, unset);
    }

    /** @return whether a material must give it (no default at all, and no meaning when unset) */
    public boolean required() {
        return defaultValue == null && unset == null;
    }

    /** @return whether a scenario file's material must give it */
    public boolean isRequiredInFiles() {
        return requiredInFiles;
    }

    /** @return a copy of the default value, or null if required */
    public double[] defaultValue() {
        return defaultValue == null ? null : defaultValue.clone();
    }

    /** @return the values allowed, in words with the unit, e.g. "a number > 0 (A/m)" */
    public String expected() {
        String u = unit.equals("1") ? "dimensionless" : unit;
        return switch (shape) {
            case SCALAR -> (min == Double.NEGATIVE_INFINITY ? "a number" : "a number " + (minInclusive ? ">= " : "> ")
                    + format(min)) + " (" + u + ")";
            case DIRECTION -> unitLength ? "a unit vector [x, y, z] (length 1 within " + UNIT_LENGTH_TOLERANCE + ")"
                    : "a non-zero direction [x, y, z]";
            case PERPENDICULAR_PAIR -> "two perpendicular directions [[x, y, z], [x, y, z]]";
        };
    }

    /**
     * Checks a value.
     *
     * @param v the numbers
     * @return null if allowed, else what is wrong and what is expected
     */
    public String check(double[] v) {
        if (v == null || v.length != shape.size()) {
            return "got " + (v == null ? "nothing" : v.length + " numbers") + "; expected " + expected();
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return "got " + x + "; expected " + expected() + ", finite";
            }
        }
        switch (shape) {
            case SCALAR:
                if (minInclusive ? !(v[0] >= min) : !(v[0] > min)) {
                    return "got " + v[0] + "; expected " + expected();
                }
                return null;
            case DIRECTION:
                if (unitLength && !(Math.abs(norm(v, 0) - 1) <= UNIT_LENGTH_TOLERANCE)) {
                    return "got " + Arrays.toString(v) + " (length " + format(norm(v, 0)) + "); expected "
                            + expected();
                }
                return norm(v, 0) > 0 ? null : "got " + Arrays.toString(v) + "; expected " + expected();
            default:
                double a = norm(v, 0), b = norm(v, 3);
                if (!(a > 0) || !(b > 0)) {
                    return "got " + Arrays.toString(v) + "; expected " + expected() + " (non-zero)";
                }
                double dot = (v[0] * v[3] + v[1] * v[4] + v[2] * v[5]) / (a * b);
                return Math.abs(dot) > 1e-9 ? "got " + Arrays.toString(v) + " (cosine " + dot + "); expected "
                        + expected() : null;
        }
    }

    /**
     * @param v a value that passes {@link #check}
     * @return the value in the form terms use: directions normalised
     */
    double[] normalised(double[] v) {
        double[] out = v.clone();
        if (shape != Shape.SCALAR) {
            for (int off = 0; off < out.length; off += 3) {
                double n = norm(out, off);
                for (int k = 0; k < 3; k++) {
                    out[off + k] /= n;
                }
            }
        }
        return out;
    }

    private static double norm(double[] v, int off) {
        double n = Math.sqrt(v[off] * v[off] + v[off + 1] * v[off + 1] + v[off + 2] * v[off + 2]);
        return Double.isFinite(n) ? n : Double.NaN;
    }

    /**
     * @param v a bound or value
     * @return it for messages: an integer without a decimal point, else in %g
     */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
    }

    @Override
    public String toString() {
        return key + " (" + unit + ")";
    }
}
