package org.hypermag.solver.demag;

import java.util.List;
import org.hypermag.solver.magnet.Parameter;

/**
 * A setting of a demag method (a key under {@code demag:} besides {@code method}), declared by its provider: key,
 * unit, one line of documentation, default and the values allowed. The scenario parser validates every setting from
 * these declarations and hands the values to the provider as {@link DemagSettings}.
 *
 * @param key the scenario key
 * @param kind what values look like
 * @param unit SI unit, or the unit words for dimensionless numbers
 * @param doc one line
 * @param defaultValue the default (Double, Integer, String for a choice; null for an optional path or none)
 * @param min smallest allowed number (kinds NUMBER, INTEGER)
 * @param minInclusive whether min itself is allowed (NUMBER; INTEGER always includes it)
 * @param max largest allowed number (kinds NUMBER, INTEGER), inclusive
 * @param choices the allowed words (kind CHOICE)
 */
public record DemagSetting(String key, Kind kind, String unit, String doc, Object defaultValue, double min,
                           boolean minInclusive, double max, List<String> choices) {

    /** What a setting's values look like. */
    public enum Kind {
        /** A finite number from min (exclusive unless minInclusive) to max (inclusive). */
        NUMBER,
        /** An integer in [min, max]. */
        INTEGER,
        /** One of the words in {@code choices}. */
        CHOICE,
        /** A file path, resolved against the scenario file's directory. */
        PATH
    }

    /** Copies the list. */
    public DemagSetting {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * @param key scenario key
     * @param unit unit
     * @param doc one line
     * @param defaultValue default
     * @param min smallest allowed value, exclusive
     * @param max largest allowed value, inclusive
     * @return a number setting with min &lt; value &le; max
     */
    public static DemagSetting number(String key, String unit, String doc, double defaultValue, double min,
                                      double max) {
        return new DemagSetting(key, Kind.NUMBER, unit, doc, defaultValue, min, false, max, null);
    }

    /**
     * @param key scenario key
     * @param unit unit
     * @param doc one line
     * @param defaultValue default
     * @param max largest allowed value, inclusive
     * @return a number setting with 0 &le; value &le; max
     */
    public static DemagSetting nonNegative(String key, String unit, String doc, double defaultValue, double max) {
        return new DemagSetting(key, Kind.NUMBER, unit, doc, defaultValue, 0, true, max, null);
    }

    /**
     * @param key scenario key
     * @param doc one line
     * @param defaultValue default
     * @param min smallest allowed value
     * @param max largest allowed value
     * @return an integer setting
     */
    public static DemagSetting integer(String key, String doc, int defaultValue, int min, int max) {
        return new DemagSetting(key, Kind.INTEGER, "1", doc, defaultValue, min, true, max, null);
    }

    /**
     * @param key scenario key
     * @param doc one line
     * @param choices the allowed words, the default first
     * @return a choice setting
     */
    public static DemagSetting choice(String key, String doc, String... choices) {
        return new DemagSetting(key, Kind.CHOICE, "", doc, choices[0], 0, true, 0, List.of(choices));
    }

    /**
     * @param key scenario key
     * @param doc one line
     * @return an optional file path setting
     */
    public static DemagSetting path(String key, String doc) {
        return new DemagSetting(key, Kind.PATH, "", doc, null, 0, true, 0, null);
    }

    /**
     * @param x a number
     * @return whether it is allowed (kinds NUMBER and INTEGER)
     */
    public boolean allows(double x) {
        return Double.isFinite(x) && (minInclusive ? x >= min : x > min) && x <= max;
    }

    /** @return what a value must be, in words with the unit */
    public String expected() {
        return switch (kind) {
            case NUMBER -> "a number " + (minInclusive ? ">= " : "> ") + Parameter.format(min)
                    + (Double.isInfinite(max) ? "" : " and <= " + Parameter.format(max)) + " (" + unit + ")";
            case INTEGER -> "an integer from " + Parameter.format(min) + " to " + Parameter.format(max) + " (" + doc
                    + ")";
            case CHOICE -> "one of " + String.join(", ", choices);
            case PATH -> "a file path (relative to the scenario file)";
        };
    }
}
