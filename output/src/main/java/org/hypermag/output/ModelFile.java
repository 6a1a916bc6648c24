package org.hypermag.output;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A surrogate model file (HDF5): the generic container of every model kind, documented in docs/surrogate.md.
 *
 * <p>Root attributes {@code format = "hypermag-surrogate-model"}, {@code format_version} ({@link #FORMAT_VERSION}),
 * {@code model} (the model's name, e.g. {@code far-field}), then the model's text attributes (strings: settings,
 * training command, measured accuracy) and numeric attributes (float64 arrays); the model's parameters are float64
 * datasets at the root (1-D or 2-D). Which names a model uses is the model's business; this class only stores them
 * and reports a missing or mistyped one with the file and the name.
 *
 * @param model the model's name
 * @param text string attributes
 * @param numbers numeric attributes
 * @param arrays datasets, each a 2-D array (a 1-D array is stored as one row)
 */
public record ModelFile(String model, Map<String, String> text, Map<String, double[]> numbers,
                        Map<String, double[][]> arrays) {
    /** The value of the {@code format} attribute. */
    public static final String FORMAT = "hypermag-surrogate-model";
    /** The layout version written, and the only one read. */
    public static final int FORMAT_VERSION = 1;
    /** Most numbers a model file's dataset may hold (checked before it is read). */
    public static final long MAX_DATASET_ELEMENTS = 50_000_000L;

    /** Copies the maps (insertion order kept). */
    public ModelFile {
        text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        for (String k : text.keySet()) {
            if (k.equals("format") || k.equals("format_version") || k.equals("model")) {
                throw new IllegalArgumentException("reserved attribute name: " + k);
            }
        }
    }

    /**
     * Writes the file atomically (to a temporary name, then moved into place).
     *
     * @param path target
     */
    public void write(Path path) {
        Hdf5Files.writeAtomically(path, h -> {
            h.putAttribute("format", FORMAT);
            h.putAttribute("format_version", FORMAT_VERSION);
            h.putAttribute("model", model);
            text.forEach(h::putAttribute);
            numbers.forEach(h::putAttribute);
            arrays.forEach(h::putDataset);
        });
    }

    /**
     * Reads a model file.
     *
     * @param path the file
     * @return its contents
     * @throws IllegalArgumentException if it is missing, not a model file or of another layout version
     */
    public static ModelFile read(Path path) {
        return read(path, MAX_DATASET_ELEMENTS);
    }

    /**
     * Reads a model file, refusing datasets larger than a bound before reading them.
     *
     * @param path the file
     * @param maxElements most numbers a dataset may hold
     * @return its contents
     * @throws IllegalArgumentException if it is missing, not a model file, of another layout version, or a dataset
     *     is larger than the bound
     */
    public static ModelFile read(Path path, long maxElements) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("model file " + path + " does not exist");
        }
        try (HdfFile h = new HdfFile(path)) {
            Map<String, Attribute> attrs = h.getAttributes();
            Attribute format = attrs.get("format");
            if (format == null || !FORMAT.equals(format.getData())) {
                throw new IllegalArgumentException("model file " + path + " is not a hypermag surrogate model (no "
                        + "format = \"" + FORMAT + "\" attribute)");
            }
            Object version = attrs.get("format_version") == null ? null : attrs.get("format_version").getData();
            if (!(version instanceof Number) || ((Number) version).intValue() != FORMAT_VERSION) {
                throw new IllegalArgumentException("model file " + path + " has layout version " + version
                        + "; this hypermag reads version " + FORMAT_VERSION);
            }
            Object model = attrs.get("model") == null ? null : attrs.get("model").getData();
            if (!(model instanceof String)) {
                throw new IllegalArgumentException("model file " + path + " does not name its model (attribute "
                        + "'model')");
            }
            Map<String, String> text = new TreeMap<>();
            Map<String, double[]> numbers = new TreeMap<>();
            for (Map.Entry<String, Attribute> e : attrs.entrySet()) {
                String k = e.getKey();
                if (k.equals("format") || k.equals("format_version") || k.equals("model")) {
                    continue;
                }
                Object v = e.getValue().getData();
                if (v instanceof String s) {
                    text.put(k, s);
                } else if (v instanceof double[] d) {
                    numbers.put(k, d);
                } else if (v instanceof Number n) {
                    numbers.put(k, new double[] {n.doubleValue()});
                }
            }
            Map<String, double[][]> arrays = new TreeMap<>();
            for (Map.Entry<String, Node> e : h.getChildren().entrySet()) {
                if (e.getValue() instanceof Dataset d) {
                    long elements = 1;
                    for (int dim : d.getDimensions()) {
                        elements *= dim;
                    }
                    if (elements > maxElements) {
                        throw new IllegalArgumentException("model file " + path + ": dataset '" + e.getKey() + "' "
                                + "holds " + elements + " numbers (" + java.util.Arrays.toString(d.getDimensions())
                                + "); model files hold at most " + maxElements + " per dataset");
                    }
                    Object v = d.getData();
                    if (v instanceof double[][] m) {
                        arrays.put(e.getKey(), m);
                    } else if (v instanceof double[] row) {
                        arrays.put(e.getKey(), new double[][] {row});
                    }
                }
            }
            return new ModelFile((String) model, text, numbers, arrays);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param path where the file came from, for messages
     * @param name attribute
     * @return its value
     * @throws IllegalArgumentException if absent
     */
    public String requireText(Path path, String name) {
        String v = text.get(name);
        if (v == null) {
            throw missing(path, "text attribute", name);
        }
        return v;
    }

    /**
     * @param path where the file came from, for messages
     * @param name attribute
     * @param length the expected length, or -1 for any
     * @return its values
     * @throws IllegalArgumentException if absent or of another length
     */
    public double[] requireNumbers(Path path, String name, int length) {
        double[] v = numbers.get(name);
        if (v == null) {
            throw missing(path, "numeric attribute", name);
        }
        if (length >= 0 && v.length != length) {
            throw new IllegalArgumentException("model file " + path + ": attribute '" + name + "' has " + v.length
                    + " values, expected " + length);
        }
        return v;
    }

    /**
     * @param path where the file came from, for messages
     * @param name dataset
     * @param rows expected rows, or -1 for any
     * @param columns expected columns, or -1 for any
     * @return the array
     * @throws IllegalArgumentException if absent or of another shape
     */
    public double[][] requireArray(Path path, String name, int rows, int columns) {
        double[][] v = arrays.get(name);
        if (v == null) {
            throw missing(path, "dataset", name);
        }
        if ((rows >= 0 && v.length != rows) || (columns >= 0 && v.length > 0 && v[0].length != columns)) {
            throw new IllegalArgumentException("model file " + path + ": dataset '" + name + "' is " + v.length + " x "
                    + (v.length == 0 ? 0 : v[0].length) + ", expected " + (rows < 0 ? "any" : rows) + " x "
                    + (columns < 0 ? "any" : columns));
        }
        return v;
    }

    private IllegalArgumentException missing(Path path, String what, String name) {
        return new IllegalArgumentException("model file " + path + " (model '" + model + "') has no " + what + " '"
                + name + "'");
    }
}
