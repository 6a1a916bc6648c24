package org.hypermag.solver.magnet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The magnetic parameters of one region: an immutable map from {@link Parameter} to value, with {@code with}
 * methods. A parameter that was not given has its declared default.
 *
 * <p>The only parameter of the material itself is the saturation magnetisation {@link #MS} (A/m); every other one is
 * declared by the term or equation that uses it (exchange stiffness by the exchange term, damping and gyromagnetic
 * ratio by the LLG equation, ...), and the list of all of them is {@code org.hypermag.solver.Physics}.
 */
public final class Material {
    /** Saturation magnetisation Ms (A/m), &gt; 0; required. */
    public static final Parameter MS = Parameter.positive("Ms", "A/m", "saturation magnetisation", Double.NaN);

    private final Map<Parameter, double[]> values;

    private Material(Map<Parameter, double[]> values) {
        this.values = values;
    }

    /**
     * @param ms saturation magnetisation (A/m), &gt; 0
     * @return a material with that Ms and every other parameter at its default
     * @throws IllegalArgumentException if Ms is not a finite number &gt; 0
     */
    public static Material of(double ms) {
        return new Material(new LinkedHashMap<>()).with(MS, ms);
    }

    /**
     * @param p a parameter
     * @param value its value (1, 3 or 6 numbers, as its shape says)
     * @return a copy with that value (directions normalised)
     * @throws IllegalArgumentException naming the parameter, the value and what is allowed
     */
    public Material with(Parameter p, double... value) {
        String problem = p.check(value);
        if (problem != null) {
            throw new IllegalArgumentException(p.key() + " (" + p.unit() + "): " + problem);
        }
        Map<Parameter, double[]> v = new LinkedHashMap<>(values);
        v.put(p, p.normalised(value));
        return new Material(v);
    }

    /**
     * @param p a scalar parameter
     * @return its value, or its default when not given
     * @throws IllegalArgumentException if p is required and not given, or not a scalar
     */
    public double get(Parameter p) {
        if (p.shape() != Parameter.Shape.SCALAR) {
            throw new IllegalArgumentException(p.key() + " is not a scalar");
        }
        return raw(p)[0];
    }

    /**
     * @param p a parameter
     * @return a copy of its value (directions normalised), or of its default when not given
     * @throws IllegalArgumentException if p is required and not given
     */
    public double[] vector(Parameter p) {
        return raw(p).clone();
    }

    /**
     * @param p a parameter
     * @return whether the material gives it (rather than taking its default)
     */
    public boolean isSet(Parameter p) {
        return values.containsKey(p);
    }

    private double[] raw(Parameter p) {
        double[] v = values.get(p);
        if (v != null) {
            return v;
        }
        if (p.defaultValue() == null) {
            throw new IllegalArgumentException("the material has no " + p.key() + " (" + p.unit() + ")");
        }
        return p.normalised(p.defaultValue());
    }

    /** @return Ms (A/m) */
    public double ms() {
        return values.get(MS)[0];
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Material[");
        boolean first = true;
        for (Map.Entry<Parameter, double[]> e : values.entrySet()) {
            b.append(first ? "" : ", ").append(e.getKey().key()).append('=')
                    .append(e.getValue().length == 1 ? Double.toString(e.getValue()[0]) : Arrays.toString(e.getValue()))
                    .append(e.getKey().unit().equals("1") ? "" : " " + e.getKey().unit());
            first = false;
        }
        return b.append(']').toString();
    }
}
