package org.hypermag.solver.demag;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a demag method's settings, validated against its {@link DemagSetting} declarations: the given ones
 * and the defaults of the rest. Immutable.
 */
public final class DemagSettings {
    private final Map<String, Object> values;

    private DemagSettings(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param provider the method
     * @param given the values given (numbers as Double or Integer as declared, choices as String, paths as Path)
     * @return the settings: the given values and the defaults of the rest
     * @throws IllegalArgumentException if a key is not declared or a value is not of its kind
     */
    public static DemagSettings of(DemagProvider provider, Map<String, Object> given) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (DemagSetting s : provider.settings()) {
            Object x = given.containsKey(s.key()) ? given.get(s.key()) : s.defaultValue();
            if (x != null) {
                boolean ok = switch (s.kind()) {
                    case NUMBER -> x instanceof Double;
                    case INTEGER -> x instanceof Integer;
                    case CHOICE -> x instanceof String w && s.choices().contains(w);
                    case PATH -> x instanceof Path;
                };
                if (!ok) {
                    throw new IllegalArgumentException(provider.name() + " setting " + s.key() + ": got " + x
                            + "; expected " + s.expected());
                }
                v.put(s.key(), x);
            }
        }
        for (String k : given.keySet()) {
            if (provider.settings().stream().noneMatch(s -> s.key().equals(k))) {
                throw new IllegalArgumentException("demag method " + provider.name() + " has no setting " + k);
            }
        }
        return new DemagSettings(v);
    }

    /**
     * @param provider the method
     * @return its default settings
     */
    public static DemagSettings defaults(DemagProvider provider) {
        return of(provider, Map.of());
    }

    /** @param key a NUMBER setting @return its value */
    public double number(String key) {
        return (Double) require(key);
    }

    /** @param key an INTEGER setting @return its value */
    public int integer(String key) {
        return (Integer) require(key);
    }

    /** @param key a CHOICE setting @return its value */
    public String choice(String key) {
        return (String) require(key);
    }

    /** @param key a PATH setting @return its value, or null when not given */
    public Path path(String key) {
        return (Path) values.get(key);
    }

    /**
     * @param key a setting
     * @param value its new value
     * @return a copy with that value (not validated: for the provider's own derived settings)
     */
    public DemagSettings with(String key, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        if (value == null) {
            v.remove(key);
        } else {
            v.put(key, value);
        }
        return new DemagSettings(v);
    }

    private Object require(String key) {
        Object x = values.get(key);
        if (x == null) {
            throw new IllegalArgumentException("no demag setting " + key);
        }
        return x;
    }

    /** @return the values, in declaration order */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemagSettings d && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
